package dev.vyuha.engine.strategy.definition.execution;

/**
 * What the engine does when an entry order of a leg is still not filled after the last retry. Exit orders are never
 * given up: they keep being retried and raise an alert.
 */
public enum GiveUpAction
{
    /** Square off every leg of the strategy already entered; no entry today. */
    SQUARE_OFF_STRATEGY,
    /** Carry on with the legs that did enter. */
    CONTINUE_WITHOUT_LEG,
    /** Keep what entered and pause the strategy until an operator resumes it. */
    PAUSE_STRATEGY
}
