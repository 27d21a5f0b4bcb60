package dev.vyuha.engine.strategy.runtime;

import dev.vyuha.engine.event.EngineEvent;
import dev.vyuha.engine.event.EngineEventListener;
import dev.vyuha.engine.market.InstrumentKind;
import dev.vyuha.engine.market.InstrumentMaster;
import dev.vyuha.engine.market.MarketState;
import dev.vyuha.engine.market.Underlying;
import dev.vyuha.engine.money.Paise;
import dev.vyuha.engine.order.OrderBook;
import dev.vyuha.engine.order.OrderFrames;
import dev.vyuha.engine.order.PositionBook;
import dev.vyuha.engine.order.Side;
import dev.vyuha.engine.risk.PreTradeRisk;
import dev.vyuha.engine.risk.RiskVerdict;
import dev.vyuha.engine.runtime.OrderSink;
import dev.vyuha.engine.strategy.definition.execution.OrderType;
import dev.vyuha.reference.calendar.IndiaTime;
import dev.vyuha.reference.calendar.TradingSession;
import dev.vyuha.wire.OrderTags;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The services every strategy instance uses and the context of the command being applied: instruments, quotes,
 * orders, positions, risk, events, and "now". It owns the one path by which an order leaves: pre-trade checks,
 * pricing per the leg's order policy, encoding into the command's ring slot, booking, and the order event. Client
 * order ids derive from the command's sequence ({@code sequence * 1024 + n} for the n-th order of the command), so
 * they and their tags are the same in every replay.
 */
final class TradingDesk
{
    static final int ORDERS_PER_COMMAND = 1024;

    final EngineConfig config;
    final EngineEventListener events;
    final OrderBook orders;
    final PositionBook positions;
    final PreTradeRisk risk;
    final OrderFrames frames = new OrderFrames();
    final StrikeSelector selector;
    final List<LegRuntime> legsByHandle = new ArrayList<>();
    /** Round trips closed today, in exit order. */
    final List<dev.vyuha.engine.readmodel.ClosedTrade> closedTrades = new ArrayList<>();
    InstrumentMaster master;
    MarketState market;
    MarketConditions conditions;

    long sequence;
    long nowNs;
    OrderSink sink;
    int ordersThisCommand;

    long ordersRefused;
    long ordersSent;
    long eventsEmitted;
    /** Events emitted through {@link #emitFor}. */
    long strategyEvents;
    /** Strategies that emitted during the current command. */
    final java.util.ArrayList<StrategyRuntime> touched = new java.util.ArrayList<>();
    /** Round trips recorded since the engine started (the day's list restarts, this never does). */
    long closedTradesRecorded;

    TradingDesk(final EngineConfig config, final EngineEventListener events, final InstrumentMaster master)
    {
        this.config = config;
        this.events = events;
        this.orders = new OrderBook(config.orderCapacity());
        this.positions = new PositionBook(config.positionCapacity());
        this.risk = new PreTradeRisk(config.riskLimits(), config.calendar());
        this.selector = new StrikeSelector(config.rate());
        this.master = master;
        this.market = new MarketState(master);
    }

    void beginCommand(final long sequence, final long nowNs, final OrderSink sink)
    {
        this.sequence = sequence;
        this.nowNs = nowNs;
        this.sink = sink;
        this.ordersThisCommand = 0;
    }

    void emit(final EngineEvent event)
    {
        eventsEmitted++;
        events.onEvent(event);
    }

    /**
     * Emit an event a strategy's own decision caused, noting the strategy as touched by the current command: only a
     * touched strategy's deadlines can have moved (the engine then updates only those).
     */
    void emitFor(final StrategyRuntime strategy, final EngineEvent event)
    {
        strategyEvents++;
        if (!strategy.deadlineTouched)
        {
            strategy.deadlineTouched = true;
            touched.add(strategy);
        }
        emit(event);
    }

    /**
     * Record a round trip closed now.
     *
     * @param trade the trade.
     */
    void recordClosedTrade(final dev.vyuha.engine.readmodel.ClosedTrade trade)
    {
        closedTrades.add(trade);
        closedTradesRecorded++;
    }

