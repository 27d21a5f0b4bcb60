package dev.vyuha.engine.strategy.definition.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;

/**
 * An exact decimal with at most two decimal places, read as a {@code long} count of hundredths: INR to paise,
 * premium points to paise, index points to hundredths, percent to basis points. Finer precision is an error, never
 * rounded away.
 */
final class DecimalSpec extends Spec<Long>
{
    private static final int SCALE = 2;

    private final NumericBounds bounds;
    private final String unit;

    /**
     * @param bounds the range, in document units.
     * @param unit   the document unit, for schema descriptions: {@code INR}, {@code percent}, {@code points}.
     */
    DecimalSpec(final NumericBounds bounds, final String unit)
    {
        this.bounds = bounds;
        this.unit = unit;
    }

    @Override
    Long read(final JsonNode node, final DocumentPath path, final IssueCollector issues)
    {
        if (!node.isNumber())
        {
            return typeError(node, path, issues);
        }
        final BigDecimal value = node.decimalValue();
        final String violation = bounds.violation(value);
        if (null != violation)
        {
            issues.error(path, violation + ", was " + ValueText.of(node));
            return null;
        }
        if (value.stripTrailingZeros().scale() > SCALE)
        {
            issues.error(path, "must have at most 2 decimal places (" + unit + "), was " + ValueText.of(node));
            return null;
        }
        return value.movePointRight(SCALE).longValueExact();
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
        return "a number (" + unit + ")";
    }

    @Override
    JsonKind kind()
    {
        return JsonKind.NUMBER;
    }

    @Override
    JsonNode toJson(final Long value)
    {
        final BigDecimal document = BigDecimal.valueOf(value, SCALE).stripTrailingZeros();
        return DecimalNode.valueOf(document.scale() < 0 ? document.setScale(0) : document);
    }

    NumericBounds bounds()
    {
        return bounds;
    }

    String unit()
    {
        return unit;
    }
}
