package dev.vyuha.gateway.paper;

import dev.vyuha.gateway.venue.MarketQuote;
import org.agrona.collections.Long2ObjectHashMap;

import java.util.ArrayList;
import java.util.List;

/**
 * The simulated venue's fill model, shared by the gateway's paper mode and the backtest: a plain library class with no
 * threads, no clock and no I/O (time comes from the caller), so the same inputs always give the same fills.
 *
 * <ul>
 *   <li>An order becomes eligible {@code latencyNs} after it is submitted; until then quotes pass it by.</li>
 *   <li>An eligible order takes liquidity from the opposite side of the latest quote, best level first, walking the
 *   (up to five) levels while their price satisfies its limit; a market order takes any price. Each level fills at its
 *   own price, moved against the order by {@code slippageBps} (never beyond its limit).</li>
 *   <li>Liquidity it takes is gone until the next quote for that instrument; what cannot fill rests and tries again on
 *   every later quote. An immediate-or-cancel order is cancelled after its first attempt.</li>
 *   <li>A quote without depth fills the whole eligible quantity at the last price, if marketable.</li>
 * </ul>
 *
 * <p>Not thread safe: one thread drives it. Fills go to a {@link FillListener} in submission order.
 */
public final class PaperFillModel
{
    /** Limit price of a market order. */
    public static final long MARKET = Long.MIN_VALUE;

    /** Receives fills and cancellations. */
    public interface FillListener
    {
        /**
         * @param orderId  the caller's order id.
         * @param quantity units filled.
         * @param price    paise, slippage included.
         * @param timeNs   caller's time of the fill.
         */
        void onFill(long orderId, int quantity, long price, long timeNs);

        /**
         * @param orderId   the caller's order id.
         * @param quantity  units cancelled (the unfilled rest).
         * @param timeNs    caller's time.
         */
        void onCancelled(long orderId, int quantity, long timeNs);
    }

    private final double slippageFraction;
    private final long latencyNs;
    private final FillListener listener;
    private final Long2ObjectHashMap<PaperOrder> ordersById = new Long2ObjectHashMap<>();
    private final List<PaperOrder> live = new ArrayList<>();
    private final Long2ObjectHashMap<Book> books = new Long2ObjectHashMap<>();

    /**
     * @param slippageBps adverse slippage in basis points of the level price (0 for none).
     * @param latencyNs   delay between submission and the order's first chance to fill.
     * @param listener    receives fills and cancellations.
     */
    public PaperFillModel(final double slippageBps, final long latencyNs, final FillListener listener)
    {
        if (slippageBps < 0 || latencyNs < 0)
        {
            throw new IllegalArgumentException("slippage and latency must be >= 0");
        }
        this.slippageFraction = slippageBps / 10_000.0;
        this.latencyNs = latencyNs;
        this.listener = listener;
    }

    /**
     * Submit an order. It can fill at the next {@link #onQuote} or {@link #advance} once its latency has elapsed.
     *
     * @param orderId           caller's id, unique.
     * @param instrumentToken   instrument.
     * @param buy               true to buy.
     * @param quantity          units (&gt; 0).
     * @param limitPrice        paise, or {@link #MARKET}.
     * @param immediateOrCancel cancel what the first attempt cannot fill.
     * @param nowNs             caller's time.
     */
    public void submit(
        final long orderId,
        final long instrumentToken,
        final boolean buy,
        final int quantity,
        final long limitPrice,
        final boolean immediateOrCancel,
        final long nowNs)
    {
        if (quantity <= 0)
        {
            throw new IllegalArgumentException("quantity must be > 0: " + quantity);
        }
        if (ordersById.containsKey(orderId))
        {
            throw new IllegalArgumentException("duplicate order id " + orderId);
        }
        final PaperOrder order = new PaperOrder(orderId, instrumentToken, buy, quantity, limitPrice, immediateOrCancel,
            nowNs + latencyNs);
        ordersById.put(orderId, order);
        live.add(order);
    }

    /**
     * Cancel what is left of an order.
     *
     * @param orderId the order.
     * @param nowNs   caller's time.
     * @return units cancelled, 0 if the order is unknown or done.
     */
    public int cancel(final long orderId, final long nowNs)
    {
        final PaperOrder order = ordersById.get(orderId);
        if (null == order || order.remaining == 0)
        {
            return 0;
        }
        final int cancelled = order.remaining;
        order.remaining = 0;
        finish(order);
        listener.onCancelled(orderId, cancelled, nowNs);
        return cancelled;
    }

    /**
     * Change a live order's total quantity and limit (it keeps its place; quantity may not go below what filled).
     *
     * @param orderId       the order.
     * @param totalQuantity new total quantity, filled included.
     * @param limitPrice    new limit or {@link #MARKET}.
     * @return false if the order is unknown, done, or the quantity is below what filled.
     */
    public boolean amend(final long orderId, final int totalQuantity, final long limitPrice)
    {
        final PaperOrder order = ordersById.get(orderId);
        if (null == order || order.remaining == 0 || totalQuantity <= order.filled)
        {
            return false;
        }
        order.remaining = totalQuantity - order.filled;
        order.limitPrice = limitPrice;
        return true;
    }

    /**
     * @param orderId the order.
     * @return units still open, 0 if unknown or done.
     */
    public int openQuantity(final long orderId)
    {
        final PaperOrder order = ordersById.get(orderId);
        return null == order ? 0 : order.remaining;
    }

