package dev.vyuha.engine.strategy.definition.entry;

import dev.vyuha.engine.strategy.definition.ModelInvariants;

/**
 * A price move from a reference price (the price at the moment waiting starts).
 *
 * @param kind  direction and unit.
 * @param value for POINTS_*: hundredths of a point (paise for a premium); for PERCENT_*: basis points. Positive; a
 *              PERCENT_DOWN move is below 10000 (a price cannot fall by 100%).
 */
public record Move(MoveKind kind, long value)
{
    /**
     * Validates the components.
     */
    public Move
    {
        ModelInvariants.nonNull(kind, "kind");
        ModelInvariants.range(value, 1, kind == MoveKind.PERCENT_DOWN ? 9_999 : Long.MAX_VALUE, "value");
    }
}
