package dev.vyuha.app.backtest;

import dev.vyuha.gateway.paper.PaperFillModel;
import dev.vyuha.gateway.venue.MarketQuote;
import dev.vyuha.sbe.CancelOrderDecoder;
import dev.vyuha.sbe.DerivativeTickDecoder;
import dev.vyuha.sbe.ExecType;
import dev.vyuha.sbe.ExecutionReportEncoder;
import dev.vyuha.sbe.MessageHeaderDecoder;
import dev.vyuha.sbe.MessageHeaderEncoder;
import dev.vyuha.sbe.NewOrderDecoder;
import dev.vyuha.sbe.OrderType;
import dev.vyuha.sbe.RejectReason;
import dev.vyuha.sbe.Side;
import dev.vyuha.wire.FrameReader;
import dev.vyuha.wire.FrameVerdict;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.collections.Long2ObjectHashMap;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The backtest's broker: the engine's order frames go into the paper venue's fill model (the same one the gateway
 * uses in paper mode), the backtest's ticks feed its books, and its fills and cancellations come back as execution
 * reports, queued for the backtest to apply after the command that caused them. MARKET intents become marketable
 * limits at the decision's reference price plus or minus the protection (the gateway's default style).
 */
final class SimulatedVenue implements PaperFillModel.FillListener
{
    private static final long MARKET_PROTECTION_BPS = 100;

    private final PaperFillModel model;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final NewOrderDecoder newOrder = new NewOrderDecoder();
    private final CancelOrderDecoder cancelOrder = new CancelOrderDecoder();
    private final FrameReader marketFrames = new FrameReader();
    private final MarketQuote quote = new MarketQuote();
    private final ExecutionReportEncoder report = new ExecutionReportEncoder();
    private final MessageHeaderEncoder reportHeader = new MessageHeaderEncoder();
    private final Long2ObjectHashMap<Intent> intents = new Long2ObjectHashMap<>();
    private final Deque<byte[]> reports = new ArrayDeque<>();
    private final ExpandableArrayBuffer scratch = new ExpandableArrayBuffer(512);
    private long nowNs;
    private long ordersReceived;
    private long fills;

    /** What the venue remembers of an order to report on it. */
    private static final class Intent
    {
        final long clientOrderId;
        final String account;
        final long token;
        final Side side;
        final int quantity;
        int filled;
        long filledValue;

        Intent(final long clientOrderId, final String account, final long token, final Side side, final int quantity)
        {
            this.clientOrderId = clientOrderId;
            this.account = account;
            this.token = token;
            this.side = side;
            this.quantity = quantity;
        }
    }

    /**
     * @param slippageBps adverse slippage per fill, basis points.
     * @param latencyNs   from decision to the order's first chance to fill.
     */
    SimulatedVenue(final double slippageBps, final long latencyNs)
    {
        this.model = new PaperFillModel(slippageBps, latencyNs, this);
    }

    /**
     * An order frame from the engine.
     */
    void onOrderFrame(final DirectBuffer buffer, final int offset, final int length, final long timeNs)
    {
        nowNs = timeNs;
        header.wrap(buffer, offset);
        if (header.templateId() == NewOrderDecoder.TEMPLATE_ID)
        {
            newOrder.wrapAndApplyHeader(buffer, offset, header);
            ordersReceived++;
            final long clientOrderId = newOrder.clientOrderId();
            final Side side = newOrder.side();
            final int quantity = newOrder.quantity();
            final long reference = newOrder.referencePrice();
            final long limit;
            if (newOrder.orderType() == OrderType.MARKET)
            {
                final long protection = Math.max(5, reference * MARKET_PROTECTION_BPS / 10_000);
                limit = reference == NewOrderDecoder.referencePriceNullValue() ? PaperFillModel.MARKET :
                    side == Side.BUY ? reference + protection : Math.max(5, reference - protection);
            }
            else
            {
                limit = newOrder.limitPrice();
            }
            final String account = newOrder.account();
            final long token = newOrder.instrumentToken();
            intents.put(clientOrderId, new Intent(clientOrderId, account, token, side, quantity));
            model.submit(clientOrderId, token, side == Side.BUY, quantity, limit, false, timeNs);
            queue(intents.get(clientOrderId), ExecType.ACK, 0, 0);
        }
        else if (header.templateId() == CancelOrderDecoder.TEMPLATE_ID)
        {
            cancelOrder.wrapAndApplyHeader(buffer, offset, header);
            model.cancel(cancelOrder.clientOrderId(), timeNs);
        }
    }

