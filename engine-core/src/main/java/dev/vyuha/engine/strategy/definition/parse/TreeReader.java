package dev.vyuha.engine.strategy.definition.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a JSON or YAML document into a Jackson tree, defensively: size, nesting, string and number limits
 * ({@link StreamReadConstraints}), every duplicate key reported (not only the first), exact decimals, one document
 * per file. YAML is read strictly: aliases are refused, and only plain decimal numbers and {@code true}/{@code false}
 * are numbers and booleans ({@code 012}, {@code 0x1F}, {@code 1_000}, {@code yes}, {@code on} stay strings, so they
 * cannot silently become 10, 31, 1000 or true). Problems become issues, never exceptions.
 */
final class TreeReader
{
    /** Largest document, in characters (and bytes, for streams). */
    static final int MAX_DOCUMENT_CHARS = 1 << 20;
    /** Deepest nesting of objects and arrays. */
    static final int MAX_DEPTH = 64;
    /** Longest string value. */
    static final int MAX_STRING_CHARS = 10_000;
    /** Longest key. */
    static final int MAX_NAME_CHARS = 256;

    private static final int MAX_NUMBER_CHARS = 64;
    private static final int MAX_MESSAGE_CHARS = 200;
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    private static final Pattern CONSTRAINT_SOURCE = Pattern.compile(", from `[^`]*`");

    private static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
        .maxDocumentLength(MAX_DOCUMENT_CHARS)
        .maxNestingDepth(MAX_DEPTH)
        .maxStringLength(MAX_STRING_CHARS)
        .maxNameLength(MAX_NAME_CHARS)
        .maxNumberLength(MAX_NUMBER_CHARS)
        .build();
    private static final JsonFactory JSON = JsonFactory.builder().streamReadConstraints(CONSTRAINTS).build();
    private static final YAMLFactory YAML = YAMLFactory.builder()
        .streamReadConstraints(CONSTRAINTS)
        .loaderOptions(yamlLoaderOptions())
        .build();

    private TreeReader()
    {
    }

    /**
     * @param text   the document.
     * @param format its syntax.
     * @param issues where problems go.
     * @return the tree, or null after at least one error. A document with duplicate keys still yields a tree, with
     *         the first value of each key, so that its other problems are reported too; a malformed one, or one with
     *         values that cannot be read (aliases, over-long strings), does not.
     */
    static JsonNode read(final String text, final DocumentFormat format, final IssueCollector issues)
    {
        if (text.length() > MAX_DOCUMENT_CHARS)
        {
            issues.error(DocumentPath.ROOT, "the document has " + text.length() + " characters, more than the limit of "
                + MAX_DOCUMENT_CHARS);
            return null;
        }
        final Builder builder = new Builder(format, issues);
        JsonParser parser = null;
        try
        {
            parser = (format == DocumentFormat.YAML ? YAML : JSON).createParser(text);
            return builder.build(parser);
        }
        catch (final StreamConstraintsException ex)
        {
            issues.error(location(parser), "the document exceeds a limit: " + clean(ex.getOriginalMessage()));
        }
        catch (final JsonProcessingException ex)
        {
            issues.error(location(parser), "not valid " + format.displayName() + where(ex.getLocation()) + ": "
                + clean(ex.getOriginalMessage()));
        }
        catch (final IOException | RuntimeException ex)
        {
            // SnakeYAML reports some malformed input (bad code points, broken escapes) as unchecked exceptions.
            issues.error(location(parser), "not valid " + format.displayName() + ": " + clean(ex.getMessage()));
        }
        finally
        {
            close(parser);
        }
        return null;
    }

    /**
     * @return where the parser is, from its own context (it may have read a key the tree does not have yet).
     */
    private static DocumentPath location(final JsonParser parser)
    {
        if (null == parser)
        {
            return DocumentPath.ROOT;
        }
        final Deque<JsonStreamContext> contexts = new ArrayDeque<>();
        for (JsonStreamContext context = parser.getParsingContext(); null != context; context = context.getParent())
        {
            contexts.push(context);
        }
        DocumentPath path = DocumentPath.ROOT;
        for (final JsonStreamContext context : contexts)
        {
            if (context.inObject() && null != context.getCurrentName())
            {
                path = path.field(context.getCurrentName());
            }
            else if (context.inArray() && context.getCurrentIndex() >= 0)
            {
                path = path.index(context.getCurrentIndex());
            }
        }
        return path;
    }

    private static void close(final JsonParser parser)
    {
        if (null != parser)
        {
            try
            {
                parser.close();
            }
            catch (final IOException | RuntimeException ignored)
            {
                // Reading a String: nothing to release.
            }
        }
    }

