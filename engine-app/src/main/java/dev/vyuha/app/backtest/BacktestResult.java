package dev.vyuha.app.backtest;

import dev.vyuha.engine.analytics.TradeStatistics;
import dev.vyuha.engine.readmodel.ClosedTrade;

import java.util.List;
import java.util.Map;

/**
 * What a backtest produced.
 *
 * @param trades        every closed round trip, in exit order.
 * @param portfolio     statistics over all trades.
 * @param perStrategy   statistics per basket/strategy.
 * @param equity        cumulative realised P&amp;L after each trade.
 * @param refusals      documents or masters the engine refused, with reasons.
 * @param capitalPaise  the capital ratios are measured against (the baskets' initial capital).
 * @param frames        market frames replayed.
 * @param tradingDays   IST days covered.
 * @param orders        orders the engine sent.
 * @param fills         fills the venue gave.
 * @param elapsedNs     wall time.
 */
public record BacktestResult(List<ClosedTrade> trades, TradeStatistics portfolio,
    Map<String, TradeStatistics> perStrategy, List<EquityPoint> equity, List<String> refusals, long capitalPaise,
    long frames, int tradingDays, long orders, long fills, long elapsedNs)
{
    /** @return trading days simulated per second of wall time. */
    public double tradingDaysPerSecond()
    {
        return elapsedNs == 0 ? 0 : tradingDays / (elapsedNs / 1e9);
    }

    /** @return market frames per second of wall time. */
    public double framesPerSecond()
    {
        return elapsedNs == 0 ? 0 : frames / (elapsedNs / 1e9);
    }
}
