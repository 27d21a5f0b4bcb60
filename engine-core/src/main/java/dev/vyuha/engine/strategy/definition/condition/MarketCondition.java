package dev.vyuha.engine.strategy.definition.condition;

import dev.vyuha.engine.strategy.definition.ModelInvariants;

import java.util.List;

/**
 * A condition on the market that holds or not at an instant. Indicator conditions are computed on the underlying's
 * candles of the given length, built from ticks of the current session.
 */
public sealed interface MarketCondition
{
    /** The candle lengths indicator conditions accept, in minutes. */
    List<Integer> CANDLE_MINUTES = List.of(1, 3, 5, 10, 15, 30, 60);

    /**
     * @return the condition's type, as written in basket files.
     */
    ConditionType type();

    /**
     * Implied volatility of the ATM strike of the nearest expiry (mean of CE and PE), in percent (e.g. 14.5).
     *
     * @param bounds the accepted range, in percent; within [0, 500].
     */
    record AtmIv(ThresholdBounds bounds) implements MarketCondition
    {
        /**
         * Validates the bounds.
         */
        public AtmIv
        {
            ModelInvariants.nonNull(bounds, "bounds");
        }

        @Override
        public ConditionType type()
        {
            return ConditionType.ATM_IV;
        }
    }

    /**
     * The India VIX index level.
     *
     * @param bounds the accepted range; within [0, 200].
     */
    record Vix(ThresholdBounds bounds) implements MarketCondition
    {
        /**
         * Validates the bounds.
         */
        public Vix
        {
            ModelInvariants.nonNull(bounds, "bounds");
        }

        @Override
        public ConditionType type()
        {
            return ConditionType.VIX;
        }
    }

    /**
     * Put-call ratio of open interest over the nearest expiry's chain.
     *
     * @param bounds the accepted range; within [0, 20].
     */
    record Pcr(ThresholdBounds bounds) implements MarketCondition
    {
        /**
         * Validates the bounds.
         */
        public Pcr
        {
            ModelInvariants.nonNull(bounds, "bounds");
        }

        @Override
        public ConditionType type()
        {
            return ConditionType.PCR;
        }
    }

    /**
     * The underlying moved by at least a percentage within the last N minutes (from the extreme of that window in
     * the direction opposite to the move to the current price).
     *
     * @param direction     UP, DOWN or EITHER.
     * @param basisPoints   the move in basis points; 1..2000.
     * @param withinMinutes the look-back window; 1..375.
     */
    record PriceMovement(Direction direction, long basisPoints, int withinMinutes) implements MarketCondition
    {
        /**
         * Validates the components.
         */
        public PriceMovement
        {
            ModelInvariants.nonNull(direction, "direction");
            ModelInvariants.range(basisPoints, 1, 2_000, "basisPoints");
            ModelInvariants.range(withinMinutes, 1, 375, "withinMinutes");
        }

        @Override
        public ConditionType type()
        {
            return ConditionType.PRICE_MOVEMENT;
        }
    }

    /**
     * Fast EMA on the chosen side of the slow EMA of the underlying's closes.
     *
     * @param fastPeriod    candles of the fast EMA; 1..199.
     * @param slowPeriod    candles of the slow EMA; fastPeriod+1..200.
     * @param candleMinutes candle length, one of {@link #CANDLE_MINUTES}.
     * @param direction     BULLISH (fast above slow) or BEARISH (fast below slow).
     */
    record EmaCrossover(int fastPeriod, int slowPeriod, int candleMinutes, CrossoverDirection direction)
        implements MarketCondition
    {
        /**
         * Validates the components.
         */
        public EmaCrossover
        {
            ModelInvariants.range(fastPeriod, 1, 199, "fastPeriod");
            ModelInvariants.range(slowPeriod, fastPeriod + 1, 200, "slowPeriod");
            ModelInvariants.check(isCandleLength(candleMinutes), "candleMinutes not supported: " + candleMinutes);
            ModelInvariants.nonNull(direction, "direction");
        }

        @Override
        public ConditionType type()
        {
            return ConditionType.EMA_CROSSOVER;
        }
    }

    /**
     * Wilder's RSI of the underlying's closes inside a range.
     *
     * @param period        candles; 2..100.
     * @param candleMinutes candle length, one of {@link #CANDLE_MINUTES}.
     * @param bounds        the accepted range; within [0, 100].
     */
    record Rsi(int period, int candleMinutes, ThresholdBounds bounds) implements MarketCondition
    {
        /**
         * Validates the components.
         */
        public Rsi
        {
            ModelInvariants.range(period, 2, 100, "period");
            ModelInvariants.check(isCandleLength(candleMinutes), "candleMinutes not supported: " + candleMinutes);
            ModelInvariants.nonNull(bounds, "bounds");
        }

        @Override
        public ConditionType type()
        {
            return ConditionType.RSI;
        }
    }

    /**
     * @param minutes a candle length.
     * @return true if indicator conditions accept it.
     */
    static boolean isCandleLength(final int minutes)
    {
        return CANDLE_MINUTES.contains(minutes);
    }
}
