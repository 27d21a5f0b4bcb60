package dev.vyuha.bench.engine;

import dev.vyuha.engine.event.EngineEvent;
import dev.vyuha.engine.market.KiteInstrumentsCsv;
import dev.vyuha.engine.market.OptionType;
import dev.vyuha.engine.market.TradingSymbols;
import dev.vyuha.engine.market.Underlying;
import dev.vyuha.engine.readmodel.EngineSnapshot;
import dev.vyuha.engine.risk.RiskLimits;
import dev.vyuha.engine.runtime.CommandFrames;
import dev.vyuha.engine.runtime.InlineCommandDriver;
import dev.vyuha.engine.strategy.runtime.EngineConfig;
import dev.vyuha.engine.strategy.runtime.TradingEngine;
import dev.vyuha.reference.calendar.IndiaTime;
import dev.vyuha.reference.pricing.BlackScholesMerton;
import dev.vyuha.sbe.BasketFormat;
import dev.vyuha.sbe.DerivativeTickEncoder;
import dev.vyuha.sbe.ExecType;
import dev.vyuha.sbe.ExecutionReportEncoder;
import dev.vyuha.sbe.IndexTickEncoder;
import dev.vyuha.sbe.MessageHeaderDecoder;
import dev.vyuha.sbe.MessageHeaderEncoder;
import dev.vyuha.sbe.NewOrderDecoder;
import dev.vyuha.sbe.RejectReason;
import dev.vyuha.sbe.Side;
import dev.vyuha.sbe.TickMode;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * An engine in the steady state of a busy trading day, for benchmarks: the full NIFTY (two weekly expiries, 161
 * strikes each) and BANKNIFTY (two monthly expiries, 151 strikes each) chains, 20 baskets of 50 iron condors each
 * (1,000 strategies, 4,000 legs) on both underlyings at strikes 1 to 25 steps out, entered at staggered times from
 * 09:20 and filled, then quiet ticks: every option and both indices moving a fraction of a percent around their
 * levels, so no rule fires and the engine does only its per-tick work (quotes, marks, trailing checks, stops,
 * targets, MTM). Also builds ticks that do fire: a short leg's stop-loss level.
 */
public final class LoadedEngine
{
    static final LocalDate DAY = LocalDate.of(2026, 8, 17);
    static final LocalDate[] NIFTY_EXPIRIES = {LocalDate.of(2026, 8, 18), LocalDate.of(2026, 8, 25)};
    static final LocalDate[] BANKNIFTY_EXPIRIES = {LocalDate.of(2026, 8, 25), LocalDate.of(2026, 9, 29)};
    static final long NIFTY_SPOT = 24_010_00;
    static final long BANKNIFTY_SPOT = 54_020_00;
    static final long STEADY_START_NS = IndiaTime.epochNanos(DAY.toEpochDay(), LocalTime.of(10, 0).toNanoOfDay());

    /** One listed option with its quote level. */
    record Option(long token, String symbol, Underlying underlying, LocalDate expiry, long strikePaise, OptionType type,
        long pricePaise)
    {
    }

    final TradingEngine engine;
    final InlineCommandDriver driver;
    final List<Option> options = new ArrayList<>();
    final List<EngineEvent> decisions = new ArrayList<>();
    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(1 << 16);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final DerivativeTickEncoder derivativeTick = new DerivativeTickEncoder();
    private final IndexTickEncoder indexTick = new IndexTickEncoder();
    private final ExecutionReportEncoder report = new ExecutionReportEncoder();
    private final List<byte[]> pendingOrders = new ArrayList<>();
    private long nowNs;
    private int ordersFilled;
    private boolean recordDecisions = true;

    /**
     * @param strategies strategies to load (a multiple of 50, at most 1,000 per the fixture's 20 baskets).
     * @param snapshotIntervalNs engine time between read-model snapshots.
     */
    public LoadedEngine(final int strategies, final long snapshotIntervalNs)
    {
        final EngineConfig config = EngineConfig.defaults()
            .withRiskLimits(new RiskLimits(100, 1_00_00_00_000_00L, 1_000_000, 10_000_000, 10_000_000))
            .withCapacity(1 << 16, 1 << 16)
            .withMaxQuoteAge(3_600_000_000_000L);
        engine = new TradingEngine(config, event ->
        {
            if (recordDecisions)
            {
                decisions.add(event);
            }
        }).snapshotInterval(snapshotIntervalNs);
        driver = new InlineCommandDriver(engine, this::onOrder);
        listOptions();
        final CommandFrames commands = new CommandFrames();
        at(LocalTime.of(8, 45));
        apply(commands.instrumentMaster(buffer, 0, (int)DAY.toEpochDay(), "benchmark", csv()));
        for (int basket = 0; basket < strategies / 50; basket++)
        {
            apply(commands.loadBasket(buffer, 0, basket + 1, BasketFormat.JSON, false, "bench", basket(basket)));
        }
        // Quote everything every minute from 09:19 to 09:59; the broker fills every order at once.
        for (int minute = 19; minute < 60; minute++)
        {
            at(LocalTime.of(9, minute));
            quoteAll();
            fillPending();
        }
        at(LocalTime.of(9, 59, 59));
        quoteAll();
        fillPending();
        recordDecisions = false;
        nowNs = STEADY_START_NS;
    }