    /**
     * @param instrumentId an instrument of the current master (or NOT_FOUND).
     * @param lastEpochDay an IST epoch day.
     * @return true if it is a derivative whose expiry is on or before that day.
     */
    boolean expiresBy(final int instrumentId, final long lastEpochDay)
    {
        if (instrumentId < 0 || instrumentId >= master.count() || master.kind(instrumentId) == InstrumentKind.INDEX)
        {
            return false;
        }
        final int expiry = master.expiryEpochDay(instrumentId);
        return expiry != InstrumentMaster.NOT_FOUND && expiry <= lastEpochDay;
    }

    /**
     * The engine time at which a contract expiring on a day settles: that day's session close (15:30 IST, or the
     * calendar's special-session close); 15:30 if the calendar has no hours for it.
     *
     * @param epochDay an IST epoch day.
     * @return epoch nanoseconds.
     */
    long settlementNs(final long epochDay)
    {
        final TradingSession session = config.calendar().session(epochDay);
        final LocalTime close = null != session && session.hasHours() ? session.close() :
            TradingSession.REGULAR.close();
        return IndiaTime.epochNanos(epochDay, close.toNanoOfDay());
    }

    /**
     * The price at which the exchange settles an expired contract: an option at its intrinsic value against the
     * underlying's last index price (CE max(0, S - K), PE max(0, K - S)), a future at the index price, each rounded to
     * the contract's tick (nearest, half up: {@link Paise#roundToTick}). With no index price known (no tick of the
     * index since the master was loaded) the contract's own last price stands in, and the basis says so.
     *
     * @param instrumentId an option or future.
     * @return the price and how it was found.
     */
    SettlementPrice settlementPrice(final int instrumentId)
    {
        final InstrumentKind kind = master.kind(instrumentId);
        final long tick = Math.max(1, master.tickSizePaise(instrumentId));
        final long strike = kind == InstrumentKind.FUTURE ? 0 : master.strikePaise(instrumentId);
        final Underlying underlying = master.underlying(instrumentId);
        final int index = null == underlying ? InstrumentMaster.NOT_FOUND : master.indexId(underlying);
        final long spot = index == InstrumentMaster.NOT_FOUND ? 0 : market.lastPrice(index);
        if (spot <= 0)
        {
            final long last = Math.max(0, market.lastPrice(instrumentId));
            return new SettlementPrice(last, 0, strike, "no " + (null == underlying ? "index" : underlying.name())
                + " index price known: the contract's last price " + Paise.toRupees(last),
                "settled at expiry (no index price: last price " + Paise.toRupees(last) + ")");
        }
        if (kind == InstrumentKind.FUTURE)
        {
            final long price = Paise.roundToTick(spot, tick);
            return new SettlementPrice(price, spot, 0, "the index " + Paise.toRupees(spot) + roundedNote(spot, price,
                tick), "settled at expiry (index " + Paise.toRupeesGrouped(spot) + ")");
        }
        final long raw = kind == InstrumentKind.CALL ? Math.max(0, spot - strike) : Math.max(0, strike - spot);
        final long price = Paise.roundToTick(raw, tick);
        final String formula = kind == InstrumentKind.CALL ? Paise.toRupees(spot) + " - " + Paise.toRupees(strike) :
            Paise.toRupees(strike) + " - " + Paise.toRupees(spot);
        return new SettlementPrice(price, spot, strike, "intrinsic max(0, " + formula + ") = " + Paise.toRupees(raw)
            + roundedNote(raw, price, tick), "settled at expiry (intrinsic " + Paise.toRupees(price) + " at spot "
            + Paise.toRupeesGrouped(spot) + ")");
    }

    private static String roundedNote(final long raw, final long price, final long tick)
    {
        return raw == price ? "" : ", rounded to the " + Paise.toRupees(tick) + " tick";
    }

    /**
     * A settlement price with what it was computed from.
     *
     * @param pricePaise      per unit.
     * @param underlyingPaise the index price used (0 if none).
     * @param strikePaise     the option's strike (0 for a future).
     * @param basis           the computation, for the settlement event.
     * @param reason          the exit reason of the closed trade and the leg.
     */
    record SettlementPrice(long pricePaise, long underlyingPaise, long strikePaise, String basis, String reason)
    {
    }

