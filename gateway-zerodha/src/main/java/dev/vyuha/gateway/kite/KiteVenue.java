package dev.vyuha.gateway.kite;

import com.zerodhatech.kiteconnect.KiteConnect;
import com.zerodhatech.kiteconnect.kitehttp.exceptions.KiteException;
import com.zerodhatech.models.Order;
import com.zerodhatech.models.OrderParams;
import com.zerodhatech.models.Position;
import com.zerodhatech.models.Trade;
import com.zerodhatech.models.User;
import dev.vyuha.gateway.kite.IntentBook.Intent;
import dev.vyuha.gateway.kite.IntentBook.Slice;
import dev.vyuha.gateway.kite.IntentBook.SliceState;
import dev.vyuha.gateway.venue.BrokerVenue;
import dev.vyuha.gateway.venue.ExecutionEvent;
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
import dev.vyuha.sbe.ReconciliationScope;
import dev.vyuha.sbe.RejectReason;
import dev.vyuha.sbe.Side;
import dev.vyuha.wire.OrderTags;
import org.agrona.concurrent.EpochNanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Zerodha Kite through the official SDK 3.5.1, off the Aeron duty cycle: the SDK blocks 10–300 ms per call and its
 * date parsing is not thread safe, so every state change happens on one broker thread (placements, modifications,
 * cancellations, order updates) with its own {@code KiteConnect}, and the large reads (order book polls and tag
 * lookups, reconciliation) run on a reader thread with a second {@code KiteConnect}, so a placement never waits behind
 * a read. The Aeron agent, the ticker, the postback listener and the reader only queue work for the broker thread.
 *
 * <p>Rules it keeps (KITE.md §9, ARCHITECTURE.md §3 invariant 5):
 * <ul>
 *   <li>Order requests leave in arrival order through one {@link OrderRateLimiter} (10/s, 400/min, 5000/day): the
 *   excess waits, it is never dropped. A 429 means "not placed": the request is retried at the head of the queue after
 *   a back-off.</li>
 *   <li>Every Kite order carries a deterministic tag (the intent tag, or a slice tag above the freeze quantity).</li>
 *   <li>A placement that may have reached Kite (timeout, 5xx, dropped connection, unreadable answer) is never resent
 *   before the order book has been searched for its tag, repeatedly, and found without it; an order found is adopted.
 *   At start-up the order book is read before any intent is placed, so a restarted gateway adopts what it placed
 *   before.</li>
 *   <li>A TokenException ends the session: the engine is told (BrokerSession EXPIRED), new orders are refused with
 *   SESSION_EXPIRED, and the token source is probed until a valid token appears.</li>
 *   <li>Order updates come from the ticker, postbacks and a poll of the order book (fast while the ticker is down);
 *   {@link IntentBook} reports every fill exactly once.</li>
 * </ul>
 */
public final class KiteVenue implements BrokerVenue
{
    private static final Logger LOG = LoggerFactory.getLogger(KiteVenue.class);
    private static final String VARIETY = "regular";
    private static final long MAX_WAIT_NS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final int NETWORK_FAILURES_BEFORE_DISCONNECTED = 3;
    private static final int MAX_AMEND_ATTEMPTS = 3;
    /** ExecutionReport.side is required: an answer about an unknown order carries BUY (see the report's text). */
    private static final Side UNKNOWN_SIDE = Side.BUY;

    private enum ActionKind
    {
        PLACE, MODIFY, CANCEL
    }

    private static final class Action
    {
        final ActionKind kind;
        final Slice slice;
        final OrderAmendment amendment;
        final long requestId;
        int attempts;
        long notBeforeNs;

        Action(final ActionKind kind, final Slice slice, final OrderAmendment amendment, final long requestId)
        {
            this.kind = kind;
            this.slice = slice;
            this.amendment = amendment;
            this.requestId = requestId;
        }
    }

    private final KiteSettings settings;
    private final EpochNanoClock clock;
    private final LinkedBlockingQueue<Runnable> inbox = new LinkedBlockingQueue<>();
    private final Deque<Action> dispatch = new ArrayDeque<>();
    private final List<OrderIntent> waitingForStart = new ArrayList<>();
    private final List<ReconciliationQuery> pendingReconciliations = new ArrayList<>();
    private final Map<String, BrokerOrderState> ordersAtStart = new HashMap<>();
    private final Map<String, Long> tokensBySymbol = new HashMap<>();
    private final Set<Long> refusedIntents = new HashSet<>();
    private final OrderRateLimiter limiter;
    private final PlacementObserver placementObserver;
    private final Thread worker;
    private final Thread reader;
    private final LinkedBlockingQueue<Runnable> reads = new LinkedBlockingQueue<>();
    private volatile boolean running = true;
    private VenueListener listener;
    private IntentBook book;
    private KiteConnect kite;
    private KiteConnect kiteReads;
    private boolean pollInFlight;
    private boolean reconciliationInFlight;
    private KiteOrderStream stream;
    private PostbackListener postbacks;
    private BrokerSessionStatus session;
    private String account;
    private String accessToken;
    private boolean orderBookRead;
    private long nextPollNs;
    private long nextProbeNs;
    private long nextReconciliationNs;
    private int reconciliationAttempts;
    private int networkFailures;

    /**
     * @param settings Kite settings.
     * @param clock    epoch time for the rate limiter and timers.
     */
    public KiteVenue(final KiteSettings settings, final EpochNanoClock clock)
    {
        this(settings, clock, PlacementObserver.NONE);
    }

