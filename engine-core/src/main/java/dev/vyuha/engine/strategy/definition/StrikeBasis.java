package dev.vyuha.engine.strategy.definition;

/**
 * The price strikes are selected against.
 */
public enum StrikeBasis
{
    /** The index value. */
    SPOT,
    /** The current-month future of the index. */
    FUTURE
}