    /**
     * Place an order for a leg.
     *
     * @param leg            the leg.
     * @param side           buy or sell.
     * @param quantity       units.
     * @param exit           true for a risk-reducing order.
     * @param referencePrice the price the decision saw, paise.
     * @param why            the decision, for the event.
     * @return the order's index in the book, or -1 if refused (an event says why).
     */
    int placeOrder(final LegRuntime leg, final Side side, final int quantity, final boolean exit,
        final long referencePrice, final String why)
    {
        final int instrument = leg.instrumentId;
        final StrategyRuntime strategy = leg.strategy;
        RiskVerdict verdict = RiskVerdict.ACCEPTED;
        if (ordersThisCommand == ORDERS_PER_COMMAND || orders.count() == orders.capacity())
        {
            verdict = RiskVerdict.ORDER_BOOK_FULL;
        }
        if (verdict == RiskVerdict.ACCEPTED && !exit)
        {
            verdict = strategy.basket.checkEntry(quantity / Math.max(1, master.lotSize(instrument)),
                referencePrice * quantity);
        }
        if (verdict == RiskVerdict.ACCEPTED)
        {
            verdict = risk.check(master, instrument, quantity, referencePrice, exit, nowNs);
        }
        if (verdict != RiskVerdict.ACCEPTED)
        {
            refuse(leg, side, quantity, referencePrice, verdict, why);
            return -1;
        }
        strategy.basket.recordOrder();
        final long clientOrderId = sequence * ORDERS_PER_COMMAND + ordersThisCommand++;
        final OrderType type = leg.definition.order().orderType();
        final long tick = Math.max(1, master.tickSizePaise(instrument));
        final dev.vyuha.sbe.OrderType wireType;
        long limit = 0;
        short protection = -1;
        if (type instanceof OrderType.Market market)
        {
            wireType = dev.vyuha.sbe.OrderType.MARKET;
            if (market.protectionBasisPoints().isPresent())
            {
                protection = (short)Math.max(1, market.protectionBasisPoints().getAsLong() / 100);
            }
        }
        else
        {
            final long buffer = type instanceof OrderType.Limit limitType ? limitType.bufferBasisPoints() :
                ((OrderType.StopLossLimit)type).bufferBasisPoints();
            wireType = dev.vyuha.sbe.OrderType.LIMIT;
            limit = marketableLimit(referencePrice, buffer, side, tick);
            protection = 0;
        }
        final int index = orders.add(clientOrderId, instrument, side, quantity, limit, leg.handle, sequence, nowNs);
        frames.newOrder(sink, sequence, nowNs, clientOrderId, strategy.account, master, instrument, side, wireType,
            config.product(), quantity, limit, 0, protection, referencePrice);
        ordersSent++;
        emitFor(strategy, new EngineEvent.OrderChanged(sequence, nowNs, strategy.scope(leg), clientOrderId,
            OrderTags.intentTag(clientOrderId), master.tradingSymbol(instrument), side.name(), "SENT", quantity, 0,
            limit > 0 ? limit : referencePrice, (exit ? "exit: " : "entry: ") + why));
        return index;
    }

    /**
     * Record an order the engine decided on but did not send, with the reason.
     */
    void refuse(final LegRuntime leg, final Side side, final int quantity, final long referencePrice,
        final RiskVerdict verdict, final String why)
    {
        ordersRefused++;
        emitFor(leg.strategy, new EngineEvent.OrderChanged(sequence, nowNs, leg.strategy.scope(leg), 0, "",
            master.tradingSymbol(leg.instrumentId), side.name(), "REFUSED", quantity, 0, referencePrice,
            verdict.description() + "; " + why));
    }

    /**
     * A limit that crosses the spread by the buffer: above the reference for a BUY, below for a SELL, rounded to the
     * tick in the marketable direction.
     */
    static long marketableLimit(final long reference, final long bufferBasisPoints, final Side side, final long tick)
    {
        final long raw = reference + side.sign() * reference * bufferBasisPoints / 10_000;
        final long rounded = side == Side.BUY ? (raw + tick - 1) / tick * tick : raw / tick * tick;
        return Math.max(tick, rounded);
    }

    /**
     * @param instrumentId an instrument.
     * @return its trading symbol and last price, for decision records.
     */
    String tickOf(final int instrumentId)
    {
        return "tick " + master.tradingSymbol(instrumentId) + " " + Paise.toRupees(market.lastPrice(instrumentId));
    }
}
