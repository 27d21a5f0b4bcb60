package dev.vyuha.engine.order;

/**
 * Positions with their P&amp;L in paise, one slot per position-holding unit (a strategy leg instance), in flat arrays.
 * A slot keeps its net quantity (positive long, negative short), the signed cost of what is open (what was paid for a
 * long, minus what was received for a short), realised P&amp;L, and the last mark. Unrealised P&amp;L is
 * {@code netQuantity * mark - openCost}, which is right for longs and shorts alike. Closing part of a position
 * releases the proportional share of its cost, rounded toward zero (at most a paisa per partial close; full closes
 * are exact). No floating point, no allocation after construction.
 *
 * <p>Owned by the business-logic thread.
 */
public final class PositionBook
{
    private final int[] instrumentId;
    private final long[] netQuantity;
    private final long[] openCost;
    private final long[] realised;
    private final long[] mark;
    private final long[] bestPnl;
    private final long[] worstPnl;
    private final long[] boughtQuantity;
    private final long[] soldQuantity;
    private int count;

    /**
     * @param capacity most slots.
     */
    public PositionBook(final int capacity)
    {
        instrumentId = new int[capacity];
        netQuantity = new long[capacity];
        openCost = new long[capacity];
        realised = new long[capacity];
        mark = new long[capacity];
        bestPnl = new long[capacity];
        worstPnl = new long[capacity];
        boughtQuantity = new long[capacity];
        soldQuantity = new long[capacity];
    }

    /** @return the most slots the book holds. */
    public int capacity()
    {
        return instrumentId.length;
    }

    /** Forget every slot (a new trading day with nothing open). */
    public void clear()
    {
        count = 0;
    }

    /**
     * Open a slot for an instrument.
     *
     * @param instrumentId instrument.
     * @return the slot, or -1 if full.
     */
    public int open(final int instrumentId)
    {
        if (count == this.instrumentId.length)
        {
            return -1;
        }
        final int slot = count++;
        this.instrumentId[slot] = instrumentId;
        netQuantity[slot] = 0;
        openCost[slot] = 0;
        realised[slot] = 0;
        mark[slot] = 0;
        bestPnl[slot] = 0;
        worstPnl[slot] = 0;
        boughtQuantity[slot] = 0;
        soldQuantity[slot] = 0;
        return slot;
    }

    /**
     * Book a fill.
     *
     * @param slot     position slot.
     * @param side     side of the fill.
     * @param quantity units filled (positive).
     * @param value    their value in paise (price times quantity).
     */
    public void fill(final int slot, final Side side, final long quantity, final long value)
    {
        if (quantity <= 0)
        {
            return;
        }
        final long signedQuantity = side.sign() * quantity;
        final long signedValue = side.sign() * value;
        if (side == Side.BUY)
        {
            boughtQuantity[slot] += quantity;
        }
        else
        {
            soldQuantity[slot] += quantity;
        }
        final long net = netQuantity[slot];
        if (net == 0 || Long.signum(net) == Long.signum(signedQuantity))
        {
            netQuantity[slot] = net + signedQuantity;
            openCost[slot] += signedValue;
            return;
        }
        final long closing = Math.min(Math.abs(net), quantity);
        final long costReleased = closing == Math.abs(net) ? openCost[slot] : openCost[slot] / Math.abs(net) * closing
            + openCost[slot] % Math.abs(net) * closing / Math.abs(net);
        final long closingValue = closing == quantity ? signedValue : signedValue / quantity * closing
            + signedValue % quantity * closing / quantity;
        // Closing a long sells (negative signed value): P&L = proceeds - cost; closing a short buys: cost is negative.
        realised[slot] += -closingValue - costReleased;
        openCost[slot] -= costReleased;
        netQuantity[slot] = net + Long.signum(signedQuantity) * closing;
        final long opening = quantity - closing;
        if (opening > 0)
        {
            netQuantity[slot] += Long.signum(signedQuantity) * opening;
            openCost[slot] += signedValue - closingValue;
        }
    }

    /**
     * Mark a position to a price and track the best and worst P&amp;L seen.
     *
     * @param slot  position slot.
     * @param price mark in paise (ignored if not positive).
     */
    public void markTo(final int slot, final long price)
    {
        if (price <= 0)
        {
            return;
        }
        mark[slot] = price;
        final long pnl = pnl(slot);
        if (pnl > bestPnl[slot])
        {
            bestPnl[slot] = pnl;
        }
        if (pnl < worstPnl[slot])
        {
            worstPnl[slot] = pnl;
        }
    }

    /** @return slots in use. */
    public int count()
    {
        return count;
    }

    /** @param slot position slot. @return its instrument. */
    public int instrumentId(final int slot)
    {
        return instrumentId[slot];
    }

    /** @param slot position slot. @return net units, positive long, negative short. */
    public long netQuantity(final int slot)
    {
        return netQuantity[slot];
    }

    /** @param slot position slot. @return signed cost of the open quantity, paise. */
    public long openCost(final int slot)
    {
        return openCost[slot];
    }

    /** @param slot position slot. @return average open price in paise (0 when flat). */
    public long averagePrice(final int slot)
    {
        final long net = netQuantity[slot];
        return net == 0 ? 0 : openCost[slot] / net;
    }

    /** @param slot position slot. @return realised P&amp;L in paise. */
    public long realised(final int slot)
    {
        return realised[slot];
    }

    /** @param slot position slot. @return unrealised P&amp;L at the last mark, paise (0 when flat or unmarked). */
    public long unrealised(final int slot)
    {
        final long net = netQuantity[slot];
        return net == 0 || mark[slot] <= 0 ? 0 : net * mark[slot] - openCost[slot];
    }

    /** @param slot position slot. @return realised plus unrealised, paise. */
    public long pnl(final int slot)
    {
        return realised[slot] + unrealised(slot);
    }

    /** @param slot position slot. @return last mark in paise. */
    public long mark(final int slot)
    {
        return mark[slot];
    }

    /** @param slot position slot. @return best P&amp;L seen at a mark, paise. */
    public long bestPnl(final int slot)
    {
        return bestPnl[slot];
    }

    /** @param slot position slot. @return worst P&amp;L seen at a mark, paise. */
    public long worstPnl(final int slot)
    {
        return worstPnl[slot];
    }

    /** @param slot position slot. @return units bought. */
    public long boughtQuantity(final int slot)
    {
        return boughtQuantity[slot];
    }

    /** @param slot position slot. @return units sold. */
    public long soldQuantity(final int slot)
    {
        return soldQuantity[slot];
    }
}