    private void listOptions()
    {
        long token = 20_000_001L;
        for (final LocalDate expiry : NIFTY_EXPIRIES)
        {
            for (int strike = 20_000; strike <= 28_000; strike += 50)
            {
                for (final OptionType type : OptionType.values())
                {
                    options.add(option(token++, Underlying.NIFTY, expiry, strike, type, NIFTY_SPOT,
                        expiry.equals(NIFTY_EXPIRIES[1])));
                }
            }
        }
        for (final LocalDate expiry : BANKNIFTY_EXPIRIES)
        {
            for (int strike = 46_500; strike <= 61_500; strike += 100)
            {
                for (final OptionType type : OptionType.values())
                {
                    options.add(option(token++, Underlying.BANKNIFTY, expiry, strike, type, BANKNIFTY_SPOT, true));
                }
            }
        }
    }

    private static Option option(final long token, final Underlying underlying, final LocalDate expiry,
        final int strike, final OptionType type, final long spot, final boolean monthly)
    {
        final long strikePaise = strike * 100L;
        final String symbol = monthly ? TradingSymbols.monthlyOption(underlying.name(), expiry, strikePaise, type) :
            TradingSymbols.weeklyOption(underlying.name(), expiry, strikePaise, type);
        final double years = (IndiaTime.epochNanos(expiry.toEpochDay(), LocalTime.of(15, 30).toNanoOfDay())
            - STEADY_START_NS) / (365.0 * IndiaTime.NANOS_PER_DAY);
        final double price = BlackScholesMerton.price(spot / 100.0, strike, years, 0.13, 0.065, 0.0,
            type == OptionType.CE);
        return new Option(token, symbol, underlying, expiry, strikePaise, type, Math.max(5, Math.round(price * 20) * 5));
    }

    private String csv()
    {
        final StringBuilder csv = new StringBuilder(KiteInstrumentsCsv.HEADER).append('\n');
        for (final Option o : options)
        {
            csv.append(o.token()).append(',').append(o.token() % 100_000).append(',').append(o.symbol()).append(',')
                .append(o.underlying().name()).append(",0.0,").append(o.expiry()).append(',')
                .append(o.strikePaise() / 100).append(".0,0.05,").append(o.underlying() == Underlying.NIFTY ? 65 : 30)
                .append(',').append(o.type().name()).append(",NFO-OPT,NFO\n");
        }
        return csv.toString();
    }

    /** Basket b: 50 iron condors, alternating underlyings and expiries, short strikes 1..25 steps out. */
    private static String basket(final int b)
    {
        final StringBuilder strategies = new StringBuilder();
        for (int s = 0; s < 50; s++)
        {
            final int steps = 1 + (b * 50 + s) % 25;
            final boolean nifty = s % 2 == 0;
            final String expiry = nifty ? (s % 4 == 0 ? "WEEKLY" : "NEXT_WEEKLY") : (s % 4 == 1 ? "MONTHLY" :
                "NEXT_MONTHLY");
            final String stop = "\"stop_loss\": { \"type\": \"PERCENT\", \"value\": 100 }, \"trailing_stop\": { "
                + "\"unit\": \"PERCENT\", \"activate_at\": 50, \"every\": 10, \"move_by\": 10 }";
            if (s > 0)
            {
                strategies.append(", ");
            }
            strategies.append("{ \"id\": \"c").append(b).append('-').append(s).append("\", \"name\": \"condor\", ")
                .append("\"underlying\": \"").append(nifty ? "NIFTY" : "BANKNIFTY").append("\", \"schedule\": { ")
                .append("\"entry_time\": \"09:").append(20 + b).append("\", \"exit_time\": \"15:15\" }, ")
                .append("\"risk\": { \"mtm_stop_loss\": 500000, \"mtm_target\": 500000 }, \"legs\": [ ")
                .append(leg("sc", "CE", "SELL", steps, expiry, stop, false)).append(", ")
                .append(leg("sp", "PE", "SELL", steps, expiry, stop, false)).append(", ")
                .append(leg("bc", "CE", "BUY", steps + 4, expiry, "", true)).append(", ")
                .append(leg("bp", "PE", "BUY", steps + 4, expiry, "", true)).append(" ] }");
        }
        return "{ \"name\": \"bench-" + b + "\", \"initial_capital\": 100000000, \"execution_mode\": \"PAPER\", "
            + "\"order_rate_limit\": { \"per_second\": 1000, \"per_minute\": 60000, \"per_day\": 1000000 }, "
            + "\"strategies\": [ " + strategies + " ] }";
    }

