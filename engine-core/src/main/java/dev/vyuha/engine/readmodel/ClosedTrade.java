package dev.vyuha.engine.readmodel;

/**
 * One completed round trip of a leg: entered, then exited (an entry and its re-entries are separate trades).
 *
 * @param basketId          basket.
 * @param strategyId        strategy (with {@code @account} when the basket trades several accounts).
 * @param legId             leg.
 * @param account           broker account.
 * @param symbol            trading symbol.
 * @param side              the entry's side, BUY or SELL.
 * @param quantity          units.
 * @param entryPricePaise   average entry price.
 * @param exitPricePaise    average exit price.
 * @param pnlPaise          realised P&amp;L of the round trip.
 * @param entryNs           engine time of the entry fill.
 * @param exitNs            engine time of the exit fill.
 * @param exitReason        the rule or action that closed it.
 */
public record ClosedTrade(String basketId, String strategyId, String legId, String account, String symbol, String side,
    long quantity, long entryPricePaise, long exitPricePaise, long pnlPaise, long entryNs, long exitNs,
    String exitReason)
{
}
