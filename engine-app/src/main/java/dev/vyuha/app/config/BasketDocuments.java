package dev.vyuha.app.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vyuha.sbe.BasketFormat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Basket files as the engine takes them: their syntax from the extension, and (for the demo) their execution mode
 * forced to the engine's, so the examples written for live trading run on paper.
 */
public final class BasketDocuments
{
    private BasketDocuments()
    {
    }

    /**
     * A basket file's content.
     *
     * @param path   where it came from.
     * @param format JSON or YAML.
     * @param text   its text.
     */
    public record Document(Path path, BasketFormat format, String text)
    {
    }

    /**
     * @param path a {@code .json}, {@code .yaml} or {@code .yml} file.
     * @return its document.
     * @throws IllegalArgumentException naming the path when it cannot be read or has another extension.
     */
    public static Document read(final Path path)
    {
        final String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        final BasketFormat format;
        if (name.endsWith(".json"))
        {
            format = BasketFormat.JSON;
        }
        else if (name.endsWith(".yaml") || name.endsWith(".yml"))
        {
            format = BasketFormat.YAML;
        }
        else
        {
            throw new IllegalArgumentException(path + ": a basket file ends in .json, .yaml or .yml");
        }
        try
        {
            return new Document(path, format, Files.readString(path));
        }
        catch (final IOException ex)
        {
            throw new IllegalArgumentException(path + ": cannot read: " + ex.getMessage(), ex);
        }
    }

    /**
     * @param directory a directory of basket files.
     * @return every basket file in it, by name.
     */
    public static List<Document> readDirectory(final Path directory)
    {
        if (!Files.isDirectory(directory))
        {
            throw new IllegalArgumentException(directory + ": not a directory of basket files");
        }
        final List<Document> documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory))
        {
            files.filter(p -> p.toString().matches("(?i).*\\.(json|ya?ml)$")).sorted()
                .forEach(p -> documents.add(read(p)));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(directory + ": cannot list", ex);
        }
        return documents;
    }

    /**
     * @param document a basket document.
     * @return its {@code name}, or null when it has none (the engine will say so).
     */
    public static String name(final Document document)
    {
        try
        {
            final JsonNode name = mapper(document).readTree(document.text()).get("name");
            return null == name ? null : name.asText();
        }
        catch (final JsonProcessingException ex)
        {
            throw new IllegalArgumentException(document.path() + ": " + ex.getOriginalMessage(), ex);
        }
    }

    private static ObjectMapper mapper(final Document document)
    {
        return document.format() == BasketFormat.YAML ? new ObjectMapper(new YAMLFactory()) : new ObjectMapper();
    }

    /**
     * @param document a basket document.
     * @param mode     the execution mode to run it in (PAPER, BACKTEST).
     * @return the same basket as JSON with {@code execution_mode} set to the mode.
     * @throws IllegalArgumentException naming the path when the document is not a JSON or YAML object.
     */
    public static String withExecutionMode(final Document document, final String mode)
    {
        try
        {
            final JsonNode tree = mapper(document).readTree(document.text());
            if (!(tree instanceof ObjectNode))
            {
                throw new IllegalArgumentException(document.path() + ": a basket document is an object");
            }
            ((ObjectNode)tree).put("execution_mode", mode);
            return new ObjectMapper().writeValueAsString(tree);
        }
        catch (final JsonProcessingException ex)
        {
            throw new IllegalArgumentException(document.path() + ": " + ex.getOriginalMessage(), ex);
        }
    }
}
