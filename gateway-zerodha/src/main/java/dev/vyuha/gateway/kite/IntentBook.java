package dev.vyuha.gateway.kite;

import dev.vyuha.gateway.venue.ExecutionEvent;
import dev.vyuha.gateway.venue.OrderIntent;
import dev.vyuha.sbe.ExecType;
import dev.vyuha.sbe.OrderType;
import dev.vyuha.sbe.RejectReason;
import dev.vyuha.wire.OrderTags;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The gateway's knowledge of every intent and its slices, and the one place execution events are made: fills are
 * attributed by Kite order id (or, before the order id is known, by slice tag) to the right intent and slice, derived
 * from the growth of the slice's filled quantity so that each fill is reported exactly once however many sources
 * (ticker, poll, postback, lookup) observe it, and aggregated over all slices of the intent (cumulative quantity,
 * average price, leaves quantity). Used by the broker thread only.
 */
final class IntentBook
{
    /** Where a slice stands. */
    enum SliceState
    {
        /** Waiting in the dispatch queue; Kite has never seen it. */
        QUEUED,
        /** The placement may or may not have reached Kite: it must be looked up by tag before any resend. */
        UNCERTAIN,
        /** At Kite with a known order id and not final. */
        LIVE,
        /** Final: complete, cancelled, rejected, or cancelled before it was sent. */
        DONE
    }

    /** An engine intent: one NewOrder, possibly sliced. */
    static final class Intent
    {
        final OrderIntent order;
        final List<Slice> slices = new ArrayList<>();
        int quantity;
        int cumulativeQuantity;
        long cumulativeValue;

        Intent(final OrderIntent order)
        {
            this.order = order;
            this.quantity = order.quantity();
        }

        int leavesQuantity()
        {
            int leaves = 0;
            for (final Slice slice : slices)
            {
                if (slice.state != SliceState.DONE)
                {
                    leaves += slice.quantity - slice.reportedFilled;
                }
            }
            return leaves;
        }

        boolean isSliced()
        {
            return slices.size() > 1;
        }

        boolean isDone()
        {
            return slices.stream().allMatch(s -> s.state == SliceState.DONE);
        }
    }

    /** One Kite order of an intent. */
    static final class Slice
    {
        final Intent intent;
        final int number;
        final String tag;
        int quantity;
        OrderType orderType;
        long limitPrice;
        long triggerPrice;
        int marketProtection;
        SliceState state = SliceState.QUEUED;
        String orderId;
        int reportedFilled;
        long reportedValue;
        long cancelRequestId;
        long lookupAtNs;
        int lookupMisses;
        int attempts;
        final List<Runnable> deferred = new ArrayList<>();

        Slice(final Intent intent, final int number, final String tag, final int quantity)
        {
            this.intent = intent;
            this.number = number;
            this.tag = tag;
            this.quantity = quantity;
        }

        @Override
        public String toString()
        {
            return tag + '(' + state + (null == orderId ? "" : ' ' + orderId) + ')';
        }
    }

    private final String account;
    private final Consumer<ExecutionEvent> listener;
    private final Map<Long, Intent> intents = new LinkedHashMap<>();
    private final Map<String, Slice> byOrderId = new HashMap<>();
    private final Map<String, Slice> byTag = new HashMap<>();

    IntentBook(final String account, final Consumer<ExecutionEvent> listener)
    {
        this.account = account;
        this.listener = listener;
    }

    /**
     * @param order       the intent.
     * @param plan        its slices.
     * @param orderType   the Kite order type to send.
     * @param limit       limit price to send (paise) or NO_PRICE.
     * @param trigger     trigger price to send (paise) or NO_PRICE.
     * @param marketProtection market protection to send (MARKET and SL-M).
     * @return the new intent.
     */
    Intent add(final OrderIntent order, final SlicePlan plan, final OrderType orderType, final long limit,
        final long trigger, final int marketProtection)
    {
        final Intent intent = new Intent(order);
        for (int i = 0; i < plan.count(); i++)
        {
            final String tag = plan.count() == 1 ? order.tag() : OrderTags.sliceTag(order.tag(), i + 1);
            final Slice slice = new Slice(intent, plan.count() == 1 ? 0 : i + 1, tag, plan.quantity(i));
            slice.orderType = orderType;
            slice.limitPrice = limit;
            slice.triggerPrice = trigger;
            slice.marketProtection = marketProtection;
            intent.slices.add(slice);
            byTag.put(tag, slice);
        }
        intents.put(order.clientOrderId(), intent);
        return intent;
    }

    Intent intent(final long clientOrderId)
    {
        return intents.get(clientOrderId);
    }

    boolean contains(final long clientOrderId)
    {
        return intents.containsKey(clientOrderId);
    }

    Collection<Intent> intents()
    {
        return intents.values();
    }

    Slice sliceByOrderId(final String orderId)
    {
        return byOrderId.get(orderId);
    }

    Slice sliceByTag(final String tag)
    {
        return null == tag ? null : byTag.get(tag);
    }

