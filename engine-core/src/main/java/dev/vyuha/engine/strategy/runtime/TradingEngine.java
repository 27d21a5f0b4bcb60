package dev.vyuha.engine.strategy.runtime;

import dev.vyuha.engine.event.EngineEvent;
import dev.vyuha.engine.event.EngineEventListener;
import dev.vyuha.engine.indicator.MinuteBars;
import dev.vyuha.engine.market.InstrumentMaster;
import dev.vyuha.engine.market.KiteInstrumentsCsv;
import dev.vyuha.engine.market.MarketState;
import dev.vyuha.engine.market.Underlying;
import dev.vyuha.engine.order.OrderBook;
import dev.vyuha.engine.order.OrderState;
import dev.vyuha.engine.order.PositionBook;
import dev.vyuha.engine.readmodel.EngineCounters;
import dev.vyuha.engine.readmodel.EngineSnapshot;
import dev.vyuha.engine.runtime.CommandHandler;
import dev.vyuha.engine.runtime.OrderSink;
import dev.vyuha.engine.strategy.definition.Basket;
import dev.vyuha.engine.strategy.definition.BasketStatus;
import dev.vyuha.engine.strategy.definition.parse.BasketReader;
import dev.vyuha.engine.strategy.definition.parse.BasketValidation;
import dev.vyuha.engine.strategy.definition.parse.DocumentFormat;
import dev.vyuha.engine.strategy.definition.parse.Issue;
import dev.vyuha.reference.calendar.IndiaTime;
import dev.vyuha.sbe.BasketFormat;
import dev.vyuha.sbe.BooleanType;
import dev.vyuha.sbe.BrokerSessionDecoder;
import dev.vyuha.sbe.BrokerSessionStatus;
import dev.vyuha.sbe.DerivativeTickDecoder;
import dev.vyuha.sbe.ExecType;
import dev.vyuha.sbe.ExecutionReportDecoder;
import dev.vyuha.sbe.FeedScope;
import dev.vyuha.sbe.FeedStateDecoder;
import dev.vyuha.sbe.FeedStatus;
import dev.vyuha.sbe.IndexTickDecoder;
import dev.vyuha.sbe.InstrumentMasterLoadedDecoder;
import dev.vyuha.sbe.KillSwitchAction;
import dev.vyuha.sbe.KillSwitchDecoder;
import dev.vyuha.sbe.LoadBasketDecoder;
import dev.vyuha.sbe.ReconciliationReportDecoder;
import dev.vyuha.sbe.RejectReason;
import dev.vyuha.sbe.RemoveBasketDecoder;
import dev.vyuha.sbe.StrategyAction;
import dev.vyuha.sbe.StrategyControlDecoder;
import dev.vyuha.sbe.UpdateBasketDecoder;
import dev.vyuha.wire.ContentHash;
import dev.vyuha.wire.FrameReader;
import dev.vyuha.wire.OrderTags;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The business logic of the engine: a deterministic fold over commands. Ticks update quotes and minute bars and reach
 * only the strategies watching their instrument; every command advances engine time (the later of its timestamp and
 * the time before), which rolls the trading day (settling first what expired before it) and fires due deadlines
 * (entry and exit times, retries, timeouts) after the command's own content; at the session close of an expiry day,
 * positions in the contracts expiring that day are settled at expiry (see {@link #nextDeadlineNs()}); baskets are
 * loaded, updated and removed from their documents; controls, the kill switch, feed and broker-session states and
 * execution reports drive the strategies. Every decision is an {@link EngineEvent}; orders go into the command's
 * {@link OrderSink}.
 *
 * <p>Runs on the business-logic thread only. A command whose handling throws (a bug) is counted and reported as a
 * {@link EngineEvent.CommandRejected}; the engine carries on. Read models are published as immutable
 * {@link EngineSnapshot}s at the end of a batch when asked for or when the configured interval of engine time has
 * passed.
 */
public final class TradingEngine implements CommandHandler
{
    private static final long NEVER = Long.MIN_VALUE;

    final TradingDesk desk;
    final Watchers watchers = new Watchers();
    private final EngineConfig config;
    private final MinuteBars[] bars = new MinuteBars[Underlying.values().length];
    private final LiveMarketConditions conditions;
    private final List<BasketRuntime> baskets = new ArrayList<>();
    private final List<StrategyRuntime> strategies = new ArrayList<>();
    private final java.util.Map<String, dev.vyuha.engine.readmodel.TemplateSnapshot> templates =
        new java.util.LinkedHashMap<>();
    private final AtomicReference<EngineSnapshot> snapshot = new AtomicReference<>(EngineSnapshot.EMPTY);
    private final SnapshotBuilder snapshotBuilder;
    private volatile boolean snapshotRequested;
    private final java.util.concurrent.atomic.AtomicLong publishedDeadlineNs =
        new java.util.concurrent.atomic.AtomicLong(Long.MAX_VALUE);

    private long nowNs = NEVER;
    private long day = NEVER;
    private long nextDeadlineNs = Long.MAX_VALUE;
    private long[] deadlineTree = new long[2];
    private int deadlineLeaves = 1;
    private int expiringStrategies;
    private long deadlineRebuilds;
    private boolean verifyDeadlines;
    /** Today's session close if a leg holds or waits on a contract expiring today, else never. */
    private long settlementNs = Long.MAX_VALUE;
    /**
     * Orders that lapsed at the close of their contract's expiry day, by client order id, kept for a week after the
     * books are cleared so a late broker report about one is recognised (and changes nothing).
     */
    private final java.util.Map<Long, LapsedOrder> lapsedOrders = new java.util.LinkedHashMap<>();
    private long basketNumbers;
    private long masterHash;
    private String masterSource = "";
    private long snapshotIntervalNs = 1_000_000_000L;
    private long lastSnapshotNs = NEVER;

    private long commands;
    private long ticks;
    private long rejectedFrames;
    private long failedCommands;
    private long executionReports;
    private long unknownReports;

    /**
     * @param config configuration.
     * @param events receives every decision, in command order, on the business-logic thread.
     */
    public TradingEngine(final EngineConfig config, final EngineEventListener events)
    {
        this.config = config;
        final InstrumentMaster empty = InstrumentMaster.builder(LocalDate.ofEpochDay(0))
            .build();
        this.desk = new TradingDesk(config, events, empty);
        for (int i = 0; i < bars.length; i++)
        {
            bars[i] = new MinuteBars(MINUTE_BAR_CAPACITY);
        }
        this.conditions = new LiveMarketConditions(desk, bars, config.rate());
        desk.conditions = conditions;
        this.snapshotBuilder = new SnapshotBuilder(this);
        watchers.reset(0);
    }

    /** Minute bars kept per underlying: two trading days plus room. */
    static final int MINUTE_BAR_CAPACITY = 1024;

    /**
     * @param intervalNs engine time between read-model snapshots (0 to publish after every batch).
     * @return this.
     */
    public TradingEngine snapshotInterval(final long intervalNs)
    {
        this.snapshotIntervalNs = Math.max(0, intervalNs);
        return this;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Commands
    // ---------------------------------------------------------------------------------------------------------------

    @Override
    public void onCommand(final FrameReader reader, final long sequence, final long timestampNs, final OrderSink orders)
    {
        commands++;
        final long eventsBefore = desk.eventsEmitted;
        final long strategyEventsBefore = desk.strategyEvents;
        final long rebuildsBefore = deadlineRebuilds;
        clearTouched();
        try
        {
            nowNs = Math.max(nowNs, timestampNs);
            desk.beginCommand(sequence, nowNs, orders);
            final long today = IndiaTime.epochDay(nowNs);
            if (today != day)
            {
                newDay(today);
            }
            apply(reader, sequence);
            if (desk.eventsEmitted != eventsBefore)
            {
                // Something was decided: deadlines may have moved. When every event came from strategies' own
                // decisions, only those strategies' deadlines can have moved; anything else rebuilds them all.
                if (deadlineRebuilds == rebuildsBefore
                    && desk.eventsEmitted - eventsBefore == desk.strategyEvents - strategyEventsBefore)
                {
                    updateTouchedDeadlines();
                }
                else
                {
                    recomputeDeadlines();
                }
            }
            // Deadlines fire after the command's own content, so a decision due now sees this command's prices.
            if (nowNs >= nextDeadlineNs)
            {
                fireDeadlines();
            }
        }
        catch (final RuntimeException ex)
        {
            failedCommands++;
            desk.emit(new EngineEvent.CommandRejected(sequence, nowNs, "command " + reader.templateId()
                + " failed: " + ex));
            recomputeDeadlines();
        }
    }

    private void apply(final FrameReader reader, final long sequence)
    {
        switch (reader.templateId())
        {
            case IndexTickDecoder.TEMPLATE_ID -> onIndexTick(reader.indexTick());
            case DerivativeTickDecoder.TEMPLATE_ID -> onDerivativeTick(reader.derivativeTick());
            case dev.vyuha.sbe.TimerDecoder.TEMPLATE_ID ->
            {
                // Time has advanced; due deadlines fire next.
            }
            case LoadBasketDecoder.TEMPLATE_ID -> onLoadBasket(reader.loadBasket());
            case UpdateBasketDecoder.TEMPLATE_ID -> onUpdateBasket(reader.updateBasket());
            case RemoveBasketDecoder.TEMPLATE_ID -> onRemoveBasket(reader.removeBasket());
            case StrategyControlDecoder.TEMPLATE_ID -> onStrategyControl(reader.strategyControl());
            case KillSwitchDecoder.TEMPLATE_ID -> onKillSwitch(reader.killSwitch());
            case InstrumentMasterLoadedDecoder.TEMPLATE_ID -> onInstrumentMaster(reader.instrumentMasterLoaded());
            case FeedStateDecoder.TEMPLATE_ID -> onFeedState(reader.feedState());
            case BrokerSessionDecoder.TEMPLATE_ID -> onBrokerSession(reader.brokerSession());
            case ExecutionReportDecoder.TEMPLATE_ID -> onExecutionReport(reader.executionReport());
            case ReconciliationReportDecoder.TEMPLATE_ID -> onReconciliation(reader.reconciliationReport());
            default -> desk.emit(new EngineEvent.CommandRejected(sequence, nowNs, "template "
                + reader.templateId() + " is not an engine command (orders go from the engine to the gateway)"));
        }
    }

    @Override
    public void onRejectedFrame(final long sequence, final long timestampNs, final String reason)
    {
        rejectedFrames++;
        desk.emit(new EngineEvent.CommandRejected(sequence, Math.max(nowNs, timestampNs), reason));
    }

    @Override
    public void onEndOfBatch(final long sequence, final long timestampNs)
    {
        if (snapshotRequested || lastSnapshotNs == NEVER || nowNs - lastSnapshotNs >= snapshotIntervalNs)
        {
            snapshotRequested = false;
            lastSnapshotNs = nowNs;
            snapshot.set(snapshotBuilder.build(sequence));
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Time
    // ---------------------------------------------------------------------------------------------------------------

    private void fireDeadlines()
    {
        if (nowNs >= settlementNs)
        {
            // The close of an expiry day: settle first, so no rule sends an order for a contract that has expired.
            settleExpiries(day, false);
        }
        for (int i = 0; i < strategies.size(); i++)
        {
            final StrategyRuntime strategy = strategies.get(i);
            if (strategy.nextDeadlineNs() <= nowNs)
            {
                strategy.onTime(nowNs);
            }
        }
        recomputeDeadlines();
    }

    private void newDay(final long today)
    {
        final long previous = day;
        day = today;
        desk.closedTrades.clear();
        if (previous != NEVER)
        {
            // Before anything of the new day: what expired on an earlier day and was not settled at its close (no
            // command came after the close) settles now, so the books can be cleared and a new master accepted.
            settleExpiries(today - 1, true);
        }
        lapsedOrders.values().removeIf(order -> order.epochDay() < today - LAPSED_ORDERS_KEPT_DAYS);
        boolean live = false;
        for (final StrategyRuntime strategy : strategies)
        {
            for (final LegRuntime leg : strategy.legs)
            {
                live |= leg.isLive();
            }
        }
        if (!live)
        {
            // Every position is flat and no order works: the new day starts with empty books.
            desk.orders.clear();
            desk.positions.clear();
        }
        baskets.removeIf(basket -> basket.status == BasketStatus.ARCHIVED && !basket.isTrading()
            && dropStrategies(basket));
        for (final BasketRuntime basket : baskets)
        {
            basket.onDay();
        }
        for (final StrategyRuntime strategy : strategies)
        {
            strategy.onDay(today);
        }
        recomputeDeadlines();
    }

    /**
     * Every strategy's next deadline into the tournament tree (leaves in strategy order, each inner node the earlier
     * of its children, the root the earliest), and which strategies hold expiring contracts. O(strategies): after
     * commands that are not a strategy's own decision (a new day, baskets, controls, reports, deadlines firing).
     */
    private void recomputeDeadlines()
    {
        deadlineRebuilds++;
        final int count = strategies.size();
        int leaves = 1;
        while (leaves < Math.max(1, count))
        {
            leaves <<= 1;
        }
        if (deadlineTree.length != 2 * leaves)
        {
            deadlineTree = new long[2 * leaves];
        }
        deadlineLeaves = leaves;
        java.util.Arrays.fill(deadlineTree, Long.MAX_VALUE);
        expiringStrategies = 0;
        for (int i = 0; i < count; i++)
        {
            final StrategyRuntime strategy = strategies.get(i);
            strategy.deadlineSlot = i;
            deadlineTree[leaves + i] = strategy.nextDeadlineNs();
            strategy.deadlineExpiring = day != NEVER && strategy.hasExpiring(day);
            expiringStrategies += strategy.deadlineExpiring ? 1 : 0;
        }
        for (int node = leaves - 1; node >= 1; node--)
        {
            deadlineTree[node] = Math.min(deadlineTree[2 * node], deadlineTree[2 * node + 1]);
        }
        publishDeadline();
    }

    /**
     * Update only the strategies the command touched: O(touched x log strategies), so a tick that makes one strategy
     * decide does not ask every other strategy for its deadlines.
     */
    private void updateTouchedDeadlines()
    {
        final java.util.ArrayList<StrategyRuntime> touched = desk.touched;
        for (int t = 0; t < touched.size(); t++)
        {
            final StrategyRuntime strategy = touched.get(t);
            final int slot = strategy.deadlineSlot;
            if (slot < 0 || slot >= strategies.size() || strategies.get(slot) != strategy)
            {
                recomputeDeadlines();
                return;
            }
            int node = deadlineLeaves + slot;
            deadlineTree[node] = strategy.nextDeadlineNs();
            for (node >>= 1; node >= 1; node >>= 1)
            {
                deadlineTree[node] = Math.min(deadlineTree[2 * node], deadlineTree[2 * node + 1]);
            }
            final boolean expiring = day != NEVER && strategy.hasExpiring(day);
            if (expiring != strategy.deadlineExpiring)
            {
                strategy.deadlineExpiring = expiring;
                expiringStrategies += expiring ? 1 : -1;
            }
        }
        publishDeadline();
        if (verifyDeadlines)
        {
            checkDeadlines();
        }
    }

    private void publishDeadline()
    {
        settlementNs = expiringStrategies > 0 ? desk.settlementNs(day) : Long.MAX_VALUE;
        final long next = Math.min(deadlineTree.length > 1 ? deadlineTree[1] : Long.MAX_VALUE, settlementNs);
        if (next != nextDeadlineNs)
        {
            nextDeadlineNs = next;
            // For the timer thread: an ordered store, cheap, read without locks.
            publishedDeadlineNs.lazySet(next);
        }
    }

    private void clearTouched()
    {
        final java.util.ArrayList<StrategyRuntime> touched = desk.touched;
        for (int t = 0; t < touched.size(); t++)
        {
            touched.get(t).deadlineTouched = false;
        }
        touched.clear();
    }

    /**
     * Tests: after every incremental update, check that no strategy's deadline is earlier than the tree says (a
     * later one is harmless: the engine wakes, finds nothing due, and rebuilds).
     *
     * @param verify true to check.
     * @return this.
     */
    public TradingEngine verifyDeadlines(final boolean verify)
    {
        this.verifyDeadlines = verify;
        return this;
    }

    private void checkDeadlines()
    {
        long earliest = Long.MAX_VALUE;
        boolean expiring = false;
        for (int i = 0; i < strategies.size(); i++)
        {
            final StrategyRuntime strategy = strategies.get(i);
            final long actual = strategy.nextDeadlineNs();
            earliest = Math.min(earliest, actual);
            expiring = expiring || day != NEVER && strategy.hasExpiring(day);
            if (actual < deadlineTree[deadlineLeaves + i])
            {
                throw new AssertionError("deadline of " + strategy.scope() + " is " + actual
                    + " but the tree holds " + deadlineTree[deadlineLeaves + i]);
            }
        }
        if (expiring != (expiringStrategies > 0) || Math.min(earliest, expiring ? desk.settlementNs(day) :
            Long.MAX_VALUE) < nextDeadlineNs)
        {
            throw new AssertionError("published deadline " + nextDeadlineNs + " is later than " + earliest
                + " or expiring " + expiring + " != " + expiringStrategies);
        }
    }

    /**
     * Settlement at expiry (NSE index options are European and cash-settled; futures too): every order still working
     * on a contract expiring on or before the day is marked {@link OrderState#EXPIRED} (the exchange cancels day
     * orders at the close), then every strategy settles its legs in those contracts at the settlement price
     * ({@link TradingDesk#settlementPrice}). Runs at the session close of an expiry day (a deadline) and, for what was
     * not settled then, at the first command of a later day.
     *
     * @param lastExpiryDay contracts expiring on or before this IST epoch day are settled.
     * @param atRoll        true at the first command of a later day.
     */
    private void settleExpiries(final long lastExpiryDay, final boolean atRoll)
    {
        final OrderBook orders = desk.orders;
        for (int i = 0; i < orders.count(); i++)
        {
            final int instrument = orders.instrumentId(i);
            if (orders.state(i).isFinal() || !desk.expiresBy(instrument, lastExpiryDay))
            {
                continue;
            }
            orders.transition(i, OrderState.EXPIRED, nowNs);
            final LegRuntime leg = desk.legsByHandle.get(orders.owner(i));
            final long clientOrderId = orders.clientOrderId(i);
            final int expiry = desk.master.expiryEpochDay(instrument);
            final EngineEvent.Scope scope = leg.strategy.scope(leg);
            final String symbol = desk.master.tradingSymbol(instrument);
            lapsedOrders.put(clientOrderId, new LapsedOrder(scope, symbol, orders.side(i).name(), orders.quantity(i),
                orders.filledQuantity(i), orders.averageFillPrice(i), expiry));
            desk.emit(new EngineEvent.OrderChanged(desk.sequence, nowNs, scope, clientOrderId,
                OrderTags.intentTag(clientOrderId), symbol, orders.side(i).name(), "EXPIRED", orders.quantity(i),
                orders.filledQuantity(i), orders.averageFillPrice(i), "still working at the "
                + IndiaTime.time(desk.settlementNs(expiry)) + " close of its expiry day " + LocalDate.ofEpochDay(expiry)
                + ": the exchange cancelled it; the position settles at expiry"));
        }
        for (int i = 0; i < strategies.size(); i++)
        {
            strategies.get(i).settleExpired(lastExpiryDay, atRoll);
        }
    }

    /** Days a lapsed order is remembered after its expiry. */
    private static final int LAPSED_ORDERS_KEPT_DAYS = 7;

    /**
     * An order that lapsed at its contract's expiry, as it stood then.
     *
     * @param scope    its leg.
     * @param symbol   trading symbol.
     * @param side     BUY or SELL.
     * @param quantity units ordered.
     * @param filled   units filled before it lapsed.
     * @param average  their average price, paise.
     * @param epochDay the expiry day.
     */
    private record LapsedOrder(EngineEvent.Scope scope, String symbol, String side, int quantity, int filled,
        long average, long epochDay)
    {
    }

    /**
     * A broker report about an order that lapsed at expiry (its position is settled): recorded, changes nothing.
     */
    private void ignoreAfterExpiry(final long clientOrderId, final LapsedOrder order, final String change,
        final int cumulative, final long price, final String detail)
    {
        desk.emit(new EngineEvent.OrderChanged(desk.sequence, nowNs, order.scope(), clientOrderId,
            OrderTags.intentTag(clientOrderId), order.symbol(), order.side(), change + " after expiry",
            order.quantity(), order.filled(), order.average(), "ignored: the order lapsed at the close of "
            + LocalDate.ofEpochDay(order.epochDay()) + " and its position was settled at expiry; the broker reports "
            + cumulative + " filled" + (price > 0 ? " @ " + dev.vyuha.engine.money.Paise.toRupees(price) : "")
            + (detail.isEmpty() ? "" : " (" + detail + ")")));
    }

    /**
     * The earliest engine time at which a strategy has something to do without a tick (an entry or exit time, a
     * retry, a timeout, or the session close of an expiry day while a leg holds, acquires or waits on a contract
     * expiring that day: its settlement at expiry). A timer thread reads it (any thread) and publishes a Timer command
     * at that instant.
     *
     * @return epoch nanoseconds, or {@link Long#MAX_VALUE} if nothing is scheduled.
     */
    public long nextDeadlineNs()
    {
        return publishedDeadlineNs.get();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Market data
    // ---------------------------------------------------------------------------------------------------------------

    private void onIndexTick(final IndexTickDecoder tick)
    {
        final long token = tick.instrumentToken();
        final long price = tick.lastPrice();
        if (token == config.vixToken() && price > 0)
        {
            conditions.vixPaise = price;
        }
        final int id = desk.market.onLastPrice(token, price, nowNs);
        if (id == InstrumentMaster.NOT_FOUND)
        {
            return;
        }
        ticks++;
        final Underlying underlying = desk.master.underlying(id);
        if (null != underlying && desk.master.indexId(underlying) == id)
        {
            bars[underlying.ordinal()].onPrice(nowNs, price);
        }
        watchers.dispatch(id, price);
    }

    private void onDerivativeTick(final DerivativeTickDecoder tick)
    {
        final long price = tick.lastPrice();
        final long volume = tick.volume();
        final long openInterest = tick.openInterest();
        final long exchangeTime = tick.exchangeTimestampNs();
        final int id = desk.market.onLastPrice(tick.instrumentToken(), price, nowNs);
        if (id == InstrumentMaster.NOT_FOUND)
        {
            return;
        }
        ticks++;
        final MarketState market = desk.market;
        if (volume != DerivativeTickDecoder.volumeNullValue() || openInterest != DerivativeTickDecoder.openInterestNullValue())
        {
            market.onStatistics(id,
                volume == DerivativeTickDecoder.volumeNullValue() ? market.volume(id) : volume,
                openInterest == DerivativeTickDecoder.openInterestNullValue() ? market.openInterest(id) : openInterest,
                exchangeTime == DerivativeTickDecoder.exchangeTimestampNsNullValue() ? MarketState.NEVER : exchangeTime);
        }
        final boolean hasBid = tick.bidDepth() > 0;
        final long bid = hasBid ? tick.bidPrice(0) : 0;
        final int bidQuantity = hasBid ? tick.bidQuantity(0) : 0;
        final boolean hasAsk = tick.askDepth() > 0;
        final long ask = hasAsk ? tick.askPrice(0) : 0;
        final int askQuantity = hasAsk ? tick.askQuantity(0) : 0;
        if (bidQuantity > 0 || askQuantity > 0 || tick.mode() == dev.vyuha.sbe.TickMode.FULL)
        {
            market.onTopOfBook(id, bid, bidQuantity, ask, askQuantity);
        }
        watchers.dispatch(id, price);
    }

    private void onFeedState(final FeedStateDecoder feed)
    {
        final FeedScope scope = feed.scope();
        final boolean stale = feed.status() == FeedStatus.STALE;
        final long token = feed.instrumentToken();
        final dev.vyuha.sbe.Underlying wireUnderlying = feed.underlying();
        final String reason = feed.reason();
        final String what;
        if (scope == FeedScope.INSTRUMENT)
        {
            final boolean known = desk.market.markInstrument(token, stale);
            what = "instrument " + token + (known ? "" : " (not in the master)");
        }
        else if (scope == FeedScope.UNDERLYING)
        {
            final Underlying underlying = null == wireUnderlying || wireUnderlying == dev.vyuha.sbe.Underlying.NULL_VAL ?
                null : Underlying.fromName(wireUnderlying.name());
            if (null == underlying)
            {
                desk.emit(new EngineEvent.CommandRejected(desk.sequence, nowNs,
                    "feed state for an underlying without one named"));
                return;
            }
            desk.market.markUnderlying(underlying, stale);
            what = underlying.name();
        }
        else
        {
            desk.market.markFeed(stale);
            what = "the whole feed";
        }
        desk.emit(new EngineEvent.ControlChanged(desk.sequence, nowNs, "feed " + what, stale ? "STALE" : "RECOVERED",
            reason));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Instrument master
    // ---------------------------------------------------------------------------------------------------------------

    private void onInstrumentMaster(final InstrumentMasterLoadedDecoder loaded)
    {
        final int tradingDate = loaded.tradingDate();
        final int rowCount = loaded.rowCount();
        final long contentHash = loaded.contentHash();
        final String source = loaded.source();
        final String csv = loaded.instrumentsCsv();
        final long hash = ContentHash.of(csv);
        if (hash != contentHash)
        {
            refuseMaster("content hash " + Long.toHexString(hash) + " does not match the command's "
                + Long.toHexString(contentHash) + " (corrupted in transit)", source);
            return;
        }
        if (hash == masterHash && desk.master.count() > 0)
        {
            desk.emit(new EngineEvent.InstrumentMasterLoaded(desk.sequence, nowNs, true, "unchanged (same content as "
                + masterSource + ")", List.of()));
            return;
        }
        final String busy = busyWith();
        if (null != busy)
        {
            refuseMaster("a new master cannot replace the current one while " + busy
                + "; load it before the session or after square-off", source);
            return;
        }
        final KiteInstrumentsCsv.Result result = KiteInstrumentsCsv.read(new StringReader(csv), source,
            config.masterSettings(LocalDate.ofEpochDay(tradingDate)));
        if (null != result.report().fatal() || null == result.master())
        {
            refuseMaster(result.report().fatal(), source);
            return;
        }
        if (result.report().rowsRead() != rowCount)
        {
            refuseMaster("the command says " + rowCount + " rows, the CSV has " + result.report().rowsRead(), source);
            return;
        }
        final InstrumentMaster master = result.master();
        desk.master = master;
        desk.market = new MarketState(master);
        watchers.reset(master.count());
        masterHash = hash;
        masterSource = source;
        for (final StrategyRuntime strategy : strategies)
        {
            strategy.onInstrumentMaster();
        }
        final List<String> problems = new ArrayList<>(result.report().errors());
        problems.addAll(result.report().warnings());
        desk.emit(new EngineEvent.InstrumentMasterLoaded(desk.sequence, nowNs, true, result.report().summary(),
            problems));
        for (final StrategyRuntime strategy : strategies)
        {
            if (strategy.state == StrategyState.SCHEDULED || strategy.state == StrategyState.IDLE
                || strategy.state == StrategyState.SKIPPED)
            {
                // Schedules that depend on expiries (DTE filters) are decided again against the new master.
                strategy.onDay(day);
            }
        }
    }

    private void refuseMaster(final String reason, final String source)
    {
        desk.emit(new EngineEvent.InstrumentMasterLoaded(desk.sequence, nowNs, false, source + ": " + reason,
            List.of(reason)));
    }

    /**
     * @return what stops the instrument master from being replaced now, or null.
     */
    private String busyWith()
    {
        for (final StrategyRuntime strategy : strategies)
        {
            if (strategy.state == StrategyState.WATCHING || strategy.isTradingToday())
            {
                return "strategy " + strategy.scope() + " is " + strategy.state;
            }
        }
        if (desk.orders.count() > 0)
        {
            return desk.orders.count() + " order(s) of today refer to its instruments";
        }
        return null;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Baskets
    // ---------------------------------------------------------------------------------------------------------------

    private void onLoadBasket(final LoadBasketDecoder load)
    {
        final long requestId = load.requestId();
        final DocumentFormat format = load.format() == BasketFormat.YAML ? DocumentFormat.YAML : DocumentFormat.JSON;
        final boolean validateOnly = load.validateOnly() == BooleanType.TRUE;
        final String requestedBy = load.requestedBy();
        final String text = load.basketText();
        final BasketValidation validation = BasketReader.read(text, format);
        final String label = validation.basket().map(b -> b.id().orElse(b.name())).orElse("");
        final String refusal = validation.valid() ? admissionError(validation.basket().get(), null) : null;
        if (!validation.valid() || null != refusal)
        {
            final List<String> errors = new ArrayList<>(issues(validation.errors()));
            if (null != refusal)
            {
                errors.add(refusal);
            }
            desk.emit(new EngineEvent.BasketChanged(desk.sequence, nowNs, requestId, 0,
                new EngineEvent.Scope(label, "", ""), "refused (requested by " + requestedBy + ")", 0, errors,
                issues(validation.warnings())));
            return;
        }
        final Basket basket = validation.basket().get();
        if (!validateOnly && basket.template())
        {
            publishTemplate(requestId, requestedBy, basket, format, text, issues(validation.warnings()));
            return;
        }
        if (validateOnly)
        {
            desk.emit(new EngineEvent.BasketChanged(desk.sequence, nowNs, requestId, 0,
                new EngineEvent.Scope(label, "", ""), "validated (requested by " + requestedBy + ")", 0, List.of(),
                issues(validation.warnings())));
            return;
        }
        final long number = ++basketNumbers;
        final String id = basket.id().orElse("basket-" + number);
        final BasketRuntime runtime = install(number, id, basket, 1);
        desk.emit(new EngineEvent.BasketChanged(desk.sequence, nowNs, requestId, number,
            new EngineEvent.Scope(id, "", ""), "loaded with " + runtime.strategies.size()
            + " strategy instance(s) (requested by " + requestedBy + ")", 1, List.of(),
            issues(validation.warnings())));
        startStrategies(runtime);
    }

    private void onUpdateBasket(final UpdateBasketDecoder update)
    {
        final long requestId = update.requestId();
        final long number = update.basketId();
        final int expectedVersion = update.expectedVersion();
        final DocumentFormat format = update.format() == BasketFormat.YAML ? DocumentFormat.YAML : DocumentFormat.JSON;
        final String requestedBy = update.requestedBy();
        final String text = update.basketText();
        final BasketRuntime current = basket(number);
        final List<String> errors = new ArrayList<>();
        BasketValidation validation = null;
        if (null == current)
        {
            errors.add("no basket number " + number);
        }
        else if (current.version != expectedVersion)
        {
            errors.add("version conflict: basket " + current.id + " is at version " + current.version
                + ", the update expected " + expectedVersion);
        }
        else if (current.isTrading())
        {
            errors.add("basket " + current.id + " has strategies trading today; pause and square them off first");
        }
        else
        {
            validation = BasketReader.read(text, format);
            errors.addAll(issues(validation.errors()));
            if (validation.valid())
            {
                final String refusal = admissionError(validation.basket().get(), current);
                if (null != refusal)
                {
                    errors.add(refusal);
                }
            }
        }
        final List<String> warnings = null == validation ? List.of() : issues(validation.warnings());
        if (!errors.isEmpty())
        {
            desk.emit(new EngineEvent.BasketChanged(desk.sequence, nowNs, requestId, number,
                new EngineEvent.Scope(null == current ? "" : current.id, "", ""), "update refused (requested by "
                + requestedBy + ")", null == current ? 0 : current.version, errors, warnings));
            return;
        }
        final Basket basket = validation.basket().get();
        final int position = baskets.indexOf(current);
        dropStrategies(current);
        baskets.remove(position);
        final BasketRuntime runtime = install(number, current.id, basket, current.version + 1);
        baskets.remove(runtime);
        baskets.add(position, runtime);
        desk.emit(new EngineEvent.BasketChanged(desk.sequence, nowNs, requestId, number,
            new EngineEvent.Scope(runtime.id, "", ""), "updated (requested by " + requestedBy + ")", runtime.version,
            List.of(), warnings));
        startStrategies(runtime);
    }

    private void onRemoveBasket(final RemoveBasketDecoder remove)
    {
        final long requestId = remove.requestId();
        final long number = remove.basketId();
        final String requestedBy = remove.requestedBy();
        final BasketRuntime basket = basket(number);
        if (null == basket || basket.status == BasketStatus.ARCHIVED)
        {
            desk.emit(new EngineEvent.BasketChanged(desk.sequence, nowNs, requestId, number, new EngineEvent.Scope(
                null == basket ? "" : basket.id, "", ""), "remove refused (requested by " + requestedBy + ")", 0,
                List.of(null == basket ? "no basket number " + number : "basket " + basket.id + " is already removed"),
                List.of()));
            return;
        }
        basket.status = BasketStatus.ARCHIVED;
        desk.emit(new EngineEvent.BasketChanged(desk.sequence, nowNs, requestId, number,
            new EngineEvent.Scope(basket.id, "", ""), "removed (requested by " + requestedBy + ")", basket.version,
            List.of(), List.of()));
        for (final StrategyRuntime strategy : basket.strategies)
        {
            strategy.squareOff("basket removed by " + requestedBy);
        }
    }

    /**
     * @return why a valid basket document cannot be admitted into this engine, or null.
     */
    private String admissionError(final Basket basket, final BasketRuntime replacing)
    {
        if (basket.template())
        {
            return null;
        }
        if (basket.executionMode() != config.executionMode())
        {
            return "execution_mode: " + basket.executionMode() + ", but this engine runs " + config.executionMode()
                + " (a basket only trades in an engine of its own mode)";
        }
        if (basket.id().isPresent())
        {
            for (final BasketRuntime other : baskets)
            {
                if (other != replacing && other.status != BasketStatus.ARCHIVED && other.id.equals(basket.id().get()))
                {
                    return "id: basket id " + other.id + " is already loaded as basket number " + other.number
                        + "; update it instead";
                }
            }
        }
        return null;
    }

    /**
     * A template is not traded: it is kept (versioned by id) for users to subscribe to.
     */
    private void publishTemplate(final long requestId, final String requestedBy, final Basket basket,
        final DocumentFormat format, final String text, final List<String> warnings)
    {
        final String id = basket.id().orElse("template-" + (templates.size() + 1));
        final dev.vyuha.engine.readmodel.TemplateSnapshot previous = templates.get(id);
        final long version = null == previous ? 1 : previous.version() + 1;
        templates.put(id, new dev.vyuha.engine.readmodel.TemplateSnapshot(id, basket.name(), version, format.name(),
            text));
        desk.emit(new EngineEvent.BasketChanged(desk.sequence, nowNs, requestId, 0, new EngineEvent.Scope(id, "", ""),
            "template published (requested by " + requestedBy + ")", version, List.of(), warnings));
    }

    /** @return published templates, in publication order. */
    List<dev.vyuha.engine.readmodel.TemplateSnapshot> templates()
    {
        return List.copyOf(templates.values());
    }

    private BasketRuntime install(final long number, final String id, final Basket basket, final long version)
    {
        final BasketRuntime runtime = new BasketRuntime(this, number, id, basket, version);
        baskets.add(runtime);
        strategies.addAll(runtime.strategies);
        for (final StrategyRuntime strategy : runtime.strategies)
        {
            strategy.onInstrumentMaster();
        }
        return runtime;
    }

    private void startStrategies(final BasketRuntime runtime)
    {
        if (day != NEVER)
        {
            runtime.onDay();
            for (final StrategyRuntime strategy : runtime.strategies)
            {
                strategy.onDay(day);
            }
        }
    }

    private boolean dropStrategies(final BasketRuntime basket)
    {
        for (final StrategyRuntime strategy : basket.strategies)
        {
            watchers.unwatchEverywhere(strategy);
        }
        strategies.removeAll(basket.strategies);
        return true;
    }

    private BasketRuntime basket(final long number)
    {
        for (final BasketRuntime basket : baskets)
        {
            if (basket.number == number)
            {
                return basket;
            }
        }
        return null;
    }

    private static List<String> issues(final List<Issue> issues)
    {
        final List<String> text = new ArrayList<>(issues.size());
        for (final Issue issue : issues)
        {
            text.add(issue.toString());
        }
        return text;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Controls
    // ---------------------------------------------------------------------------------------------------------------

    private void onStrategyControl(final StrategyControlDecoder control)
    {
        final long requestId = control.requestId();
        final long number = control.basketId();
        final int strategyNumber = control.strategyId();
        final StrategyAction action = control.action();
        final String requestedBy = control.requestedBy();
        final String reason = control.reason();
        final BasketRuntime basket = basket(number);
        final boolean whole = strategyNumber == StrategyControlDecoder.strategyIdNullValue();
        String error = null;
        if (null == basket)
        {
            error = "no basket number " + number;
        }
        else if (!whole && (strategyNumber < 1 || strategyNumber > basket.definition.strategies().size()))
        {
            error = "basket " + basket.id + " has no strategy number " + strategyNumber + " (it has "
                + basket.definition.strategies().size() + ")";
        }
        else if (basket.status == BasketStatus.ARCHIVED)
        {
            error = "basket " + basket.id + " is removed";
        }
        final String label = null == basket ? "" : basket.id;
        final String strategyLabel = null == basket || whole || null != error ? "" :
            basket.definition.strategies().get(strategyNumber - 1).id();
        if (null != error)
        {
            desk.emit(new EngineEvent.BasketChanged(desk.sequence, nowNs, requestId, number,
                new EngineEvent.Scope(label, strategyLabel, ""), action + " refused (requested by " + requestedBy + ")",
                0, List.of(error), List.of()));
            return;
        }
        desk.emit(new EngineEvent.BasketChanged(desk.sequence, nowNs, requestId, number,
            new EngineEvent.Scope(label, strategyLabel, ""), action + " by " + requestedBy
            + (reason.isEmpty() ? "" : ": " + reason), basket.version, List.of(), List.of()));
        final String why = action.name().toLowerCase().replace('_', '-') + " by " + requestedBy
            + (reason.isEmpty() ? "" : ": " + reason);
        if (whole && (action == StrategyAction.ACTIVATE || action == StrategyAction.RESUME))
        {
            basket.status = BasketStatus.ACTIVE;
        }
        for (final StrategyRuntime strategy : basket.strategies)
        {
            if (!whole && !strategy.definition.id().equals(strategyLabel))
            {
                continue;
            }
            switch (action)
            {
                case PAUSE -> strategy.pause(why);
                case RESUME -> strategy.resume(why);
                case SQUARE_OFF -> strategy.squareOff(why);
                case ACTIVATE ->
                {
                    strategy.activatedByOperator = true;
                    if (strategy.state == StrategyState.SKIPPED || strategy.state == StrategyState.IDLE)
                    {
                        strategy.onDay(day);
                    }
                }
                default ->
                {
                }
            }
        }
    }

    private void onKillSwitch(final KillSwitchDecoder kill)
    {
        final KillSwitchAction action = kill.action();
        final String requestedBy = kill.requestedBy();
        final String reason = kill.reason();
        final boolean engage = action == KillSwitchAction.ENGAGE;
        desk.risk.killSwitch(engage);
        desk.emit(new EngineEvent.ControlChanged(desk.sequence, nowNs, "kill switch", engage ? "ENGAGED" : "CLEARED",
            "by " + requestedBy + (reason.isEmpty() ? "" : ": " + reason)));
        if (engage)
        {
            for (final StrategyRuntime strategy : strategies)
            {
                strategy.squareOff("kill switch engaged by " + requestedBy);
            }
        }
    }

    private void onBrokerSession(final BrokerSessionDecoder session)
    {
        final String account = session.account().trim();
        final BrokerSessionStatus status = session.status();
        final String reason = session.reason();
        desk.risk.brokerSessionExpired(status != BrokerSessionStatus.VALID);
        desk.emit(new EngineEvent.ControlChanged(desk.sequence, nowNs, "broker session " + account, status.name(),
            reason));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Orders
    // ---------------------------------------------------------------------------------------------------------------

    private void onExecutionReport(final ExecutionReportDecoder report)
    {
        final long clientOrderId = report.clientOrderId();
        final ExecType type = report.execType();
        final RejectReason rejectReason = report.rejectReason();
        final int cumulative = report.cumulativeQuantity();
        final long average = report.averagePrice();
        final long lastPrice = report.lastPrice();
        final String text = report.text();
        final OrderBook orders = desk.orders;
        final int index = orders.indexOf(clientOrderId);
        if (index == OrderBook.NOT_FOUND)
        {
            final LapsedOrder lapsed = lapsedOrders.isEmpty() ? null : lapsedOrders.get(clientOrderId);
            if (null != lapsed)
            {
                // The books were cleared since the order lapsed at expiry: a late report about it is known, not an
                // error.
                executionReports++;
                ignoreAfterExpiry(clientOrderId, lapsed, type.name(), cumulative, lastPrice > 0 ? lastPrice : average,
                    text);
                return;
            }
            unknownReports++;
            desk.emit(new EngineEvent.CommandRejected(desk.sequence, nowNs, "execution report " + type
                + " for unknown order " + OrderTags.intentTag(clientOrderId) + " (" + clientOrderId + ")"));
            return;
        }
        executionReports++;
        final boolean averageKnown = average != ExecutionReportDecoder.averagePriceNullValue() && average > 0;
        final long cumulativeValue = averageKnown ? average * cumulative : -1;
        final long fillPrice = lastPrice != ExecutionReportDecoder.lastPriceNullValue() && lastPrice > 0 ? lastPrice :
            averageKnown ? average : 0;
        final String detail = type == ExecType.REJECT || type == ExecType.CANCEL_REJECT
            || type == ExecType.MODIFY_REJECT ? rejectReason + (text.isEmpty() ? "" : ": " + text) : text;
        applyOrderUpdate(index, type.name(), orderState(type), cumulative, cumulativeValue, fillPrice, detail);
    }

    private static OrderState orderState(final ExecType type)
    {
        return switch (type)
        {
            case ACK, MODIFIED -> OrderState.OPEN;
            case REJECT -> OrderState.REJECTED;
            case CANCELLED -> OrderState.CANCELLED;
            case FILL -> OrderState.FILLED;
            case PARTIAL_FILL -> OrderState.PARTIALLY_FILLED;
            default -> null;
        };
    }

    /**
     * Apply what the broker says about an order (an execution report or a reconciled order): book the cumulative
     * fill, move the order's state, tell its leg.
     */
    void applyOrderUpdate(final int index, final String change, final OrderState next, final int cumulative,
        final long cumulativeValue, final long fillPrice, final String detail)
    {
        final OrderBook orders = desk.orders;
        if (orders.state(index) == OrderState.EXPIRED)
        {
            final LapsedOrder lapsed = lapsedOrders.get(orders.clientOrderId(index));
            if (null != lapsed)
            {
                ignoreAfterExpiry(orders.clientOrderId(index), lapsed, change, cumulative, fillPrice, detail);
            }
            return;
        }
        // A fill without any price (never from the gateway) is booked at the last traded price, never at zero.
        final long price = fillPrice > 0 ? fillPrice : desk.market.lastPrice(orders.instrumentId(index));
        final int filled = cumulative > orders.filledQuantity(index) ?
            orders.applyFill(index, cumulative, cumulativeValue, price, nowNs) : 0;
        final long fillValue = filled > 0 ? orders.lastAppliedValue() : 0;
        final OrderState before = orders.state(index);
        if (null != next && next != OrderState.FILLED && next != OrderState.PARTIALLY_FILLED)
        {
            orders.transition(index, next, nowNs);
        }
        final OrderState after = orders.state(index);
        final LegRuntime leg = desk.legsByHandle.get(orders.owner(index));
        if (filled > 0 || before != after || null == next)
        {
            desk.emit(new EngineEvent.OrderChanged(desk.sequence, nowNs, leg.strategy.scope(leg),
                orders.clientOrderId(index), OrderTags.intentTag(orders.clientOrderId(index)),
                desk.master.tradingSymbol(orders.instrumentId(index)), orders.side(index).name(), change,
                orders.quantity(index), orders.filledQuantity(index), orders.averageFillPrice(index), detail));
        }
        if (filled > 0 || before != after)
        {
            leg.strategy.onOrderUpdate(leg, index, filled, fillValue, after.isFinal());
        }
    }

    private void onReconciliation(final ReconciliationReportDecoder report)
    {
        final String account = report.account().trim();
        int applied = 0;
        int unknown = 0;
        final ReconciliationReportDecoder.OrdersDecoder orders = report.orders();
        while (orders.hasNext())
        {
            orders.next();
            final long clientOrderId = orders.clientOrderId();
            final int index = clientOrderId == 0 ? OrderBook.NOT_FOUND : desk.orders.indexOf(clientOrderId);
            if (index == OrderBook.NOT_FOUND)
            {
                unknown++;
                continue;
            }
            final int filled = orders.filledQuantity();
            final long average = orders.averagePrice();
            final boolean averageKnown = average != ReconciliationReportDecoder.OrdersDecoder.averagePriceNullValue()
                && average > 0;
            final OrderState next = switch (orders.status())
            {
                case COMPLETE -> OrderState.FILLED;
                case CANCELLED, LAPSED -> OrderState.CANCELLED;
                case REJECTED -> OrderState.REJECTED;
                case OPEN, TRIGGER_PENDING -> filled > 0 ? OrderState.PARTIALLY_FILLED : OrderState.OPEN;
                default -> OrderState.PENDING;
            };
            if (desk.orders.state(index) == OrderState.EXPIRED)
            {
                continue;
            }
            if (filled > desk.orders.filledQuantity(index) || next != desk.orders.state(index))
            {
                applied++;
                applyOrderUpdate(index, "RECONCILED " + orders.status(), next == OrderState.PENDING ? null : next,
                    filled, averageKnown ? average * filled : -1, averageKnown ? average : 0,
                    "from the broker's order book");
            }
        }
        // Drain the remaining groups so the decoder is consistent (positions are compared by the audit report).
        final ReconciliationReportDecoder.TradesDecoder trades = report.trades();
        while (trades.hasNext())
        {
            trades.next();
        }
        final ReconciliationReportDecoder.PositionsDecoder positions = report.positions();
        while (positions.hasNext())
        {
            positions.next();
        }
        desk.emit(new EngineEvent.ControlChanged(desk.sequence, nowNs, "reconciliation " + account, "APPLIED",
            applied + " order(s) brought up to the broker's state, " + unknown + " order(s) not the engine's"));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Reading
    // ---------------------------------------------------------------------------------------------------------------

    /**
     * Ask for a snapshot at the end of the next batch (any thread).
     */
    public void requestSnapshot()
    {
        snapshotRequested = true;
    }

    /**
     * @return the latest published snapshot (any thread).
     */
    public EngineSnapshot snapshot()
    {
        return snapshot.get();
    }

    /**
     * Build a snapshot now. Business-logic thread only (or when the engine is stopped).
     *
     * @param sequence the last command applied.
     * @return the snapshot.
     */
    public EngineSnapshot snapshotNow(final long sequence)
    {
        return snapshotBuilder.build(sequence);
    }

    /**
     * A 64-bit digest of the engine's state: time, controls, every order and position, every basket, strategy and leg.
     * Two engines that applied the same commands have the same hash. Business-logic thread only (or when stopped).
     *
     * @return the hash.
     */
    public long stateHash()
    {
        final StateDigest digest = new StateDigest();
        digest.add(nowNs).add(day).add(desk.risk.isKillSwitchEngaged()).add(desk.risk.isBrokerSessionExpired())
            .add(masterHash).add(desk.master.count()).add(basketNumbers);
        final OrderBook orders = desk.orders;
        digest.add(orders.count());
        for (int i = 0; i < orders.count(); i++)
        {
            digest.add(orders.clientOrderId(i)).add(orders.instrumentId(i)).add(orders.side(i).ordinal())
                .add(orders.quantity(i)).add(orders.filledQuantity(i)).add(orders.filledValue(i))
                .add(orders.limitPrice(i)).add(orders.state(i).ordinal()).add(orders.owner(i))
                .add(orders.updatedNs(i));
        }
        final PositionBook positions = desk.positions;
        digest.add(positions.count());
        for (int i = 0; i < positions.count(); i++)
        {
            digest.add(positions.instrumentId(i)).add(positions.netQuantity(i)).add(positions.openCost(i))
                .add(positions.realised(i)).add(positions.mark(i));
        }
        for (final dev.vyuha.engine.readmodel.TemplateSnapshot template : templates.values())
        {
            digest.add(template.id()).add(template.version()).add(template.document());
        }
        digest.add(desk.closedTrades.size());
        if (!lapsedOrders.isEmpty())
        {
            // Only when there are some, so journals from before settlement at expiry keep their checkpoint hashes.
            digest.add(lapsedOrders.size());
        }
        for (final BasketRuntime basket : baskets)
        {
            digest.add(basket.number).add(basket.id).add(basket.version).add(basket.status.ordinal()).add(basket.mtm)
                .add(basket.peakMtm).add(null == basket.haltReason ? "" : basket.haltReason);
        }
        for (final StrategyRuntime strategy : strategies)
        {
            digest.add(strategy.state.ordinal()).add(strategy.paused).add(strategy.exitingAll).add(strategy.mtmPeak)
                .add(strategy.units).add(strategy.reportedMtm);
            for (final LegRuntime leg : strategy.legs)
            {
                digest.add(leg.state.ordinal()).add(leg.side.ordinal()).add(leg.instrumentId).add(leg.lots)
                    .add(leg.positionSlot).add(leg.entryPrice).add(leg.stopLevel).add(leg.targetLevel)
                    .add(leg.pendingOrder).add(leg.attempts).add(leg.retryAtNs).add(leg.reEntriesAfterStop)
                    .add(leg.reEntriesAfterTarget).add(leg.realisedEarlierCycles);
            }
        }
        return digest.value();
    }

    /**
     * Round trips closed today, for drivers that collect them as they happen (backtests). Business-logic thread only.
     *
     * @return how many closed today so far (the count restarts at 0 on each new trading day).
     */
    public int closedTradeCount()
    {
        return desk.closedTrades.size();
    }

    /**
     * Round trips recorded since the engine started: a driver that collects them compares this with what it has seen,
     * however the day's list was restarted in between.
     *
     * @return a count that never decreases.
     */
    public long closedTradesRecorded()
    {
        return desk.closedTradesRecorded;
    }

    /**
     * @param index 0 .. {@link #closedTradeCount()} - 1.
     * @return that round trip.
     */
    public dev.vyuha.engine.readmodel.ClosedTrade closedTrade(final int index)
    {
        return desk.closedTrades.get(index);
    }

    /** @return counters for monitoring (business-logic thread, or when stopped). */
    public EngineCounters counters()
    {
        return new EngineCounters(commands, ticks, desk.market.unknownInstrumentTicks(), rejectedFrames,
            failedCommands, desk.ordersSent, desk.ordersRefused, executionReports, unknownReports);
    }

    // Package access for the snapshot builder.

    List<BasketRuntime> baskets()
    {
        return baskets;
    }

    long nowNs()
    {
        return nowNs;
    }

    String masterSource()
    {
        return masterSource;
    }

    int strategyCount()
    {
        return strategies.size();
    }

    long basketNumber()
    {
        return basketNumbers;
    }
}
