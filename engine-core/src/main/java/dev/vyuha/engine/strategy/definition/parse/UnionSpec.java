package dev.vyuha.engine.strategy.definition.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An object whose shape depends on a discriminator field ({@code method} of a strike criterion, {@code type} of a
 * condition or an order type): each value of the discriminator selects one variant object spec.
 *
 * @param <T> the model value all variants produce.
 */
final class UnionSpec<T> extends Spec<T>
{
    private final String name;
    private final String description;
    private final String discriminator;
    private final String restriction;
    private final Map<String, ObjectSpec<? extends T>> variants = new LinkedHashMap<>();

    /**
     * @param name        the schema definition name.
     * @param description what it is, for the schema.
     * @param restriction why some tags of a wider union are not allowed here, for messages; null if none.
     * @param variants    the variants, each with a distinct tag of the same discriminator.
     */
    @SafeVarargs
    UnionSpec(final String name, final String description, final String restriction,
        final ObjectSpec<? extends T>... variants)
    {
        this.name = name;
        this.description = description;
        this.restriction = restriction;
        this.discriminator = variants[0].discriminator();
        for (final ObjectSpec<? extends T> variant : variants)
        {
            if (!discriminator.equals(variant.discriminator()) || null != this.variants.put(variant.tag(), variant))
            {
                throw new IllegalArgumentException("bad variant " + variant.name() + " in " + name);
            }
        }
    }

    @Override
    T read(final JsonNode node, final DocumentPath path, final IssueCollector issues)
    {
        if (!node.isObject())
        {
            return typeError(node, path, issues);
        }
        final JsonNode tag = node.get(discriminator);
        if (null == tag)
        {
            issues.error(path.field(discriminator), "is required (" + tags() + ")");
            return null;
        }
        final ObjectSpec<? extends T> variant = tag.isTextual() ? variants.get(tag.textValue()) : null;
        if (null == variant)
        {
            issues.error(path.field(discriminator), "must be " + tags() + ", was " + ValueText.of(tag)
                + (null == restriction ? "" : " (" + restriction + ")"));
            return null;
        }
        return variant.read(node, path, issues);
    }

    @Override
    ObjectNode schema(final SchemaBuilder schema)
    {
        return schema.reference(name, () ->
        {
            final ObjectNode body = schema.node();
            body.put("description", description);
            body.put("type", "object");
            body.putArray("required").add(discriminator);
            final ArrayNode tags = body.putObject("properties").putObject(discriminator).putArray("enum");
            variants.keySet().forEach(tags::add);
            final ArrayNode oneOf = body.putArray("oneOf");
            variants.values().forEach(variant -> oneOf.add(variant.schema(schema)));
            return body;
        });
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

    String discriminator()
    {
        return discriminator;
    }

    /**
     * @return the variant for a tag, or null.
     */
    ObjectSpec<? extends T> variant(final String tag)
    {
        return variants.get(tag);
    }

    List<String> tagList()
    {
        return List.copyOf(variants.keySet());
    }

    private String tags()
    {
        return "one of " + String.join(", ", variants.keySet());
    }
}
