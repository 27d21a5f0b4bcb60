package dev.vyuha.engine.risk;

import dev.vyuha.reference.calendar.IndiaTime;

import java.util.Arrays;

/**
 * Order-rate budgets counted in command time: at most {@code perSecond} orders in any rolling second, {@code perMinute}
 * in any rolling minute and {@code perDay} per IST calendar day. The rolling windows are rings of the last N accepted
 * order times: an order fits if the oldest of the last N is at least a window old.
 *
 * <p>Owned by the business-logic thread; no allocation after construction.
 */
public final class OrderRateBudget
{
    private static final long SECOND_NS = 1_000_000_000L;
    private static final long MINUTE_NS = 60L * SECOND_NS;
    private static final long EMPTY = Long.MIN_VALUE;

    private final int perDay;
    private final long[] lastSecond;
    private final long[] lastMinute;
    private int secondCursor;
    private int minuteCursor;
    private long dayEpoch = Long.MIN_VALUE;
    private int ordersToday;

    /**
     * @param perSecond orders per rolling second, &gt; 0.
     * @param perMinute orders per rolling minute, &gt; 0.
     * @param perDay    orders per day, &gt; 0.
     */
    public OrderRateBudget(final int perSecond, final int perMinute, final int perDay)
    {
        if (perSecond <= 0 || perMinute <= 0 || perDay <= 0)
        {
            throw new IllegalArgumentException("order-rate budgets must be > 0: " + perSecond + "/s, " + perMinute
                + "/min, " + perDay + "/day");
        }
        this.perDay = perDay;
        lastSecond = new long[perSecond];
        lastMinute = new long[perMinute];
        Arrays.fill(lastSecond, EMPTY);
        Arrays.fill(lastMinute, EMPTY);
    }

    /**
     * Check whether one more order fits without counting it.
     *
     * @param rolling true to apply the per-second and per-minute windows (entries), false for the daily cap only.
     * @param nowNs   command time.
     * @return {@link RiskVerdict#ACCEPTED} or the budget that is spent.
     */
    public RiskVerdict check(final boolean rolling, final long nowNs)
    {
        final long day = IndiaTime.epochDay(nowNs);
        if (day == dayEpoch && ordersToday >= perDay)
        {
            return RiskVerdict.RATE_LIMIT_PER_DAY;
        }
        if (rolling)
        {
            if (lastSecond[secondCursor] != EMPTY && nowNs - lastSecond[secondCursor] < SECOND_NS)
            {
                return RiskVerdict.RATE_LIMIT_PER_SECOND;
            }
            if (lastMinute[minuteCursor] != EMPTY && nowNs - lastMinute[minuteCursor] < MINUTE_NS)
            {
                return RiskVerdict.RATE_LIMIT_PER_MINUTE;
            }
        }
        return RiskVerdict.ACCEPTED;
    }

    /**
     * Count an order that was accepted: the oldest times in the windows are replaced by this one.
     *
     * @param nowNs command time.
     */
    public void record(final long nowNs)
    {
        final long day = IndiaTime.epochDay(nowNs);
        if (day != dayEpoch)
        {
            dayEpoch = day;
            ordersToday = 0;
        }
        lastSecond[secondCursor] = nowNs;
        secondCursor = (secondCursor + 1) % lastSecond.length;
        lastMinute[minuteCursor] = nowNs;
        minuteCursor = (minuteCursor + 1) % lastMinute.length;
        ordersToday++;
    }

    /**
     * @param nowNs command time.
     * @return orders counted on the IST day of {@code nowNs}.
     */
    public int ordersOn(final long nowNs)
    {
        return IndiaTime.epochDay(nowNs) == dayEpoch ? ordersToday : 0;
    }
}
