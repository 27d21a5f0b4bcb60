package dev.vyuha.engine.strategy.definition.risk;

/**
 * What a leg's stop loss squares off.
 */
public enum SquareOffScope
{
    /** Only that leg. */
    PARTIAL,
    /** Every leg of the strategy. */
    COMPLETE
}
