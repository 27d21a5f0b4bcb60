package dev.vyuha.engine.strategy.definition.condition;

import dev.vyuha.engine.strategy.definition.ModelInvariants;

import java.util.OptionalDouble;

/**
 * An inclusive range of a market ratio; either end may be open, not both.
 *
 * @param min the value must be at or above this; empty for no lower bound.
 * @param max the value must be at or below this; empty for no upper bound.
 */
public record ThresholdBounds(OptionalDouble min, OptionalDouble max)
{
    /**
     * Validates the bounds.
     */
    public ThresholdBounds
    {
        ModelInvariants.nonNull(min, "min");
        ModelInvariants.nonNull(max, "max");
        ModelInvariants.check(min.isPresent() || max.isPresent(), "at least one of min and max");
        ModelInvariants.check(min.isEmpty() || Double.isFinite(min.getAsDouble()), "min must be finite");
        ModelInvariants.check(max.isEmpty() || Double.isFinite(max.getAsDouble()), "max must be finite");
        ModelInvariants.check(min.isEmpty() || max.isEmpty() || min.getAsDouble() < max.getAsDouble(),
            "min must be below max: " + min + ", " + max);
    }

    /**
     * @param value the observed value.
     * @return true if value lies within the bounds.
     */
    public boolean contains(final double value)
    {
        return (min.isEmpty() || value >= min.getAsDouble()) && (max.isEmpty() || value <= max.getAsDouble());
    }
}
