package dev.vyuha.engine.market;

/**
 * Which listed expiry a leg trades, resolved against the day's instrument master (never by weekday arithmetic, so
 * holiday-shifted and regime-changed expiries follow the exchange).
 */
public enum ExpiryCycle
{
    /** The nearest listed expiry on or after today (weekly where weeklies exist, else the monthly). */
    WEEKLY,
    /** The listed expiry after {@link #WEEKLY}. */
    NEXT_WEEKLY,
    /** The nearest monthly expiry (the last expiry of its calendar month) on or after today. */
    MONTHLY,
    /** The monthly expiry after {@link #MONTHLY}. */
    NEXT_MONTHLY,
    /** The n-th listed expiry on or after today, counting from 0 ({@link ExpirySelector#offset()}). */
    OFFSET
}
