package dev.vyuha.gateway.paper;

import dev.vyuha.gateway.venue.BrokerVenue;
import dev.vyuha.gateway.venue.ExecutionEvent;
import dev.vyuha.gateway.venue.MarketQuote;
import dev.vyuha.gateway.venue.OrderAmendment;
import dev.vyuha.gateway.venue.OrderCancellation;
import dev.vyuha.gateway.venue.OrderIntent;
import dev.vyuha.gateway.venue.ReconciliationQuery;
import dev.vyuha.gateway.venue.ReconciliationSnapshot;
import dev.vyuha.gateway.venue.SessionEvent;
import dev.vyuha.gateway.venue.VenueListener;
import dev.vyuha.sbe.BrokerOrderStatus;
import dev.vyuha.sbe.BrokerSessionStatus;
import dev.vyuha.sbe.ExecType;
import dev.vyuha.sbe.OrderType;
import dev.vyuha.sbe.RejectReason;
import dev.vyuha.sbe.Side;
import dev.vyuha.sbe.Validity;
import dev.vyuha.wire.OrderTags;
import org.agrona.concurrent.EpochNanoClock;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The paper venue: orders fill against the market-data stream's quotes through {@link PaperFillModel} (the same model
 * the backtest uses), on the gateway's agent thread, with no broker at all. Stop orders wait for the last price to
 * cross their trigger, then enter the model. Reports look exactly like Kite's (ack, partial fills, fill, cancel,
 * reject), so the engine cannot tell the difference.
 */
public final class PaperVenue implements BrokerVenue, PaperFillModel.FillListener
{
    private static final class PaperIntent
    {
        final OrderIntent order;
        int quantity;
        int filled;
        long filledValue;
        long cancelRequestId;
        BrokerOrderStatus status = BrokerOrderStatus.OPEN;
        boolean triggered;
        long limitPrice;

        PaperIntent(final OrderIntent order, final long limitPrice)
        {
            this.order = order;
            this.quantity = order.quantity();
            this.limitPrice = limitPrice;
        }
    }

    private final String account;
    private final EpochNanoClock clock;
    private final PaperFillModel model;
    private final Map<Long, PaperIntent> intents = new LinkedHashMap<>();
    private final List<PaperIntent> stops = new ArrayList<>();
    private final List<ReconciliationSnapshot.Trade> trades = new ArrayList<>();
    private final Map<Long, long[]> positions = new LinkedHashMap<>();
    private final Map<Long, String> symbols = new LinkedHashMap<>();
    private VenueListener listener;
    private long tradeSequence;

    /**
     * @param account     the account reports carry.
     * @param slippageBps adverse slippage in basis points.
     * @param latencyNs   order latency.
     * @param clock       epoch time for submissions.
     */
    public PaperVenue(final String account, final double slippageBps, final long latencyNs, final EpochNanoClock clock)
    {
        this.account = account;
        this.clock = clock;
        this.model = new PaperFillModel(slippageBps, latencyNs, this);
    }

    @Override
    public String name()
    {
        return "paper";
    }

    @Override
    public void start(final VenueListener listener)
    {
        this.listener = listener;
        listener.onSession(new SessionEvent(account, BrokerSessionStatus.VALID, "paper venue"));
    }

    @Override
    public void onNewOrder(final OrderIntent order)
    {
        final long now = clock.nanoTime();
        if (intents.containsKey(order.clientOrderId()))
        {
            return;
        }
        final String problem = problem(order);
        if (null != problem)
        {
            final PaperIntent refused = new PaperIntent(order, PaperFillModel.MARKET);
            refused.status = BrokerOrderStatus.REJECTED;
            intents.put(order.clientOrderId(), refused);
            report(refused, ExecType.REJECT, RejectReason.INVALID_REQUEST, 0, OrderIntent.NO_PRICE, 0, now, problem);
            return;
        }
        final long limit = OrderType.LIMIT == order.orderType() || OrderType.SL == order.orderType() ?
            order.limitPrice() : PaperFillModel.MARKET;
        final PaperIntent intent = new PaperIntent(order, limit);
        intents.put(order.clientOrderId(), intent);
        symbols.put(order.instrumentToken(), order.tradingSymbol());
        if (OrderType.SL == order.orderType() || OrderType.SL_M == order.orderType())
        {
            intent.status = BrokerOrderStatus.TRIGGER_PENDING;
            stops.add(intent);
        }
        else
        {
            submit(intent, now);
        }
        report(intent, ExecType.ACK, RejectReason.NONE, 0, OrderIntent.NO_PRICE, 0, now, "");
    }

