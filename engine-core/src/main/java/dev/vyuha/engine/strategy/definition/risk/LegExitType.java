package dev.vyuha.engine.strategy.definition.risk;

/**
 * How a leg's stop loss or target level is expressed. Levels are always "against" (stop loss) or "in favour of"
 * (target) the position: for a SELL leg a stop loss is above the entry premium, for a BUY leg below (BUY mirrors
 * SELL). For the underlying, the adverse direction is up for a short CE or long PE, down for a long CE or short PE.
 */
public enum LegExitType
{
    /** A move of the premium by this many points from the entry premium; value in paise. */
    POINTS,
    /** A move of the premium by this percentage of the entry premium; value in basis points. */
    PERCENT,
    /** An absolute premium level; value in paise. */
    PREMIUM,
    /** A move of the underlying by this many index points from its value at entry; value in hundredths. */
    UNDERLYING_POINTS,
    /** A move of the underlying by this percentage of its value at entry; value in basis points. */
    UNDERLYING_PERCENT;

    /**
     * @return true if the level's value is in basis points.
     */
    public boolean isPercent()
    {
        return this == PERCENT || this == UNDERLYING_PERCENT;
    }

    /**
     * @return true if the level watches the underlying rather than the premium.
     */
    public boolean isOnUnderlying()
    {
        return this == UNDERLYING_POINTS || this == UNDERLYING_PERCENT;
    }
}
