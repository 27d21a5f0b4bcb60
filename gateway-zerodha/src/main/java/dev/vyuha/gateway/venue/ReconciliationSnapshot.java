package dev.vyuha.gateway.venue;

import dev.vyuha.sbe.BrokerOrderStatus;
import dev.vyuha.sbe.OrderType;
import dev.vyuha.sbe.Side;

import java.util.List;

/**
 * The broker's view of the day, matched to intents by tag. Prices in paise, {@link OrderIntent#NO_PRICE} when absent.
 *
 * @param requestId         the request answered (0 for the start-up reconciliation).
 * @param account           broker account.
 * @param brokerTimestampNs when the state was read (epoch ns).
 * @param orders            the day's orders.
 * @param trades            the day's fills.
 * @param positions         net positions.
 */
public record ReconciliationSnapshot(
    long requestId,
    String account,
    long brokerTimestampNs,
    List<Order> orders,
    List<Trade> trades,
    List<Position> positions)
{
    /**
     * An order at the broker.
     *
     * @param brokerOrderId    broker id.
     * @param tag              its tag (may be empty).
     * @param clientOrderId    recovered from the tag; 0 when not ours.
     * @param instrumentToken  0 when the gateway cannot tell.
     * @param side             side.
     * @param orderType        order type.
     * @param status           status.
     * @param quantity         units.
     * @param filledQuantity   units filled.
     * @param pendingQuantity  units open.
     * @param price            limit price or NO_PRICE.
     * @param triggerPrice     trigger price or NO_PRICE.
     * @param averagePrice     average fill price or NO_PRICE.
     * @param orderTimestampNs when placed or NO_PRICE.
     */
    public record Order(
        String brokerOrderId,
        String tag,
        long clientOrderId,
        long instrumentToken,
        Side side,
        OrderType orderType,
        BrokerOrderStatus status,
        int quantity,
        int filledQuantity,
        int pendingQuantity,
        long price,
        long triggerPrice,
        long averagePrice,
        long orderTimestampNs)
    {
    }

    /**
     * A fill at the broker.
     *
     * @param tradeId         exchange trade id.
     * @param brokerOrderId   broker order id.
     * @param tag             the order's tag (may be empty).
     * @param clientOrderId   recovered from the tag; 0 when not ours.
     * @param instrumentToken instrument.
     * @param side            side.
     * @param quantity        units.
     * @param price           paise.
     * @param fillTimestampNs when or NO_PRICE.
     */
    public record Trade(
        String tradeId,
        String brokerOrderId,
        String tag,
        long clientOrderId,
        long instrumentToken,
        Side side,
        int quantity,
        long price,
        long fillTimestampNs)
    {
    }

    /**
     * A net position at the broker.
     *
     * @param instrumentToken instrument.
     * @param tradingSymbol   symbol.
     * @param netQuantity     positive long, negative short.
     * @param averagePrice    paise or NO_PRICE.
     * @param buyQuantity     units bought.
     * @param sellQuantity    units sold.
     * @param buyValue        paise.
     * @param sellValue       paise.
     * @param realisedPnl     paise.
     * @param unrealisedPnl   paise.
     */
    public record Position(
        long instrumentToken,
        String tradingSymbol,
        long netQuantity,
        long averagePrice,
        long buyQuantity,
        long sellQuantity,
        long buyValue,
        long sellValue,
        long realisedPnl,
        long unrealisedPnl)
    {
    }
}
