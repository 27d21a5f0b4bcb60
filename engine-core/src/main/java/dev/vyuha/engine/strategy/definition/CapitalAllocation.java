package dev.vyuha.engine.strategy.definition;

/**
 * The share of the basket's deployable capital (initial capital × deployable percentage) a strategy is given.
 */
public sealed interface CapitalAllocation
{
    /**
     * @param deployablePaise the basket's deployable capital, in paise.
     * @return the capital allocated to the strategy, in paise (rounded down).
     */
    long resolvePaise(long deployablePaise);

    /**
     * A fixed amount.
     *
     * @param paise the amount in paise; positive.
     */
    record Amount(long paise) implements CapitalAllocation
    {
        /**
         * Validates the amount.
         */
        public Amount
        {
            ModelInvariants.range(paise, 1, Long.MAX_VALUE, "paise");
        }

        @Override
        public long resolvePaise(final long deployablePaise)
        {
            return paise;
        }
    }

    /**
     * A percentage of the deployable capital.
     *
     * @param basisPoints the percentage in basis points; 1..10000.
     */
    record Percent(long basisPoints) implements CapitalAllocation
    {
        /**
         * Validates the percentage.
         */
        public Percent
        {
            ModelInvariants.range(basisPoints, 1, 10_000, "basisPoints");
        }

        @Override
        public long resolvePaise(final long deployablePaise)
        {
            return Math.multiplyExact(deployablePaise, basisPoints) / 10_000;
        }
    }
}
