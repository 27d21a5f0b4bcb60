package dev.vyuha.engine.strategy.definition.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Schema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Thousands of random mutations of the example baskets, guided by the specification (it knows which fields are
 * required, their kinds and ranges). Mutations invalid by construction must be rejected with an error at the
 * mutated place; any mutation, and random garbage, must produce issues and never an exception or an internal error;
 * and whatever the reader accepts, the published schema accepts too. Fixed seed: a failure names the example, the
 * mutation and the seed, and is reproducible.
 */
class BasketMutationPropertyTest
{
    private static final long SEED = 20_261_121L;
    /** Every n-th accepted mutant is also validated against the schema (the schema validator is the slow part). */
    private static final int SCHEMA_SAMPLING = 2;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<JsonNode> KIND_SAMPLES = List.of(TextNode.valueOf("x"), IntNode.valueOf(7),
        BooleanNode.TRUE, NODES.arrayNode(), NODES.objectNode(), NullNode.getInstance());

    private static List<Example> examples;
    private static Schema schema;

    /**
     * A parsed example and the places the specification knows in it.
     */
    private record Example(String name, DocumentFormat format, ObjectNode tree, List<ValueSite> values,
        List<ObjectSite> objects)
    {
    }

    /**
     * A value in a document and the spec it must satisfy (null for a discriminator: a string naming a variant).
     */
    private record ValueSite(String pointer, Spec<?> spec)
    {
        JsonKind kind()
        {
            return null == spec ? JsonKind.STRING : spec.kind();
        }
    }

    /**
     * An object in a document, its spec, and the fields whose removal makes it invalid by construction.
     */
    private record ObjectSite(String pointer, ObjectSpec<?> spec, List<String> indispensable)
    {
    }

    /**
     * A mutated document, what was done, and where an error must be reported (null: anywhere, or no error needed).
     */
    private record Mutant(String description, String text, ObjectNode tree, String errorPath, boolean mustFail)
    {
    }

    @BeforeAll
    static void loadExamples() throws IOException
    {
        schema = BasketSchemaTest.publishedSchema();
        examples = new ArrayList<>();
        for (final Path file : ExampleFiles.all())
        {
            final DocumentFormat format = ExampleFiles.format(file);
            final ObjectNode tree = (ObjectNode)(format == DocumentFormat.JSON ? JSON : YAML)
                .readTree(ExampleFiles.text(file));
            final List<ValueSite> values = new ArrayList<>();
            final List<ObjectSite> objects = new ArrayList<>();
            walk(tree, BasketFormat.BASKET, "", values, objects);
            examples.add(new Example(file.getFileName().toString(), format, tree, values, objects));
        }
    }

    @Test
    void shouldRejectEveryDroppedIndispensableField()
    {
        check(200, (example, random) ->
        {
            final List<ObjectSite> candidates = example.objects().stream()
                .filter(site -> !site.indispensable().isEmpty()).toList();
            final ObjectSite site = pick(random, candidates);
            final String field = pick(random, site.indispensable());
            final ObjectNode tree = example.tree().deepCopy();
            ((ObjectNode)tree.at(site.pointer())).remove(field);
            return new Mutant("drop " + site.pointer() + "/" + field, write(tree, example.format()), tree,
                path(site.pointer()), true);
        });
    }

    @Test
    void shouldRejectEveryValueOfTheWrongType()
    {
        check(250, (example, random) ->
        {
            final ValueSite site = pick(random, example.values());
            final List<JsonNode> wrong = KIND_SAMPLES.stream().filter(sample -> kindOf(sample) != site.kind())
                .toList();
            final JsonNode replacement = pick(random, wrong);
            final ObjectNode tree = replace(example.tree().deepCopy(), site.pointer(), replacement);
            return new Mutant("set " + site.pointer() + " to " + replacement, write(tree, example.format()), tree,
                path(site.pointer()), true);
        });
    }

