package dev.vyuha.feed.bars;

import dev.vyuha.feed.instrument.Instrument;
import dev.vyuha.feed.instrument.InstrumentKind;
import dev.vyuha.feed.instrument.InstrumentUniverse;
import dev.vyuha.feed.source.MarketDataFrames;
import dev.vyuha.feed.source.MarketDataSource;
import dev.vyuha.feed.source.SubscriptionListener;
import dev.vyuha.reference.calendar.IndiaTime;
import dev.vyuha.sbe.DerivativeTickEncoder;
import dev.vyuha.sbe.TickMode;
import org.agrona.MutableDirectBuffer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Replays minute bars as ticks, every series merged in time order. Each bar becomes four ticks at 0, 15, 30 and 45
 * seconds into its minute: the open, then the low and the high (the high first when the bar closed below its open),
 * then the close, so re-aggregating the ticks by minute gives back exactly the bars. Volume is spread over the four
 * ticks (cumulative day volume, last quantity, average price from the ticks' turnover); the day's open, high and low
 * accumulate from the bars; the previous close is the last bar of the instrument's previous day in the data, if any.
 *
 * <p>Indices become FULL {@code IndexTick}s. Options and futures become QUOTE {@code DerivativeTick}s; bars carry
 * no order book, so a one-level book {@code bookTicks} ticks either side of the last price with {@code bookLots} lots
 * is added when {@code bookTicks > 0} (the engine and the paper venue need a top of book), and none otherwise. Open
 * interest is unknown and left null. Every instrument is announced as subscribed at its first tick.
 */
public final class BarReplay implements MarketDataSource
{
    /** Ticks per bar. */
    public static final int TICKS_PER_BAR = 4;
    private static final long TICK_SPACING_NS = 15_000_000_000L;

    private final List<BarSeries> series;
    private final InstrumentUniverse universe;
    private final MarketDataFrames frames = new MarketDataFrames();
    private final long[] eventTimes;
    private final int[] eventSeries;
    private final int[] eventBar;
    private final byte[] eventPhase;
    private final int bookTicks;
    private final int bookLots;

    private final long[] currentDay;
    private final long[] previousClose;
    private final long[] dayOpen;
    private final long[] dayHigh;
    private final long[] dayLow;
    private final long[] dayVolume;
    private final double[] dayTurnover;
    private final boolean[] announced;
    private int cursor;
    private long frameTimeNs;
    private SubscriptionListener listener = SubscriptionListener.NONE;

    /**
     * @param series    the bars, one series per instrument (tokens unique).
     * @param only      replay only this IST date (null: every date in the data); earlier days still give previous
     *                  closes.
     * @param bookTicks half-width of the synthesised one-level book in ticks; 0 for no book.
     * @param bookLots  lots on each side of that book.
     */
    public BarReplay(final List<BarSeries> series, final LocalDate only, final int bookTicks, final int bookLots)
    {
        if (bookTicks < 0 || bookLots < 1)
        {
            throw new IllegalArgumentException("book ticks must be >= 0 and lots >= 1");
        }
        this.series = List.copyOf(series);
        this.bookTicks = bookTicks;
        this.bookLots = bookLots;
        final List<Instrument> instruments = new ArrayList<>();
        final Set<Long> tokens = new HashSet<>();
        for (final BarSeries one : series)
        {
            if (!tokens.add(one.instrument().token()))
            {
                throw new IllegalArgumentException(one.instrument().tradingSymbol() + " appears in two sources (again in "
                    + one.source() + ")");
            }
            instruments.add(one.instrument());
        }
        this.universe = new InstrumentUniverse(instruments);
        final int count = series.size();
        currentDay = new long[count];
        previousClose = new long[count];
        dayOpen = new long[count];
        dayHigh = new long[count];
        dayLow = new long[count];
        dayVolume = new long[count];
        dayTurnover = new double[count];
        announced = new boolean[count];
        Arrays.fill(currentDay, Long.MIN_VALUE);
        Arrays.fill(previousClose, MarketDataFrames.NULL_PRICE);

        int events = 0;
        for (final BarSeries one : series)
        {
            for (final MinuteBar bar : one.bars())
            {
                if (null == only || IndiaTime.date(bar.startNs()).equals(only))
                {
                    events += TICKS_PER_BAR;
                }
            }
        }
        final long[] keys = new long[events];
        final int[] seriesOf = new int[events];
        final int[] barOf = new int[events];
        final byte[] phaseOf = new byte[events];
        int e = 0;
        for (int s = 0; s < count; s++)
        {
            final List<MinuteBar> bars = series.get(s).bars();
            for (int b = 0; b < bars.size(); b++)
            {
                final MinuteBar bar = bars.get(b);
                if (null != only && !IndiaTime.date(bar.startNs()).equals(only))
                {
                    if (IndiaTime.date(bar.startNs()).isBefore(only))
                    {
                        previousClose[s] = bar.close();
                    }
                    continue;
                }
                for (byte phase = 0; phase < TICKS_PER_BAR; phase++)
                {
                    keys[e] = bar.startNs() + phase * TICK_SPACING_NS;
                    seriesOf[e] = s;
                    barOf[e] = b;
                    phaseOf[e] = phase;
                    e++;
                }
            }
        }
        final Integer[] order = new Integer[events];
        for (int i = 0; i < events; i++)
        {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> keys[a] != keys[b] ? Long.compare(keys[a], keys[b]) :
            Integer.compare(seriesOf[a], seriesOf[b]));
        eventTimes = new long[events];
        eventSeries = new int[events];
        eventBar = new int[events];
        eventPhase = new byte[events];
        for (int i = 0; i < events; i++)
        {
            eventTimes[i] = keys[order[i]];
            eventSeries[i] = seriesOf[order[i]];
            eventBar[i] = barOf[order[i]];
            eventPhase[i] = phaseOf[order[i]];
        }
    }

    /** @return the instruments replayed (indices with Kite's tokens, others with generated ones). */
    public InstrumentUniverse universe()
    {
        return universe;
    }

    /** @return the series replayed. */
    public List<BarSeries> series()
    {
        return series;
    }

    /** @return ticks this replay will produce. */
    public int tickCount()
    {
        return eventTimes.length;
    }

    @Override
    public int next(final MutableDirectBuffer buffer, final int offset)
    {
        if (cursor >= eventTimes.length)
        {
            return END_OF_DATA;
        }
        final int e = cursor++;
        final int s = eventSeries[e];
        final long timeNs = eventTimes[e];
        final MinuteBar bar = series.get(s).bars().get(eventBar[e]);
        final Instrument instrument = series.get(s).instrument();
        if (!announced[s])
        {
            announced[s] = true;
            listener.onSubscribed(instrument.token(), timeNs);
        }
        final long day = IndiaTime.epochDay(timeNs);
        if (day != currentDay[s])
        {
            if (currentDay[s] != Long.MIN_VALUE)
            {
                previousClose[s] = lastCloseBefore(s, eventBar[e]);
            }
            currentDay[s] = day;
            dayOpen[s] = bar.open();
            dayHigh[s] = bar.open();
            dayLow[s] = bar.open();
            dayVolume[s] = 0;
            dayTurnover[s] = 0;
        }
        final long price = price(bar, eventPhase[e]);
        dayHigh[s] = Math.max(dayHigh[s], price);
        dayLow[s] = Math.min(dayLow[s], price);
        frameTimeNs = timeNs;
        if (instrument.kind() == InstrumentKind.INDEX)
        {
            return frames.indexTick(buffer, offset, instrument.token(), TickMode.FULL, price, dayOpen[s], dayHigh[s],
                dayLow[s], previousClose[s], previousClose[s] == MarketDataFrames.NULL_PRICE ?
                MarketDataFrames.NULL_PRICE : price - previousClose[s], timeNs);
        }
        final long share = bar.volume() / TICKS_PER_BAR + (eventPhase[e] < bar.volume() % TICKS_PER_BAR ? 1 : 0);
        dayVolume[s] += share;
        dayTurnover[s] += (double)share * price;
        final DerivativeTickEncoder tick = frames.derivativeTick(buffer, offset, instrument.token(), TickMode.QUOTE,
            price);
        tick.volume(dayVolume[s])
            .openPrice(dayOpen[s])
            .highPrice(dayHigh[s])
            .lowPrice(dayLow[s])
            .closePrice(previousClose[s])
            .exchangeTimestampNs(timeNs);
        if (share > 0)
        {
            tick.lastQuantity((int)Math.min(Integer.MAX_VALUE, share)).lastTradeTimeNs(timeNs);
        }
        if (dayVolume[s] > 0)
        {
            tick.averagePrice(Math.round(dayTurnover[s] / dayVolume[s]));
        }
        final long tickSize = instrument.tickSizePaise();
        final int levels = bookTicks > 0 ? 1 : 0;
        final long bid = price - bookTicks * tickSize;
        final int quantity = bookLots * instrument.lotSize();
        if (levels > 0 && bid > 0)
        {
            tick.bidDepth((short)1).bidPrice(0, bid).bidQuantity(0, quantity).bidOrders(0, 1);
        }
        if (levels > 0)
        {
            tick.askDepth((short)1).askPrice(0, price + bookTicks * tickSize).askQuantity(0, quantity).askOrders(0, 1);
        }
        return frames.derivativeTickLength();
    }

    private long lastCloseBefore(final int s, final int barIndex)
    {
        return barIndex > 0 ? series.get(s).bars().get(barIndex - 1).close() : MarketDataFrames.NULL_PRICE;
    }

    /**
     * @param bar   a bar.
     * @param phase 0..3.
     * @return the price of that tick: open, first extreme, second extreme, close.
     */
    static long price(final MinuteBar bar, final int phase)
    {
        final boolean down = bar.close() < bar.open();
        return switch (phase)
        {
            case 0 -> bar.open();
            case 1 -> down ? bar.high() : bar.low();
            case 2 -> down ? bar.low() : bar.high();
            default -> bar.close();
        };
    }

    @Override
    public long frameTimeNs()
    {
        return frameTimeNs;
    }

    @Override
    public boolean isLive()
    {
        return false;
    }

    @Override
    public void subscriptions(final SubscriptionListener listener)
    {
        this.listener = null == listener ? SubscriptionListener.NONE : listener;
    }

    @Override
    public String description()
    {
        return "minute-bar replay of " + series.size() + " instruments, " + eventTimes.length + " ticks";
    }

    @Override
    public void close()
    {
        cursor = eventTimes.length;
    }
}
