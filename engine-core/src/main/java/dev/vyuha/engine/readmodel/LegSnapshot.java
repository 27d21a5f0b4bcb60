package dev.vyuha.engine.readmodel;

/**
 * One leg of one strategy instance.
 *
 * @param id                the leg's id in the basket.
 * @param state             its {@code LegState}.
 * @param symbol            trading symbol of its instrument, empty before selection.
 * @param side              BUY or SELL (a reversed re-entry flips it).
 * @param hedge             true for a hedge leg.
 * @param lots              lots per entry.
 * @param netQuantity       signed units held (positive long).
 * @param averagePricePaise average price of the open position.
 * @param lastPricePaise    last traded price of the instrument.
 * @param realisedPaise     realised P&amp;L today, earlier entries of the day included.
 * @param unrealisedPaise   unrealised P&amp;L at the last price.
 * @param bestPaise         best P&amp;L seen for the current position.
 * @param worstPaise        worst P&amp;L seen for the current position.
 * @param stopLevelPaise    current stop-loss level (premium or underlying), 0 if none.
 * @param targetLevelPaise  current target level, 0 if none.
 * @param greeks            the position's Greeks.
 */
public record LegSnapshot(String id, String state, String symbol, String side, boolean hedge, int lots,
    long netQuantity, long averagePricePaise, long lastPricePaise, long realisedPaise, long unrealisedPaise,
    long bestPaise, long worstPaise, long stopLevelPaise, long targetLevelPaise, GreeksSnapshot greeks)
{
}
