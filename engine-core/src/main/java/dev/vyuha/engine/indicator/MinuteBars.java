package dev.vyuha.engine.indicator;

import dev.vyuha.reference.calendar.IndiaTime;

/**
 * One-minute OHLC bars of an underlying, built from its ticks in command time, in a fixed ring of the most recent
 * {@code capacity} minutes (a full session is 375). Bars are labelled by the minute they start; a minute with no tick
 * repeats the previous close (no gaps, so N-minute candles and "N minutes ago" are well defined). Indicators are
 * computed on completed candles only, never on the forming one. No allocation after construction.
 */
public final class MinuteBars
{
    private static final long MINUTE_NS = IndiaTime.NANOS_PER_MINUTE;
    private static final long NONE = Long.MIN_VALUE;

    private final int capacity;
    private final long[] open;
    private final long[] high;
    private final long[] low;
    private final long[] close;
    private long currentMinute = NONE;
    private long firstMinute = NONE;

    /**
     * @param capacity minutes of history kept (at least the longest indicator look-back).
     */
    public MinuteBars(final int capacity)
    {
        if (capacity < 2)
        {
            throw new IllegalArgumentException("capacity must be >= 2: " + capacity);
        }
        this.capacity = capacity;
        open = new long[capacity];
        high = new long[capacity];
        low = new long[capacity];
        close = new long[capacity];
    }

    /**
     * Add a price observed at a command time.
     *
     * @param epochNanos command time.
     * @param pricePaise the underlying's price.
     */
    public void onPrice(final long epochNanos, final long pricePaise)
    {
        if (pricePaise <= 0)
        {
            return;
        }
        final long minute = Math.floorDiv(epochNanos, MINUTE_NS);
        if (currentMinute == NONE)
        {
            currentMinute = minute;
            firstMinute = minute;
            start(minute, pricePaise);
            return;
        }
        if (minute < currentMinute)
        {
            // A late tick for a minute already closed: the bar keeps what it had.
            return;
        }
        if (minute > currentMinute)
        {
            final long previousClose = close[slot(currentMinute)];
            final long gap = Math.min(minute - currentMinute - 1, capacity);
            for (long m = minute - gap; m < minute; m++)
            {
                start(m, previousClose);
            }
            currentMinute = minute;
            start(minute, pricePaise);
            return;
        }
        final int slot = slot(minute);
        high[slot] = Math.max(high[slot], pricePaise);
        low[slot] = Math.min(low[slot], pricePaise);
        close[slot] = pricePaise;
    }

    private void start(final long minute, final long price)
    {
        final int slot = slot(minute);
        open[slot] = price;
        high[slot] = price;
        low[slot] = price;
        close[slot] = price;
    }

    private int slot(final long minute)
    {
        return (int)Math.floorMod(minute, (long)capacity);
    }

    /** @return true once a price has been seen. */
    public boolean hasData()
    {
        return currentMinute != NONE;
    }

    /** @return the latest price, 0 if none. */
    public long lastPrice()
    {
        return currentMinute == NONE ? 0 : close[slot(currentMinute)];
    }

    /**
     * The price N minutes before the given instant: the close of the minute bar that ended then.
     *
     * @param epochNanos now.
     * @param minutes    look-back, &gt;= 1.
     * @return the price, or 0 if that minute is before the first price or beyond the ring.
     */
    public long priceMinutesAgo(final long epochNanos, final int minutes)
    {
        final long target = Math.floorDiv(epochNanos, MINUTE_NS) - minutes;
        if (currentMinute == NONE || target < firstMinute || target > currentMinute || currentMinute - target >= capacity)
        {
            return 0;
        }
        return close[slot(target)];
    }

    /**
     * Exponential moving average of the closes of the last {@code period} completed candles of
     * {@code candleMinutes} minutes, seeded with their simple average over the first {@code period} candles of the
     * available history (the usual convention).
     *
     * @param period        candles, &gt;= 1.
     * @param candleMinutes minutes per candle, &gt;= 1.
     * @param candlesBack   0 for the latest completed candle, 1 for the one before (crossover detection).
     * @return the EMA in paise as a double, or NaN if fewer than period candles are complete.
     */
    public double ema(final int period, final int candleMinutes, final int candlesBack)
    {
        final int available = completedCandles(candleMinutes) - candlesBack;
        if (available < period)
        {
            return Double.NaN;
        }
        final int used = Math.min(available, period * 4);
        final double alpha = 2.0 / (period + 1);
        double sum = 0;
        for (int i = used - 1; i >= used - period; i--)
        {
            sum += candleClose(candleMinutes, i + candlesBack);
        }
        double ema = sum / period;
        for (int i = used - period - 1; i >= 0; i--)
        {
            ema += alpha * (candleClose(candleMinutes, i + candlesBack) - ema);
        }
        return ema;
    }

    /**
     * Wilder's RSI over the last {@code period} changes of completed candles.
     *
     * @param period        changes, &gt;= 1.
     * @param candleMinutes minutes per candle.
     * @return RSI in [0, 100], or NaN if fewer than period + 1 candles are complete.
     */
    public double rsi(final int period, final int candleMinutes)
    {
        final int available = completedCandles(candleMinutes);
        if (available < period + 1)
        {
            return Double.NaN;
        }
        final int used = Math.min(available - 1, period * 4);
        double gain = 0;
        double loss = 0;
        for (int i = used; i > used - period; i--)
        {
            final double change = candleClose(candleMinutes, i - 1) - candleClose(candleMinutes, i);
            gain += Math.max(change, 0);
            loss += Math.max(-change, 0);
        }
        gain /= period;
        loss /= period;
        for (int i = used - period; i > 0; i--)
        {
            final double change = candleClose(candleMinutes, i - 1) - candleClose(candleMinutes, i);
            gain = (gain * (period - 1) + Math.max(change, 0)) / period;
            loss = (loss * (period - 1) + Math.max(-change, 0)) / period;
        }
        if (loss == 0.0)
        {
            return gain == 0.0 ? 50.0 : 100.0;
        }
        return 100.0 - 100.0 / (1.0 + gain / loss);
    }

    /**
     * @param candleMinutes minutes per candle.
     * @return completed candles of that size in the ring (candles aligned to the epoch minute).
     */
    public int completedCandles(final int candleMinutes)
    {
        if (currentMinute == NONE)
        {
            return 0;
        }
        final long lastComplete = lastCompletedCandleStart(candleMinutes);
        final long firstKept = Math.max(firstMinute, currentMinute - capacity + 1);
        final long firstCandle = Math.floorDiv(firstKept + candleMinutes - 1, candleMinutes) * candleMinutes;
        return lastComplete < firstCandle ? 0 : (int)((lastComplete - firstCandle) / candleMinutes) + 1;
    }

    /**
     * Close of a completed candle.
     *
     * @param candleMinutes minutes per candle.
     * @param candlesBack   0 for the latest completed candle.
     * @return its close in paise.
     */
    public long candleClose(final int candleMinutes, final int candlesBack)
    {
        final long start = lastCompletedCandleStart(candleMinutes) - (long)candlesBack * candleMinutes;
        return close[slot(start + candleMinutes - 1)];
    }

    private long lastCompletedCandleStart(final int candleMinutes)
    {
        // The candle containing the current minute is forming; the one before it is the latest complete.
        return Math.floorDiv(currentMinute, candleMinutes) * candleMinutes - candleMinutes;
    }
}
