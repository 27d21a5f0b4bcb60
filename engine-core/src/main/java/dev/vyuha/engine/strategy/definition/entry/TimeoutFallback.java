package dev.vyuha.engine.strategy.definition.entry;

/**
 * What a conditional entry does when its timeout expires before the condition triggered.
 */
public enum TimeoutFallback
{
    /** Give up: no entry. */
    CANCEL,
    /** Enter at the market anyway. */
    EXECUTE_ANYWAY
}
