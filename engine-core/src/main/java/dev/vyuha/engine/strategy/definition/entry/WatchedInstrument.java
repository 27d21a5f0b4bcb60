package dev.vyuha.engine.strategy.definition.entry;

/**
 * The price a conditional entry watches.
 */
public enum WatchedInstrument
{
    /** The leg's own option premium (the strike is selected when waiting starts). */
    OPTION,
    /** The underlying index (the strike is selected when the condition triggers). */
    UNDERLYING
}
