package dev.vyuha.engine.strategy.definition;

/**
 * A strategy's label and the template a builder starts from. Only the legs count: the engine never derives
 * behaviour from this value.
 */
public enum StrategyType
{
    /** A CE and a PE at the same strike. */
    STRADDLE,
    /** A CE and a PE at different strikes. */
    STRANGLE,
    /** A short strangle with long wings. */
    IRON_CONDOR,
    /** A short straddle with long wings. */
    IRON_FLY,
    /** Three strikes, 1:2:1. */
    BUTTERFLY,
    /** Same strike, different expiries. */
    CALENDAR,
    /** A bought and a sold option of one type at different strikes. */
    VERTICAL_SPREAD,
    /** Unequal quantities bought and sold. */
    RATIO_SPREAD,
    /** A single option bought or sold. */
    SINGLE_LEG,
    /** Anything else. */
    CUSTOM
}