    boolean hasUnfinishedSlices()
    {
        for (final Intent intent : intents.values())
        {
            for (final Slice slice : intent.slices)
            {
                if (slice.state == SliceState.LIVE || slice.state == SliceState.UNCERTAIN)
                {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Kite accepted a slice.
     */
    void acknowledged(final Slice slice, final String orderId, final long timestampNs)
    {
        slice.orderId = orderId;
        slice.state = SliceState.LIVE;
        byOrderId.put(orderId, slice);
        emit(slice, ExecType.ACK, RejectReason.NONE, 0, OrderIntent.NO_PRICE, 0, timestampNs, "");
    }

    /**
     * A slice was refused before Kite held it (or the gateway refused it).
     */
    void rejected(final Slice slice, final RejectReason reason, final String text, final long timestampNs)
    {
        slice.state = SliceState.DONE;
        emit(slice, ExecType.REJECT, reason, 0, OrderIntent.NO_PRICE, 0, timestampNs, text);
        runDeferred(slice);
    }

    /**
     * A slice that was never sent is cancelled (the engine cancelled the intent while it waited in the queue).
     */
    void cancelledUnsent(final Slice slice, final long requestId, final long timestampNs)
    {
        slice.state = SliceState.DONE;
        emit(slice, ExecType.CANCELLED, RejectReason.NONE, 0, OrderIntent.NO_PRICE, requestId, timestampNs,
            "cancelled before it was sent");
    }

    /**
     * Report an answer to a modify or cancel request about one slice.
     */
    void answered(final Slice slice, final ExecType execType, final RejectReason reason, final long requestId,
        final String text, final long timestampNs)
    {
        emit(slice, execType, reason, 0, OrderIntent.NO_PRICE, requestId, timestampNs, text);
    }

    /**
     * Apply an observation of an order at Kite.
     *
     * @param state the observation.
     * @return the slice it belongs to, or null if it is not one of ours.
     */
    Slice apply(final BrokerOrderState state)
    {
        Slice slice = null == state.orderId() ? null : byOrderId.get(state.orderId());
        if (null == slice)
        {
            slice = sliceByTag(state.tag());
            if (null == slice || (null != slice.orderId && !slice.orderId.equals(state.orderId())))
            {
                return null;
            }
            if (slice.state == SliceState.DONE)
            {
                return slice;
            }
            acknowledged(slice, state.orderId(), state.orderTimestampNs());
        }
        if (slice.state == SliceState.DONE)
        {
            return slice;
        }
        if (slice.state != SliceState.LIVE)
        {
            slice.state = SliceState.LIVE;
        }
        if (state.quantity() > 0 && !slice.intent.isSliced() && state.quantity() != slice.quantity
            && !state.isFinal())
        {
            slice.intent.quantity += state.quantity() - slice.quantity;
            slice.quantity = state.quantity();
        }
        if (state.filledQuantity() > slice.reportedFilled)
        {
            final int lastQuantity = state.filledQuantity() - slice.reportedFilled;
            final long value = state.filledValuePaise();
            final long lastValue = value - slice.reportedValue;
            slice.reportedFilled = state.filledQuantity();
            slice.reportedValue = value;
            final Intent intent = slice.intent;
            intent.cumulativeQuantity += lastQuantity;
            intent.cumulativeValue += lastValue;
            final ExecType type = intent.cumulativeQuantity >= intent.quantity ? ExecType.FILL : ExecType.PARTIAL_FILL;
            emit(slice, type, RejectReason.NONE, lastQuantity, Math.round((double)lastValue / lastQuantity), 0,
                state.timestampNs(), "");
        }
        if (state.isFinal())
        {
            slice.state = SliceState.DONE;
            switch (state.status())
            {
                case BrokerOrderState.CANCELLED, BrokerOrderState.LAPSED -> emit(slice, ExecType.CANCELLED,
                    RejectReason.NONE, 0, OrderIntent.NO_PRICE, slice.cancelRequestId, state.timestampNs(),
                    null == state.statusMessage() ? state.status() : state.statusMessage());
                case BrokerOrderState.REJECTED ->
                {
                    final RejectReason reason = KiteFailure.reasonFromMessage(state.statusMessage());
                    emit(slice, ExecType.REJECT, RejectReason.NONE == reason ? RejectReason.EXCHANGE : reason, 0,
                        OrderIntent.NO_PRICE, 0, state.timestampNs(),
                        null == state.statusMessage() ? "rejected" : state.statusMessage());
                }
                default ->
                {
                }
            }
            runDeferred(slice);
        }
        return slice;
    }

    private void runDeferred(final Slice slice)
    {
        final List<Runnable> work = new ArrayList<>(slice.deferred);
        slice.deferred.clear();
        work.forEach(Runnable::run);
    }

    private void emit(
        final Slice slice,
        final ExecType type,
        final RejectReason reason,
        final int lastQuantity,
        final long lastPrice,
        final long requestId,
        final long timestampNs,
        final String text)
    {
        final Intent intent = slice.intent;
        final int sliceCount = intent.isSliced() ? intent.slices.size() : 0;
        listener.accept(new ExecutionEvent(
            intent.order.clientOrderId(),
            requestId,
            account,
            null == slice.orderId ? "" : slice.orderId,
            type,
            reason,
            intent.order.instrumentToken(),
            intent.order.side(),
            slice.number,
            sliceCount,
            intent.quantity,
            lastQuantity,
            lastQuantity > 0 ? lastPrice : OrderIntent.NO_PRICE,
            intent.cumulativeQuantity,
            intent.cumulativeQuantity > 0 ? Math.round((double)intent.cumulativeValue / intent.cumulativeQuantity) :
                OrderIntent.NO_PRICE,
            intent.leavesQuantity(),
            "",
            timestampNs,
            null == text ? "" : text));
    }
}
