package dev.vyuha.engine.scenario;

import dev.vyuha.engine.event.EngineEvent;
import dev.vyuha.engine.market.OptionType;
import dev.vyuha.engine.market.Underlying;
import dev.vyuha.engine.readmodel.EngineSnapshot;
import dev.vyuha.engine.readmodel.LegSnapshot;
import dev.vyuha.engine.readmodel.StrategySnapshot;
import dev.vyuha.engine.runtime.CommandFrames;
import dev.vyuha.engine.runtime.InlineCommandDriver;
import dev.vyuha.engine.strategy.runtime.EngineConfig;
import dev.vyuha.engine.strategy.runtime.TradingEngine;
import dev.vyuha.reference.calendar.IndiaTime;
import dev.vyuha.sbe.BasketFormat;
import dev.vyuha.sbe.BrokerSessionStatus;
import dev.vyuha.sbe.CancelOrderDecoder;
import dev.vyuha.sbe.DerivativeTickEncoder;
import dev.vyuha.sbe.ExecType;
import dev.vyuha.sbe.ExecutionReportEncoder;
import dev.vyuha.sbe.FeedScope;
import dev.vyuha.sbe.FeedStatus;
import dev.vyuha.sbe.IndexTickEncoder;
import dev.vyuha.sbe.KillSwitchAction;
import dev.vyuha.sbe.MessageHeaderDecoder;
import dev.vyuha.sbe.MessageHeaderEncoder;
import dev.vyuha.sbe.NewOrderDecoder;
import dev.vyuha.sbe.RejectReason;
import dev.vyuha.sbe.StrategyAction;
import dev.vyuha.sbe.TickMode;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A trading day for scenario tests: the synthetic instrument universe loaded before the open, then ticks, timers,
 * basket documents, controls and broker reports applied in order at a clock the test sets, through the real engine
 * (validation, business logic, order encoding) on the test's thread. Orders the engine sends are captured and
 * decoded; the broker is the test: it acknowledges, fills, partly fills or rejects them explicitly.
 */
public final class TradingDay
{
    /** The listed universe: the last instrument master loaded. */
    public SyntheticMarket market;
    public LocalDate date;
    public final List<EngineEvent> events = new ArrayList<>();
    public final List<SentOrder> orders = new ArrayList<>();
    public final List<Long> cancels = new ArrayList<>();
    public final ByteArrayOutputStream outbound = new ByteArrayOutputStream();
    /** Every frame applied, unstamped, with the time it was applied at: the day's command stream. */
    public final List<RecordedCommand> recording = new ArrayList<>();
    public final TradingEngine engine;
    private final InlineCommandDriver driver;
    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(4096);
    private final CommandFrames commands = new CommandFrames();
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final IndexTickEncoder indexTick = new IndexTickEncoder();
    private final DerivativeTickEncoder derivativeTick = new DerivativeTickEncoder();
    private final ExecutionReportEncoder report = new ExecutionReportEncoder();
    private long nowNs;
    private long requestIds;
    private int reportCount;

    /** A command as the test sent it and the time it entered. */
    public record RecordedCommand(byte[] frame, long timestampNs)
    {
    }

    /** An order the engine sent, as the gateway would decode it. */
    public record SentOrder(long clientOrderId, String tag, String account, String symbol, String side, String orderType,
        int quantity, long limitPaise, long referencePaise, long causeSequence)
    {
    }

    private TradingDay(final LocalDate date, final EngineConfig config, final SyntheticMarket market)
    {
        this.date = date;
        this.market = market;
        this.engine = new TradingEngine(config, events::add).snapshotInterval(0).verifyDeadlines(true);
        this.driver = new InlineCommandDriver(engine, this::capture);
    }

    /**
     * @param date an IST date (the synthetic universe lists August 2026 expiries).
     * @return the day at 08:45 with the instrument master loaded.
     */
    public static TradingDay on(final String date)
    {
        return on(date, EngineConfig.defaults());
    }

    public static TradingDay on(final String date, final EngineConfig config)
    {
        return on(date, config, new SyntheticMarket());
    }

