package dev.vyuha.gateway.venue;

import dev.vyuha.sbe.Exchange;
import dev.vyuha.sbe.OrderType;
import dev.vyuha.sbe.Product;
import dev.vyuha.sbe.Side;
import dev.vyuha.sbe.Validity;

/**
 * A new order as the engine sent it in a {@code NewOrder} frame. Prices in paise; {@link #NO_PRICE} for absent ones.
 *
 * @param clientOrderId    engine id of the intent.
 * @param tag              the intent tag ({@code dev.vyuha.wire.OrderTags}).
 * @param account          broker account.
 * @param instrumentToken  Kite instrument token.
 * @param tradingSymbol    trading symbol.
 * @param exchange         exchange.
 * @param side             side.
 * @param orderType        order type.
 * @param product          product.
 * @param validity         validity.
 * @param quantity         units.
 * @param limitPrice       limit price or {@link #NO_PRICE}.
 * @param triggerPrice     trigger price or {@link #NO_PRICE}.
 * @param marketProtection Kite market protection (percent, -1 auto, 0 none).
 * @param lotSize          units per lot.
 * @param freezeQuantity   largest quantity per exchange order.
 * @param tickSize         price tick in paise.
 * @param referencePrice   price the decision saw, or {@link #NO_PRICE}.
 * @param receivedNanos    {@link System#nanoTime()} when the gateway received the frame.
 */
public record OrderIntent(
    long clientOrderId,
    String tag,
    String account,
    long instrumentToken,
    String tradingSymbol,
    Exchange exchange,
    Side side,
    OrderType orderType,
    Product product,
    Validity validity,
    int quantity,
    long limitPrice,
    long triggerPrice,
    int marketProtection,
    int lotSize,
    int freezeQuantity,
    long tickSize,
    long referencePrice,
    long receivedNanos)
{
    /** An absent price (the SBE null of {@code OptionalPaise}). */
    public static final long NO_PRICE = Long.MIN_VALUE;

    /** @return true for a buy. */
    public boolean isBuy()
    {
        return side == Side.BUY;
    }
}