    @Test
    void shouldRejectEveryNumberOutOfRangeAndEveryOverlongString()
    {
        check(200, (example, random) ->
        {
            final ValueSite site = pick(random, example.values().stream()
                .filter(value -> value.kind() == JsonKind.NUMBER || value.kind() == JsonKind.STRING).toList());
            final JsonNode replacement;
            if (site.kind() == JsonKind.STRING)
            {
                replacement = TextNode.valueOf("s".repeat(random.nextBoolean() ? 2_001 : 20_000));
            }
            else
            {
                final NumericBounds bounds = bounds(site.spec());
                replacement = DecimalNode.valueOf(random.nextBoolean() ? bounds.max().add(BigDecimal.ONE)
                    : bounds.min().subtract(BigDecimal.ONE));
            }
            final ObjectNode tree = replace(example.tree().deepCopy(), site.pointer(), replacement);
            return new Mutant("set " + site.pointer() + " out of range", write(tree, example.format()), tree,
                path(site.pointer()), true);
        });
    }

    @Test
    void shouldRejectEveryUnknownFieldDuplicateKeyAndDeepNesting()
    {
        check(200, (example, random) ->
        {
            final ObjectSite site = pick(random, example.objects());
            final ObjectNode tree = example.tree().deepCopy();
            switch (random.nextInt(3))
            {
                case 0:
                    ((ObjectNode)tree.at(site.pointer())).put("zz_not_a_field", 1);
                    return new Mutant("unknown field in " + site.pointer(), write(tree, example.format()), tree,
                        path(site.pointer() + "/zz_not_a_field"), true);
                case 1:
                {
                    final String field = tree.at(site.pointer()).fieldNames().next();
                    return new Mutant("duplicate " + site.pointer() + "/" + field,
                        writeWithDuplicate(tree, example.format(), site.pointer()), null,
                        path(site.pointer() + "/" + field), true);
                }
                default:
                {
                    final ValueSite value = pick(random, example.values());
                    JsonNode deep = IntNode.valueOf(1);
                    for (int i = 0; i < TreeReader.MAX_DEPTH + 10; i++)
                    {
                        deep = NODES.arrayNode().add(deep);
                    }
                    replace(tree, value.pointer(), deep);
                    return new Mutant("deep nesting at " + value.pointer(), write(tree, example.format()), null,
                        path(value.pointer()), true);
                }
            }
        });
    }

    @Test
    void shouldNeverThrowOnRandomEditsAndAcceptOnlyWhatTheSchemaAccepts()
    {
        final int accepted = check(200, (example, random) ->
        {
            final ObjectNode tree = example.tree().deepCopy();
            final StringBuilder description = new StringBuilder();
            final int edits = 1 + random.nextInt(3);
            for (int i = 0; i < edits; i++)
            {
                description.append(plausibleEdit(tree, example, random)).append("; ");
            }
            return new Mutant(description.toString(), write(tree, example.format()), tree, null, false);
        });
        assertTrue(accepted > 200, "too few accepted mutants to compare with the schema: " + accepted);
    }

    @Test
    void shouldNeverThrowOnCorruptedText()
    {
        check(200, (example, random) ->
        {
            final StringBuilder text = new StringBuilder(write(example.tree(), example.format()));
            final int edits = 1 + random.nextInt(5);
            for (int i = 0; i < edits && text.length() > 0; i++)
            {
                final int at = random.nextInt(text.length());
                switch (random.nextInt(3))
                {
                    case 0 -> text.deleteCharAt(at);
                    case 1 -> text.insert(at, randomToken(random));
                    default -> text.setCharAt(at, (char)(32 + random.nextInt(95)));
                }
            }
            return new Mutant(edits + " text edits", text.toString(), null, null, false);
        });
    }

