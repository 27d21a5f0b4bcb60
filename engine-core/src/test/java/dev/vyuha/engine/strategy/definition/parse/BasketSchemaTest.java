package dev.vyuha.engine.strategy.definition.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The published schema is the generated one, is a valid draft 2020-12 schema, accepts every example, and names
 * exactly the fields the reader accepts.
 *
 * <p>To regenerate the committed file after changing the format:
 * {@code ./mvnw -B -ntp -pl engine-core -am test -Dtest=BasketSchemaTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dvyuha.updateSchema=true}.
 */
class BasketSchemaTest
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    static Schema publishedSchema() throws IOException
    {
        return REGISTRY.getSchema(JSON.readTree(ExampleFiles.COMMITTED_SCHEMA.toFile()));
    }

    static List<Path> examples()
    {
        return ExampleFiles.all();
    }

    @Test
    void shouldPublishExactlyTheGeneratedSchema() throws IOException
    {
        if (Boolean.getBoolean("vyuha.updateSchema"))
        {
            Files.writeString(ExampleFiles.COMMITTED_SCHEMA, BasketSchema.json(), StandardCharsets.UTF_8);
        }
        final String committed = Files.readString(ExampleFiles.COMMITTED_SCHEMA, StandardCharsets.UTF_8);

        assertEquals(BasketSchema.json(), committed, "the committed schema is stale: regenerate it with "
            + "-Dvyuha.updateSchema=true (see BasketSchemaTest)");
    }

    @Test
    void shouldBeAValidDraft202012Schema() throws IOException
    {
        final Schema metaSchema = REGISTRY.getSchema(SchemaLocation.of(
            SpecificationVersion.DRAFT_2020_12.getDialectId()));

        final List<Error> errors = metaSchema.validate(JSON.readTree(BasketSchema.json()));

        assertEquals(List.of(), errors);
        assertEquals(BasketSchema.DIALECT, JSON.readTree(BasketSchema.json()).get("$schema").asText());
    }

    @ParameterizedTest
    @MethodSource("examples")
    void shouldAcceptEveryExample(final Path example) throws IOException
    {
        final JsonNode document = (ExampleFiles.format(example) == DocumentFormat.JSON ? JSON : YAML)
            .readTree(ExampleFiles.text(example));

        assertEquals(List.of(), publishedSchema().validate(document));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"name\": \"x\", \"initial_capital\": 1, \"execution_mode\": \"PAPER\", \"strategies\": [], \"extra\": 1}",
        "{\"name\": \"x\", \"initial_capital\": \"1\", \"execution_mode\": \"PAPER\", \"strategies\": [{}]}",
        "{\"initial_capital\": 1, \"execution_mode\": \"PAPER\", \"strategies\": [{}]}",
        "{\"name\": \"x\", \"initial_capital\": 0, \"execution_mode\": \"PAPER\", \"strategies\": [{}]}",
        "{\"name\": \"x\", \"initial_capital\": 1, \"execution_mode\": \"REAL\", \"strategies\": [{}]}",
    })
    void shouldRejectStructuralMistakesInTheSchemaAsInTheReader(final String document) throws IOException
    {
        assertFalse(publishedSchema().validate(JSON.readTree(document)).isEmpty(), document);
        assertFalse(BasketReader.read(document, DocumentFormat.JSON).valid(), document);
    }

    @Test
    void shouldNameExactlyTheFieldsTheReaderAcceptsInEveryObject() throws IOException
    {
        final JsonNode schema = JSON.readTree(ExampleFiles.COMMITTED_SCHEMA.toFile());
        final List<String> mismatches = new ArrayList<>();
        final Set<String> visited = new HashSet<>();
        final List<Spec<?>> pending = new ArrayList<>(List.of(BasketFormat.BASKET));
        int objects = 0;
        while (!pending.isEmpty())
        {
            final Spec<?> spec = pending.remove(pending.size() - 1);
            if (spec instanceof ListSpec)
            {
                pending.add(((ListSpec<?>)spec).element());
            }
            else if (spec instanceof UnionSpec)
            {
                final UnionSpec<?> union = (UnionSpec<?>)spec;
                union.tagList().forEach(tag -> pending.add(union.variant(tag)));
            }
            else if (spec instanceof ObjectSpec && visited.add(((ObjectSpec<?>)spec).name()))
            {
                final ObjectSpec<?> object = (ObjectSpec<?>)spec;
                objects++;
                final JsonNode definition = object == BasketFormat.BASKET ? schema
                    : schema.path("$defs").path(object.name());
                final Set<String> accepted = new LinkedHashSet<>();
                if (null != object.discriminator())
                {
                    accepted.add(object.discriminator());
                }
                object.fields().forEach(field ->
                {
                    accepted.add(field.name());
                    pending.add(field.spec());
                });
                final Set<String> described = new LinkedHashSet<>();
                definition.path("properties").fieldNames().forEachRemaining(described::add);
                if (!accepted.equals(described) || !definition.path("additionalProperties").isBoolean()
                    || definition.path("additionalProperties").booleanValue())
                {
                    mismatches.add(object.name() + ": reader " + accepted + ", schema " + described);
                }
            }
        }
        assertEquals(List.of(), mismatches);
        assertTrue(objects > 40, "walked only " + objects + " objects");
    }

    @Test
    void shouldDefineEveryReferencedDefinition() throws IOException
    {
        final JsonNode schema = JSON.readTree(BasketSchema.json());
        final List<String> dangling = new ArrayList<>();
        final List<JsonNode> pending = new ArrayList<>(List.of(schema));
        while (!pending.isEmpty())
        {
            final JsonNode node = pending.remove(pending.size() - 1);
            if (node.has("$ref") && node.get("$ref").isTextual())
            {
                final String name = node.get("$ref").asText().replace("#/$defs/", "");
                if (!schema.path("$defs").has(name))
                {
                    dangling.add(node.get("$ref").asText());
                }
            }
            for (final Iterator<JsonNode> children = node.elements(); children.hasNext(); )
            {
                pending.add(children.next());
            }
        }
        assertEquals(List.of(), dangling);
    }
}
