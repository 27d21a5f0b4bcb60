package dev.vyuha.engine.strategy.definition.condition;

/**
 * A direction of price movement.
 */
public enum Direction
{
    /** Upwards. */
    UP,
    /** Downwards. */
    DOWN,
    /** Either way. */
    EITHER
}
