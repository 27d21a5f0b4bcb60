package dev.vyuha.engine.strategy.definition.parse;

import java.util.Locale;
import java.util.Optional;

/**
 * The syntax of a basket document.
 */
public enum DocumentFormat
{
    /** JSON (RFC 8259). */
    JSON("JSON"),
    /** YAML 1.1 as read by SnakeYAML, restricted: no aliases, one document, plain numbers and booleans. */
    YAML("YAML");

    private final String displayName;

    DocumentFormat(final String displayName)
    {
        this.displayName = displayName;
    }

    /**
     * @return the name used in messages.
     */
    public String displayName()
    {
        return displayName;
    }

    /**
     * @param fileName a file name or path.
     * @return JSON for {@code .json}, YAML for {@code .yaml} or {@code .yml} (any case); empty otherwise.
     */
    public static Optional<DocumentFormat> forFileName(final String fileName)
    {
        final String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json"))
        {
            return Optional.of(JSON);
        }
        if (lower.endsWith(".yaml") || lower.endsWith(".yml"))
        {
            return Optional.of(YAML);
        }
        return Optional.empty();
    }
}
