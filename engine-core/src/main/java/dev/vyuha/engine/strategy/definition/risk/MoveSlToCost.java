package dev.vyuha.engine.strategy.definition.risk;

/**
 * When one leg's stop loss is hit (with a PARTIAL square-off), move the stop loss of the remaining open legs to
 * their entry price (cost).
 */
public enum MoveSlToCost
{
    /** Every remaining leg; legs without a stop loss get one at cost. */
    ALL_LEGS,
    /** Only remaining legs that have a stop loss of their own. */
    SL_LEGS
}
