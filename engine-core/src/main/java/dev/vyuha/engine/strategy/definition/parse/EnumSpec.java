package dev.vyuha.engine.strategy.definition.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One of the names of an enum's constants (exact case), or of a subset of them.
 *
 * @param <E> the enum.
 */
final class EnumSpec<E extends Enum<E>> extends Spec<E>
{
    private final List<E> allowed;

    private EnumSpec(final List<E> allowed)
    {
        this.allowed = List.copyOf(allowed);
    }

    static <E extends Enum<E>> EnumSpec<E> of(final Class<E> type)
    {
        return new EnumSpec<>(List.copyOf(EnumSet.allOf(type)));
    }

    static <E extends Enum<E>> EnumSpec<E> only(final List<E> constants)
    {
        return new EnumSpec<>(constants);
    }

    @Override
    E read(final JsonNode node, final DocumentPath path, final IssueCollector issues)
    {
        if (node.isTextual())
        {
            for (final E constant : allowed)
            {
                if (constant.name().equals(node.textValue()))
                {
                    return constant;
                }
            }
        }
        return typeError(node, path, issues);
    }

    @Override
    ObjectNode schema(final SchemaBuilder schema)
    {
        final ObjectNode node = schema.node().put("type", "string");
        final ArrayNode values = node.putArray("enum");
        allowed.forEach(constant -> values.add(constant.name()));
        return node;
    }

    @Override
    String expected()
    {
        return "one of " + allowed.stream().map(Enum::name).collect(Collectors.joining(", "));
    }

    @Override
    JsonKind kind()
    {
        return JsonKind.STRING;
    }

    /**
     * @return the accepted names, for tests that mutate documents.
     */
    List<String> names()
    {
        return allowed.stream().map(Enum::name).toList();
    }

    @Override
    JsonNode toJson(final E value)
    {
        return TextNode.valueOf(value.name());
    }
}