    @Test
    void shouldNeverThrowOnRandomBytes()
    {
        final Random random = new Random(SEED);
        final List<String> failures = new ArrayList<>();
        for (int i = 0; i < 1_000; i++)
        {
            final byte[] bytes = new byte[random.nextInt(2_000)];
            if (random.nextBoolean())
            {
                random.nextBytes(bytes);
            }
            else
            {
                final StringBuilder text = new StringBuilder();
                while (text.length() < bytes.length)
                {
                    text.append(randomToken(random));
                }
                System.arraycopy(text.toString().getBytes(StandardCharsets.UTF_8), 0, bytes, 0, bytes.length);
            }
            for (final DocumentFormat format : DocumentFormat.values())
            {
                try
                {
                    final BasketValidation validation = BasketReader.read(new ByteArrayInputStream(bytes), format);
                    if (validation.valid() || internalError(validation))
                    {
                        failures.add("random bytes #" + i + " " + format + ": " + validation.errors());
                    }
                }
                catch (final RuntimeException | StackOverflowError ex)
                {
                    failures.add("random bytes #" + i + " " + format + " threw " + ex);
                }
            }
        }
        assertEquals(List.of(), failures.subList(0, Math.min(10, failures.size())));
    }

    /**
     * @return how many mutants the reader accepted.
     */
    private static int check(final int mutationsPerExample, final BiFunction<Example, Random, Mutant> mutation)
    {
        final List<String> failures = new ArrayList<>();
        int rejected = 0;
        int accepted = 0;
        for (int e = 0; e < examples.size(); e++)
        {
            final Example example = examples.get(e);
            final Random random = new Random(SEED + e);
            for (int i = 0; i < mutationsPerExample; i++)
            {
                final Mutant mutant = mutation.apply(example, random);
                final String where = example.name() + " #" + i + " (seed " + (SEED + e) + ") " + mutant.description();
                final BasketValidation validation;
                try
                {
                    validation = BasketReader.read(mutant.text(), example.format());
                }
                catch (final RuntimeException | StackOverflowError ex)
                {
                    failures.add(where + ": threw " + ex);
                    continue;
                }
                if (internalError(validation))
                {
                    failures.add(where + ": " + validation.errors());
                }
                else if (mutant.mustFail() && validation.valid())
                {
                    failures.add(where + ": accepted");
                }
                else if (mutant.mustFail() && validation.errors().stream().noneMatch(issue -> under(issue.path(),
                    mutant.errorPath())))
                {
                    failures.add(where + ": no error at or under " + mutant.errorPath() + ": " + validation.errors());
                }
                else if (validation.valid() && null != mutant.tree() && accepted % SCHEMA_SAMPLING == 0
                    && !schema.validate(mutant.tree()).isEmpty())
                {
                    failures.add(where + ": accepted by the reader, rejected by the schema: "
                        + schema.validate(mutant.tree()));
                }
                rejected += validation.valid() ? 0 : 1;
                accepted += validation.valid() ? 1 : 0;
            }
        }
        assertEquals(List.of(), failures.subList(0, Math.min(10, failures.size())), failures.size() + " failures");
        assertTrue(rejected > 0, "no mutation was rejected: the mutations are not reaching the reader");
        assertEquals(examples.size() * mutationsPerExample, accepted + rejected);
        return accepted;
    }

    private static String plausibleEdit(final ObjectNode tree, final Example example, final Random random)
    {
        final ValueSite site = pick(random, example.values());
        if (tree.at(site.pointer()).isMissingNode())
        {
            return "skip " + site.pointer();
        }
        final Spec<?> spec = site.spec();
        if (random.nextInt(4) == 0)
        {
            final JsonPointer pointer = JsonPointer.compile(site.pointer());
            final JsonNode parent = tree.at(pointer.head());
            if (parent.isObject())
            {
                ((ObjectNode)parent).remove(pointer.last().getMatchingProperty());
                return "remove " + site.pointer();
            }
        }
        if (spec instanceof EnumSpec)
        {
            final String name = pick(random, ((EnumSpec<?>)spec).names());
            replace(tree, site.pointer(), TextNode.valueOf(name));
            return "set " + site.pointer() + " = " + name;
        }
        if (spec instanceof TimeSpec)
        {
            final String time = String.format(Locale.ROOT, "%02d:%02d", 9 + random.nextInt(7), random.nextInt(60));
            replace(tree, site.pointer(), TextNode.valueOf(time));
            return "set " + site.pointer() + " = " + time;
        }
        if (null != spec && spec.kind() == JsonKind.NUMBER)
        {
            final NumericBounds bounds = bounds(spec);
            final BigDecimal span = bounds.max().subtract(bounds.min()).min(BigDecimal.valueOf(1_000));
            final BigDecimal value = bounds.min().add(span.multiply(BigDecimal.valueOf(random.nextInt(1_001)))
                .divide(BigDecimal.valueOf(1_000))).setScale(spec instanceof IntegerSpec ? 0 : 2,
                RoundingMode.DOWN);
            replace(tree, site.pointer(), DecimalNode.valueOf(value));
            return "set " + site.pointer() + " = " + value;
        }
        if (tree.at(site.pointer()).isArray() && tree.at(site.pointer()).size() > 0)
        {
            final ArrayNode array = (ArrayNode)tree.at(site.pointer());
            array.add(array.get(random.nextInt(array.size())).deepCopy());
            return "grow " + site.pointer();
        }
        return "keep " + site.pointer();
    }

