package dev.vyuha.engine.strategy.definition.strike;

/**
 * The method of a {@link StrikeCriterion}, as written in a basket file's {@code strike.method}.
 */
public enum StrikeMethod
{
    /** {@link StrikeCriterion.Atm}. */
    ATM,
    /** {@link StrikeCriterion.Otm}. */
    OTM,
    /** {@link StrikeCriterion.Itm}. */
    ITM,
    /** {@link StrikeCriterion.AtmPercent}. */
    ATM_PERCENT,
    /** {@link StrikeCriterion.SpotPercent}. */
    SPOT_PERCENT,
    /** {@link StrikeCriterion.ClosestPremium}. */
    CLOSEST_PREMIUM,
    /** {@link StrikeCriterion.PremiumAtLeast}. */
    PREMIUM_GTE,
    /** {@link StrikeCriterion.PremiumAtMost}. */
    PREMIUM_LTE,
    /** {@link StrikeCriterion.PremiumRange}. */
    PREMIUM_RANGE,
    /** {@link StrikeCriterion.StraddleWidth}. */
    STRADDLE_WIDTH,
    /** {@link StrikeCriterion.StraddlePremiumPercent}. */
    STRADDLE_PREMIUM_PERCENT,
    /** {@link StrikeCriterion.DeltaTarget} or {@link StrikeCriterion.DeltaRange}. */
    DELTA,
    /** {@link StrikeCriterion.Absolute}. */
    ABSOLUTE,
    /** {@link StrikeCriterion.Dynamic}. */
    DYNAMIC
}
