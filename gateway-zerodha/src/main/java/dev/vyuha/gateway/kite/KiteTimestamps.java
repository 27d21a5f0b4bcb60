package dev.vyuha.gateway.kite;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Kite's timestamps are IST wall-clock text; SDK 3.5.1 parses them in the JVM's default zone (KITE.md §5.1). These
 * helpers turn them into true epoch nanoseconds whatever the JVM zone.
 */
public final class KiteTimestamps
{
    /** Kite's zone. */
    public static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    /** The SBE null of optional timestamps. */
    public static final long NONE = Long.MIN_VALUE;

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private KiteTimestamps()
    {
    }

    /**
     * @param date a date the SDK parsed from IST wall-clock text in the JVM default zone, or null.
     * @return epoch nanoseconds, or {@link #NONE}.
     */
    public static long fromSdk(final Date date)
    {
        if (null == date)
        {
            return NONE;
        }
        final LocalDateTime wallClock = LocalDateTime.ofInstant(date.toInstant(), ZoneId.systemDefault());
        return TimeUnit.SECONDS.toNanos(wallClock.atZone(IST).toEpochSecond());
    }

    /**
     * @param text {@code yyyy-MM-dd HH:mm:ss} IST, or null/garbage.
     * @return epoch nanoseconds, or {@link #NONE}.
     */
    public static long fromText(final String text)
    {
        if (null == text || text.isEmpty() || "null".equals(text))
        {
            return NONE;
        }
        try
        {
            return TimeUnit.SECONDS.toNanos(LocalDateTime.parse(text, FORMAT).atZone(IST).toEpochSecond());
        }
        catch (final DateTimeParseException ex)
        {
            return NONE;
        }
    }
}
