package dev.vyuha.engine.strategy.definition.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vyuha.engine.strategy.definition.Basket;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads and validates a basket document (JSON or YAML) into a {@link Basket}, reporting every error and warning at
 * once with its path and offending value. Never throws for bad input: hostile documents (huge, deeply nested,
 * malformed, duplicate keys, wrong types) become errors. Pure: it reads only the text, stream or reader it is given.
 * Thread-safe.
 */
public final class BasketReader
{
    /** Largest document accepted, in characters (strings and readers) or bytes (streams). */
    public static final int MAX_DOCUMENT_SIZE = TreeReader.MAX_DOCUMENT_CHARS;

    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final int BUFFER_SIZE = 8192;

    private BasketReader()
    {
    }

    /**
     * @param text   the document.
     * @param format its syntax.
     * @return the outcome.
     */
    public static BasketValidation read(final String text, final DocumentFormat format)
    {
        final IssueCollector issues = new IssueCollector();
        Basket basket = null;
        try
        {
            final String document = !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
            final JsonNode tree = TreeReader.read(document, format, issues);
            if (null != tree)
            {
                basket = BasketFormat.BASKET.read(tree, DocumentPath.ROOT, issues);
            }
        }
        catch (final RuntimeException ex)
        {
            // A bug, never bad input: reported rather than thrown so that one document cannot stop a caller.
            issues.error(DocumentPath.ROOT, "internal error while validating: " + ex);
        }
        if (null == basket && issues.errorCount() == 0)
        {
            issues.error(DocumentPath.ROOT, "internal error: no basket and no error");
        }
        return new BasketValidation(issues.errorCount() == 0 ? Optional.of(basket) : Optional.empty(),
            issues.errors(), issues.warnings());
    }

    /**
     * @param input  the document, UTF-8 encoded; read up to {@link #MAX_DOCUMENT_SIZE} bytes (plus one, to detect a
     *               larger one); not closed.
     * @param format its syntax.
     * @return the outcome; an unreadable stream, a too large or a non-UTF-8 document is an error.
     */
    public static BasketValidation read(final InputStream input, final DocumentFormat format)
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final byte[] buffer = new byte[BUFFER_SIZE];
        try
        {
            int read;
            while ((read = input.read(buffer, 0, Math.min(buffer.length, MAX_DOCUMENT_SIZE + 1 - bytes.size()))) > 0)
            {
                bytes.write(buffer, 0, read);
                if (bytes.size() > MAX_DOCUMENT_SIZE)
                {
                    return failure("the document is larger than the limit of " + MAX_DOCUMENT_SIZE + " bytes");
                }
            }
        }
        catch (final IOException ex)
        {
            return failure("cannot read the document: " + ex.getMessage());
        }
        try
        {
            final String text = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes.toByteArray()))
                .toString();
            return read(text, format);
        }
        catch (final CharacterCodingException ex)
        {
            return failure("the document is not valid UTF-8 text");
        }
    }

    /**
     * @param input  the document; read up to {@link #MAX_DOCUMENT_SIZE} characters (plus one); not closed.
     * @param format its syntax.
     * @return the outcome; an unreadable or too large document is an error.
     */
    public static BasketValidation read(final Reader input, final DocumentFormat format)
    {
        final StringBuilder text = new StringBuilder();
        final char[] buffer = new char[BUFFER_SIZE];
        try
        {
            int read;
            while ((read = input.read(buffer, 0, Math.min(buffer.length, MAX_DOCUMENT_SIZE + 1 - text.length()))) > 0)
            {
                text.append(buffer, 0, read);
                if (text.length() > MAX_DOCUMENT_SIZE)
                {
                    return failure("the document is larger than the limit of " + MAX_DOCUMENT_SIZE + " characters");
                }
            }
        }
        catch (final IOException ex)
        {
            return failure("cannot read the document: " + ex.getMessage());
        }
        return read(text.toString(), format);
    }

    private static BasketValidation failure(final String message)
    {
        final IssueCollector issues = new IssueCollector();
        issues.error(DocumentPath.ROOT, message);
        return new BasketValidation(Optional.empty(), issues.errors(), issues.warnings());
    }
}
