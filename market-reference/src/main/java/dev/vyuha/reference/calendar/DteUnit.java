package dev.vyuha.reference.calendar;

/**
 * How days to expiry are counted.
 */
public enum DteUnit
{
    /** Calendar days from today to the expiry date: 0 on expiry day, 7 a week before. */
    CALENDAR_DAYS,
    /** Trading days after today up to and including the expiry date: 0 on expiry day, 1 on the trading day before
     * it (even across a weekend or holiday). */
    TRADING_DAYS
}