    private static void walk(final JsonNode node, final Spec<?> spec, final String pointer,
        final List<ValueSite> values, final List<ObjectSite> objects)
    {
        if (spec instanceof UnionSpec)
        {
            final UnionSpec<?> union = (UnionSpec<?>)spec;
            values.add(new ValueSite(pointer + "/" + union.discriminator(), null));
            walk(node, union.variant(node.get(union.discriminator()).asText()), pointer, values, objects);
        }
        else if (spec instanceof ObjectSpec)
        {
            final ObjectSpec<?> object = (ObjectSpec<?>)spec;
            objects.add(new ObjectSite(pointer, object, indispensable(node, object)));
            for (final Field<?> field : object.fields())
            {
                final JsonNode child = node.get(field.name());
                if (null != child)
                {
                    values.add(new ValueSite(pointer + "/" + field.name(), field.spec()));
                    walk(child, field.spec(), pointer + "/" + field.name(), values, objects);
                }
            }
        }
        else if (spec instanceof ListSpec)
        {
            for (int i = 0; i < node.size(); i++)
            {
                values.add(new ValueSite(pointer + "/" + i, ((ListSpec<?>)spec).element()));
                walk(node.get(i), ((ListSpec<?>)spec).element(), pointer + "/" + i, values, objects);
            }
        }
    }

    /**
     * @return the fields present in node whose removal breaks the object by construction: required fields, the
     *         only present member of an exactly-one or at-least-one group, members of a complete together group,
     *         fields another present field requires.
     */
    private static List<String> indispensable(final JsonNode node, final ObjectSpec<?> object)
    {
        final List<String> names = new ArrayList<>();
        object.fields().stream().filter(Field::required).forEach(field -> names.add(field.name()));
        if (null != object.discriminator())
        {
            names.add(object.discriminator());
        }
        for (final FieldGroup group : object.groups())
        {
            final List<String> present = group.fields().stream().map(Field::name).filter(node::has).toList();
            switch (group.kind())
            {
                case EXACTLY_ONE, AT_LEAST_ONE -> names.addAll(present.size() == 1 ? present : List.of());
                case TOGETHER -> names.addAll(present.size() == group.fields().size() ? present : List.of());
                case REQUIRES -> names.addAll(node.has(group.fields().get(0).name())
                    ? group.fields().subList(1, group.fields().size()).stream().map(Field::name).toList()
                    : List.of());
                default ->
                {
                }
            }
        }
        return names.stream().filter(node::has).distinct().toList();
    }

    private static NumericBounds bounds(final Spec<?> spec)
    {
        if (spec instanceof IntegerSpec)
        {
            return ((IntegerSpec)spec).bounds();
        }
        if (spec instanceof DecimalSpec)
        {
            return ((DecimalSpec)spec).bounds();
        }
        return ((RatioSpec)spec).bounds();
    }

    private static JsonKind kindOf(final JsonNode node)
    {
        return node.isTextual() ? JsonKind.STRING : node.isNumber() ? JsonKind.NUMBER : node.isBoolean()
            ? JsonKind.BOOLEAN : node.isArray() ? JsonKind.ARRAY : node.isObject() ? JsonKind.OBJECT : null;
    }

