package dev.vyuha.kitesim;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated Kite order management and exchange: validates orders like Kite (freeze quantity, market protection,
 * lot and tick size, modification limit), blocks margin like its RMS, and matches live orders against its own quotes
 * on a matching thread, one depth level per order per step, so a quantity beyond the top of the book fills over time
 * and levels. Positions and cash follow the fills. Quotes come from tests ({@link #setQuote}) or a scripted price path
 * ({@link #playPricePath}); a new quote restores the book's liquidity.
 *
 * <p>Thread safe: every state change happens under this object's lock; order updates and quotes are delivered to the
 * listeners in order on the matching thread.
 */
public final class SimulatedExchange implements AutoCloseable
{
    /** An order state change to report (ticker order message, postback). */
    public record OrderEvent(SimOrder order, String status)
    {
    }

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedExchange.class);
    private static final DateTimeFormatter ORDER_DATE = DateTimeFormatter.ofPattern("yyMMdd", Locale.ROOT);

    private final KiteSimulatorConfig config;
    private final ScheduledExecutorService matchingThread;
    private final Map<Long, SimInstrument> instrumentsByToken = new LinkedHashMap<>();
    private final Map<String, SimInstrument> instrumentsBySymbol = new HashMap<>();
    private final Map<Long, SimQuote> quotes = new HashMap<>();
    private final Map<Long, int[][]> liquidity = new HashMap<>();
    private final Map<String, SimOrder> orders = new LinkedHashMap<>();
    private final Map<String, List<SimOrder>> histories = new HashMap<>();
    private final List<SimTrade> trades = new ArrayList<>();
    private final Map<String, Integer> placementsByTag = new LinkedHashMap<>();
    private final Map<String, long[]> positions = new LinkedHashMap<>();
    private final Deque<String> forcedRejections = new ArrayDeque<>();
    private final Deque<Object> undelivered = new ArrayDeque<>();
    private final List<Consumer<OrderEvent>> orderListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<SimQuote>> quoteListeners = new CopyOnWriteArrayList<>();
    private long cash;
    private long orderSequence;
    private long tradeSequence;

    /**
     * @param config simulator configuration (cash, margin and protection rules, matching step, clock).
     */
    public SimulatedExchange(final KiteSimulatorConfig config)
    {
        this.config = config;
        this.cash = config.availableCash();
        this.matchingThread = Executors.newSingleThreadScheduledExecutor(r ->
        {
            final Thread thread = new Thread(r, "kitesim-matching");
            thread.setDaemon(true);
            return thread;
        });
        final long stepMicros = config.fillInterval().toNanos() / 1000;
        matchingThread.scheduleWithFixedDelay(this::matchStep, stepMicros, stepMicros, TimeUnit.MICROSECONDS);
    }

    /**
     * @param listener told about every order state change, in order, on the matching thread.
     */
    public void addOrderListener(final Consumer<OrderEvent> listener)
    {
        orderListeners.add(listener);
    }

    /**
     * @param listener told about every new quote, in order, on the matching thread.
     */
    public void addQuoteListener(final Consumer<SimQuote> listener)
    {
        quoteListeners.add(listener);
    }

    // ------------------------------------------------------------------------------------------------ instruments

    /**
     * @param instrument an instrument to trade and serve from {@code /instruments}.
     */
    public synchronized void addInstrument(final SimInstrument instrument)
    {
        instrumentsByToken.put(instrument.instrumentToken(), instrument);
        instrumentsBySymbol.put(instrument.exchange() + ':' + instrument.tradingSymbol(), instrument);
    }

    /** @return every registered instrument, in registration order. */
    public synchronized List<SimInstrument> instruments()
    {
        return List.copyOf(instrumentsByToken.values());
    }

    /**
     * @param exchange e.g. NFO.
     * @param symbol   trading symbol.
     * @return the instrument or null.
     */
    public synchronized SimInstrument instrument(final String exchange, final String symbol)
    {
        return instrumentsBySymbol.get(exchange + ':' + symbol);
    }

    /**
     * @param token instrument token.
     * @return the instrument or null.
     */
    public synchronized SimInstrument instrument(final long token)
    {
        return instrumentsByToken.get(token);
    }

    // ------------------------------------------------------------------------------------------------ market data

    /**
     * Replace an instrument's quote; its book's liquidity is restored to the quote's depth. Live orders match against
     * it on the next step. Quote listeners (the ticker) are told.
     *
     * @param quote the new quote.
     */
    public synchronized void setQuote(final SimQuote quote)
    {
        quotes.put(quote.instrumentToken(), quote);
        final int[][] remaining = new int[2][SimQuote.DEPTH];
        for (int i = 0; i < SimQuote.DEPTH; i++)
        {
            remaining[0][i] = quote.bid(i).quantity();
            remaining[1][i] = quote.ask(i).quantity();
        }
        liquidity.put(quote.instrumentToken(), remaining);
        deliver(quote);
    }

    /**
     * @param token instrument token.
     * @return its last quote or null.
     */
    public synchronized SimQuote quote(final long token)
    {
        return quotes.get(token);
    }

    /**
     * Play a scripted price path: each quote replaces the previous one after {@code interval}.
     *
     * @param path     quotes in order.
     * @param interval time between them.
     */
    public void playPricePath(final List<SimQuote> path, final Duration interval)
    {
        final List<SimQuote> copy = List.copyOf(path);
        for (int i = 0; i < copy.size(); i++)
        {
            final SimQuote quote = copy.get(i);
            matchingThread.schedule(() -> setQuote(quote), interval.toMillis() * i, TimeUnit.MILLISECONDS);
        }
    }

    // ------------------------------------------------------------------------------------------------ orders

    /**
     * The next placement is accepted, then rejected by the "exchange" with this message (an RMS or exchange
     * rejection arrives asynchronously, after Kite returned an order id).
     *
     * @param statusMessage the rejection's status message.
     */
    public synchronized void rejectNextOrder(final String statusMessage)
    {
        forcedRejections.addLast(statusMessage);
    }

    /**
     * Place an order like Kite's {@code POST /orders/:variety}.
     *
     * @param variety Kite variety (only {@code regular} is simulated).
     * @param request the form.
     * @return the new order (a copy).
     * @throws KiteApiError for what Kite refuses synchronously (bad input, freeze quantity, market protection).
     */
    public synchronized SimOrder place(final String variety, final OrderRequest request)
    {
        if (!"regular".equals(variety))
        {
            throw KiteApiError.input("Order variety `" + variety + "` is not supported by the simulator.");
        }
        final SimInstrument instrument = validateNewOrder(request);
        final LocalDateTime now = now();
        orderSequence++;
        final String orderId = now.format(ORDER_DATE) + String.format(Locale.ROOT, "%09d", orderSequence);
        final String exchangeOrderId = String.format(Locale.ROOT, "13%014d", orderSequence);
        final SimOrder order = new SimOrder(orderSequence, orderId, exchangeOrderId, variety, instrument, request, now);
        orders.put(orderId, order);
        histories.put(orderId, new ArrayList<>());
        if (null != request.tag())
        {
            placementsByTag.merge(request.tag(), 1, Integer::sum);
        }
        record(order);
        order.status("VALIDATION PENDING");
        record(order);

        final String rejection = rmsCheck(order);
        if (null != rejection)
        {
            order.status(SimOrder.REJECTED);
            order.statusMessage(rejection);
            record(order);
            deliver(new OrderEvent(order.copy(), SimOrder.REJECTED));
            return order.copy();
        }
        order.status("OPEN PENDING");
        record(order);
        order.exchangeTimestamp(now);
        final boolean stop = "SL".equals(order.orderType()) || "SL-M".equals(order.orderType());
        order.status(stop ? SimOrder.TRIGGER_PENDING : SimOrder.OPEN);
        record(order);
        deliver(new OrderEvent(order.copy(), order.status()));
        return order.copy();
    }

    /**
     * Modify an order like Kite's {@code PUT /orders/:variety/:order_id}: quantity is the new total.
     *
     * @param orderId Kite order id.
     * @param request the form (tag and market protection are not sent by SDK 3.5.1).
     * @return the order after the change (a copy).
     */
    public synchronized SimOrder modify(final String orderId, final OrderRequest request)
    {
        final SimOrder order = liveOrder(orderId, "modified");
        if (order.modifications() >= config.maxModifications())
        {
            throw KiteApiError.input("Maximum allowed order modifications exceeded.");
        }
        final String orderType = null == request.orderType() ? order.orderType() : request.orderType();
        final int quantity = null == request.quantity() ? order.quantity() : request.quantity();
        final SimInstrument instrument = order.instrument();
        checkQuantity(instrument, quantity);
        if (quantity <= order.filledQuantity())
        {
            throw KiteApiError.input("Quantity cannot be less than or equal to the filled quantity.");
        }
        if (("MARKET".equals(orderType) || "SL-M".equals(orderType)) && 0 == order.marketProtection())
        {
            throw KiteApiError.input(marketProtectionMessage());
        }
        final long price = null == request.price() ? order.price() : request.price();
        checkPrices(instrument, orderType, price, null == request.triggerPrice() ? order.triggerPrice() :
            request.triggerPrice());
        order.countModification();
        order.status("MODIFY VALIDATION PENDING");
        record(order);
        order.status("MODIFY PENDING");
        record(order);
        order.exchangeTimestamp(now());
        order.status("MODIFIED");
        record(order);
        order.orderType(orderType);
        order.quantity(quantity);
        order.price("MARKET".equals(orderType) || "SL-M".equals(orderType) ? 0 : price);
        if (null != request.triggerPrice())
        {
            order.triggerPrice(request.triggerPrice());
        }
        if (null != request.validity())
        {
            order.validity(request.validity());
        }
        if ("MARKET".equals(orderType))
        {
            order.protectionPrice(protectionPrice(order));
        }
        final boolean stop = ("SL".equals(orderType) || "SL-M".equals(orderType)) && !triggered(order);
        order.status(stop ? SimOrder.TRIGGER_PENDING : SimOrder.OPEN);
        record(order);
        deliver(new OrderEvent(order.copy(), SimOrder.UPDATE));
        return order.copy();
    }

    /**
     * Cancel an order like Kite's {@code DELETE /orders/:variety/:order_id}.
     *
     * @param orderId Kite order id.
     * @return the cancelled order (a copy).
     */
    public synchronized SimOrder cancel(final String orderId)
    {
        final SimOrder order = liveOrder(orderId, "cancelled");
        order.status("CANCEL PENDING");
        record(order);
        cancelRemainder(order);
        return order.copy();
    }

    /** @return every order of the day, in placement order (copies). */
    public synchronized List<SimOrder> orders()
    {
        return orders.values().stream().map(SimOrder::copy).toList();
    }

    /**
     * @param orderId Kite order id.
     * @return the order (a copy) or null.
     */
    public synchronized SimOrder order(final String orderId)
    {
        final SimOrder order = orders.get(orderId);
        return null == order ? null : order.copy();
    }

    /**
     * @param orderId Kite order id.
     * @return every state the order went through, oldest first; empty if unknown.
     */
    public synchronized List<SimOrder> history(final String orderId)
    {
        return List.copyOf(histories.getOrDefault(orderId, List.of()));
    }

    /** @return every fill of the day, in order. */
    public synchronized List<SimTrade> trades()
    {
        return List.copyOf(trades);
    }

    /**
     * @param orderId Kite order id.
     * @return the order's fills.
     */
    public synchronized List<SimTrade> trades(final String orderId)
    {
        return trades.stream().filter(t -> t.orderId().equals(orderId)).toList();
    }

    /**
     * @param tag an order tag.
     * @return how many orders were placed with it (a resend after a lost response counts twice).
     */
    public synchronized int placementsWithTag(final String tag)
    {
        return placementsByTag.getOrDefault(tag, 0);
    }

    /** @return placements per tag, in first-placement order. */
    public synchronized Map<String, Integer> placementsByTag()
    {
        return new LinkedHashMap<>(placementsByTag);
    }

    /** @return tags placed more than once: must stay empty for an idempotent client. */
    public synchronized List<String> duplicateTags()
    {
        return placementsByTag.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
    }

    /** @return the day's positions, per instrument and product. */
    public synchronized List<SimPosition> positions()
    {
        final List<SimPosition> list = new ArrayList<>(positions.size());
        for (final Map.Entry<String, long[]> entry : positions.entrySet())
        {
            final long[] p = entry.getValue();
            final SimInstrument instrument = instrumentsByToken.get(p[0]);
            final SimQuote quote = quotes.get(p[0]);
            final String product = entry.getKey().substring(entry.getKey().indexOf('|') + 1);
            list.add(new SimPosition(instrument, product, (int)p[1], p[2], (int)p[3], p[4],
                null == quote ? 0 : quote.lastPrice(), null == quote ? 0 : quote.close()));
        }
        return list;
    }

    /**
     * @param token instrument token.
     * @return net quantity over all products.
     */
    public synchronized int netQuantity(final long token)
    {
        int net = 0;
        for (final long[] p : positions.values())
        {
            if (p[0] == token)
            {
                net += (int)(p[1] - p[3]);
            }
        }
        return net;
    }

    /** @return cash in paise: opening cash minus premium paid plus premium received. */
    public synchronized long cash()
    {
        return cash;
    }

    /** @return margin blocked by live orders and short positions, paise. */
    public synchronized long utilisedMargin()
    {
        long blocked = 0;
        for (final SimOrder order : orders.values())
        {
            if (order.isLive())
            {
                blocked += requirement(order.instrument().instrumentToken(), order.isBuy(), order.pendingQuantity(),
                    limitOf(order), 0);
            }
        }
        for (final long[] p : positions.values())
        {
            final long net = p[1] - p[3];
            if (net < 0)
            {
                blocked += -net * config.sellMarginPerUnit();
            }
        }
        return blocked;
    }

    /** @return margin available for new orders, paise. */
    public synchronized long availableMargin()
    {
        return cash - utilisedMargin();
    }

    @Override
    public void close()
    {
        matchingThread.shutdownNow();
    }

    // ------------------------------------------------------------------------------------------------ internals

    private SimInstrument validateNewOrder(final OrderRequest request)
    {
        if (null == request.exchange() || null == request.tradingSymbol() || null == request.transactionType()
            || null == request.orderType() || null == request.product() || null == request.quantity())
        {
            throw KiteApiError.input("Missing one of exchange, tradingsymbol, transaction_type, order_type, product, "
                + "quantity.");
        }
        if (!"BUY".equals(request.transactionType()) && !"SELL".equals(request.transactionType()))
        {
            throw KiteApiError.input("Invalid `transaction_type`.");
        }
        final SimInstrument instrument = instrumentsBySymbol.get(request.exchange() + ':' + request.tradingSymbol());
        if (null == instrument)
        {
            throw KiteApiError.input("Invalid `tradingsymbol`: " + request.exchange() + ':' + request.tradingSymbol());
        }
        checkQuantity(instrument, request.quantity());
        final String type = request.orderType();
        if (("MARKET".equals(type) || "SL-M".equals(type))
            && (null == request.marketProtection() || 0 == request.marketProtection()))
        {
            throw KiteApiError.input(marketProtectionMessage());
        }
        if (null != request.marketProtection() && request.marketProtection() != -1
            && (request.marketProtection() < 0 || request.marketProtection() > 100))
        {
            throw KiteApiError.input("Market protection must be -1 (auto) or between 1 and 100.");
        }
        if (null != request.validity() && !"DAY".equals(request.validity()) && !"IOC".equals(request.validity()))
        {
            throw KiteApiError.input("Validity `" + request.validity() + "` is not supported by the simulator.");
        }
        checkPrices(instrument, type, null == request.price() ? 0 : request.price(),
            null == request.triggerPrice() ? 0 : request.triggerPrice());
        return instrument;
    }

    private static String marketProtectionMessage()
    {
        return "Market orders without market protection are not allowed via API. Please set market protection or "
            + "use a Limit order.";
    }

    private static void checkQuantity(final SimInstrument instrument, final int quantity)
    {
        if (quantity <= 0 || quantity % instrument.lotSize() != 0)
        {
            throw KiteApiError.input("Quantity should be a multiple of lot size (" + instrument.lotSize() + ").");
        }
        if (instrument.freezeQuantity() > 0 && quantity > instrument.freezeQuantity())
        {
            throw KiteApiError.input("Quantity " + quantity + " exceeds the freeze limit of "
                + instrument.freezeQuantity() + " for " + instrument.tradingSymbol()
                + ". Split your order or use iceberg.");
        }
    }

    private static void checkPrices(
        final SimInstrument instrument, final String type, final long price, final long triggerPrice)
    {
        switch (type)
        {
            case "LIMIT" -> checkTick(instrument, price, "price");
            case "SL" ->
            {
                checkTick(instrument, price, "price");
                checkTick(instrument, triggerPrice, "trigger_price");
            }
            case "SL-M" -> checkTick(instrument, triggerPrice, "trigger_price");
            case "MARKET" ->
            {
            }
            default -> throw KiteApiError.input("Invalid `order_type`: " + type);
        }
    }

    private static void checkTick(final SimInstrument instrument, final long price, final String field)
    {
        if (price <= 0)
        {
            throw KiteApiError.input("Invalid `" + field + "`.");
        }
        if (price % instrument.tickSize() != 0)
        {
            throw KiteApiError.input("Tick size for this script is " + rupees(instrument.tickSize())
                + ". Kindly enter " + field + " in the multiple of tick size for this script");
        }
    }

    private String rmsCheck(final SimOrder order)
    {
        final String forced = forcedRejections.pollFirst();
        if (null != forced)
        {
            return forced;
        }
        if ("MARKET".equals(order.orderType()))
        {
            final SimQuote quote = quotes.get(order.instrument().instrumentToken());
            if (null == quote || 0 == quote.lastPrice())
            {
                return "Market protection cannot be computed: no last traded price for "
                    + order.instrument().tradingSymbol() + ".";
            }
            order.protectionPrice(protectionPrice(order));
        }
        final long required = requirement(order.instrument().instrumentToken(), order.isBuy(), order.quantity(),
            limitOf(order), 0);
        final long available = availableMargin();
        if (required > available)
        {
            return "Insufficient funds. Required margin is " + rupees(required) + " but available margin is "
                + rupees(available) + ". Check the orderbook for open orders.";
        }
        return null;
    }

    private long requirement(
        final long token, final boolean buy, final int quantity, final long price, final int alreadyCounted)
    {
        if (buy)
        {
            return quantity * price;
        }
        final int netLong = Math.max(0, netQuantity(token) - alreadyCounted);
        return Math.max(0, quantity - netLong) * config.sellMarginPerUnit();
    }

    private long limitOf(final SimOrder order)
    {
        if ("MARKET".equals(order.orderType()) || "SL-M".equals(order.orderType()))
        {
            if (0 != order.protectionPrice())
            {
                return order.protectionPrice();
            }
            final SimQuote quote = quotes.get(order.instrument().instrumentToken());
            return null == quote ? order.triggerPrice() : Math.max(quote.lastPrice(), order.triggerPrice());
        }
        return order.price();
    }

    private long protectionPrice(final SimOrder order)
    {
        final SimQuote quote = quotes.get(order.instrument().instrumentToken());
        final long reference = null == quote || 0 == quote.lastPrice() ? order.triggerPrice() : quote.lastPrice();
        final double percent = order.marketProtection() < 0 ? config.autoMarketProtectionPercent() :
            order.marketProtection();
        final long tick = order.instrument().tickSize();
        if (order.isBuy())
        {
            final long bound = (long)Math.floor(reference * (1 + percent / 100.0));
            return Math.max(tick, bound / tick * tick);
        }
        final long bound = (long)Math.ceil(reference * (1 - percent / 100.0));
        return Math.max(tick, (bound + tick - 1) / tick * tick);
    }

    private SimOrder liveOrder(final String orderId, final String action)
    {
        final SimOrder order = orders.get(orderId);
        if (null == order)
        {
            throw KiteApiError.input("Invalid `order_id`.");
        }
        if (!order.isLive())
        {
            throw KiteApiError.input("Order cannot be " + action + " as it is "
                + order.status().toLowerCase(Locale.ROOT) + ".");
        }
        return order;
    }

    private boolean triggered(final SimOrder order)
    {
        final SimQuote quote = quotes.get(order.instrument().instrumentToken());
        if (null == quote || 0 == quote.lastPrice())
        {
            return false;
        }
        return order.isBuy() ? quote.lastPrice() >= order.triggerPrice() : quote.lastPrice() <= order.triggerPrice();
    }

    private void cancelRemainder(final SimOrder order)
    {
        order.cancelRemainder();
        order.exchangeTimestamp(now());
        order.status(SimOrder.CANCELLED);
        record(order);
        deliver(new OrderEvent(order.copy(), SimOrder.CANCELLED));
    }

    private void record(final SimOrder order)
    {
        histories.get(order.orderId()).add(order.copy());
    }

    private void matchStep()
    {
        synchronized (this)
        {
            matchLiveOrders();
        }
        drainDeliveries();
    }

    private void matchLiveOrders()
    {
        try
        {
            for (final SimOrder order : orders.values())
            {
                if (SimOrder.TRIGGER_PENDING.equals(order.status()) && triggered(order))
                {
                    if ("SL-M".equals(order.orderType()))
                    {
                        order.protectionPrice(protectionPrice(order));
                    }
                    order.status(SimOrder.OPEN);
                    order.exchangeTimestamp(now());
                    record(order);
                    deliver(new OrderEvent(order.copy(), SimOrder.UPDATE));
                }
                if (SimOrder.OPEN.equals(order.status()))
                {
                    matchOne(order);
                }
            }
        }
        catch (final RuntimeException ex)
        {
            LOG.error("matching step failed", ex);
        }
    }

    private void matchOne(final SimOrder order)
    {
        final long token = order.instrument().instrumentToken();
        final SimQuote quote = quotes.get(token);
        if (null == quote)
        {
            return;
        }
        final long limit = limitOf(order);
        final int remainingQuantity = order.quantity() - order.filledQuantity();
        int fillQuantity = 0;
        long fillPrice = 0;
        if (quote.hasDepth())
        {
            final int side = order.isBuy() ? 1 : 0;
            final int[] remaining = liquidity.get(token)[side];
            for (int level = 0; level < SimQuote.DEPTH; level++)
            {
                if (remaining[level] > 0)
                {
                    final long price = order.isBuy() ? quote.ask(level).price() : quote.bid(level).price();
                    if (order.isBuy() ? price <= limit : price >= limit)
                    {
                        fillQuantity = Math.min(remainingQuantity, remaining[level]);
                        fillPrice = price;
                        remaining[level] -= fillQuantity;
                    }
                    break;
                }
            }
        }
        else if (quote.lastPrice() > 0 && (order.isBuy() ? quote.lastPrice() <= limit : quote.lastPrice() >= limit))
        {
            fillQuantity = remainingQuantity;
            fillPrice = quote.lastPrice();
        }

        if (fillQuantity > 0)
        {
            fill(order, fillQuantity, fillPrice);
        }
        if ("IOC".equals(order.validity()) && SimOrder.OPEN.equals(order.status()))
        {
            cancelRemainder(order);
        }
    }

    private void fill(final SimOrder order, final int quantity, final long price)
    {
        final LocalDateTime now = now();
        order.addFill(quantity, price);
        order.exchangeTimestamp(now);
        tradeSequence++;
        trades.add(new SimTrade(String.valueOf(50_000_000L + tradeSequence), order.orderId(),
            order.exchangeOrderId(), order.instrument(), order.product(), order.transactionType(), quantity, price,
            now, order.tag()));
        final long[] position = positions.computeIfAbsent(
            order.instrument().instrumentToken() + "|" + order.product(),
            k -> new long[] {order.instrument().instrumentToken(), 0, 0, 0, 0});
        if (order.isBuy())
        {
            position[1] += quantity;
            position[2] += quantity * price;
            cash -= quantity * price;
        }
        else
        {
            position[3] += quantity;
            position[4] += quantity * price;
            cash += quantity * price;
        }
        final boolean complete = order.filledQuantity() == order.quantity();
        if (complete)
        {
            order.status(SimOrder.COMPLETE);
        }
        record(order);
        deliver(new OrderEvent(order.copy(), complete ? SimOrder.COMPLETE : SimOrder.UPDATE));
    }

    private void deliver(final Object event)
    {
        undelivered.addLast(event);
        if (!matchingThread.isShutdown())
        {
            matchingThread.execute(this::drainDeliveries);
        }
    }

    private void drainDeliveries()
    {
        final List<Object> events;
        synchronized (this)
        {
            events = new ArrayList<>(undelivered);
            undelivered.clear();
        }
        for (final Object event : events)
        {
            try
            {
                if (event instanceof OrderEvent orderEvent)
                {
                    orderListeners.forEach(l -> l.accept(orderEvent));
                }
                else if (event instanceof SimQuote quote)
                {
                    quoteListeners.forEach(l -> l.accept(quote));
                }
            }
            catch (final RuntimeException ex)
            {
                LOG.error("listener failed on {}", event, ex);
            }
        }
    }

    private LocalDateTime now()
    {
        return LocalDateTime.now(config.clock().withZone(KiteSimulatorConfig.IST)).withNano(0);
    }

    static String rupees(final long paise)
    {
        return java.math.BigDecimal.valueOf(paise, 2).toPlainString();
    }

    /**
     * @param instruments instruments to register.
     */
    public void addInstruments(final Collection<SimInstrument> instruments)
    {
        instruments.forEach(this::addInstrument);
    }

    /**
     * @param tag a tag.
     * @return the orders placed with it (copies).
     */
    public synchronized List<SimOrder> ordersWithTag(final String tag)
    {
        return orders.values().stream().filter(o -> Objects.equals(tag, o.tag())).map(SimOrder::copy).toList();
    }
}