    /**
     * @param settings          Kite settings.
     * @param clock             epoch time for the rate limiter and timers.
     * @param placementObserver told about each placement as it leaves.
     */
    public KiteVenue(final KiteSettings settings, final EpochNanoClock clock,
        final PlacementObserver placementObserver)
    {
        this.settings = settings;
        this.clock = clock;
        this.placementObserver = placementObserver;
        this.account = settings.account();
        this.limiter = new OrderRateLimiter(settings.ordersPerSecond(), settings.ordersPerMinute(),
            settings.ordersPerDay(), settings.rateGuard().toNanos());
        this.worker = new Thread(this::run, "vyuha-kite-broker");
        this.worker.setDaemon(true);
        this.reader = new Thread(this::read, "vyuha-kite-reader");
        this.reader.setDaemon(true);
    }

    @Override
    public String name()
    {
        return "kite";
    }

    @Override
    public void start(final VenueListener listener)
    {
        this.listener = listener;
        worker.start();
    }

    @Override
    public void onNewOrder(final OrderIntent intent)
    {
        inbox.add(() -> newOrder(intent));
    }

    @Override
    public void onModifyOrder(final OrderAmendment amendment)
    {
        inbox.add(() -> modify(amendment));
    }

    @Override
    public void onCancelOrder(final OrderCancellation cancellation)
    {
        inbox.add(() -> cancel(cancellation));
    }

    @Override
    public void onReconciliationRequest(final ReconciliationQuery request)
    {
        inbox.add(() ->
        {
            pendingReconciliations.add(request);
            nextReconciliationNs = 0;
        });
    }

    /**
     * Feed an order observation from outside the broker thread (ticker, postback).
     *
     * @param state the observation.
     */
    void onBrokerOrder(final BrokerOrderState state)
    {
        inbox.add(() -> observe(state));
    }

    /** @return the postback listener's port, or -1 if disabled (tests). */
    public int postbackPort()
    {
        return null == postbacks ? -1 : postbacks.port();
    }

