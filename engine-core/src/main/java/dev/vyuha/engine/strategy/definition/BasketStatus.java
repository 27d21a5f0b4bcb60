package dev.vyuha.engine.strategy.definition;

/**
 * Lifecycle state of a basket.
 */
public enum BasketStatus
{
    /** Trades on its schedule. */
    ACTIVE,
    /** Loaded, but takes no new entries until resumed; open positions keep being managed. */
    PAUSED,
    /** Loaded and idle: no entries. */
    INACTIVE,
    /** Retired: kept for audit only, never trades again. */
    ARCHIVED
}
