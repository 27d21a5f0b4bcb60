package dev.vyuha.reference.calendar;

import java.time.LocalTime;

/**
 * A day's session: its kind and its continuous-trading hours in IST. A session whose hours the exchange has not yet
 * notified has none ({@link #hasHours()} false) and admits no orders.
 *
 * @param kind  regular, special or Muhurat.
 * @param open  first instant orders are accepted (inclusive), or null if not notified.
 * @param close end of continuous trading (inclusive), or null if not notified.
 */
public record TradingSession(SessionKind kind, LocalTime open, LocalTime close)
{
    /** NSE's normal equity-derivatives session. */
    public static final TradingSession REGULAR = new TradingSession(SessionKind.REGULAR, LocalTime.of(9, 15),
        LocalTime.of(15, 30));

    /**
     * @param kind  kind of session.
     * @param open  open time or null.
     * @param close close time or null.
     */
    public TradingSession
    {
        if (null == kind)
        {
            throw new IllegalArgumentException("kind must not be null");
        }
        if ((null == open) != (null == close))
        {
            throw new IllegalArgumentException("open and close must both be given or both be absent");
        }
        if (null != open && !open.isBefore(close))
        {
            throw new IllegalArgumentException("open " + open + " must be before close " + close);
        }
    }

    /**
     * @return true if the session's hours are known.
     */
    public boolean hasHours()
    {
        return null != open;
    }

    /**
     * @param nanoOfDay nanoseconds since IST midnight.
     * @return true if that time is within the session, both ends inclusive.
     */
    public boolean contains(final long nanoOfDay)
    {
        return hasHours() && nanoOfDay >= open.toNanoOfDay() && nanoOfDay <= close.toNanoOfDay();
    }

    /**
     * @return true for sessions that make the day a trading day (regular and special).
     */
    public boolean isFullSession()
    {
        return kind != SessionKind.MUHURAT;
    }
}