    @Override
    public void onModifyOrder(final OrderAmendment amendment)
    {
        final long now = clock.nanoTime();
        final PaperIntent intent = intents.get(amendment.clientOrderId());
        if (null == intent || !isOpen(intent))
        {
            reportUnknown(amendment.clientOrderId(), amendment.requestId(), ExecType.MODIFY_REJECT, now,
                null == intent ? "unknown client order id" : "the order is already final");
            return;
        }
        final long limit = amendment.limitPrice() > 0 ? amendment.limitPrice() : PaperFillModel.MARKET;
        final boolean amended = BrokerOrderStatus.TRIGGER_PENDING == intent.status ?
            amendment.quantity() > 0 : model.amend(amendment.clientOrderId(), amendment.quantity(), limit);
        if (!amended)
        {
            report(intent, ExecType.MODIFY_REJECT, RejectReason.INVALID_REQUEST, 0, OrderIntent.NO_PRICE,
                amendment.requestId(), now, "quantity below what filled");
            return;
        }
        intent.quantity = amendment.quantity();
        intent.limitPrice = limit;
        report(intent, ExecType.MODIFIED, RejectReason.NONE, 0, OrderIntent.NO_PRICE, amendment.requestId(), now, "");
    }

    @Override
    public void onCancelOrder(final OrderCancellation cancellation)
    {
        final long now = clock.nanoTime();
        final PaperIntent intent = intents.get(cancellation.clientOrderId());
        if (null == intent || !isOpen(intent))
        {
            reportUnknown(cancellation.clientOrderId(), cancellation.requestId(), ExecType.CANCEL_REJECT, now,
                null == intent ? "unknown client order id" : "the order is already final");
            return;
        }
        intent.cancelRequestId = cancellation.requestId();
        if (BrokerOrderStatus.TRIGGER_PENDING == intent.status)
        {
            stops.remove(intent);
            onCancelled(cancellation.clientOrderId(), intent.quantity - intent.filled, now);
        }
        else
        {
            model.cancel(cancellation.clientOrderId(), now);
        }
    }

    @Override
    public void onReconciliationRequest(final ReconciliationQuery request)
    {
        final List<ReconciliationSnapshot.Order> orders = new ArrayList<>();
        for (final PaperIntent intent : intents.values())
        {
            final OrderIntent o = intent.order;
            orders.add(new ReconciliationSnapshot.Order(brokerOrderId(o.clientOrderId()), o.tag(),
                o.clientOrderId(), o.instrumentToken(), o.side(), o.orderType(), intent.status, intent.quantity,
                intent.filled, isOpen(intent) ? intent.quantity - intent.filled : 0, o.limitPrice(),
                o.triggerPrice(), intent.filled > 0 ? Math.round((double)intent.filledValue / intent.filled) :
                OrderIntent.NO_PRICE, OrderIntent.NO_PRICE));
        }
        final List<ReconciliationSnapshot.Position> rows = new ArrayList<>();
        for (final Map.Entry<Long, long[]> entry : positions.entrySet())
        {
            final long[] p = entry.getValue();
            final long net = p[0] - p[2];
            rows.add(new ReconciliationSnapshot.Position(entry.getKey(), symbols.getOrDefault(entry.getKey(), ""),
                net, 0 == net ? OrderIntent.NO_PRICE : Math.round(net > 0 ? (double)p[1] / p[0] : (double)p[3] / p[2]),
                p[0], p[2], p[1], p[3], 0, 0));
        }
        listener.onReconciliation(new ReconciliationSnapshot(request.requestId(), account, clock.nanoTime(), orders,
            List.copyOf(trades), rows));
    }

    @Override
    public void onQuote(final MarketQuote quote)
    {
        for (int i = 0; i < stops.size(); i++)
        {
            final PaperIntent stop = stops.get(i);
            if (stop.order.instrumentToken() == quote.instrumentToken() && quote.lastPrice() > 0
                && (stop.order.isBuy() ? quote.lastPrice() >= stop.order.triggerPrice() :
                quote.lastPrice() <= stop.order.triggerPrice()))
            {
                stops.remove(i--);
                stop.triggered = true;
                stop.status = BrokerOrderStatus.OPEN;
                submit(stop, quote.timestampNs());
            }
        }
        model.onQuote(quote);
    }

    @Override
    public int doWork(final long nowNs)
    {
        return model.advance(nowNs);
    }

