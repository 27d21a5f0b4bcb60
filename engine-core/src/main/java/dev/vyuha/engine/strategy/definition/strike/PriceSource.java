package dev.vyuha.engine.strategy.definition.strike;

/**
 * Which option price a premium-based criterion compares.
 */
public enum PriceSource
{
    /** Last traded price. */
    LTP,
    /** Middle of the best bid and offer. */
    MID
}
