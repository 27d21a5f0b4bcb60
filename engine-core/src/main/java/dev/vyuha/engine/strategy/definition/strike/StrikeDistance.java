package dev.vyuha.engine.strategy.definition.strike;

import dev.vyuha.engine.strategy.definition.ModelInvariants;

/**
 * How far from ATM an {@link StrikeCriterion.Otm} or {@link StrikeCriterion.Itm} strike is; the chosen strike is the
 * listed strike nearest the resulting price (for points and percent).
 */
public sealed interface StrikeDistance
{
    /**
     * A number of listed strikes.
     *
     * @param steps 1..50.
     */
    record Steps(int steps) implements StrikeDistance
    {
        /**
         * Validates the distance.
         */
        public Steps
        {
            ModelInvariants.range(steps, 1, 50, "steps");
        }
    }

    /**
     * A distance in index points.
     *
     * @param hundredths the distance in hundredths of an index point; positive.
     */
    record Points(long hundredths) implements StrikeDistance
    {
        /**
         * Validates the distance.
         */
        public Points
        {
            ModelInvariants.range(hundredths, 1, Long.MAX_VALUE, "hundredths");
        }
    }

    /**
     * A distance as a percentage of the ATM strike.
     *
     * @param basisPoints the percentage in basis points; 1..5000.
     */
    record Percent(long basisPoints) implements StrikeDistance
    {
        /**
         * Validates the distance.
         */
        public Percent
        {
            ModelInvariants.range(basisPoints, 1, 5_000, "basisPoints");
        }
    }
}
