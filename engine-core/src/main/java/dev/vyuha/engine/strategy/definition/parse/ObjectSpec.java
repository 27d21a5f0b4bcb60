package dev.vyuha.engine.strategy.definition.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An object with named fields: unknown fields are errors, required fields must be present, field groups and
 * cross-field rules are checked (rules run even when some fields are invalid, on the values that are available),
 * and the model value is built only when nothing inside the object is wrong.
 *
 * @param <T> the model value.
 */
final class ObjectSpec<T> extends Spec<T>
{
    /**
     * A cross-field check.
     */
    @FunctionalInterface
    interface Rule
    {
        void check(FieldValues values, RuleContext context);
    }

    /**
     * Builds the model value from valid fields; may still report errors (checks that need the assembled parts) and
     * then returns null.
     *
     * @param <T> the model value.
     */
    @FunctionalInterface
    interface Builder<T>
    {
        T build(FieldValues values, RuleContext context);
    }

    private final String name;
    private final String description;
    private final String discriminator;
    private final String tag;
    private final Map<String, Field<?>> fields;
    private final List<FieldGroup> groups;
    private final List<Rule> rules;
    private final Builder<T> builder;

    private ObjectSpec(final Definition definition, final Builder<T> builder)
    {
        this.name = definition.name;
        this.description = definition.description;
        this.discriminator = definition.discriminator;
        this.tag = definition.tag;
        this.fields = new LinkedHashMap<>(definition.fields);
        this.groups = List.copyOf(definition.groups);
        this.rules = List.copyOf(definition.rules);
        this.builder = builder;
    }

    /**
     * @param name        the schema definition name, e.g. {@code Leg}.
     * @param description what the object is, for the schema.
     * @return a definition to add fields, groups and rules to.
     */
    static Definition named(final String name, final String description)
    {
        return new Definition(name, description);
    }

    @Override
    T read(final JsonNode node, final DocumentPath path, final IssueCollector issues)
    {
        if (!node.isObject())
        {
            return typeError(node, path, issues);
        }
        final int errorsBefore = issues.errorCount();
        for (final Iterator<String> names = node.fieldNames(); names.hasNext(); )
        {
            final String fieldName = names.next();
            if (!fields.containsKey(fieldName) && !fieldName.equals(discriminator))
            {
                issues.error(path.field(fieldName), "unknown field" + suggestion(fieldName));
            }
        }
        final FieldValues values = new FieldValues();
        for (final Field<?> field : fields.values())
        {
            final JsonNode child = node.get(field.name());
            if (null == child)
            {
                if (field.required())
                {
                    issues.error(path.field(field.name()), "is required");
                }
                continue;
            }
            values.markPresent(field);
            final Object value = field.spec().read(child, path.field(field.name()), issues);
            if (null != value)
            {
                values.put(field, value);
            }
        }
        for (final FieldGroup group : groups)
        {
            group.check(values, path, issues);
        }
        final RuleContext context = new RuleContext(path, issues);
        for (final Rule rule : rules)
        {
            rule.check(values, context);
        }
        if (issues.errorCount() != errorsBefore)
        {
            return null;
        }
        try
        {
            final T value = builder.build(values, context);
            if (context.failed() || null == value)
            {
                if (!context.failed())
                {
                    issues.error(path, "invalid");
                }
                return null;
            }
            return value;
        }
        catch (final IllegalArgumentException ex)
        {
            issues.error(path, "invalid: " + ex.getMessage());
            return null;
        }
    }

    @Override
    ObjectNode schema(final SchemaBuilder schema)
    {
        return schema.reference(name, () -> body(schema));
    }

    /**
     * @return the object's schema itself, not a reference to it (for the document root).
     */
    ObjectNode body(final SchemaBuilder schema)
    {
        final ObjectNode body = schema.node();
        body.put("description", description);
        body.put("type", "object");
        final ObjectNode properties = body.putObject("properties");
        final ArrayNode required = schema.array();
        if (null != discriminator)
        {
            properties.putObject(discriminator).put("const", tag);
            required.add(discriminator);
        }
        for (final Field<?> field : fields.values())
        {
            properties.set(field.name(), fieldSchema(field, schema));
            if (field.required())
            {
                required.add(field.name());
            }
        }
        if (!required.isEmpty())
        {
            body.set("required", required);
        }
        body.put("additionalProperties", false);
        groups.forEach(group -> group.describe(body, schema));
        return body;
    }

