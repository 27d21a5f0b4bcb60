package dev.vyuha.engine.analytics;

import dev.vyuha.engine.readmodel.ClosedTrade;
import dev.vyuha.reference.calendar.IndiaTime;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TradeAnalyticsTest
{
    private static ClosedTrade trade(final int day, final long pnl, final int minutesHeld)
    {
        final long exit = IndiaTime.epochNanos(LocalDate.of(2026, 8, 17).plusDays(day), LocalTime.of(14, 0));
        return new ClosedTrade("b", "s", "l", "A", "X", "SELL", 65, 100_00, 90_00, pnl,
            exit - minutesHeld * 60_000_000_000L, exit, "target");
    }

    @Test
    void shouldCountWinsLossesStreaksAndTheProfitFactor()
    {
        final TradeStatistics stats = TradeAnalytics.of(List.of(trade(0, 1_000_00, 30), trade(0, 500_00, 10),
            trade(1, -300_00, 20), trade(1, -200_00, 20), trade(1, -100_00, 20), trade(2, 2_000_00, 60)), 1_00_000_00);
        assertEquals(6, stats.trades());
        assertEquals(3, stats.wins());
        assertEquals(3, stats.losses());
        assertEquals(0.5, stats.winRate());
        assertEquals(2_900_00, stats.totalPnlPaise());
        assertEquals(3_500_00.0 / 600_00, stats.profitFactor(), 1e-12);
        assertEquals(2, stats.longestWinningStreak());
        assertEquals(3, stats.longestLosingStreak());
        assertEquals(600_00, stats.maxDrawdownPaise(), "from the 1,500 peak down to 900");
        assertEquals(0.6, stats.maxDrawdownPercent(), 1e-12);
        assertEquals(2_000_00, stats.bestTradePaise());
        assertEquals(-300_00, stats.worstTradePaise());
        assertEquals(160 * 60.0 / 6, stats.averageDurationSeconds(), 1e-9);
        assertEquals(3, stats.tradingDays());
    }

    @Test
    void shouldAnnualiseSharpeAndSortinoFromDailyReturns()
    {
        final TradeStatistics stats = TradeAnalytics.of(List.of(trade(0, 1_000_00, 5), trade(1, -500_00, 5),
            trade(2, 1_500_00, 5)), 1_00_000_00);
        // Daily returns 1 %, -0.5 %, 1.5 %: mean 2/3 %, sample sd 1.0408 %.
        final double mean = 2.0 / 300;
        final double sd = Math.sqrt((Math.pow(0.01 - mean, 2) + Math.pow(-0.005 - mean, 2) + Math.pow(0.015 - mean, 2))
            / 2);
        assertEquals(mean / sd * Math.sqrt(252), stats.sharpe(), 1e-9);
        assertEquals(mean / Math.sqrt(0.005 * 0.005 / 3) * Math.sqrt(252), stats.sortino(), 1e-9);
        assertEquals(100 * mean * 252 / 0.5, stats.calmar(), 1e-9);
    }

    @Test
    void shouldLeaveUndefinedRatiosAsNotANumber()
    {
        final TradeStatistics one = TradeAnalytics.of(List.of(trade(0, 100_00, 1)), 1_00_000_00);
        assertTrue(Double.isNaN(one.profitFactor()), "no losing trade");
        assertTrue(Double.isNaN(one.sharpe()), "a single day");
        final TradeStatistics none = TradeAnalytics.of(List.of(), 1_00_000_00);
        assertEquals(0, none.trades());
        assertEquals(0.0, none.winRate());
    }
}
