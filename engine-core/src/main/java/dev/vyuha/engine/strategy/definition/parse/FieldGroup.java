package dev.vyuha.engine.strategy.definition.parse;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A constraint on which fields of an object may appear together, enforced by the reader and expressed in the schema.
 */
final class FieldGroup
{
    enum Kind
    {
        /** Exactly one of the fields. */
        EXACTLY_ONE,
        /** At most one of the fields. */
        AT_MOST_ONE,
        /** At least one of the fields. */
        AT_LEAST_ONE,
        /** All of the fields or none. */
        TOGETHER,
        /** If the first field is present, so must the others be. */
        REQUIRES
    }

    private final Kind kind;
    private final List<Field<?>> fields;

    FieldGroup(final Kind kind, final List<Field<?>> fields)
    {
        if (fields.size() < 2)
        {
            throw new IllegalArgumentException("a group needs two fields");
        }
        this.kind = kind;
        this.fields = List.copyOf(fields);
    }

    Kind kind()
    {
        return kind;
    }

    List<Field<?>> fields()
    {
        return fields;
    }

    void check(final FieldValues values, final DocumentPath path, final IssueCollector issues)
    {
        final List<Field<?>> present = fields.stream().filter(values::present).toList();
        switch (kind)
        {
            case EXACTLY_ONE:
                if (present.isEmpty())
                {
                    issues.error(path, "one of " + names(fields) + " is required");
                }
                else if (present.size() > 1)
                {
                    issues.error(path, "only one of " + names(fields) + " may be set, found " + names(present));
                }
                break;

            case AT_MOST_ONE:
                if (present.size() > 1)
                {
                    issues.error(path, "only one of " + names(fields) + " may be set, found " + names(present));
                }
                break;

            case AT_LEAST_ONE:
                if (present.isEmpty())
                {
                    issues.error(path, "at least one of " + names(fields) + " is required");
                }
                break;

            case TOGETHER:
                if (!present.isEmpty() && present.size() < fields.size())
                {
                    for (final Field<?> field : fields)
                    {
                        if (!values.present(field))
                        {
                            issues.error(path.field(field.name()), "is required when " + names(present) + " is set");
                        }
                    }
                }
                break;

            case REQUIRES:
                if (values.present(fields.get(0)))
                {
                    for (final Field<?> field : fields.subList(1, fields.size()))
                    {
                        if (!values.present(field))
                        {
                            issues.error(path.field(field.name()), "is required when " + fields.get(0) + " is set");
                        }
                    }
                }
                break;

            default:
                throw new IllegalStateException(kind.name());
        }
    }

    /**
     * Adds this constraint to an object schema: to its {@code allOf} list or its {@code dependentRequired} map.
     */
    void describe(final ObjectNode objectSchema, final SchemaBuilder schema)
    {
        switch (kind)
        {
            case EXACTLY_ONE:
                allOf(objectSchema).addObject().set("oneOf", requiredEach(schema));
                break;

            case AT_MOST_ONE:
            {
                final ArrayNode pairs = schema.array();
                for (int i = 0; i < fields.size(); i++)
                {
                    for (int j = i + 1; j < fields.size(); j++)
                    {
                        final ArrayNode required = pairs.addObject().putArray("required");
                        required.add(fields.get(i).name()).add(fields.get(j).name());
                    }
                }
                final ObjectNode not = schema.node();
                if (pairs.size() == 1)
                {
                    not.setAll((ObjectNode)pairs.get(0));
                }
                else
                {
                    not.set("anyOf", pairs);
                }
                allOf(objectSchema).addObject().set("not", not);
                break;
            }

            case AT_LEAST_ONE:
                allOf(objectSchema).addObject().set("anyOf", requiredEach(schema));
                break;

            case TOGETHER:
                for (final Field<?> field : fields)
                {
                    final ArrayNode others = dependentRequired(objectSchema).putArray(field.name());
                    fields.stream().filter(other -> other != field).forEach(other -> others.add(other.name()));
                }
                break;

            case REQUIRES:
            {
                final ArrayNode others = dependentRequired(objectSchema).putArray(fields.get(0).name());
                fields.subList(1, fields.size()).forEach(other -> others.add(other.name()));
                break;
            }

            default:
                throw new IllegalStateException(kind.name());
        }
    }

    private ArrayNode requiredEach(final SchemaBuilder schema)
    {
        final ArrayNode alternatives = schema.array();
        fields.forEach(field -> alternatives.addObject().putArray("required").add(field.name()));
        return alternatives;
    }

    private static ArrayNode allOf(final ObjectNode objectSchema)
    {
        return objectSchema.has("allOf") ? (ArrayNode)objectSchema.get("allOf") : objectSchema.putArray("allOf");
    }

    private static ObjectNode dependentRequired(final ObjectNode objectSchema)
    {
        return objectSchema.has("dependentRequired") ? (ObjectNode)objectSchema.get("dependentRequired")
            : objectSchema.putObject("dependentRequired");
    }

    private static String names(final List<Field<?>> fields)
    {
        return fields.stream().map(Field::name).collect(Collectors.joining(", "));
    }
}
