package dev.vyuha.engine.market;

/**
 * The price the ATM strike is measured from.
 */
public enum StrikeBasis
{
    /** The index level. */
    SPOT,
    /** The current-month future. */
    FUTURE
}
