package dev.vyuha.engine.order;

import org.eclipse.collections.impl.map.mutable.primitive.LongIntHashMap;

/**
 * Every order intent of the day in preallocated flat arrays, found by client order id through a primitive map. The
 * engine creates an intent when it decides to trade; execution reports move it through {@link OrderState}. Reports are
 * applied idempotently: a fill is counted once however many times it is reported (the gateway may hear it from the
 * ticker and from polling), because each report carries the cumulative filled quantity and only the increase over
 * what is already booked is a new fill.
 *
 * <p>Owned by the business-logic thread; no allocation after construction.
 */
public final class OrderBook
{
    /** Returned when an order is not known. */
    public static final int NOT_FOUND = -1;

    private final int capacity;
    private final LongIntHashMap indexByClientOrderId;
    private final long[] clientOrderId;
    private final int[] instrumentId;
    private final Side[] side;
    private final int[] quantity;
    private final int[] filledQuantity;
    private final long[] filledValue;
    private final long[] limitPrice;
    private final OrderState[] state;
    private final int[] owner;
    private final long[] createdNs;
    private final long[] updatedNs;
    private final long[] causeSequence;
    private int count;
    private long lastAppliedValue;

    /**
     * @param capacity most orders in a session (Kite allows 5000 per day; slices are the gateway's business).
     */
    public OrderBook(final int capacity)
    {
        if (capacity <= 0)
        {
            throw new IllegalArgumentException("capacity must be > 0: " + capacity);
        }
        this.capacity = capacity;
        indexByClientOrderId = new LongIntHashMap(capacity * 2);
        clientOrderId = new long[capacity];
        instrumentId = new int[capacity];
        side = new Side[capacity];
        quantity = new int[capacity];
        filledQuantity = new int[capacity];
        filledValue = new long[capacity];
        limitPrice = new long[capacity];
        state = new OrderState[capacity];
        owner = new int[capacity];
        createdNs = new long[capacity];
        updatedNs = new long[capacity];
        causeSequence = new long[capacity];
    }

    /**
     * Record a new intent (it is about to be sent).
     *
     * @param clientOrderId  deterministic id.
     * @param instrumentId   instrument.
     * @param side           buy or sell.
     * @param quantity       units.
     * @param limitPrice     limit price in paise, 0 for market.
     * @param owner          who placed it (a leg instance), for fills to find their way back.
     * @param causeSequence  sequence of the command that caused it.
     * @param nowNs          command time.
     * @return its index, or NOT_FOUND if the book is full or the id is already used.
     */
    public int add(final long clientOrderId, final int instrumentId, final Side side, final int quantity,
        final long limitPrice, final int owner, final long causeSequence, final long nowNs)
    {
        if (count == capacity || indexByClientOrderId.containsKey(clientOrderId))
        {
            return NOT_FOUND;
        }
        final int index = count++;
        indexByClientOrderId.put(clientOrderId, index);
        this.clientOrderId[index] = clientOrderId;
        this.instrumentId[index] = instrumentId;
        this.side[index] = side;
        this.quantity[index] = quantity;
        this.filledQuantity[index] = 0;
        this.filledValue[index] = 0;
        this.limitPrice[index] = limitPrice;
        this.state[index] = OrderState.PENDING;
        this.owner[index] = owner;
        this.causeSequence[index] = causeSequence;
        this.createdNs[index] = nowNs;
        this.updatedNs[index] = nowNs;
        return index;
    }

    /**
     * @param clientOrderId an id.
     * @return the order's index, or NOT_FOUND.
     */
    public int indexOf(final long clientOrderId)
    {
        return indexByClientOrderId.getIfAbsent(clientOrderId, NOT_FOUND);
    }

