package dev.vyuha.reference.calendar;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * Indian Standard Time arithmetic on epoch nanoseconds, independent of the JVM's default zone. IST is UTC+05:30 with
 * no daylight saving (none since 1945), so a fixed offset is exact and needs no zone rules. Nothing here reads a clock:
 * the instant always comes from the caller (in the engine, from the command's timestamp).
 */
public final class IndiaTime
{
    /** UTC+05:30. */
    public static final ZoneOffset IST = ZoneOffset.ofHoursMinutes(5, 30);
    /** Nanoseconds in a second. */
    public static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** Nanoseconds in a minute. */
    public static final long NANOS_PER_MINUTE = 60L * NANOS_PER_SECOND;
    /** Nanoseconds in a day. */
    public static final long NANOS_PER_DAY = 86_400L * NANOS_PER_SECOND;

    private static final long IST_OFFSET_NANOS = IST.getTotalSeconds() * NANOS_PER_SECOND;

    private IndiaTime()
    {
    }

    /**
     * @param epochNanos an instant, nanoseconds since 1970-01-01T00:00Z.
     * @return the IST calendar day, as days since 1970-01-01.
     */
    public static long epochDay(final long epochNanos)
    {
        return Math.floorDiv(epochNanos + IST_OFFSET_NANOS, NANOS_PER_DAY);
    }

    /**
     * @param epochNanos an instant.
     * @return nanoseconds since IST midnight of its day, in [0, 86 400 s).
     */
    public static long nanoOfDay(final long epochNanos)
    {
        return Math.floorMod(epochNanos + IST_OFFSET_NANOS, NANOS_PER_DAY);
    }

    /**
     * @param epochNanos an instant.
     * @return its IST date.
     */
    public static LocalDate date(final long epochNanos)
    {
        return LocalDate.ofEpochDay(epochDay(epochNanos));
    }

    /**
     * @param epochNanos an instant.
     * @return its IST wall-clock time.
     */
    public static LocalTime time(final long epochNanos)
    {
        return LocalTime.ofNanoOfDay(nanoOfDay(epochNanos));
    }

    /**
     * @param epochNanos an instant.
     * @return its IST date and time.
     */
    public static LocalDateTime dateTime(final long epochNanos)
    {
        return LocalDateTime.of(date(epochNanos), time(epochNanos));
    }

    /**
     * @param date IST date.
     * @param time IST wall-clock time.
     * @return the instant in nanoseconds since the epoch.
     */
    public static long epochNanos(final LocalDate date, final LocalTime time)
    {
        return epochNanos(date.toEpochDay(), time.toNanoOfDay());
    }

    /**
     * @param epochDay  IST date as days since 1970-01-01.
     * @param nanoOfDay nanoseconds since IST midnight.
     * @return the instant in nanoseconds since the epoch.
     */
    public static long epochNanos(final long epochDay, final long nanoOfDay)
    {
        return epochDay * NANOS_PER_DAY + nanoOfDay - IST_OFFSET_NANOS;
    }
}