    private static ObjectNode replace(final ObjectNode tree, final String pointer, final JsonNode value)
    {
        final JsonPointer path = JsonPointer.compile(pointer);
        final JsonNode parent = tree.at(path.head());
        if (parent.isArray())
        {
            ((ArrayNode)parent).set(path.last().getMatchingIndex(), value);
        }
        else
        {
            ((ObjectNode)parent).set(path.last().getMatchingProperty(), value);
        }
        return tree;
    }

    /**
     * @return the path as the reader reports it: /strategies/0/legs → strategies[0].legs; "" → $.
     */
    private static String path(final String pointer)
    {
        final StringBuilder path = new StringBuilder();
        for (final String segment : pointer.split("/"))
        {
            if (segment.isEmpty())
            {
                continue;
            }
            if (segment.chars().allMatch(Character::isDigit))
            {
                path.append('[').append(segment).append(']');
            }
            else
            {
                path.append(path.length() == 0 ? "" : ".").append(segment);
            }
        }
        return path.length() == 0 ? "$" : path.toString();
    }

    private static boolean under(final String issuePath, final String expected)
    {
        return "$".equals(expected) || issuePath.equals(expected) || issuePath.startsWith(expected + ".")
            || issuePath.startsWith(expected + "[");
    }

    /**
     * @return true for an internal error, or for a record constructor's rejection that no spec rule reported first
     *         (the reader then says only "invalid: ..."): both are gaps in the reader, never the user's fault.
     */
    private static boolean internalError(final BasketValidation validation)
    {
        return validation.errors().stream().anyMatch(issue -> issue.message().contains("internal error")
            || issue.message().startsWith("invalid"));
    }

    private static String write(final JsonNode tree, final DocumentFormat format)
    {
        try
        {
            return (format == DocumentFormat.JSON ? JSON : YAML).writeValueAsString(tree);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Writes the tree, repeating the first field of the object at pointer (generators do not check duplicates).
     */
    private static String writeWithDuplicate(final JsonNode tree, final DocumentFormat format, final String pointer)
    {
        final StringWriter text = new StringWriter();
        final JsonFactory factory = format == DocumentFormat.JSON ? new JsonFactory() : new YAMLFactory();
        try (JsonGenerator generator = factory.createGenerator(text))
        {
            generator.setCodec(JSON);
            writeNode(generator, tree, "", pointer);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return text.toString();
    }

    private static void writeNode(final JsonGenerator generator, final JsonNode node, final String at,
        final String duplicateAt) throws IOException
    {
        if (node.isObject())
        {
            generator.writeStartObject();
            boolean first = true;
            for (final Map.Entry<String, JsonNode> field : node.properties())
            {
                final int copies = first && at.equals(duplicateAt) ? 2 : 1;
                for (int i = 0; i < copies; i++)
                {
                    generator.writeFieldName(field.getKey());
                    writeNode(generator, field.getValue(), at + "/" + field.getKey(), duplicateAt);
                }
                first = false;
            }
            generator.writeEndObject();
        }
        else if (node.isArray())
        {
            generator.writeStartArray();
            for (int i = 0; i < node.size(); i++)
            {
                writeNode(generator, node.get(i), at + "/" + i, duplicateAt);
            }
            generator.writeEndArray();
        }
        else
        {
            generator.writeTree(node);
        }
    }

    private static String randomToken(final Random random)
    {
        final String[] tokens = {"{", "}", "[", "]", "\"", ":", ",", " ", "\n", "  ", "-", "0", "7", "1e9", ".5",
            "true", "null", "~", "&a", "*a", "!!str", "---", "#", "'", "\\u0000", "\u00e9", "\uD83D\uDE00", "x",
            "name", "legs", "\"strike\"", "? ", "|", ">", "%YAML", "\t"};
        return tokens[random.nextInt(tokens.length)];
    }

    private static <T> T pick(final Random random, final List<T> values)
    {
        return values.get(random.nextInt(values.size()));
    }
}