    /**
     * Book the broker's cumulative fill for an order: only the increase over what is already booked counts.
     *
     * @param index              order index.
     * @param cumulativeQuantity units filled so far according to the report.
     * @param cumulativeValue    their total value in paise (average price times quantity), or a negative value if
     *                           the report gave only the last fill's price (then {@code lastPrice} is used).
     * @param lastPrice          price of the latest fill, paise.
     * @param nowNs              command time.
     * @return the units newly filled by this report (0 for a duplicate or stale report).
     */
    public int applyFill(final int index, final int cumulativeQuantity, final long cumulativeValue, final long lastPrice,
        final long nowNs)
    {
        // Fills are booked whatever the order's state: a fill reported after a cancel or a reject (a slice that
        // traded while another was refused) is still a trade the position must show.
        final int capped = Math.min(cumulativeQuantity, quantity[index]);
        final int increase = capped - filledQuantity[index];
        if (increase <= 0)
        {
            lastAppliedValue = 0;
            return 0;
        }
        final long valueBefore = filledValue[index];
        if (cumulativeValue >= 0 && capped == cumulativeQuantity)
        {
            filledValue[index] = cumulativeValue;
        }
        else
        {
            filledValue[index] += lastPrice * increase;
        }
        filledQuantity[index] = capped;
        lastAppliedValue = filledValue[index] - valueBefore;
        if (!state[index].isFinal())
        {
            state[index] = capped == quantity[index] ? OrderState.FILLED : OrderState.PARTIALLY_FILLED;
        }
        updatedNs[index] = nowNs;
        return increase;
    }

    /**
     * Move an order to a new state unless it is already final (a late ack after a fill changes nothing).
     *
     * @param index order index.
     * @param next  new state.
     * @param nowNs command time.
     * @return true if the state changed.
     */
    public boolean transition(final int index, final OrderState next, final long nowNs)
    {
        final OrderState current = state[index];
        if (current.isFinal() || current == next)
        {
            return false;
        }
        if (next == OrderState.OPEN && current == OrderState.PARTIALLY_FILLED)
        {
            return false;
        }
        state[index] = next;
        updatedNs[index] = nowNs;
        return true;
    }

    /**
     * @return paise value of the units the last {@link #applyFill} booked (0 if it booked none).
     */
    public long lastAppliedValue()
    {
        return lastAppliedValue;
    }

    /** Forget every order (a new trading day with nothing working). Client order ids stay unique: they derive from
     * command sequences. */
    public void clear()
    {
        count = 0;
        indexByClientOrderId.clear();
        lastAppliedValue = 0;
    }

    /** @return orders recorded. */
    public int count()
    {
        return count;
    }

    /** @return the most orders the book holds. */
    public int capacity()
    {
        return capacity;
    }

    /** @param index order index. @return its client order id. */
    public long clientOrderId(final int index)
    {
        return clientOrderId[index];
    }

    /** @param index order index. @return its instrument. */
    public int instrumentId(final int index)
    {
        return instrumentId[index];
    }

    /** @param index order index. @return its side. */
    public Side side(final int index)
    {
        return side[index];
    }

    /** @param index order index. @return its quantity in units. */
    public int quantity(final int index)
    {
        return quantity[index];
    }

    /** @param index order index. @return units filled. */
    public int filledQuantity(final int index)
    {
        return filledQuantity[index];
    }

    /** @param index order index. @return paise value of the fills. */
    public long filledValue(final int index)
    {
        return filledValue[index];
    }

    /** @param index order index. @return average fill price in paise (0 if none). */
    public long averageFillPrice(final int index)
    {
        return filledQuantity[index] == 0 ? 0 : filledValue[index] / filledQuantity[index];
    }

    /** @param index order index. @return limit price in paise, 0 for market. */
    public long limitPrice(final int index)
    {
        return limitPrice[index];
    }

    /** @param index order index. @return its state. */
    public OrderState state(final int index)
    {
        return state[index];
    }

    /** @param index order index. @return its owner. */
    public int owner(final int index)
    {
        return owner[index];
    }

    /** @param index order index. @return sequence of the command that caused it. */
    public long causeSequence(final int index)
    {
        return causeSequence[index];
    }

    /** @param index order index. @return command time it was created. */
    public long createdNs(final int index)
    {
        return createdNs[index];
    }

    /** @param index order index. @return command time of its last change. */
    public long updatedNs(final int index)
    {
        return updatedNs[index];
    }
}
