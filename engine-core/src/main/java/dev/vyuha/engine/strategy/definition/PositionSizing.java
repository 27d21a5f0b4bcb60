package dev.vyuha.engine.strategy.definition;

import java.util.OptionalLong;

/**
 * How many times a strategy's legs (each at its configured lots) are traded: the strategy's lot multiplier. The
 * final quantity of a leg is lots × sizing multiplier × account (or subscription) multiplier × the lot size from the
 * instrument master.
 */
public sealed interface PositionSizing
{
    /**
     * Every leg trades exactly its configured lots.
     */
    record FixedLots() implements PositionSizing
    {
    }

    /**
     * Every leg trades its lots times a fixed multiplier.
     *
     * @param multiplier 1..100.
     */
    record Multiplier(int multiplier) implements PositionSizing
    {
        /**
         * Validates the multiplier.
         */
        public Multiplier
        {
            ModelInvariants.range(multiplier, 1, 100, "multiplier");
        }
    }

    /**
     * The multiplier is floor(allocated capital / margin per lot), so the strategy uses what it was allocated.
     *
     * @param marginPerLotPaise the margin one unit of the strategy (every leg at its configured lots) needs, in
     *                          paise; empty to have the engine estimate it from the broker's margin calculator.
     */
    record CapitalBased(OptionalLong marginPerLotPaise) implements PositionSizing
    {
        /**
         * Validates the margin.
         */
        public CapitalBased
        {
            ModelInvariants.range(marginPerLotPaise, 1, Long.MAX_VALUE, "marginPerLotPaise");
        }
    }
}
