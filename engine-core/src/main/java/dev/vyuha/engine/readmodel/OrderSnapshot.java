package dev.vyuha.engine.readmodel;

/**
 * One order intent of the day.
 *
 * @param clientOrderId     the engine's deterministic id.
 * @param tag               the tag the broker sees.
 * @param scope             basket/strategy/leg that placed it.
 * @param symbol            trading symbol.
 * @param side              BUY or SELL.
 * @param quantity          units.
 * @param filledQuantity    units filled so far.
 * @param averagePricePaise average fill price, 0 before any fill.
 * @param limitPricePaise   limit price, 0 for market.
 * @param state             its {@code OrderState}.
 * @param createdNs         command time it was decided.
 * @param updatedNs         command time of its last change.
 */
public record OrderSnapshot(long clientOrderId, String tag, String scope, String symbol, String side, int quantity,
    int filledQuantity, long averagePricePaise, long limitPricePaise, String state, long createdNs, long updatedNs)
{
}
