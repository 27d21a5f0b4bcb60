package dev.vyuha.gateway.kite;

import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

/**
 * Kite's order budgets in one limiter (KITE.md §9): at most {@code perSecond} order requests in any second and
 * {@code perMinute} in any minute (place, modify and cancel all count), and {@code perDay} orders per IST trading day
 * (placements only). Sliding windows over the send times of the last requests, so a burst is spread exactly as far as
 * the rules demand and no further.
 *
 * <p>The caller owns the queue: {@link #tryAcquire} either records a send or says how long to wait, so excess requests
 * wait in order, never dropped. Time comes from the caller (epoch nanoseconds), so it is testable without sleeping.
 * Not thread safe: used by the broker thread only.
 */
public final class OrderRateLimiter
{
    /** Returned by {@link #tryAcquire} when the day's placement budget is spent. */
    public static final long DAY_BUDGET_SPENT = -1;

    private static final ZoneOffset IST = ZoneOffset.ofHoursMinutes(5, 30);
    private static final long SECOND_NS = TimeUnit.SECONDS.toNanos(1);
    private static final long MINUTE_NS = TimeUnit.MINUTES.toNanos(1);
    private static final long DAY_NS = TimeUnit.DAYS.toNanos(1);

    private final long[] secondWindow;
    private final long[] minuteWindow;
    private final int perDay;
    private final long guardNs;
    private int secondIndex;
    private int minuteIndex;
    private long day = Long.MIN_VALUE;
    private int placedToday;

    /**
     * @param perSecond requests allowed in any second.
     * @param perMinute requests allowed in any minute.
     * @param perDay    placements allowed per IST day.
     * @param guardNs   added to each window to absorb clock and network jitter (0 for exact windows).
     */
    public OrderRateLimiter(final int perSecond, final int perMinute, final int perDay, final long guardNs)
    {
        if (perSecond <= 0 || perMinute <= 0 || perDay <= 0 || guardNs < 0)
        {
            throw new IllegalArgumentException("budgets must be > 0 and guard >= 0");
        }
        this.secondWindow = new long[perSecond];
        this.minuteWindow = new long[perMinute];
        this.perDay = perDay;
        this.guardNs = guardNs;
        java.util.Arrays.fill(secondWindow, Long.MIN_VALUE / 2);
        java.util.Arrays.fill(minuteWindow, Long.MIN_VALUE / 2);
    }

    /**
     * Take a slot for one order request now, or learn how long to wait for one.
     *
     * @param nowNs     epoch nanoseconds.
     * @param placement true for a new order (counts toward the day budget), false for a modify or cancel.
     * @return 0 if the request may go now (it is recorded), the nanoseconds to wait otherwise, or
     * {@link #DAY_BUDGET_SPENT} if it is a placement and the day's budget is spent.
     */
    public long tryAcquire(final long nowNs, final boolean placement)
    {
        rollDay(nowNs);
        if (placement && placedToday >= perDay)
        {
            return DAY_BUDGET_SPENT;
        }
        final long secondFree = secondWindow[secondIndex] + SECOND_NS + guardNs;
        final long minuteFree = minuteWindow[minuteIndex] + MINUTE_NS + guardNs;
        final long freeAt = Math.max(secondFree, minuteFree);
        if (freeAt > nowNs)
        {
            return freeAt - nowNs;
        }
        secondWindow[secondIndex] = nowNs;
        secondIndex = (secondIndex + 1) % secondWindow.length;
        minuteWindow[minuteIndex] = nowNs;
        minuteIndex = (minuteIndex + 1) % minuteWindow.length;
        if (placement)
        {
            placedToday++;
        }
        return 0;
    }

    /**
     * @param nowNs epoch nanoseconds.
     * @return placements left today.
     */
    public int placementsLeftToday(final long nowNs)
    {
        rollDay(nowNs);
        return perDay - placedToday;
    }

    private void rollDay(final long nowNs)
    {
        final long istDay = Math.floorDiv(nowNs + TimeUnit.SECONDS.toNanos(IST.getTotalSeconds()), DAY_NS);
        if (istDay != day)
        {
            day = istDay;
            placedToday = 0;
        }
    }
}