    @Override
    public void onFill(final long orderId, final int quantity, final long price, final long timeNs)
    {
        final PaperIntent intent = intents.get(orderId);
        intent.filled += quantity;
        intent.filledValue += quantity * price;
        final long[] position = positions.computeIfAbsent(intent.order.instrumentToken(), k -> new long[4]);
        if (intent.order.isBuy())
        {
            position[0] += quantity;
            position[1] += quantity * price;
        }
        else
        {
            position[2] += quantity;
            position[3] += quantity * price;
        }
        final String tradeId = "PT" + (++tradeSequence);
        trades.add(new ReconciliationSnapshot.Trade(tradeId, brokerOrderId(orderId), intent.order.tag(), orderId,
            intent.order.instrumentToken(), intent.order.side(), quantity, price, timeNs));
        final boolean complete = intent.filled >= intent.quantity;
        if (complete)
        {
            intent.status = BrokerOrderStatus.COMPLETE;
        }
        report(intent, complete ? ExecType.FILL : ExecType.PARTIAL_FILL, RejectReason.NONE, quantity, price, 0, timeNs,
            tradeId);
    }

    @Override
    public void onCancelled(final long orderId, final int quantity, final long timeNs)
    {
        final PaperIntent intent = intents.get(orderId);
        intent.status = BrokerOrderStatus.CANCELLED;
        report(intent, ExecType.CANCELLED, RejectReason.NONE, 0, OrderIntent.NO_PRICE, intent.cancelRequestId, timeNs,
            Validity.IOC == intent.order.validity() && 0 == intent.cancelRequestId ? "IOC remainder cancelled" : "");
    }

    @Override
    public void close()
    {
    }

    private void submit(final PaperIntent intent, final long nowNs)
    {
        final OrderIntent order = intent.order;
        model.submit(order.clientOrderId(), order.instrumentToken(), order.isBuy(), intent.quantity - intent.filled,
            intent.limitPrice, Validity.IOC == order.validity(), nowNs);
    }

    private static String problem(final OrderIntent order)
    {
        if (order.quantity() <= 0 || (order.lotSize() > 0 && order.quantity() % order.lotSize() != 0))
        {
            return "quantity " + order.quantity() + " is not a positive multiple of the lot size";
        }
        if (!OrderTags.intentTag(Math.max(0, order.clientOrderId())).equals(order.tag()))
        {
            return "tag " + order.tag() + " is not the intent tag of client order id " + order.clientOrderId();
        }
        if ((OrderType.LIMIT == order.orderType() || OrderType.SL == order.orderType()) && order.limitPrice() <= 0)
        {
            return "a limit price is required";
        }
        if ((OrderType.SL == order.orderType() || OrderType.SL_M == order.orderType()) && order.triggerPrice() <= 0)
        {
            return "a trigger price is required";
        }
        return null;
    }

    private static boolean isOpen(final PaperIntent intent)
    {
        return BrokerOrderStatus.OPEN == intent.status || BrokerOrderStatus.TRIGGER_PENDING == intent.status;
    }

    private static String brokerOrderId(final long clientOrderId)
    {
        return "P" + clientOrderId;
    }

    private void report(
        final PaperIntent intent,
        final ExecType type,
        final RejectReason reason,
        final int lastQuantity,
        final long lastPrice,
        final long requestId,
        final long timeNs,
        final String tradeIdOrText)
    {
        final boolean fill = ExecType.FILL == type || ExecType.PARTIAL_FILL == type;
        final OrderIntent order = intent.order;
        listener.onExecution(new ExecutionEvent(order.clientOrderId(), requestId, account,
            brokerOrderId(order.clientOrderId()), type, reason, order.instrumentToken(), order.side(), 0, 0,
            intent.quantity, lastQuantity, lastPrice, intent.filled,
            intent.filled > 0 ? Math.round((double)intent.filledValue / intent.filled) : OrderIntent.NO_PRICE,
            isOpen(intent) ? intent.quantity - intent.filled : 0, fill ? tradeIdOrText : "", timeNs,
            fill ? "" : tradeIdOrText));
    }

    private void reportUnknown(final long clientOrderId, final long requestId, final ExecType type, final long now,
        final String text)
    {
        final PaperIntent intent = intents.get(clientOrderId);
        if (null != intent)
        {
            report(intent, type, RejectReason.OTHER, 0, OrderIntent.NO_PRICE, requestId, now, text);
            return;
        }
        listener.onExecution(new ExecutionEvent(clientOrderId, requestId, account, "", type,
            RejectReason.UNKNOWN_ORDER, 0, Side.BUY, 0, 0, 0, 0, OrderIntent.NO_PRICE, 0, OrderIntent.NO_PRICE, 0, "",
            now, text));
    }
}
