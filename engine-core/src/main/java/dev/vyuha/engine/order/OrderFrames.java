package dev.vyuha.engine.order;

import dev.vyuha.engine.market.InstrumentMaster;
import dev.vyuha.engine.runtime.OrderSink;
import dev.vyuha.sbe.CancelOrderEncoder;
import dev.vyuha.sbe.Exchange;
import dev.vyuha.sbe.MessageHeaderEncoder;
import dev.vyuha.sbe.ModifyOrderEncoder;
import dev.vyuha.sbe.NewOrderEncoder;
import dev.vyuha.sbe.OrderType;
import dev.vyuha.sbe.Product;
import dev.vyuha.sbe.Validity;
import dev.vyuha.wire.OrderTags;

/**
 * Encodes the engine's order intents as SBE frames into the current command's {@link OrderSink}: new orders with
 * their deterministic tag ({@link OrderTags}) and everything the gateway needs to slice and price them without the
 * instrument master (trading symbol, exchange, lot size, freeze quantity, tick size), and modifications and
 * cancellations. Reused; no allocation.
 */
public final class OrderFrames
{
    /** Largest encoded NewOrder frame. */
    public static final int NEW_ORDER_LENGTH = MessageHeaderEncoder.ENCODED_LENGTH + NewOrderEncoder.BLOCK_LENGTH;
    /** Largest encoded ModifyOrder frame. */
    public static final int MODIFY_ORDER_LENGTH = MessageHeaderEncoder.ENCODED_LENGTH + ModifyOrderEncoder.BLOCK_LENGTH;
    /** Largest encoded CancelOrder frame. */
    public static final int CANCEL_ORDER_LENGTH = MessageHeaderEncoder.ENCODED_LENGTH + CancelOrderEncoder.BLOCK_LENGTH;

    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final NewOrderEncoder newOrder = new NewOrderEncoder();
    private final ModifyOrderEncoder modifyOrder = new ModifyOrderEncoder();
    private final CancelOrderEncoder cancelOrder = new CancelOrderEncoder();

    /**
     * Encode a new order.
     *
     * @param sink             the current command's sink.
     * @param causeSequence    sequence of the causing command.
     * @param causeTimestampNs its timestamp.
     * @param clientOrderId    the intent's id (its tag derives from it).
     * @param account          broker account.
     * @param master           instruments.
     * @param instrumentId     the instrument.
     * @param side             buy or sell.
     * @param orderType        MARKET, LIMIT, SL or SL_M.
     * @param product          MIS or NRML.
     * @param quantity         units.
     * @param limitPrice       limit price in paise, 0 for none.
     * @param triggerPrice     trigger price in paise, 0 for none.
     * @param marketProtection Kite market protection in percent (-1 automatic).
     * @param referencePrice   the price the decision saw, paise.
     */
    public void newOrder(final OrderSink sink, final long causeSequence, final long causeTimestampNs,
        final long clientOrderId, final String account, final InstrumentMaster master, final int instrumentId,
        final Side side, final OrderType orderType, final Product product, final int quantity, final long limitPrice,
        final long triggerPrice, final short marketProtection, final long referencePrice)
    {
        final int offset = sink.claim(NEW_ORDER_LENGTH);
        newOrder.wrapAndApplyHeader(sink.buffer(), offset, header);
        newOrder.commandHeader().sequence(causeSequence).timestampNs(causeTimestampNs);
        newOrder.clientOrderId(clientOrderId);
        OrderTags.putIntentTag(clientOrderId, sink.buffer(), offset + MessageHeaderEncoder.ENCODED_LENGTH
            + NewOrderEncoder.tagEncodingOffset());
        for (int i = OrderTags.INTENT_TAG_LENGTH; i < NewOrderEncoder.tagLength(); i++)
        {
            newOrder.tag(i, (byte)0);
        }
        newOrder.account(account)
            .instrumentToken(master.token(instrumentId))
            .tradingSymbol(master.tradingSymbol(instrumentId))
            .exchange(exchange(master.exchange(instrumentId)))
            .side(side == Side.BUY ? dev.vyuha.sbe.Side.BUY : dev.vyuha.sbe.Side.SELL)
            .orderType(orderType)
            .product(product)
            .validity(Validity.DAY)
            .quantity(quantity)
            .limitPrice(limitPrice > 0 ? limitPrice : NewOrderEncoder.limitPriceNullValue())
            .triggerPrice(triggerPrice > 0 ? triggerPrice : NewOrderEncoder.triggerPriceNullValue())
            .marketProtection(marketProtection)
            .lotSize(master.lotSize(instrumentId))
            .freezeQuantity(master.maxOrderQuantity(instrumentId))
            .tickSize(master.tickSizePaise(instrumentId))
            .referencePrice(referencePrice > 0 ? referencePrice : NewOrderEncoder.referencePriceNullValue());
        sink.commit(MessageHeaderEncoder.ENCODED_LENGTH + newOrder.encodedLength());
    }

    /**
     * Encode a modification of an open order.
     *
     * @param sink             the current command's sink.
     * @param causeSequence    sequence of the causing command.
     * @param causeTimestampNs its timestamp.
     * @param requestId        id of this modification.
     * @param clientOrderId    the order.
     * @param account          broker account.
     * @param orderType        new type.
     * @param quantity         new quantity.
     * @param limitPrice       new limit, paise (0 none).
     * @param triggerPrice     new trigger, paise (0 none).
     */
    public void modifyOrder(final OrderSink sink, final long causeSequence, final long causeTimestampNs,
        final long requestId, final long clientOrderId, final String account, final OrderType orderType,
        final int quantity, final long limitPrice, final long triggerPrice)
    {
        final int offset = sink.claim(MODIFY_ORDER_LENGTH);
        modifyOrder.wrapAndApplyHeader(sink.buffer(), offset, header);
        modifyOrder.commandHeader().sequence(causeSequence).timestampNs(causeTimestampNs);
        modifyOrder.requestId(requestId).clientOrderId(clientOrderId).account(account).orderType(orderType)
            .quantity(quantity)
            .limitPrice(limitPrice > 0 ? limitPrice : ModifyOrderEncoder.limitPriceNullValue())
            .triggerPrice(triggerPrice > 0 ? triggerPrice : ModifyOrderEncoder.triggerPriceNullValue());
        sink.commit(MessageHeaderEncoder.ENCODED_LENGTH + modifyOrder.encodedLength());
    }

    /**
     * Encode a cancellation.
     *
     * @param sink             the current command's sink.
     * @param causeSequence    sequence of the causing command.
     * @param causeTimestampNs its timestamp.
     * @param requestId        id of this cancellation.
     * @param clientOrderId    the order.
     * @param account          broker account.
     */
    public void cancelOrder(final OrderSink sink, final long causeSequence, final long causeTimestampNs,
        final long requestId, final long clientOrderId, final String account)
    {
        final int offset = sink.claim(CANCEL_ORDER_LENGTH);
        cancelOrder.wrapAndApplyHeader(sink.buffer(), offset, header);
        cancelOrder.commandHeader().sequence(causeSequence).timestampNs(causeTimestampNs);
        cancelOrder.requestId(requestId).clientOrderId(clientOrderId).account(account);
        sink.commit(MessageHeaderEncoder.ENCODED_LENGTH + cancelOrder.encodedLength());
    }

    private static Exchange exchange(final String name)
    {
        return switch (name)
        {
            case "NFO" -> Exchange.NFO;
            case "BFO" -> Exchange.BFO;
            case "BSE" -> Exchange.BSE;
            default -> Exchange.NSE;
        };
    }
}
