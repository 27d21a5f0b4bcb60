package dev.vyuha.engine.indicator;

import dev.vyuha.reference.calendar.IndiaTime;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MinuteBarsTest
{
    private static final long OPEN = IndiaTime.epochNanos(LocalDate.of(2026, 8, 18), LocalTime.of(9, 15));
    private static final long MINUTE = IndiaTime.NANOS_PER_MINUTE;

    @Test
    void shouldLookBackNMinutesAndFillSilentMinutesWithThePreviousClose()
    {
        final MinuteBars bars = new MinuteBars(400);
        bars.onPrice(OPEN, 24_500_00);
        bars.onPrice(OPEN + 30_000_000_000L, 24_520_00);
        bars.onPrice(OPEN + 5 * MINUTE + 1, 24_600_00);
        assertEquals(24_520_00, bars.priceMinutesAgo(OPEN + 5 * MINUTE + 1, 5), "close of the 09:15 bar");
        assertEquals(24_520_00, bars.priceMinutesAgo(OPEN + 5 * MINUTE + 1, 2), "09:18 had no tick: 09:15's close");
        assertEquals(0, bars.priceMinutesAgo(OPEN + 5 * MINUTE + 1, 6), "before the first price");
        assertEquals(24_600_00, bars.lastPrice());
    }

    @Test
    void shouldComputeTheEmaOfCompletedCandlesOnly()
    {
        final MinuteBars bars = new MinuteBars(400);
        final long[] closes = new long[30];
        for (int i = 0; i < 30; i++)
        {
            closes[i] = 24_000_00 + 10_00L * i + (i % 3 == 0 ? 500 : 0);
            bars.onPrice(OPEN + i * MINUTE, closes[i]);
        }
        // The 30th minute is forming: 29 completed one-minute candles. Expected: SMA seed of the first 5 of the used
        // window, then the EMA recursion, computed here directly.
        final int period = 5;
        final int used = Math.min(29, period * 4);
        double ema = 0;
        for (int i = 29 - used; i < 29 - used + period; i++)
        {
            ema += closes[i];
        }
        ema /= period;
        for (int i = 29 - used + period; i < 29; i++)
        {
            ema += 2.0 / (period + 1) * (closes[i] - ema);
        }
        assertEquals(ema, bars.ema(period, 1, 0), 1e-6);
        assertTrue(Double.isNaN(new MinuteBars(10).ema(5, 1, 0)), "no data yet");
    }

    @Test
    void shouldReadAnRsiOfHundredWhenPricesOnlyRiseAndNearFiftyWhenTheyAlternate()
    {
        final MinuteBars rising = new MinuteBars(400);
        final MinuteBars alternating = new MinuteBars(400);
        for (int i = 0; i < 60; i++)
        {
            rising.onPrice(OPEN + i * MINUTE, 24_000_00 + 5_00L * i);
            alternating.onPrice(OPEN + i * MINUTE, 24_000_00 + (i % 2 == 0 ? 0 : 10_00));
        }
        assertEquals(100.0, rising.rsi(14, 1), 1e-9);
        assertEquals(50.0, alternating.rsi(14, 1), 5.0);
        assertEquals(11, rising.completedCandles(5), "59 completed minutes from 09:15: eleven 5-minute candles");
    }

    @Test
    void shouldKeepOnlyTheRingAndIgnoreLateTicks()
    {
        final MinuteBars bars = new MinuteBars(10);
        for (int i = 0; i < 100; i++)
        {
            bars.onPrice(OPEN + i * MINUTE, 100_00 + i);
        }
        bars.onPrice(OPEN + 50 * MINUTE, 1_00);
        assertEquals(100_00 + 99, bars.lastPrice());
        assertEquals(0, bars.priceMinutesAgo(OPEN + 99 * MINUTE, 20), "beyond the ring");
        assertEquals(100_00 + 94, bars.priceMinutesAgo(OPEN + 99 * MINUTE, 5));
    }
}
