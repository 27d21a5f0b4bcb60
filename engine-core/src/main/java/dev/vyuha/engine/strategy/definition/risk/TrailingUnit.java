package dev.vyuha.engine.strategy.definition.risk;

/**
 * The unit of a leg's trailing-stop amounts.
 */
public enum TrailingUnit
{
    /** Premium points; amounts in paise. */
    POINTS,
    /** Percent of the entry premium; amounts in basis points. */
    PERCENT
}
