package dev.vyuha.engine.strategy.definition.parse;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON Schema (draft 2020-12) of basket documents, generated from the same specification the
 * {@link BasketReader} reads with, so the two cannot drift. It checks structure, types, ranges and field groups;
 * cross-field rules (times, capital, hedges, ...) are the reader's alone. Published as
 * {@code engine-core/src/main/resources/schema/basket.schema.json} (a test keeps that file equal to this).
 */
public final class BasketSchema
{
    /** The schema dialect. */
    public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

    private static final String JSON = generate();

    private BasketSchema()
    {
    }

    /**
     * @return the schema as pretty-printed JSON (two-space indent, LF line ends, trailing newline).
     */
    public static String json()
    {
        return JSON;
    }

    private static String generate()
    {
        final SchemaBuilder builder = new SchemaBuilder();
        final ObjectNode root = builder.node();
        root.put("$schema", DIALECT);
        root.put("title", "Vyuha basket");
        root.setAll(BasketFormat.BASKET.body(builder));
        root.set("$defs", builder.definitions());
        final DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try
        {
            return new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN).writer(printer)
                .writeValueAsString(root) + "\n";
        }
        catch (final JsonProcessingException ex)
        {
            throw new IllegalStateException("cannot write the basket schema", ex);
        }
    }
}
