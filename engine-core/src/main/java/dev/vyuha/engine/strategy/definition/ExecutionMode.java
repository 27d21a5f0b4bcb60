package dev.vyuha.engine.strategy.definition;

/**
 * Where a basket's orders go.
 */
public enum ExecutionMode
{
    /** Real orders at the broker, with real money. */
    LIVE,
    /** Simulated fills against live quotes (the paper venue). */
    PAPER,
    /** Simulated fills against historical data, as fast as the CPU allows. */
    BACKTEST
}
