package dev.vyuha.engine.analytics;

/**
 * Performance over a set of closed trades. Money in paise; ratios as plain numbers; a ratio that is undefined for the
 * data (no losing trade for the profit factor, fewer than two days for Sharpe) is NaN.
 *
 * @param trades               closed trades.
 * @param wins                 trades with P&amp;L &gt; 0.
 * @param losses               trades with P&amp;L &lt; 0.
 * @param winRate              wins / trades (0..1).
 * @param totalPnlPaise        sum of P&amp;L.
 * @param averagePnlPaise      total / trades.
 * @param bestTradePaise       largest P&amp;L.
 * @param worstTradePaise      smallest P&amp;L.
 * @param profitFactor         gross profit / gross loss.
 * @param maxDrawdownPaise     largest fall of cumulative P&amp;L from a previous peak (trades in exit order).
 * @param maxDrawdownPercent   that fall as a percent of capital.
 * @param sharpe               annualised Sharpe ratio of daily returns on capital (252 days, no risk-free rate).
 * @param sortino              annualised Sortino ratio of daily returns (downside deviation).
 * @param calmar               annualised return / max drawdown percent.
 * @param longestWinningStreak most consecutive winning trades.
 * @param longestLosingStreak  most consecutive losing trades.
 * @param averageDurationSeconds mean time from entry to exit.
 * @param tradingDays          distinct IST days with an exit.
 */
public record TradeStatistics(int trades, int wins, int losses, double winRate, long totalPnlPaise,
    long averagePnlPaise, long bestTradePaise, long worstTradePaise, double profitFactor, long maxDrawdownPaise,
    double maxDrawdownPercent, double sharpe, double sortino, double calmar, int longestWinningStreak,
    int longestLosingStreak, double averageDurationSeconds, int tradingDays)
{
}
