package dev.vyuha.feed;

/**
 * Decides when a replayed frame is due: data time runs at {@code speed} times wall time from the first frame
 * ({@code 1} real time, {@code 60} a minute of data per second), or not at all ({@link #AS_FAST_AS_POSSIBLE}). After a
 * pause (nobody subscribed) the pacing restarts from the next frame, rather than rushing to catch up.
 */
public final class ReplayPacer
{
    /** Speed meaning "no pacing". */
    public static final double AS_FAST_AS_POSSIBLE = Double.POSITIVE_INFINITY;

    private final double speed;
    private long originDataNs = Long.MIN_VALUE;
    private long originWallNs;

    /**
     * @param speed data seconds per wall second (&gt; 0), or {@link #AS_FAST_AS_POSSIBLE}.
     */
    public ReplayPacer(final double speed)
    {
        if (!(speed > 0))
        {
            throw new IllegalArgumentException("speed must be > 0: " + speed);
        }
        this.speed = speed;
    }

    /**
     * @param dataTimeNs the frame's data time.
     * @param wallNs     now (any monotonic nanosecond clock).
     * @return true if the frame should go out now.
     */
    public boolean isDue(final long dataTimeNs, final long wallNs)
    {
        if (Double.isInfinite(speed))
        {
            return true;
        }
        if (originDataNs == Long.MIN_VALUE)
        {
            originDataNs = dataTimeNs;
            originWallNs = wallNs;
            return true;
        }
        return (dataTimeNs - originDataNs) / speed <= wallNs - originWallNs;
    }

    /**
     * @param dataTimeNs the frame's data time.
     * @return wall nanoseconds after the origin at which it is due (for diagnostics), or 0 before the first frame.
     */
    public long dueAfterOriginNs(final long dataTimeNs)
    {
        return originDataNs == Long.MIN_VALUE || Double.isInfinite(speed) ? 0 :
            (long)((dataTimeNs - originDataNs) / speed);
    }

    /** Restart pacing from the next frame. */
    public void restart()
    {
        originDataNs = Long.MIN_VALUE;
    }

    /** @return the speed. */
    public double speed()
    {
        return speed;
    }

    /**
     * @param text {@code max} (as fast as possible) or a positive number.
     * @return the speed.
     */
    public static double parse(final String text)
    {
        final String value = text.strip();
        if ("max".equalsIgnoreCase(value))
        {
            return AS_FAST_AS_POSSIBLE;
        }
        final double speed = Double.parseDouble(value.endsWith("x") ? value.substring(0, value.length() - 1) : value);
        if (!(speed > 0) || Double.isInfinite(speed))
        {
            throw new IllegalArgumentException("speed must be 'max' or a number > 0: " + text);
        }
        return speed;
    }
}
