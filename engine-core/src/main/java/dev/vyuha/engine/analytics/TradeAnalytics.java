package dev.vyuha.engine.analytics;

import dev.vyuha.engine.readmodel.ClosedTrade;
import dev.vyuha.reference.calendar.IndiaTime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * Computes {@link TradeStatistics} from closed trades. Trades are taken in exit order; daily returns are each IST
 * day's realised P&amp;L over the capital; annualisation uses 252 trading days.
 */
public final class TradeAnalytics
{
    private static final double TRADING_DAYS_PER_YEAR = 252.0;

    private TradeAnalytics()
    {
    }

    /**
     * @param trades       closed trades, any order.
     * @param capitalPaise the capital returns and drawdown percent are measured against, &gt; 0.
     * @return the statistics.
     */
    public static TradeStatistics of(final List<ClosedTrade> trades, final long capitalPaise)
    {
        if (capitalPaise <= 0)
        {
            throw new IllegalArgumentException("capital must be > 0: " + capitalPaise);
        }
        final List<ClosedTrade> ordered = new ArrayList<>(trades);
        ordered.sort(Comparator.comparingLong(ClosedTrade::exitNs));
        int wins = 0;
        int losses = 0;
        long total = 0;
        long best = Long.MIN_VALUE;
        long worst = Long.MAX_VALUE;
        long grossProfit = 0;
        long grossLoss = 0;
        long peak = 0;
        long maxDrawdown = 0;
        int winStreak = 0;
        int lossStreak = 0;
        int longestWin = 0;
        int longestLoss = 0;
        double durationSeconds = 0;
        final TreeMap<Long, Long> daily = new TreeMap<>();
        for (final ClosedTrade trade : ordered)
        {
            final long pnl = trade.pnlPaise();
            total += pnl;
            best = Math.max(best, pnl);
            worst = Math.min(worst, pnl);
            if (pnl > 0)
            {
                wins++;
                grossProfit += pnl;
                winStreak++;
                lossStreak = 0;
            }
            else if (pnl < 0)
            {
                losses++;
                grossLoss -= pnl;
                lossStreak++;
                winStreak = 0;
            }
            longestWin = Math.max(longestWin, winStreak);
            longestLoss = Math.max(longestLoss, lossStreak);
            peak = Math.max(peak, total);
            maxDrawdown = Math.max(maxDrawdown, peak - total);
            durationSeconds += Math.max(0, trade.exitNs() - trade.entryNs()) / 1e9;
            daily.merge(IndiaTime.epochDay(trade.exitNs()), pnl, Long::sum);
        }
        final int n = ordered.size();
        final double[] returns = new double[daily.size()];
        int d = 0;
        for (final long pnl : daily.values())
        {
            returns[d++] = (double)pnl / capitalPaise;
        }
        final double mean = mean(returns);
        final double deviation = deviation(returns, mean, false);
        final double downside = deviation(returns, 0.0, true);
        final double drawdownPercent = 100.0 * maxDrawdown / capitalPaise;
        final double annualReturnPercent = 100.0 * mean * TRADING_DAYS_PER_YEAR;
        return new TradeStatistics(n, wins, losses, n == 0 ? 0 : (double)wins / n, total, n == 0 ? 0 : total / n,
            n == 0 ? 0 : best, n == 0 ? 0 : worst, grossLoss == 0 ? Double.NaN : (double)grossProfit / grossLoss,
            maxDrawdown, drawdownPercent,
            returns.length < 2 || deviation == 0 ? Double.NaN : mean / deviation * Math.sqrt(TRADING_DAYS_PER_YEAR),
            returns.length < 2 || downside == 0 ? Double.NaN : mean / downside * Math.sqrt(TRADING_DAYS_PER_YEAR),
            maxDrawdown == 0 || returns.length == 0 ? Double.NaN : annualReturnPercent / drawdownPercent,
            longestWin, longestLoss, n == 0 ? 0 : durationSeconds / n, daily.size());
    }

    private static double mean(final double[] values)
    {
        double sum = 0;
        for (final double value : values)
        {
            sum += value;
        }
        return values.length == 0 ? 0 : sum / values.length;
    }

    /**
     * @param downsideOnly true for the downside deviation (only values below the centre count; divided by all).
     * @return the sample standard deviation around the centre (population for the downside deviation).
     */
    private static double deviation(final double[] values, final double centre, final boolean downsideOnly)
    {
        if (values.length < 2)
        {
            return 0;
        }
        double sum = 0;
        for (final double value : values)
        {
            final double difference = value - centre;
            if (!downsideOnly || difference < 0)
            {
                sum += difference * difference;
            }
        }
        return Math.sqrt(sum / (downsideOnly ? values.length : values.length - 1));
    }
}
