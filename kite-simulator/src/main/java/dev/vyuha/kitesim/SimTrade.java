package dev.vyuha.kitesim;

import java.time.LocalDateTime;

/**
 * A fill at the simulated exchange.
 *
 * @param tradeId         exchange trade id.
 * @param orderId         Kite order id.
 * @param exchangeOrderId exchange order id.
 * @param instrument      what traded.
 * @param product         Kite product.
 * @param side            BUY or SELL.
 * @param quantity        units.
 * @param price           paise.
 * @param fillTime        IST wall clock.
 * @param tag             the order's tag (null if none).
 */
public record SimTrade(
    String tradeId,
    String orderId,
    String exchangeOrderId,
    SimInstrument instrument,
    String product,
    String side,
    int quantity,
    long price,
    LocalDateTime fillTime,
    String tag)
{
}