    private static String leg(final String id, final String type, final String side, final int steps,
        final String expiry, final String extra, final boolean hedge)
    {
        return "{ \"id\": \"" + id + "\", \"option_type\": \"" + type + "\", \"side\": \"" + side + "\", \"lots\": 1, "
            + "\"expiry\": \"" + expiry + "\", \"strike\": { \"method\": \"OTM\", \"steps\": " + steps + " }"
            + (hedge ? ", \"is_hedge\": true" : "") + (extra.isEmpty() ? "" : ", " + extra) + " }";
    }

    private void at(final LocalTime time)
    {
        nowNs = IndiaTime.epochNanos(DAY.toEpochDay(), time.toNanoOfDay());
    }

    private void quoteAll()
    {
        for (final Option option : options)
        {
            apply(derivativeTick(buffer, 0, option.token(), option.pricePaise()));
        }
        apply(indexTick(buffer, 0, 256_265, NIFTY_SPOT));
        apply(indexTick(buffer, 0, 260_105, BANKNIFTY_SPOT));
    }

    private void fillPending()
    {
        while (!pendingOrders.isEmpty())
        {
            final List<byte[]> orders = new ArrayList<>(pendingOrders);
            pendingOrders.clear();
            for (final byte[] frame : orders)
            {
                final UnsafeBuffer order = new UnsafeBuffer(frame);
                final NewOrderDecoder decoder = new NewOrderDecoder().wrapAndApplyHeader(order, 0,
                    new MessageHeaderDecoder().wrap(order, 0));
                final long price = decoder.referencePrice();
                report.wrapAndApplyHeader(buffer, 0, header).clientOrderId(decoder.clientOrderId()).requestId(0)
                    .account(decoder.account()).brokerOrderId("B" + decoder.clientOrderId()).execType(ExecType.FILL)
                    .rejectReason(RejectReason.NONE).instrumentToken(decoder.instrumentToken()).side(decoder.side())
                    .sliceNumber(0).sliceCount(0).orderQuantity(decoder.quantity()).lastQuantity(decoder.quantity())
                    .lastPrice(price).cumulativeQuantity(decoder.quantity()).averagePrice(price).leavesQuantity(0)
                    .tradeId("T" + decoder.clientOrderId()).brokerTimestampNs(nowNs).text("");
                apply(MessageHeaderEncoder.ENCODED_LENGTH + report.encodedLength());
                ordersFilled++;
            }
        }
    }

    private void onOrder(final DirectBuffer frame, final int offset, final int length, final long cause)
    {
        final MessageHeaderDecoder decoder = new MessageHeaderDecoder().wrap(frame, offset);
        if (decoder.templateId() == NewOrderDecoder.TEMPLATE_ID && recordDecisions)
        {
            final byte[] bytes = new byte[length];
            frame.getBytes(offset, bytes);
            pendingOrders.add(bytes);
        }
    }

    private void apply(final int length)
    {
        driver.apply(buffer, 0, length, nowNs);
    }

    /**
     * Encode a quote of an option at a price with a one-tick spread.
     *
     * @return frame length.
     */
    int derivativeTick(final MutableDirectBuffer to, final int offset, final long token, final long price)
    {
        derivativeTick.wrapAndApplyHeader(to, offset, header).instrumentToken(token).mode(TickMode.FULL)
            .lastPrice(price).lastQuantity(65).averagePrice(price).volume(1_000_000).totalBuyQuantity(10_000)
            .totalSellQuantity(10_000).openPrice(DerivativeTickEncoder.openPriceNullValue())
            .highPrice(DerivativeTickEncoder.highPriceNullValue()).lowPrice(DerivativeTickEncoder.lowPriceNullValue())
            .closePrice(DerivativeTickEncoder.closePriceNullValue()).lastTradeTimeNs(nowNs)
            .openInterest(2_000_000).openInterestDayHigh(DerivativeTickEncoder.openInterestDayHighNullValue())
            .openInterestDayLow(DerivativeTickEncoder.openInterestDayLowNullValue()).exchangeTimestampNs(nowNs);
        derivativeTick.bidDepth((short)5).askDepth((short)5);
        for (int level = 0; level < 5; level++)
        {
            derivativeTick.bidPrice(level, Math.max(5, price - 5 * (level + 1))).bidQuantity(level, 650)
                .bidOrders(level, 4).askPrice(level, price + 5 * (level + 1)).askQuantity(level, 650).askOrders(level, 4);
        }
        return MessageHeaderEncoder.ENCODED_LENGTH + derivativeTick.encodedLength();
    }