    private static LoaderOptions yamlLoaderOptions()
    {
        final LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(0);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_DOCUMENT_CHARS);
        return options;
    }

    private static String where(final JsonLocation location)
    {
        return null == location || location.getLineNr() < 1 ? ""
            : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String clean(final String message)
    {
        if (null == message)
        {
            return "unreadable input";
        }
        final String oneLine = CONSTRAINT_SOURCE.matcher(message).replaceAll("").replaceAll("\\s+", " ").trim();
        return oneLine.length() > MAX_MESSAGE_CHARS ? oneLine.substring(0, MAX_MESSAGE_CHARS) + "..." : oneLine;
    }

    /**
     * An open object or array being filled.
     */
    private static final class Frame
    {
        private final JsonNode container;
        private final DocumentPath path;
        private final Set<String> names;
        private String pendingName;
        private int nextIndex;

        private Frame(final JsonNode container, final DocumentPath path)
        {
            this.container = container;
            this.path = path;
            this.names = container.isObject() ? new HashSet<>() : Set.of();
        }

        private DocumentPath childPath()
        {
            return container.isObject() ? path.field(pendingName) : path.index(nextIndex);
        }
    }

    /**
     * Builds the tree iteratively (no recursion, whatever the nesting).
     */
    private static final class Builder
    {
        private final DocumentFormat format;
        private final IssueCollector issues;
        private final Deque<Frame> open = new ArrayDeque<>();
        private boolean unreadable;

        private Builder(final DocumentFormat format, final IssueCollector issues)
        {
            this.format = format;
            this.issues = issues;
        }

        private JsonNode build(final JsonParser parser) throws IOException
        {
            JsonToken token = parser.nextToken();
            if (null == token)
            {
                issues.error(DocumentPath.ROOT, "the document is empty");
                return null;
            }
            JsonNode root = null;
            while (null != token)
            {
                final Frame frame = open.peek();
                if (token == JsonToken.FIELD_NAME)
                {
                    frame.pendingName = parser.currentName();
                }
                else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY)
                {
                    open.pop();
                }
                else if (token.isStructStart())
                {
                    final DocumentPath path = null == frame ? DocumentPath.ROOT : frame.childPath();
                    final JsonNode node = container(token);
                    if (null == frame)
                    {
                        root = node;
                        open.push(new Frame(node, path));
                    }
                    else if (attach(frame, node, path))
                    {
                        open.push(new Frame(node, path));
                    }
                    else
                    {
                        parser.skipChildren();
                    }
                }
                else
                {
                    final DocumentPath path = null == frame ? DocumentPath.ROOT : frame.childPath();
                    final JsonNode node = scalar(parser, token, path);
                    if (null == frame)
                    {
                        root = node;
                    }
                    else
                    {
                        attach(frame, node, path);
                    }
                }
                if (open.isEmpty())
                {
                    break;
                }
                token = parser.nextToken();
            }
            if (null != parser.nextToken())
            {
                issues.error(DocumentPath.ROOT, format == DocumentFormat.YAML
                    ? "a basket file holds exactly one YAML document" : "unexpected content after the JSON document");
                return null;
            }
            return unreadable ? null : root;
        }

        private static JsonNode container(final JsonToken token)
        {
            return token == JsonToken.START_OBJECT ? JsonNodeFactory.instance.objectNode()
                : JsonNodeFactory.instance.arrayNode();
        }

        /**
         * @return true if the node was added; false for a duplicate key (the first value is kept).
         */
        private boolean attach(final Frame frame, final JsonNode node, final DocumentPath path)
        {
            if (frame.container.isArray())
            {
                frame.nextIndex++;
                if (null != node)
                {
                    ((ArrayNode)frame.container).add(node);
                }
                return true;
            }
            if (!frame.names.add(frame.pendingName))
            {
                issues.error(path, "duplicate key: each key may appear only once in an object");
                return false;
            }
            if (null != node)
            {
                ((ObjectNode)frame.container).set(frame.pendingName, node);
            }
            return true;
        }

        /**
         * @return the value, or null (not attached) after reporting an unsupported one.
         */
        private JsonNode scalar(final JsonParser parser, final JsonToken token, final DocumentPath path)
            throws IOException
        {
            final boolean yaml = format == DocumentFormat.YAML;
            if (yaml && ((YAMLParser)parser).isCurrentAlias())
            {
                issues.error(path, "YAML aliases are not supported, write the value out, was *" + parser.getText());
                unreadable = true;
                return null;
            }
            switch (token)
            {
                case VALUE_STRING:
                    return textNode(parser.getText(), path);

                case VALUE_NUMBER_INT:
                case VALUE_NUMBER_FLOAT:
                    if (yaml && !PLAIN_NUMBER.matcher(parser.getText()).matches())
                    {
                        return textNode(parser.getText(), path);
                    }
                    return number(parser, token);

                case VALUE_TRUE:
                case VALUE_FALSE:
                    if (yaml && !"true".equals(parser.getText()) && !"false".equals(parser.getText()))
                    {
                        return textNode(parser.getText(), path);
                    }
                    return BooleanNode.valueOf(token == JsonToken.VALUE_TRUE);

                case VALUE_NULL:
                    return NullNode.getInstance();

                default:
                    issues.error(path, "unsupported value (" + token + ")");
                    unreadable = true;
                    return null;
            }
        }

        private JsonNode textNode(final String text, final DocumentPath path)
        {
            if (text.length() > MAX_STRING_CHARS)
            {
                issues.error(path, "a string of " + text.length() + " characters exceeds the limit of "
                    + MAX_STRING_CHARS);
                unreadable = true;
                return null;
            }
            return TextNode.valueOf(text);
        }

        private static JsonNode number(final JsonParser parser, final JsonToken token) throws IOException
        {
            if (token == JsonToken.VALUE_NUMBER_FLOAT)
            {
                return DecimalNode.valueOf(parser.getDecimalValue());
            }
            switch (parser.getNumberType())
            {
                case INT:
                    return IntNode.valueOf(parser.getIntValue());
                case LONG:
                    return LongNode.valueOf(parser.getLongValue());
                default:
                    return BigIntegerNode.valueOf(parser.getBigIntegerValue());
            }
        }
    }
}