    /**
     * A market frame from the backtest's source: option ticks update the books orders fill against. A frame that is
     * not valid (whatever a source might hand over) only advances the clock; nothing of it is read.
     */
    void onMarketFrame(final DirectBuffer buffer, final int offset, final int length, final long timeNs)
    {
        nowNs = timeNs;
        if (marketFrames.read(buffer, offset, length) != FrameVerdict.VALID
            || marketFrames.templateId() != DerivativeTickDecoder.TEMPLATE_ID)
        {
            model.advance(timeNs);
            return;
        }
        final DerivativeTickDecoder tick = marketFrames.derivativeTick();
        quote.reset(tick.instrumentToken(), timeNs, tick.lastPrice());
        for (int level = 0; level < tick.bidDepth(); level++)
        {
            if (tick.bidQuantity(level) > 0)
            {
                quote.addBid(tick.bidPrice(level), tick.bidQuantity(level));
            }
        }
        for (int level = 0; level < tick.askDepth(); level++)
        {
            if (tick.askQuantity(level) > 0)
            {
                quote.addAsk(tick.askPrice(level), tick.askQuantity(level));
            }
        }
        model.onQuote(quote);
    }

    @Override
    public void onFill(final long orderId, final int quantity, final long price, final long timeNs)
    {
        final Intent intent = intents.get(orderId);
        if (null == intent)
        {
            return;
        }
        intent.filled += quantity;
        intent.filledValue += price * quantity;
        fills++;
        queue(intent, intent.filled == intent.quantity ? ExecType.FILL : ExecType.PARTIAL_FILL, quantity, price);
    }

    @Override
    public void onCancelled(final long orderId, final int quantity, final long timeNs)
    {
        final Intent intent = intents.get(orderId);
        if (null != intent)
        {
            queue(intent, ExecType.CANCELLED, 0, 0);
        }
    }

    private void queue(final Intent intent, final ExecType type, final int lastQuantity, final long lastPrice)
    {
        report.wrapAndApplyHeader(scratch, 0, reportHeader).clientOrderId(intent.clientOrderId).requestId(0)
            .account(intent.account).brokerOrderId("SIM" + intent.clientOrderId).execType(type)
            .rejectReason(RejectReason.NONE).instrumentToken(intent.token).side(intent.side).sliceNumber(0)
            .sliceCount(0).orderQuantity(intent.quantity).lastQuantity(lastQuantity)
            .lastPrice(lastQuantity > 0 ? lastPrice : ExecutionReportEncoder.lastPriceNullValue())
            .cumulativeQuantity(intent.filled)
            .averagePrice(intent.filled > 0 ? intent.filledValue / intent.filled :
                ExecutionReportEncoder.averagePriceNullValue())
            .leavesQuantity(type == ExecType.CANCELLED ? 0 : intent.quantity - intent.filled)
            .tradeId(lastQuantity > 0 ? "T" + intent.clientOrderId + "-" + fills : "")
            .brokerTimestampNs(nowNs).text("");
        final int length = MessageHeaderEncoder.ENCODED_LENGTH + report.encodedLength();
        final byte[] frame = new byte[length];
        scratch.getBytes(0, frame);
        reports.add(frame);
    }

    /** @return the next execution report to apply, or null. */
    byte[] pollReport()
    {
        return reports.poll();
    }

    /** @return orders the engine sent. */
    long ordersReceived()
    {
        return ordersReceived;
    }

    /** @return fills given. */
    long fills()
    {
        return fills;
    }
}