    /**
     * A new quote replaces the instrument's book (its liquidity is restored); eligible orders for it try to fill.
     *
     * @param quote the quote.
     * @return units filled.
     */
    public int onQuote(final MarketQuote quote)
    {
        Book book = books.get(quote.instrumentToken());
        if (null == book)
        {
            book = new Book();
            books.put(quote.instrumentToken(), book);
        }
        book.load(quote);
        return match(quote.instrumentToken(), quote.timestampNs(), true);
    }

    /**
     * Let orders whose latency has elapsed try the latest books.
     *
     * @param nowNs caller's time.
     * @return units filled.
     */
    public int advance(final long nowNs)
    {
        return match(Long.MIN_VALUE, nowNs, false);
    }

    private int match(final long token, final long nowNs, final boolean onlyToken)
    {
        int filled = 0;
        for (int i = 0; i < live.size(); i++)
        {
            final PaperOrder order = live.get(i);
            if ((onlyToken && order.instrumentToken != token) || order.eligibleAtNs > nowNs)
            {
                continue;
            }
            final Book book = books.get(order.instrumentToken);
            if (null == book || (order.attempted && book.version == order.bookVersion))
            {
                continue;
            }
            order.attempted = true;
            order.bookVersion = book.version;
            filled += fill(order, book, nowNs);
            if (order.immediateOrCancel && order.remaining > 0)
            {
                final int cancelled = order.remaining;
                order.remaining = 0;
                listener.onCancelled(order.orderId, cancelled, nowNs);
            }
            if (0 == order.remaining)
            {
                finish(order);
                i--;
            }
        }
        return filled;
    }

    private int fill(final PaperOrder order, final Book book, final long nowNs)
    {
        int filled = 0;
        if (!book.hasDepth)
        {
            final long price = book.lastPrice;
            if (price > 0 && marketable(order, price))
            {
                filled = order.remaining;
                execute(order, filled, price, nowNs);
            }
            return filled;
        }
        final long[] prices = order.buy ? book.askPrices : book.bidPrices;
        final int[] remaining = order.buy ? book.askRemaining : book.bidRemaining;
        final int levels = order.buy ? book.askLevels : book.bidLevels;
        for (int level = 0; level < levels && order.remaining > 0; level++)
        {
            if (0 == remaining[level])
            {
                continue;
            }
            if (!marketable(order, prices[level]))
            {
                break;
            }
            final int quantity = Math.min(order.remaining, remaining[level]);
            remaining[level] -= quantity;
            filled += quantity;
            execute(order, quantity, prices[level], nowNs);
        }
        return filled;
    }

    private void execute(final PaperOrder order, final int quantity, final long levelPrice, final long nowNs)
    {
        final long slip = Math.round(levelPrice * slippageFraction);
        long price = order.buy ? levelPrice + slip : Math.max(0, levelPrice - slip);
        if (MARKET != order.limitPrice)
        {
            price = order.buy ? Math.min(price, order.limitPrice) : Math.max(price, order.limitPrice);
        }
        order.remaining -= quantity;
        order.filled += quantity;
        listener.onFill(order.orderId, quantity, price, nowNs);
    }

    private static boolean marketable(final PaperOrder order, final long price)
    {
        return MARKET == order.limitPrice || (order.buy ? price <= order.limitPrice : price >= order.limitPrice);
    }

    private void finish(final PaperOrder order)
    {
        live.remove(order);
        ordersById.remove(order.orderId);
    }

    private static final class PaperOrder
    {
        private final long orderId;
        private final long instrumentToken;
        private final boolean buy;
        private final boolean immediateOrCancel;
        private final long eligibleAtNs;
        private long limitPrice;
        private int remaining;
        private int filled;
        private boolean attempted;
        private long bookVersion;

        PaperOrder(
            final long orderId,
            final long instrumentToken,
            final boolean buy,
            final int quantity,
            final long limitPrice,
            final boolean immediateOrCancel,
            final long eligibleAtNs)
        {
            this.orderId = orderId;
            this.instrumentToken = instrumentToken;
            this.buy = buy;
            this.remaining = quantity;
            this.limitPrice = limitPrice;
            this.immediateOrCancel = immediateOrCancel;
            this.eligibleAtNs = eligibleAtNs;
        }
    }

    private static final class Book
    {
        private final long[] bidPrices = new long[MarketQuote.MAX_LEVELS];
        private final int[] bidRemaining = new int[MarketQuote.MAX_LEVELS];
        private final long[] askPrices = new long[MarketQuote.MAX_LEVELS];
        private final int[] askRemaining = new int[MarketQuote.MAX_LEVELS];
        private int bidLevels;
        private int askLevels;
        private long lastPrice;
        private boolean hasDepth;
        private long version;

        void load(final MarketQuote quote)
        {
            version++;
            lastPrice = quote.lastPrice();
            bidLevels = quote.bidLevels();
            askLevels = quote.askLevels();
            for (int i = 0; i < bidLevels; i++)
            {
                bidPrices[i] = quote.bidPrice(i);
                bidRemaining[i] = quote.bidQuantity(i);
            }
            for (int i = 0; i < askLevels; i++)
            {
                askPrices[i] = quote.askPrice(i);
                askRemaining[i] = quote.askQuantity(i);
            }
            hasDepth = bidLevels > 0 || askLevels > 0;
        }
    }
}
