package dev.vyuha.engine.strategy.definition.parse;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;

/**
 * The range of a numeric field. Every numeric field is bounded on both sides: hostile input never reaches a
 * conversion that could overflow.
 */
final class NumericBounds
{
    private final BigDecimal min;
    private final boolean minExclusive;
    private final BigDecimal max;
    private final boolean maxExclusive;

    private NumericBounds(final BigDecimal min, final boolean minExclusive, final BigDecimal max,
        final boolean maxExclusive)
    {
        if (min.compareTo(max) >= 0)
        {
            throw new IllegalArgumentException("empty range " + min + ".." + max);
        }
        this.min = min;
        this.minExclusive = minExclusive;
        this.max = max;
        this.maxExclusive = maxExclusive;
    }

    /**
     * @return [min, max].
     */
    static NumericBounds closed(final String min, final String max)
    {
        return new NumericBounds(new BigDecimal(min), false, new BigDecimal(max), false);
    }

    /**
     * @return (min, max].
     */
    static NumericBounds aboveUpTo(final String min, final String max)
    {
        return new NumericBounds(new BigDecimal(min), true, new BigDecimal(max), false);
    }

    /**
     * @return (min, max).
     */
    static NumericBounds open(final String min, final String max)
    {
        return new NumericBounds(new BigDecimal(min), true, new BigDecimal(max), true);
    }

    /**
     * @param value a number.
     * @return what is wrong with it ({@code must be > 0}), or null if it is in range.
     */
    String violation(final BigDecimal value)
    {
        final int belowMin = value.compareTo(min);
        if (belowMin < 0 || (minExclusive && belowMin == 0))
        {
            return "must be " + (minExclusive ? "> " : ">= ") + text(min);
        }
        final int aboveMax = value.compareTo(max);
        if (aboveMax > 0 || (maxExclusive && aboveMax == 0))
        {
            return "must be " + (maxExclusive ? "< " : "<= ") + text(max);
        }
        return null;
    }

    void describe(final ObjectNode schema)
    {
        put(schema, minExclusive ? "exclusiveMinimum" : "minimum", min);
        put(schema, maxExclusive ? "exclusiveMaximum" : "maximum", max);
    }

    BigDecimal min()
    {
        return min;
    }

    BigDecimal max()
    {
        return max;
    }

    static void put(final ObjectNode schema, final String keyword, final BigDecimal value)
    {
        final BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() <= 0)
        {
            schema.put(keyword, stripped.longValueExact());
        }
        else
        {
            schema.put(keyword, stripped);
        }
    }

    private static String text(final BigDecimal value)
    {
        return value.stripTrailingZeros().toPlainString();
    }
}