    public static TradingDay on(final String date, final EngineConfig config, final SyntheticMarket market)
    {
        final TradingDay day = new TradingDay(LocalDate.parse(date), config, market);
        day.at("08:45");
        final String csv = day.market.csv();
        day.apply(day.commands.instrumentMaster(day.buffer, 0, (int)day.date.toEpochDay(), "synthetic", csv));
        final EngineEvent.InstrumentMasterLoaded loaded = day.last(EngineEvent.InstrumentMasterLoaded.class);
        if (!loaded.loaded())
        {
            fail("synthetic master refused: " + loaded.summary());
        }
        return day;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Clock and market
    // ---------------------------------------------------------------------------------------------------------------

    /**
     * Load another universe as the instrument master for the current date (a later day's master).
     *
     * @return what the engine made of it.
     */
    public EngineEvent.InstrumentMasterLoaded master(final SyntheticMarket next)
    {
        apply(commands.instrumentMaster(buffer, 0, (int)date.toEpochDay(), "synthetic " + date, next.csv()));
        final EngineEvent.InstrumentMasterLoaded loaded = last(EngineEvent.InstrumentMasterLoaded.class);
        if (loaded.loaded())
        {
            market = next;
        }
        return loaded;
    }

    /** Move the clock to another date (a later trading day), at 08:45. */
    public TradingDay nextDate(final String isoDate)
    {
        date = LocalDate.parse(isoDate);
        return at("08:45");
    }

    public TradingDay atNanos(final long epochNanos)
    {
        nowNs = epochNanos;
        return this;
    }

    public TradingDay at(final String time)
    {
        nowNs = IndiaTime.epochNanos(date.toEpochDay(), LocalTime.parse(time).toNanoOfDay());
        return this;
    }

    public long nowNs()
    {
        return nowNs;
    }

    public TradingDay timer()
    {
        return apply(commands.timer(buffer, 0, 1, nowNs));
    }

    public TradingDay spot(final Underlying underlying, final String rupees)
    {
        final long token = EngineConfig.defaults().indexTokens().get(underlying);
        indexTick.wrapAndApplyHeader(buffer, 0, header).instrumentToken(token).mode(TickMode.FULL)
            .lastPrice(paise(rupees)).openPrice(IndexTickEncoder.openPriceNullValue())
            .highPrice(IndexTickEncoder.highPriceNullValue()).lowPrice(IndexTickEncoder.lowPriceNullValue())
            .closePrice(IndexTickEncoder.closePriceNullValue()).change(IndexTickEncoder.changeNullValue())
            .exchangeTimestampNs(nowNs);
        return apply(MessageHeaderEncoder.ENCODED_LENGTH + indexTick.encodedLength());
    }

    public TradingDay vix(final String value)
    {
        indexTick.wrapAndApplyHeader(buffer, 0, header).instrumentToken(EngineConfig.INDIA_VIX_TOKEN)
            .mode(TickMode.LTP).lastPrice(paise(value)).openPrice(IndexTickEncoder.openPriceNullValue())
            .highPrice(IndexTickEncoder.highPriceNullValue()).lowPrice(IndexTickEncoder.lowPriceNullValue())
            .closePrice(IndexTickEncoder.closePriceNullValue()).change(IndexTickEncoder.changeNullValue())
            .exchangeTimestampNs(IndexTickEncoder.exchangeTimestampNsNullValue());
        return apply(MessageHeaderEncoder.ENCODED_LENGTH + indexTick.encodedLength());
    }

    /**
     * A tick of a NIFTY weekly option by strike and type, e.g. {@code option("24000CE", "120.50")}, quoted one tick
     * either side.
     */
    public TradingDay option(final String strikeAndType, final String rupees)
    {
        return option(Underlying.NIFTY, market.weekly, strikeAndType, rupees);
    }

    public TradingDay option(final Underlying underlying, final LocalDate expiry, final String strikeAndType,
        final String rupees)
    {
        final int strike = Integer.parseInt(strikeAndType.substring(0, strikeAndType.length() - 2));
        final OptionType type = OptionType.valueOf(strikeAndType.substring(strikeAndType.length() - 2));
        final long price = paise(rupees);
        return tick(market.option(underlying, expiry, strike, type).token(), price, price - 5, price + 5, 1_000, 0);
    }

    public TradingDay quote(final String symbol, final long lastPaise, final long bidPaise, final long askPaise,
        final int quantity, final long openInterest)
    {
        return tick(market.contract(symbol).token(), lastPaise, bidPaise, askPaise, quantity, openInterest);
    }

    /**
     * Quote every option of a chain at Black-Scholes prices for a spot and flat volatility (bid and ask one tick
     * around), then tick the spot itself.
     */
    public TradingDay chain(final Underlying underlying, final LocalDate expiry, final String spotRupees,
        final double volatility)
    {
        final long spot = paise(spotRupees);
        final long expiryNs = IndiaTime.epochNanos(expiry.toEpochDay(), LocalTime.of(15, 30).toNanoOfDay());
        final double years = (expiryNs - nowNs) / (365.0 * IndiaTime.NANOS_PER_DAY);
        for (final SyntheticMarket.Contract contract : market.chain(underlying, expiry))
        {
            final long price = SyntheticMarket.theoreticalPaise(contract, spot, years, volatility);
            tick(contract.token(), price, Math.max(5, price - 5), price + 5, 500, 10_000);
        }
        // The spot last, as a real snapshot would end: a decision it triggers sees the whole chain.
        return spot(underlying, spotRupees);
    }

    /** The NIFTY weekly chain at 12 % volatility around a spot. */
    public TradingDay nifty(final String spotRupees)
    {
        return chain(Underlying.NIFTY, market.weekly, spotRupees, 0.12);
    }

    /** The current state of a strategy. */
    public String state(final String strategyId)
    {
        return strategy(strategyId).state();
    }

    private TradingDay tick(final long token, final long last, final long bid, final long ask, final int quantity,
        final long openInterest)
    {
        derivativeTick.wrapAndApplyHeader(buffer, 0, header).instrumentToken(token).mode(TickMode.FULL)
            .lastPrice(last).lastQuantity(quantity).averagePrice(last).volume(100_000).totalBuyQuantity(quantity)
            .totalSellQuantity(quantity).openPrice(DerivativeTickEncoder.openPriceNullValue())
            .highPrice(DerivativeTickEncoder.highPriceNullValue()).lowPrice(DerivativeTickEncoder.lowPriceNullValue())
            .closePrice(DerivativeTickEncoder.closePriceNullValue()).lastTradeTimeNs(nowNs)
            .openInterest(openInterest > 0 ? openInterest : DerivativeTickEncoder.openInterestNullValue())
            .openInterestDayHigh(DerivativeTickEncoder.openInterestDayHighNullValue())
            .openInterestDayLow(DerivativeTickEncoder.openInterestDayLowNullValue()).exchangeTimestampNs(nowNs);
        derivativeTick.bidDepth((short)1).bidPrice(0, bid).bidQuantity(0, quantity).bidOrders(0, 3)
            .askDepth((short)1).askPrice(0, ask).askQuantity(0, quantity).askOrders(0, 3);
        return apply(MessageHeaderEncoder.ENCODED_LENGTH + derivativeTick.encodedLength());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Operator
    // ---------------------------------------------------------------------------------------------------------------

    /**
     * Load a basket document (JSON).
     *
     * @return the basket number.
     */
    public long load(final String json)
    {
        final EngineEvent.BasketChanged changed = loadExpecting(json);
        if (!changed.errors().isEmpty())
        {
            fail("basket refused: " + changed.errors());
        }
        return changed.basketNumber();
    }

    public EngineEvent.BasketChanged loadExpecting(final String json)
    {
        apply(commands.loadBasket(buffer, 0, ++requestIds, BasketFormat.JSON, false, "test", json));
        return last(EngineEvent.BasketChanged.class);
    }

    public EngineEvent.BasketChanged update(final long basket, final int expectedVersion, final String json)
    {
        apply(commands.updateBasket(buffer, 0, ++requestIds, basket, expectedVersion, BasketFormat.JSON, "test",
            json));
        return last(EngineEvent.BasketChanged.class);
    }

    public EngineEvent.BasketChanged remove(final long basket)
    {
        apply(commands.removeBasket(buffer, 0, ++requestIds, basket, "test"));
        return last(EngineEvent.BasketChanged.class);
    }

    public EngineEvent.BasketChanged control(final long basket, final int strategyNumber, final StrategyAction action)
    {
        apply(commands.strategyControl(buffer, 0, ++requestIds, basket, strategyNumber, action, "test", "scenario"));
        return last(EngineEvent.BasketChanged.class);
    }

    public TradingDay killSwitch(final boolean engage)
    {
        return apply(commands.killSwitch(buffer, 0, ++requestIds, engage ? KillSwitchAction.ENGAGE :
            KillSwitchAction.CLEAR, "risk-desk", "scenario"));
    }

    public TradingDay feed(final Underlying underlying, final boolean stale)
    {
        return apply(commands.feedState(buffer, 0, FeedScope.UNDERLYING, stale ? FeedStatus.STALE :
            FeedStatus.RECOVERED, 0, dev.vyuha.sbe.Underlying.valueOf(underlying.name()), nowNs, "scenario"));
    }

    public TradingDay brokerSession(final boolean valid)
    {
        return apply(commands.brokerSession(buffer, 0, "PAPER", valid ? BrokerSessionStatus.VALID :
            BrokerSessionStatus.EXPIRED, "scenario"));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Broker
    // ---------------------------------------------------------------------------------------------------------------

    public TradingDay ack(final SentOrder order)
    {
        return report(order, ExecType.ACK, RejectReason.NONE, 0, 0, 0, "");
    }

    /** Fill the whole order at its limit (or reference price for market orders). */
    public TradingDay fill(final SentOrder order)
    {
        final long price = order.limitPaise() > 0 ? order.limitPaise() : order.referencePaise();
        return report(order, ExecType.FILL, RejectReason.NONE, order.quantity(), price, order.quantity(), "");
    }

    public TradingDay fill(final SentOrder order, final String rupees)
    {
        return report(order, ExecType.FILL, RejectReason.NONE, order.quantity(), paise(rupees), order.quantity(), "");
    }

    public TradingDay partialFill(final SentOrder order, final int cumulative, final String rupees)
    {
        return report(order, ExecType.PARTIAL_FILL, RejectReason.NONE, cumulative, paise(rupees), cumulative, "");
    }

    public TradingDay cancelled(final SentOrder order, final int cumulative, final String averageRupees)
    {
        return report(order, ExecType.CANCELLED, RejectReason.NONE, 0, paise(averageRupees), cumulative, "cancelled");
    }

    public TradingDay reject(final SentOrder order, final RejectReason reason)
    {
        return report(order, ExecType.REJECT, reason, 0, 0, 0, "RMS: " + reason);
    }

    /** Fill every order sent since the mark at its limit or reference price. */
    public TradingDay fillAllSince(final int mark)
    {
        for (final SentOrder order : new ArrayList<>(orders.subList(mark, orders.size())))
        {
            fill(order);
        }
        return this;
    }

    private TradingDay report(final SentOrder order, final ExecType type, final RejectReason reason,
        final int lastQuantity, final long price, final int cumulative, final String text)
    {
        report.wrapAndApplyHeader(buffer, 0, header).clientOrderId(order.clientOrderId()).requestId(0)
            .account(order.account()).brokerOrderId("26081700000" + (++reportCount)).execType(type)
            .rejectReason(reason).instrumentToken(market.contract(order.symbol()).token())
            .side(dev.vyuha.sbe.Side.valueOf(order.side())).sliceNumber(0).sliceCount(0)
            .orderQuantity(order.quantity()).lastQuantity(lastQuantity)
            .lastPrice(price > 0 ? price : ExecutionReportEncoder.lastPriceNullValue())
            .cumulativeQuantity(cumulative)
            .averagePrice(price > 0 && cumulative > 0 ? price : ExecutionReportEncoder.averagePriceNullValue())
            .leavesQuantity(type == ExecType.FILL || type == ExecType.CANCELLED || type == ExecType.REJECT ? 0 :
                order.quantity() - cumulative)
            .tradeId(lastQuantity > 0 ? "T" + reportCount : "")
            .brokerTimestampNs(nowNs).text(text);
        return apply(MessageHeaderEncoder.ENCODED_LENGTH + report.encodedLength());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Reading
    // ---------------------------------------------------------------------------------------------------------------

    public SentOrder lastOrder()
    {
        if (orders.isEmpty())
        {
            fail("no order was sent; events:\n" + describeEvents());
        }
        return orders.get(orders.size() - 1);
    }

    public SentOrder order(final String symbol)
    {
        for (int i = orders.size() - 1; i >= 0; i--)
        {
            if (orders.get(i).symbol().equals(symbol))
            {
                return orders.get(i);
            }
        }
        fail("no order for " + symbol + "; orders " + orders + "\nevents:\n" + describeEvents());
        return null;
    }

    public EngineSnapshot snapshot()
    {
        return engine.snapshotNow(driver.nextSequence() - 1);
    }

    public StrategySnapshot strategy(final String id)
    {
        for (final var basket : snapshot().baskets())
        {
            for (final StrategySnapshot strategy : basket.strategies())
            {
                if (strategy.id().equals(id))
                {
                    return strategy;
                }
            }
        }
        fail("no strategy " + id);
        return null;
    }

    public LegSnapshot leg(final String strategyId, final String legId)
    {
        for (final LegSnapshot leg : strategy(strategyId).legs())
        {
            if (leg.id().equals(legId))
            {
                return leg;
            }
        }
        fail("no leg " + legId + " in " + strategyId);
        return null;
    }

    public <T extends EngineEvent> List<T> events(final Class<T> type)
    {
        final List<T> matching = new ArrayList<>();
        for (final EngineEvent event : events)
        {
            if (type.isInstance(event))
            {
                matching.add(type.cast(event));
            }
        }
        return matching;
    }

    public <T extends EngineEvent> T last(final Class<T> type)
    {
        final List<T> matching = events(type);
        if (matching.isEmpty())
        {
            fail("no " + type.getSimpleName() + "; events:\n" + describeEvents());
        }
        return matching.get(matching.size() - 1);
    }

    /** @return true if any event's description contains the text. */
    public boolean saw(final String text)
    {
        for (final EngineEvent event : events)
        {
            if (event.describe().contains(text))
            {
                return true;
            }
        }
        return false;
    }

    public String describeEvents()
    {
        final StringBuilder text = new StringBuilder();
        for (final EngineEvent event : events)
        {
            text.append(IndiaTime.time(event.timestampNs())).append(' ').append(event.describe()).append('\n');
        }
        return text.toString();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Plumbing
    // ---------------------------------------------------------------------------------------------------------------

    /** Apply a frame built by the test itself (possibly malformed). */
    public TradingDay raw(final org.agrona.MutableDirectBuffer frame, final int length)
    {
        record(frame, length);
        driver.apply(frame, 0, length, nowNs);
        return this;
    }

    private TradingDay apply(final int length)
    {
        record(buffer, length);
        driver.apply(buffer, 0, length, nowNs);
        return this;
    }

    private void record(final DirectBuffer frame, final int length)
    {
        final byte[] bytes = new byte[length];
        frame.getBytes(0, bytes);
        recording.add(new RecordedCommand(bytes, nowNs));
    }

    private void capture(final DirectBuffer frame, final int offset, final int length, final long causeSequence)
    {
        final byte[] bytes = new byte[length];
        frame.getBytes(offset, bytes);
        outbound.writeBytes(bytes);
        final UnsafeBuffer copy = new UnsafeBuffer(bytes);
        final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder().wrap(copy, 0);
        if (headerDecoder.templateId() == NewOrderDecoder.TEMPLATE_ID)
        {
            final NewOrderDecoder order = new NewOrderDecoder().wrapAndApplyHeader(copy, 0, headerDecoder);
            orders.add(new SentOrder(order.clientOrderId(), order.tag().trim(), order.account().trim(),
                order.tradingSymbol().trim(), order.side().name(), order.orderType().name(), order.quantity(),
                order.limitPrice() == NewOrderDecoder.limitPriceNullValue() ? 0 : order.limitPrice(),
                order.referencePrice() == NewOrderDecoder.referencePriceNullValue() ? 0 : order.referencePrice(),
                causeSequence));
        }
        else if (headerDecoder.templateId() == CancelOrderDecoder.TEMPLATE_ID)
        {
            cancels.add(new CancelOrderDecoder().wrapAndApplyHeader(copy, 0, headerDecoder).clientOrderId());
        }
    }

    public static String rupees(final long paise)
    {
        return java.math.BigDecimal.valueOf(paise, 2).toPlainString();
    }

    public static long paise(final String rupees)
    {
        return new java.math.BigDecimal(rupees).movePointRight(2).longValueExact();
    }
}
