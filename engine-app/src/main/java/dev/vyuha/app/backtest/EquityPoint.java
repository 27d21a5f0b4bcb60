package dev.vyuha.app.backtest;

/**
 * The portfolio's realised P&amp;L after a trade closed.
 *
 * @param timeNs       when.
 * @param equityPaise  cumulative realised P&amp;L.
 */
public record EquityPoint(long timeNs, long equityPaise)
{
}