    int indexTick(final MutableDirectBuffer to, final int offset, final long token, final long price)
    {
        indexTick.wrapAndApplyHeader(to, offset, header).instrumentToken(token).mode(TickMode.FULL).lastPrice(price)
            .openPrice(IndexTickEncoder.openPriceNullValue()).highPrice(IndexTickEncoder.highPriceNullValue())
            .lowPrice(IndexTickEncoder.lowPriceNullValue()).closePrice(IndexTickEncoder.closePriceNullValue())
            .change(IndexTickEncoder.changeNullValue()).exchangeTimestampNs(nowNs);
        return MessageHeaderEncoder.ENCODED_LENGTH + indexTick.encodedLength();
    }

    /**
     * Quiet ticks: 95 % options (uniform over both chains), 5 % indices, each within ±0.5 % of its level (indices
     * ±0.2 %), rounded to the tick. None of them fires a rule.
     *
     * @param count frames.
     * @param seed  randomness.
     * @return the frames, back to back, each preceded by its int length.
     */
    public TickTape quietTicks(final int count, final long seed)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final TickTape tape = new TickTape(count);
        for (int i = 0; i < count; i++)
        {
            final int offset = tape.claim();
            final int length;
            if (random.nextInt(100) < 5)
            {
                final boolean nifty = random.nextBoolean();
                final long spot = nifty ? NIFTY_SPOT : BANKNIFTY_SPOT;
                length = indexTick(tape.buffer(), offset, nifty ? 256_265 : 260_105,
                    spot + Math.round(spot * (random.nextDouble() - 0.5) * 0.004 / 5) * 5);
            }
            else
            {
                final Option option = options.get(random.nextInt(options.size()));
                final long noise = Math.round(option.pricePaise() * (random.nextDouble() - 0.5) * 0.01 / 5) * 5;
                length = derivativeTick(tape.buffer(), offset, option.token(), Math.max(5, option.pricePaise() + noise));
            }
            tape.commit(length);
        }
        return tape;
    }

    /**
     * A tick at a short leg's stop: the engine decides an exit for every strategy short that option.
     *
     * @param to     destination.
     * @param offset where.
     * @param option the option.
     * @return frame length.
     */
    int stopTick(final MutableDirectBuffer to, final int offset, final Option option)
    {
        return derivativeTick(to, offset, option.token(), option.pricePaise() * 2 + 5);
    }

    /** @return the options some strategy is short (each one's stop fires at twice its price). */
    List<Option> shortedOptions()
    {
        final List<Option> shorted = new ArrayList<>();
        final EngineSnapshot snapshot = engine.snapshotNow(driver.nextSequence() - 1);
        final java.util.Set<String> symbols = new java.util.HashSet<>();
        snapshot.baskets().forEach(b -> b.strategies().forEach(s -> s.legs().forEach(l ->
        {
            if (l.netQuantity() < 0)
            {
                symbols.add(l.symbol());
            }
        })));
        for (final Option option : options)
        {
            if (symbols.contains(option.symbol()))
            {
                shorted.add(option);
            }
        }
        return shorted;
    }

    /** @return orders filled while entering. */
    public int ordersFilled()
    {
        return ordersFilled;
    }

    /** @return the engine's time for the next quiet tick. */
    long nowNs()
    {
        return nowNs;
    }

    /** Frames back to back in one buffer, each preceded by its length. */
    public static final class TickTape
    {
        private final ExpandableArrayBuffer buffer;
        private final int[] offsets;
        private final int[] lengths;
        private int count;
        private int position;

        TickTape(final int capacity)
        {
            buffer = new ExpandableArrayBuffer(capacity * 340);
            offsets = new int[capacity];
            lengths = new int[capacity];
        }

        int claim()
        {
            return position;
        }

        void commit(final int length)
        {
            offsets[count] = position;
            lengths[count] = length;
            position += length;
            count++;
        }

        MutableDirectBuffer buffer()
        {
            return buffer;
        }

        public int count()
        {
            return count;
        }

        public int offset(final int i)
        {
            return offsets[i];
        }

        public int length(final int i)
        {
            return lengths[i];
        }

        public DirectBuffer frames()
        {
            return buffer;
        }
    }
}
