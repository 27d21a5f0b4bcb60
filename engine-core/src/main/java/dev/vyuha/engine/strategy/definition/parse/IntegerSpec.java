package dev.vyuha.engine.strategy.definition.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A whole number in a closed range, optionally restricted to listed values.
 */
final class IntegerSpec extends Spec<Integer>
{
    private final NumericBounds bounds;
    private final List<Integer> allowed;

    private IntegerSpec(final int min, final int max, final List<Integer> allowed)
    {
        this.bounds = NumericBounds.closed(Integer.toString(min), Integer.toString(max));
        this.allowed = List.copyOf(allowed);
    }

    static IntegerSpec range(final int min, final int max)
    {
        return new IntegerSpec(min, max, List.of());
    }

    static IntegerSpec oneOf(final List<Integer> values)
    {
        return new IntegerSpec(values.stream().mapToInt(Integer::intValue).min().orElseThrow(),
            values.stream().mapToInt(Integer::intValue).max().orElseThrow(), values);
    }

    @Override
    Integer read(final JsonNode node, final DocumentPath path, final IssueCollector issues)
    {
        if (!node.isIntegralNumber())
        {
            return typeError(node, path, issues);
        }
        final String violation = bounds.violation(new BigDecimal(node.bigIntegerValue()));
        if (null != violation)
        {
            issues.error(path, violation + ", was " + ValueText.of(node));
            return null;
        }
        final int value = node.intValue();
        if (!allowed.isEmpty() && !allowed.contains(value))
        {
            return typeError(node, path, issues);
        }
        return value;
    }

    @Override
    ObjectNode schema(final SchemaBuilder schema)
    {
        final ObjectNode node = schema.node().put("type", "integer");
        if (allowed.isEmpty())
        {
            bounds.describe(node);
        }
        else
        {
            final ArrayNode values = node.putArray("enum");
            allowed.forEach(values::add);
        }
        return node;
    }

    @Override
    String expected()
    {
        return allowed.isEmpty() ? "an integer"
            : "one of " + allowed.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    @Override
    JsonKind kind()
    {
        return JsonKind.NUMBER;
    }

    @Override
    JsonNode toJson(final Integer value)
    {
        return IntNode.valueOf(value);
    }

    NumericBounds bounds()
    {
        return bounds;
    }
}
