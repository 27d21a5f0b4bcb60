package dev.vyuha.engine.strategy.definition;

/**
 * How days to expiry are counted.
 */
public enum DteUnit
{
    /** Calendar days from the trading day to the expiry day: an expiry today is 0, tomorrow 1. */
    CALENDAR_DAYS,
    /**
     * Trading days (exchange sessions, from the trading calendar) after today up to and including the expiry day:
     * an expiry today is 0, on the next session 1, whatever weekends or holidays lie between.
     */
    TRADING_DAYS
}