    @Override
    public void close()
    {
        running = false;
        worker.interrupt();
        reader.interrupt();
        try
        {
            worker.join(TimeUnit.SECONDS.toMillis(5));
            reader.join(TimeUnit.SECONDS.toMillis(5));
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        if (null != stream)
        {
            stream.close();
        }
        if (null != postbacks)
        {
            postbacks.close();
        }
    }

    // ------------------------------------------------------------------------------------------------ broker thread

    private void run()
    {
        book = new IntentBook(account, this::emit);
        kite = KiteSdk.kiteConnect(settings.apiKey(), settings.rootUrl(), settings.httpTimeout());
        kiteReads = KiteSdk.kiteConnect(settings.apiKey(), settings.rootUrl(), settings.httpTimeout());
        reader.start();
        if (settings.tickerEnabled())
        {
            stream = new KiteOrderStream(settings.apiKey(), settings.tickerUrl(), settings.tickerStaleAfter(),
                this::onBrokerOrder);
            stream.start();
        }
        if (0 != settings.postbackPort())
        {
            postbacks = new PostbackListener(settings.postbackHost(), settings.postbackPort(),
                settings.credentials().apiSecret(), this::onBrokerOrder);
            postbacks.start();
        }
        openSession();
        pendingReconciliations.add(new ReconciliationQuery(0, account, ReconciliationScope.ALL));
        while (running)
        {
            try
            {
                final Runnable task = inbox.poll(waitNanos(), TimeUnit.NANOSECONDS);
                if (null != task)
                {
                    task.run();
                    Runnable more;
                    while (null != (more = inbox.poll()))
                    {
                        more.run();
                    }
                }
                housekeeping();
            }
            catch (final InterruptedException ex)
            {
                if (!running)
                {
                    break;
                }
            }
            catch (final RuntimeException ex)
            {
                LOG.error("broker thread: unexpected failure, carrying on", ex);
            }
        }
    }

    /** The reader thread: order book polls, tag lookups and reconciliation reads, so placements never wait. */
    private void read()
    {
        while (running)
        {
            try
            {
                final Runnable job = reads.poll(MAX_WAIT_NS, TimeUnit.NANOSECONDS);
                if (null != job)
                {
                    job.run();
                }
            }
            catch (final InterruptedException ex)
            {
                if (!running)
                {
                    break;
                }
            }
            catch (final RuntimeException ex)
            {
                LOG.error("reader thread: unexpected failure, carrying on", ex);
            }
        }
    }

    /** What the reader thread read, or why it could not. */
    private record ReadResult(
        List<Order> orders, List<Trade> trades, Map<String, List<Position>> positions, Throwable failure)
    {
    }

    private ReadResult readBroker(
        final String token, final boolean orders, final boolean trades, final boolean positions)
    {
        try
        {
            kiteReads.setAccessToken(token);
            return new ReadResult(
                orders ? kiteReads.getOrders() : List.of(),
                trades ? kiteReads.getTrades() : List.of(),
                positions ? kiteReads.getPositions() : Map.of(),
                null);
        }
        catch (final KiteException | IOException | RuntimeException ex)
        {
            return new ReadResult(List.of(), List.of(), Map.of(), ex);
        }
    }

    private long waitNanos()
    {
        final long now = clock.nanoTime();
        long deadline = now + MAX_WAIT_NS;
        final Action head = dispatch.peekFirst();
        if (null != head && BrokerSessionStatus.EXPIRED != session && orderBookRead)
        {
            deadline = Math.min(deadline, head.notBeforeNs);
        }
        return Math.max(0, deadline - now);
    }

    private void housekeeping()
    {
        final long now = clock.nanoTime();
        if (BrokerSessionStatus.EXPIRED == session)
        {
            if (now >= nextProbeNs)
            {
                probeSession();
            }
            return;
        }
        if (!pendingReconciliations.isEmpty() && now >= nextReconciliationNs)
        {
            reconcile();
        }
        if (!orderBookRead)
        {
            return;
        }
        if (now >= nextPollNs || dueLookups(now))
        {
            refreshOrderBook();
        }
        dispatchOne();
    }

    // ------------------------------------------------------------------------------------------------ session

    private void openSession()
    {
        final KiteCredentials credentials = settings.credentials();
        accessToken = credentials.accessToken();
        if (null == accessToken && null != credentials.requestToken() && null != credentials.apiSecret())
        {
            try
            {
                final User user = kite.generateSession(credentials.requestToken(), credentials.apiSecret());
                accessToken = user.accessToken;
                if (account.isEmpty() && null != user.userId)
                {
                    account = user.userId;
                    book = new IntentBook(account, this::emit);
                }
                LOG.info("kite: session created from the request token for user {}", user.userId);
            }
            catch (final KiteException | IOException | RuntimeException ex)
            {
                LOG.warn("kite: cannot create a session from the request token: {}", KiteFailure.classify(ex).text());
            }
        }
        if (null == accessToken)
        {
            sessionExpired("no access token: set KITE_ACCESS_TOKEN or the access token file");
            return;
        }
        kite.setAccessToken(accessToken);
        try
        {
            kite.getProfile();
            sessionValid("session open");
        }
        catch (final KiteException | IOException | RuntimeException ex)
        {
            final KiteFailure failure = KiteFailure.classify(ex);
            if (KiteFailure.Kind.SESSION_EXPIRED == failure.kind())
            {
                sessionExpired(failure.text());
            }
            else
            {
                LOG.warn("kite: profile check failed ({}); carrying on", failure.text());
                sessionValid("session assumed valid; broker not reachable yet");
            }
        }
    }

    private void probeSession()
    {
        nextProbeNs = clock.nanoTime() + settings.sessionProbeInterval().toNanos();
        final String token;
        try
        {
            token = settings.credentials().accessToken();
        }
        catch (final RuntimeException ex)
        {
            LOG.warn("kite: cannot read the access token: {}", ex.getMessage());
            return;
        }
        if (null == token)
        {
            return;
        }
        kite.setAccessToken(token);
        try
        {
            kite.getProfile();
            accessToken = token;
            sessionValid("session renewed");
            pendingReconciliations.add(new ReconciliationQuery(0, account, ReconciliationScope.ALL));
            nextReconciliationNs = 0;
        }
        catch (final KiteException | IOException | RuntimeException ex)
        {
            LOG.debug("kite: session still invalid: {}", KiteFailure.classify(ex).text());
        }
    }

    private void sessionValid(final String reason)
    {
        final BrokerSessionStatus previous = session;
        session = BrokerSessionStatus.VALID;
        networkFailures = 0;
        if (BrokerSessionStatus.VALID != previous)
        {
            LOG.info("kite: session VALID ({})", reason);
            listener.onSession(new SessionEvent(account, BrokerSessionStatus.VALID, reason));
            if (null != stream && BrokerSessionStatus.DISCONNECTED != previous)
            {
                stream.connectWith(accessToken);
            }
            nextPollNs = 0;
        }
    }

    private void sessionExpired(final String reason)
    {
        if (BrokerSessionStatus.EXPIRED == session)
        {
            return;
        }
        session = BrokerSessionStatus.EXPIRED;
        nextProbeNs = clock.nanoTime() + settings.sessionProbeInterval().toNanos();
        LOG.warn("kite: session EXPIRED ({}): new orders are refused until a valid token appears", reason);
        listener.onSession(new SessionEvent(account, BrokerSessionStatus.EXPIRED, reason));
        if (null != stream)
        {
            stream.pause();
        }
        final long now = clock.nanoTime();
        for (final Iterator<Action> it = dispatch.iterator(); it.hasNext(); )
        {
            final Action action = it.next();
            it.remove();
            refuseAction(action, RejectReason.SESSION_EXPIRED, "session expired: " + reason, now);
        }
        for (final OrderIntent intent : waitingForStart)
        {
            refuseIntent(intent, RejectReason.SESSION_EXPIRED, "session expired: " + reason);
        }
        waitingForStart.clear();
    }

    private void callSucceeded()
    {
        networkFailures = 0;
        if (BrokerSessionStatus.DISCONNECTED == session)
        {
            sessionValid("broker reachable again");
        }
    }

    private void callFailed(final KiteFailure failure)
    {
        switch (failure.kind())
        {
            case SESSION_EXPIRED -> sessionExpired(failure.text());
            case UNCERTAIN, NOT_SENT ->
            {
                if (429 == failure.code())
                {
                    return;
                }
                networkFailures++;
                if (networkFailures >= NETWORK_FAILURES_BEFORE_DISCONNECTED && BrokerSessionStatus.VALID == session)
                {
                    session = BrokerSessionStatus.DISCONNECTED;
                    LOG.warn("kite: broker unreachable ({})", failure.text());
                    listener.onSession(new SessionEvent(account, BrokerSessionStatus.DISCONNECTED, failure.text()));
                }
            }
            default ->
            {
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ new orders

    private void newOrder(final OrderIntent intent)
    {
        if (book.contains(intent.clientOrderId()) || refusedIntents.contains(intent.clientOrderId()))
        {
            LOG.warn("kite: intent {} ({}) already known: duplicate ignored (ask for reconciliation to learn its "
                + "state)", intent.clientOrderId(), intent.tag());
            return;
        }
        if (!OrderTags.intentTag(Math.max(0, intent.clientOrderId())).equals(intent.tag()))
        {
            refuseIntent(intent, RejectReason.INVALID_REQUEST, "tag " + intent.tag() + " is not the intent tag of "
                + "client order id " + intent.clientOrderId());
            return;
        }
        if (!account.isEmpty() && !intent.account().isEmpty() && !account.equals(intent.account()))
        {
            refuseIntent(intent, RejectReason.INVALID_REQUEST, "this gateway trades account " + account);
            return;
        }
        if (BrokerSessionStatus.EXPIRED == session)
        {
            refuseIntent(intent, RejectReason.SESSION_EXPIRED, "broker session expired: log in again");
            return;
        }
        if (!orderBookRead)
        {
            waitingForStart.add(intent);
            return;
        }
        tokensBySymbol.put(intent.tradingSymbol(), intent.instrumentToken());

        final long tick = intent.tickSize() > 0 ? intent.tickSize() : 5;
        OrderType type = intent.orderType();
        long limit = OrderIntent.NO_PRICE;
        long trigger = OrderIntent.NO_PRICE;
        int protection = 0 != intent.marketProtection() ? intent.marketProtection() : settings.marketProtection();
        switch (intent.orderType())
        {
            case LIMIT ->
            {
                if (intent.limitPrice() <= 0)
                {
                    refuseIntent(intent, RejectReason.INVALID_REQUEST, "a LIMIT order needs a limit price");
                    return;
                }
                limit = OrderPricing.protectiveLimit(intent.limitPrice(), tick, intent.isBuy());
            }
            case MARKET ->
            {
                if (settings.marketAsLimit() && intent.referencePrice() > 0)
                {
                    type = OrderType.LIMIT;
                    limit = OrderPricing.marketableLimit(intent.referencePrice(), settings.limitBufferBps(), tick,
                        intent.isBuy());
                }
            }
            case SL ->
            {
                if (intent.limitPrice() <= 0 || intent.triggerPrice() <= 0)
                {
                    refuseIntent(intent, RejectReason.INVALID_REQUEST, "an SL order needs limit and trigger prices");
                    return;
                }
                limit = OrderPricing.protectiveLimit(intent.limitPrice(), tick, intent.isBuy());
                trigger = OrderPricing.nearestTick(intent.triggerPrice(), tick);
            }
            case SL_M ->
            {
                if (intent.triggerPrice() <= 0)
                {
                    refuseIntent(intent, RejectReason.INVALID_REQUEST, "an SL-M order needs a trigger price");
                    return;
                }
                trigger = OrderPricing.nearestTick(intent.triggerPrice(), tick);
            }
            default ->
            {
                refuseIntent(intent, RejectReason.INVALID_REQUEST, "unsupported order type " + intent.orderType());
                return;
            }
        }
        if ((OrderType.MARKET == type || OrderType.SL_M == type) && 0 == protection)
        {
            protection = -1;
        }

        final SlicePlan plan = SlicePlan.of(intent.quantity(), Math.max(1, intent.lotSize()),
            intent.freezeQuantity(), settings.maxSlices());
        if (plan.isRefused())
        {
            refuseIntent(intent, plan.refusal().contains("slices") ? RejectReason.FREEZE_QUANTITY :
                RejectReason.INVALID_REQUEST, plan.refusal());
            return;
        }
        final Intent added = book.add(intent, plan, type, limit, trigger, protection);
        for (final Slice slice : added.slices)
        {
            final BrokerOrderState existing = ordersAtStart.remove(slice.tag);
            if (null != existing)
            {
                LOG.info("kite: {} was already placed as order {} before this gateway started: adopted, not resent",
                    slice.tag, existing.orderId());
                book.apply(existing);
                nextPollNs = 0;
            }
            else
            {
                dispatch.addLast(new Action(ActionKind.PLACE, slice, null, 0));
            }
        }
    }

    private void refuseIntent(final OrderIntent intent, final RejectReason reason, final String text)
    {
        refusedIntents.add(intent.clientOrderId());
        LOG.info("kite: intent {} refused: {} {}", intent.tag(), reason, text);
        emit(new ExecutionEvent(intent.clientOrderId(), 0, account, "", ExecType.REJECT, reason,
            intent.instrumentToken(), intent.side(), 0, 0, intent.quantity(), 0, OrderIntent.NO_PRICE, 0,
            OrderIntent.NO_PRICE, 0, "", KiteTimestamps.NONE, text));
    }

    // ------------------------------------------------------------------------------------------------ dispatch

    private void dispatchOne()
    {
        final Action action = dispatch.peekFirst();
        final long now = clock.nanoTime();
        if (null == action || action.notBeforeNs > now)
        {
            return;
        }
        final Slice slice = action.slice;
        if (ActionKind.PLACE == action.kind && SliceState.QUEUED != slice.state)
        {
            dispatch.pollFirst();
            return;
        }
        if (ActionKind.PLACE != action.kind && SliceState.LIVE != slice.state)
        {
            dispatch.pollFirst();
            if (SliceState.DONE == slice.state)
            {
                refuseAction(action, RejectReason.UNKNOWN_ORDER, "order already final", now);
            }
            else
            {
                slice.deferred.add(() -> dispatch.addLast(action));
            }
            return;
        }
        final long wait = limiter.tryAcquire(now, ActionKind.PLACE == action.kind);
        if (OrderRateLimiter.DAY_BUDGET_SPENT == wait)
        {
            dispatch.pollFirst();
            refuseAction(action, RejectReason.RATE_LIMIT, "the day's budget of " + settings.ordersPerDay()
                + " orders is spent", now);
            return;
        }
        if (wait > 0)
        {
            action.notBeforeNs = now + wait;
            return;
        }
        dispatch.pollFirst();
        switch (action.kind)
        {
            case PLACE -> place(action);
            case MODIFY -> sendModify(action);
            case CANCEL -> sendCancel(action);
            default -> throw new IllegalStateException(action.kind.toString());
        }
    }

    private void place(final Action action)
    {
        final Slice slice = action.slice;
        final OrderParams params = placeParams(slice);
        action.attempts++;
        placementObserver.beforePlace(slice.tag, slice.intent.order.receivedNanos(), System.nanoTime());
        try
        {
            final Order order = kite.placeOrder(params, VARIETY);
            callSucceeded();
            LOG.debug("kite: placed {} as {}", slice.tag, order.orderId);
            if (SliceState.QUEUED == slice.state)
            {
                book.acknowledged(slice, order.orderId, clock.nanoTime());
                runDeferred(slice);
            }
        }
        catch (final KiteException | IOException | RuntimeException ex)
        {
            final KiteFailure failure = KiteFailure.classify(ex);
            callFailed(failure);
            final long now = clock.nanoTime();
            switch (failure.kind())
            {
                case NOT_SENT ->
                {
                    action.notBeforeNs = now + backoffNs(action.attempts);
                    dispatch.addFirst(action);
                    LOG.info("kite: {} not placed ({}); retrying in {} ms", slice.tag, failure.text(),
                        TimeUnit.NANOSECONDS.toMillis(action.notBeforeNs - now));
                }
                case REFUSED -> book.rejected(slice, failure.reason(), failure.text(), now);
                case SESSION_EXPIRED -> book.rejected(slice, RejectReason.SESSION_EXPIRED, failure.text(), now);
                case UNCERTAIN ->
                {
                    slice.state = SliceState.UNCERTAIN;
                    slice.lookupMisses = 0;
                    slice.lookupAtNs = now + settings.lookupDelay().toNanos();
                    nextPollNs = Math.min(nextPollNs, slice.lookupAtNs);
                    LOG.warn("kite: {} may have been placed ({}): looking it up by tag before any resend",
                        slice.tag, failure.text());
                }
                default -> throw new IllegalStateException(failure.kind().toString());
            }
        }
    }

    private OrderParams placeParams(final Slice slice)
    {
        final OrderIntent order = slice.intent.order;
        final OrderParams params = new OrderParams();
        params.exchange = order.exchange().name();
        params.tradingsymbol = order.tradingSymbol();
        params.transactionType = order.side().name();
        params.quantity = slice.quantity;
        params.product = order.product().name();
        params.orderType = kiteOrderType(slice.orderType);
        params.validity = order.validity().name();
        params.tag = slice.tag;
        if (OrderIntent.NO_PRICE != slice.limitPrice)
        {
            params.price = OrderPricing.rupees(slice.limitPrice);
        }
        if (OrderIntent.NO_PRICE != slice.triggerPrice)
        {
            params.triggerPrice = OrderPricing.rupees(slice.triggerPrice);
        }
        if (OrderType.MARKET == slice.orderType || OrderType.SL_M == slice.orderType)
        {
            params.marketProtection = slice.marketProtection;
        }
        return params;
    }

    private static String kiteOrderType(final OrderType type)
    {
        return OrderType.SL_M == type ? "SL-M" : type.name();
    }

    private long backoffNs(final int attempts)
    {
        final long initial = settings.retryInitial().toNanos();
        final long max = settings.retryMax().toNanos();
        final int shift = Math.min(20, Math.max(0, attempts - 1));
        return Math.min(max, initial << shift);
    }

    private void refuseAction(final Action action, final RejectReason reason, final String text, final long now)
    {
        switch (action.kind)
        {
            case PLACE ->
            {
                if (SliceState.QUEUED == action.slice.state)
                {
                    book.rejected(action.slice, reason, text, now);
                }
            }
            case MODIFY -> book.answered(action.slice, ExecType.MODIFY_REJECT, reason, action.requestId, text, now);
            case CANCEL -> book.answered(action.slice, ExecType.CANCEL_REJECT, reason, action.requestId, text, now);
            default -> throw new IllegalStateException(action.kind.toString());
        }
    }

    // ------------------------------------------------------------------------------------------------ modify

    private void modify(final OrderAmendment amendment)
    {
        final Intent intent = book.intent(amendment.clientOrderId());
        final long now = clock.nanoTime();
        if (null == intent)
        {
            emit(new ExecutionEvent(amendment.clientOrderId(), amendment.requestId(), account, "",
                ExecType.MODIFY_REJECT, RejectReason.UNKNOWN_ORDER, 0, UNKNOWN_SIDE, 0, 0, 0, 0,
                OrderIntent.NO_PRICE, 0, OrderIntent.NO_PRICE, 0, "", now, "unknown client order id"));
            return;
        }
        final String problem = amendmentProblem(intent, amendment);
        if (null != problem)
        {
            book.answered(intent.slices.get(0), ExecType.MODIFY_REJECT,
                problem.contains("market_protection") ? RejectReason.MARKET_PROTECTION : RejectReason.INVALID_REQUEST,
                amendment.requestId(), problem, now);
            return;
        }
        for (final Slice slice : intent.slices)
        {
            modifySlice(slice, amendment);
        }
    }

    private String amendmentProblem(final Intent intent, final OrderAmendment amendment)
    {
        if (intent.isDone())
        {
            return "the order is already final";
        }
        if (OrderType.MARKET == amendment.orderType() || OrderType.SL_M == amendment.orderType())
        {
            return "SDK 3.5.1 cannot send market_protection on a modification: cancel and place a new order";
        }
        if (intent.isSliced() && amendment.quantity() != intent.quantity)
        {
            return "the quantity of a sliced order cannot change: cancel and place a new order";
        }
        if (amendment.quantity() <= 0 || (intent.order.lotSize() > 0 && amendment.quantity() % intent.order.lotSize()
            != 0))
        {
            return "quantity " + amendment.quantity() + " is not a positive multiple of the lot size";
        }
        if ((OrderType.LIMIT == amendment.orderType() || OrderType.SL == amendment.orderType())
            && amendment.limitPrice() <= 0)
        {
            return "a limit price is required";
        }
        return null;
    }

    private void modifySlice(final Slice slice, final OrderAmendment amendment)
    {
        switch (slice.state)
        {
            case QUEUED ->
            {
                applyAmendment(slice, amendment);
                book.answered(slice, ExecType.MODIFIED, RejectReason.NONE, amendment.requestId(),
                    "modified before it was sent", clock.nanoTime());
            }
            case UNCERTAIN -> slice.deferred.add(() -> modifySlice(slice, amendment));
            case LIVE -> dispatch.addLast(new Action(ActionKind.MODIFY, slice, amendment, amendment.requestId()));
            default ->
            {
            }
        }
    }

    private void applyAmendment(final Slice slice, final OrderAmendment amendment)
    {
        final long tick = slice.intent.order.tickSize() > 0 ? slice.intent.order.tickSize() : 5;
        final boolean buy = slice.intent.order.isBuy();
        slice.orderType = amendment.orderType();
        slice.limitPrice = amendment.limitPrice() > 0 ?
            OrderPricing.protectiveLimit(amendment.limitPrice(), tick, buy) : OrderIntent.NO_PRICE;
        slice.triggerPrice = amendment.triggerPrice() > 0 ? OrderPricing.nearestTick(amendment.triggerPrice(), tick) :
            OrderIntent.NO_PRICE;
        if (!slice.intent.isSliced())
        {
            slice.intent.quantity = amendment.quantity();
            slice.quantity = amendment.quantity();
        }
    }

    private void sendModify(final Action action)
    {
        final Slice slice = action.slice;
        final OrderAmendment amendment = action.amendment;
        final long tick = slice.intent.order.tickSize() > 0 ? slice.intent.order.tickSize() : 5;
        final boolean buy = slice.intent.order.isBuy();
        final OrderParams params = new OrderParams();
        params.quantity = slice.intent.isSliced() ? slice.quantity : amendment.quantity();
        params.orderType = kiteOrderType(amendment.orderType());
        params.validity = slice.intent.order.validity().name();
        if (amendment.limitPrice() > 0)
        {
            params.price = OrderPricing.rupees(OrderPricing.protectiveLimit(amendment.limitPrice(), tick, buy));
        }
        if (amendment.triggerPrice() > 0)
        {
            params.triggerPrice = OrderPricing.rupees(OrderPricing.nearestTick(amendment.triggerPrice(), tick));
        }
        action.attempts++;
        try
        {
            kite.modifyOrder(slice.orderId, params, VARIETY);
            callSucceeded();
            applyAmendment(slice, amendment);
            book.answered(slice, ExecType.MODIFIED, RejectReason.NONE, action.requestId, "", clock.nanoTime());
        }
        catch (final KiteException | IOException | RuntimeException ex)
        {
            final KiteFailure failure = KiteFailure.classify(ex);
            callFailed(failure);
            final long now = clock.nanoTime();
            switch (failure.kind())
            {
                case NOT_SENT -> retryAtHead(action, now);
                case REFUSED -> book.answered(slice, ExecType.MODIFY_REJECT, RejectReason.NONE == failure.reason()
                    || RejectReason.OTHER == failure.reason() ? RejectReason.BROKER_INPUT : failure.reason(),
                    action.requestId, failure.text(), now);
                case SESSION_EXPIRED -> book.answered(slice, ExecType.MODIFY_REJECT, RejectReason.SESSION_EXPIRED,
                    action.requestId, failure.text(), now);
                case UNCERTAIN ->
                {
                    final BrokerOrderState current = lastState(slice.orderId);
                    final double wantedPrice = null == params.price ? 0 : params.price;
                    if (null != current && Math.abs(current.price() - wantedPrice) < 0.001
                        && current.quantity() == params.quantity)
                    {
                        applyAmendment(slice, amendment);
                        book.answered(slice, ExecType.MODIFIED, RejectReason.NONE, action.requestId,
                            "confirmed from the order history", now);
                    }
                    else if (action.attempts < MAX_AMEND_ATTEMPTS && null == current)
                    {
                        retryAtHead(action, now);
                    }
                    else if (action.attempts < MAX_AMEND_ATTEMPTS && SliceState.LIVE == slice.state)
                    {
                        retryAtHead(action, now);
                    }
                    else
                    {
                        book.answered(slice, ExecType.MODIFY_REJECT, RejectReason.NETWORK, action.requestId,
                            failure.text(), now);
                    }
                }
                default -> throw new IllegalStateException(failure.kind().toString());
            }
        }
    }

    private void retryAtHead(final Action action, final long now)
    {
        action.notBeforeNs = now + backoffNs(action.attempts);
        dispatch.addFirst(action);
    }

    // ------------------------------------------------------------------------------------------------ cancel

    private void cancel(final OrderCancellation cancellation)
    {
        final Intent intent = book.intent(cancellation.clientOrderId());
        final long now = clock.nanoTime();
        if (null == intent)
        {
            emit(new ExecutionEvent(cancellation.clientOrderId(), cancellation.requestId(), account, "",
                ExecType.CANCEL_REJECT, RejectReason.UNKNOWN_ORDER, 0, UNKNOWN_SIDE, 0, 0, 0, 0,
                OrderIntent.NO_PRICE, 0, OrderIntent.NO_PRICE, 0, "", now, "unknown client order id"));
            return;
        }
        if (intent.isDone())
        {
            book.answered(intent.slices.get(0), ExecType.CANCEL_REJECT, RejectReason.OTHER,
                cancellation.requestId(), "the order is already final", now);
            return;
        }
        for (final Slice slice : intent.slices)
        {
            cancelSlice(slice, cancellation.requestId());
        }
    }

    private void cancelSlice(final Slice slice, final long requestId)
    {
        slice.cancelRequestId = requestId;
        switch (slice.state)
        {
            case QUEUED ->
            {
                dispatch.removeIf(a -> a.slice == slice && ActionKind.PLACE == a.kind);
                book.cancelledUnsent(slice, requestId, clock.nanoTime());
            }
            case UNCERTAIN -> slice.deferred.add(() -> cancelSlice(slice, requestId));
            case LIVE -> dispatch.addLast(new Action(ActionKind.CANCEL, slice, null, requestId));
            default ->
            {
            }
        }
    }

    private void sendCancel(final Action action)
    {
        final Slice slice = action.slice;
        action.attempts++;
        try
        {
            kite.cancelOrder(slice.orderId, VARIETY);
            callSucceeded();
            nextPollNs = Math.min(nextPollNs, clock.nanoTime() + settings.lookupDelay().toNanos() / 4);
        }
        catch (final KiteException | IOException | RuntimeException ex)
        {
            final KiteFailure failure = KiteFailure.classify(ex);
            callFailed(failure);
            final long now = clock.nanoTime();
            switch (failure.kind())
            {
                case NOT_SENT -> retryAtHead(action, now);
                case SESSION_EXPIRED -> book.answered(slice, ExecType.CANCEL_REJECT, RejectReason.SESSION_EXPIRED,
                    action.requestId, failure.text(), now);
                case REFUSED, UNCERTAIN ->
                {
                    final BrokerOrderState current = lastState(slice.orderId);
                    if (null != current)
                    {
                        observe(current);
                    }
                    if (SliceState.DONE == slice.state)
                    {
                        return;
                    }
                    if (KiteFailure.Kind.UNCERTAIN == failure.kind() && action.attempts < MAX_AMEND_ATTEMPTS)
                    {
                        retryAtHead(action, now);
                    }
                    else
                    {
                        book.answered(slice, ExecType.CANCEL_REJECT, KiteFailure.Kind.UNCERTAIN == failure.kind() ?
                            RejectReason.NETWORK : RejectReason.OTHER, action.requestId, failure.text(), now);
                    }
                }
                default -> throw new IllegalStateException(failure.kind().toString());
            }
        }
    }

    private BrokerOrderState lastState(final String orderId)
    {
        try
        {
            final List<Order> history = kite.getOrderHistory(orderId);
            callSucceeded();
            return history.isEmpty() ? null : BrokerOrderState.of(history.get(history.size() - 1), "history");
        }
        catch (final KiteException | IOException | RuntimeException ex)
        {
            callFailed(KiteFailure.classify(ex));
            return null;
        }
    }

    // ------------------------------------------------------------------------------------------------ updates

    private void observe(final BrokerOrderState state)
    {
        if (null == book)
        {
            return;
        }
        if (!orderBookRead && null != state.tag() && OrderTags.NOT_OURS != OrderTags.clientOrderId(state.tag()))
        {
            ordersAtStart.put(state.tag(), state);
        }
        final Slice known = null == state.orderId() ? null : book.sliceByOrderId(state.orderId());
        final Slice byTag = null == known ? book.sliceByTag(state.tag()) : known;
        final boolean wasUncertain = null != byTag && SliceState.UNCERTAIN == byTag.state;
        final Slice slice = book.apply(state);
        if (null != slice && wasUncertain && SliceState.UNCERTAIN != slice.state)
        {
            LOG.info("kite: {} found at Kite as {} ({}): adopted, not resent", slice.tag, slice.orderId,
                state.source());
            runDeferred(slice);
        }
    }

    private boolean dueLookups(final long now)
    {
        for (final Intent intent : book.intents())
        {
            for (final Slice slice : intent.slices)
            {
                if (SliceState.UNCERTAIN == slice.state && slice.lookupAtNs <= now)
                {
                    return true;
                }
            }
        }
        return false;
    }

    private void refreshOrderBook()
    {
        final long started = clock.nanoTime();
        final boolean tickerUp = null != stream && stream.isConnected();
        nextPollNs = started + (tickerUp ? settings.pollIntervalConnected() : settings.pollInterval()).toNanos();
        if (!book.hasUnfinishedSlices() || pollInFlight)
        {
            return;
        }
        pollInFlight = true;
        final String token = accessToken;
        reads.add(() ->
        {
            final ReadResult result = readBroker(token, true, false, false);
            inbox.add(() -> onOrderBook(result, started));
        });
    }

    private void onOrderBook(final ReadResult result, final long started)
    {
        pollInFlight = false;
        if (null != result.failure())
        {
            final KiteFailure failure = KiteFailure.classify(result.failure());
            callFailed(failure);
            LOG.info("kite: order book read failed ({}); trying again later", failure.text());
            postponeLookups(clock.nanoTime() + backoffNs(2));
            return;
        }
        callSucceeded();
        final Set<String> seenTags = new HashSet<>();
        for (final Order order : result.orders())
        {
            final BrokerOrderState state = BrokerOrderState.of(order, "poll");
            if (null != state.tag())
            {
                seenTags.add(state.tag());
            }
            observe(state);
        }
        resolveMissing(seenTags, started);
    }

    private void postponeLookups(final long atNs)
    {
        for (final Intent intent : book.intents())
        {
            for (final Slice slice : intent.slices)
            {
                if (SliceState.UNCERTAIN == slice.state && slice.lookupAtNs < atNs)
                {
                    slice.lookupAtNs = atNs;
                }
            }
        }
    }

    private void resolveMissing(final Set<String> seenTags, final long now)
    {
        final List<Slice> resend = new ArrayList<>();
        for (final Intent intent : book.intents())
        {
            for (final Slice slice : intent.slices)
            {
                if (SliceState.UNCERTAIN != slice.state || slice.lookupAtNs > now || seenTags.contains(slice.tag))
                {
                    continue;
                }
                slice.lookupMisses++;
                if (slice.lookupMisses < settings.absentLookups())
                {
                    slice.lookupAtNs = now + settings.lookupDelay().toNanos() * (1L << Math.min(6, slice.lookupMisses));
                    continue;
                }
                slice.state = SliceState.QUEUED;
                if (0 != slice.cancelRequestId)
                {
                    LOG.info("kite: {} was never placed and is cancelled: not resent", slice.tag);
                    book.cancelledUnsent(slice, slice.cancelRequestId, now);
                    slice.deferred.clear();
                    continue;
                }
                LOG.warn("kite: {} not at Kite after {} lookups by tag: resending it", slice.tag, slice.lookupMisses);
                resend.add(slice);
            }
        }
        for (int i = resend.size() - 1; i >= 0; i--)
        {
            final Slice slice = resend.get(i);
            dispatch.addFirst(new Action(ActionKind.PLACE, slice, null, 0));
            runDeferred(slice);
        }
    }

    private static void runDeferred(final Slice slice)
    {
        final List<Runnable> work = new ArrayList<>(slice.deferred);
        slice.deferred.clear();
        work.forEach(Runnable::run);
    }

    // ------------------------------------------------------------------------------------------------ reconcile

    private void reconcile()
    {
        if (reconciliationInFlight)
        {
            return;
        }
        reconciliationInFlight = true;
        final ReconciliationQuery query = pendingReconciliations.get(0);
        final ReconciliationScope scope = null == query.scope() || ReconciliationScope.NULL_VAL == query.scope() ?
            ReconciliationScope.ALL : query.scope();
        final boolean orders = !orderBookRead || ReconciliationScope.ALL == scope
            || ReconciliationScope.ORDERS == scope || ReconciliationScope.TRADES == scope;
        final boolean trades = ReconciliationScope.ALL == scope || ReconciliationScope.TRADES == scope;
        final boolean positions = ReconciliationScope.ALL == scope || ReconciliationScope.POSITIONS == scope;
        final String token = accessToken;
        reads.add(() ->
        {
            final ReadResult result = readBroker(token, orders, trades, positions);
            inbox.add(() -> onReconciliationRead(query, result));
        });
    }

    private void onReconciliationRead(final ReconciliationQuery query, final ReadResult result)
    {
        reconciliationInFlight = false;
        final long now = clock.nanoTime();
        if (null != result.failure())
        {
            final KiteFailure failure = KiteFailure.classify(result.failure());
            callFailed(failure);
            reconciliationAttempts++;
            nextReconciliationNs = now + backoffNs(reconciliationAttempts);
            LOG.warn("kite: reconciliation read failed ({}); retrying", failure.text());
            return;
        }
        callSucceeded();
        pendingReconciliations.remove(query);
        reconciliationAttempts = 0;

        final List<BrokerOrderState> states = new ArrayList<>(result.orders().size());
        for (final Order order : result.orders())
        {
            states.add(BrokerOrderState.of(order, "reconciliation"));
        }
        for (final BrokerOrderState state : states)
        {
            observe(state);
        }
        if (!orderBookRead)
        {
            orderBookRead = true;
            LOG.info("kite: order book read at start: {} orders, {} of them tagged by this engine", states.size(),
                ordersAtStart.size());
            final List<OrderIntent> held = new ArrayList<>(waitingForStart);
            waitingForStart.clear();
            held.forEach(this::newOrder);
        }
        final ReconciliationSnapshot snapshot = KiteReconciliation.snapshot(query.requestId(), account, now, states,
            result.trades(), result.positions().getOrDefault("net", List.of()), book, tokensBySymbol);
        KiteReconciliation.logDifferences(snapshot, book);
        listener.onReconciliation(snapshot);
    }

    private void emit(final ExecutionEvent event)
    {
        listener.onExecution(event);
    }

    static BrokerOrderStatus brokerStatus(final String status)
    {
        return switch (status.toUpperCase(Locale.ROOT))
        {
            case "OPEN" -> BrokerOrderStatus.OPEN;
            case "TRIGGER PENDING" -> BrokerOrderStatus.TRIGGER_PENDING;
            case BrokerOrderState.COMPLETE -> BrokerOrderStatus.COMPLETE;
            case BrokerOrderState.CANCELLED -> BrokerOrderStatus.CANCELLED;
            case BrokerOrderState.REJECTED -> BrokerOrderStatus.REJECTED;
            case BrokerOrderState.LAPSED -> BrokerOrderStatus.LAPSED;
            default -> BrokerOrderStatus.PENDING;
        };
    }
}