    @Override
    String expected()
    {
        return "an object";
    }

    @Override
    JsonKind kind()
    {
        return JsonKind.OBJECT;
    }

    String name()
    {
        return name;
    }

    String discriminator()
    {
        return discriminator;
    }

    String tag()
    {
        return tag;
    }

    /**
     * @return the fields, in declaration order (for tests that walk documents with their specs).
     */
    List<Field<?>> fields()
    {
        return List.copyOf(fields.values());
    }

    List<FieldGroup> groups()
    {
        return groups;
    }

    private static <V> ObjectNode fieldSchema(final Field<V> field, final SchemaBuilder schema)
    {
        final ObjectNode node = schema.node().put("description", field.description());
        node.setAll(field.spec().schema(schema));
        if (field.hasDefault())
        {
            final JsonNode json = field.spec().toJson(field.defaultValue());
            if (null != json)
            {
                node.set("default", json);
            }
        }
        return node;
    }

    private String suggestion(final String unknown)
    {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (final String known : fields.keySet())
        {
            final int distance = editDistance(unknown, known);
            if (distance < bestDistance)
            {
                best = known;
                bestDistance = distance;
            }
        }
        return null != best && bestDistance <= Math.max(2, best.length() / 4) ? " (did you mean " + best + "?)" : "";
    }

    private static int editDistance(final String a, final String b)
    {
        if (Math.abs(a.length() - b.length()) > 8 || a.length() > 64)
        {
            return Integer.MAX_VALUE;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++)
        {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++)
            {
                final int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            final int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /**
     * The fields, groups and rules of an object, before its builder is known.
     */
    static final class Definition
    {
        private final String name;
        private final String description;
        private final Map<String, Field<?>> fields = new LinkedHashMap<>();
        private final List<FieldGroup> groups = new ArrayList<>();
        private final List<Rule> rules = new ArrayList<>();
        private String discriminator;
        private String tag;

        private Definition(final String name, final String description)
        {
            this.name = name;
            this.description = description;
        }

        /**
         * Makes this object a variant of a union: the discriminator field must hold tag.
         */
        Definition variant(final String discriminatorField, final String variantTag)
        {
            this.discriminator = discriminatorField;
            this.tag = variantTag;
            return this;
        }

        Definition fields(final Field<?>... added)
        {
            for (final Field<?> field : added)
            {
                if (null != fields.put(field.name(), field))
                {
                    throw new IllegalArgumentException("duplicate field " + field.name() + " in " + name);
                }
            }
            return this;
        }

        Definition exactlyOneOf(final Field<?>... members)
        {
            groups.add(new FieldGroup(FieldGroup.Kind.EXACTLY_ONE, List.of(members)));
            return this;
        }

        Definition atMostOneOf(final Field<?>... members)
        {
            groups.add(new FieldGroup(FieldGroup.Kind.AT_MOST_ONE, List.of(members)));
            return this;
        }

        Definition atLeastOneOf(final Field<?>... members)
        {
            groups.add(new FieldGroup(FieldGroup.Kind.AT_LEAST_ONE, List.of(members)));
            return this;
        }

        Definition together(final Field<?>... members)
        {
            groups.add(new FieldGroup(FieldGroup.Kind.TOGETHER, List.of(members)));
            return this;
        }

        Definition requires(final Field<?> field, final Field<?>... needed)
        {
            final List<Field<?>> members = new ArrayList<>();
            members.add(field);
            members.addAll(List.of(needed));
            groups.add(new FieldGroup(FieldGroup.Kind.REQUIRES, members));
            return this;
        }

        Definition rule(final Rule rule)
        {
            rules.add(rule);
            return this;
        }

        <T> ObjectSpec<T> build(final Builder<T> builder)
        {
            return new ObjectSpec<>(this, builder);
        }
    }
}
