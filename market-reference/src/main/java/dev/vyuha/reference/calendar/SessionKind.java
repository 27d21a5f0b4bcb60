package dev.vyuha.reference.calendar;

/**
 * What kind of trading session a day has.
 */
public enum SessionKind
{
    /** A normal weekday session, 09:15 to 15:30. */
    REGULAR,
    /** A full session the exchange holds on a day it is normally shut (e.g. a Saturday budget day). */
    SPECIAL,
    /** A short evening session on a holiday (Diwali). Not a trading day for DTE or expiry purposes. */
    MUHURAT
}
