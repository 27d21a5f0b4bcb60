package dev.vyuha.engine.strategy.definition.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A dimensionless number that is not money (delta, IV, VIX, PCR, RSI, a multiplier), read as a double.
 */
final class RatioSpec extends Spec<Double>
{
    private final NumericBounds bounds;

    RatioSpec(final NumericBounds bounds)
    {
        this.bounds = bounds;
    }

    @Override
    Double read(final JsonNode node, final DocumentPath path, final IssueCollector issues)
    {
        if (!node.isNumber())
        {
            return typeError(node, path, issues);
        }
        final String violation = bounds.violation(node.decimalValue());
        if (null != violation)
        {
            issues.error(path, violation + ", was " + ValueText.of(node));
            return null;
        }
        return node.decimalValue().doubleValue();
    }

    @Override
    ObjectNode schema(final SchemaBuilder schema)
    {
        final ObjectNode node = schema.node().put("type", "number");
        bounds.describe(node);
        return node;
    }

    @Override
    String expected()
    {
        return "a number";
    }

    @Override
    JsonKind kind()
    {
        return JsonKind.NUMBER;
    }

    NumericBounds bounds()
    {
        return bounds;
    }
}
