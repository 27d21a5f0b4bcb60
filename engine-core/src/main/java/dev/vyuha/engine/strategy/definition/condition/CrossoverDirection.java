package dev.vyuha.engine.strategy.definition.condition;

/**
 * Which side of the slow EMA the fast EMA must be on.
 */
public enum CrossoverDirection
{
    /** The fast EMA is above the slow EMA (its last crossover was upwards). */
    BULLISH,
    /** The fast EMA is below the slow EMA (its last crossover was downwards). */
    BEARISH
}
