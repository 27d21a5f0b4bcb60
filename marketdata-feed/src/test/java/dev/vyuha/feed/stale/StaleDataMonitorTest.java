package dev.vyuha.feed.stale;

import dev.vyuha.feed.instrument.Instrument;
import dev.vyuha.feed.instrument.InstrumentKind;
import dev.vyuha.feed.instrument.InstrumentUniverse;
import dev.vyuha.feed.source.MarketDataFrames;
import dev.vyuha.reference.calendar.IndiaTime;
import dev.vyuha.reference.calendar.TradingCalendar;
import dev.vyuha.sbe.DerivativeTickEncoder;
import dev.vyuha.sbe.FeedScope;
import dev.vyuha.sbe.FeedStatus;
import dev.vyuha.sbe.TickMode;
import dev.vyuha.sbe.Underlying;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stale-data rules, one at a time, on hand-made ticks: silence per instrument and per underlying, frozen options
 * while the index moves, recovery, market hours, subscriptions and the whole feed's state.
 */
class StaleDataMonitorTest
{
    private static final LocalDate DAY = LocalDate.of(2026, 8, 17);
    private static final long SECOND = 1_000_000_000L;
    private static final long INDEX = 256265;
    private static final long CALL = 1_000_002;
    private static final long CHEAP_PUT = 1_000_258;
    private static final long FUTURE = 1_000_514;

    private final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(1024));
    private final MarketDataFrames frames = new MarketDataFrames();
    private final List<FeedStateEvent> events = new ArrayList<>();
    private StaleDataMonitor monitor;

    @BeforeEach
    void setUp()
    {
        final LocalDate expiry = LocalDate.of(2026, 8, 18);
        final InstrumentUniverse universe = new InstrumentUniverse(List.of(
            Instrument.index(INDEX, "NIFTY 50", Underlying.NIFTY, "NSE"),
            new Instrument(CALL, CALL >> 8, "NIFTY2681824600CE", Underlying.NIFTY, InstrumentKind.CALL, expiry,
                24_600_00, 65, 5, "NFO-OPT", "NFO"),
            new Instrument(CHEAP_PUT, CHEAP_PUT >> 8, "NIFTY2681823000PE", Underlying.NIFTY, InstrumentKind.PUT,
                expiry, 23_000_00, 65, 5, "NFO-OPT", "NFO"),
            new Instrument(FUTURE, FUTURE >> 8, "NIFTY26AUGFUT", Underlying.NIFTY, InstrumentKind.FUTURE,
                LocalDate.of(2026, 8, 25), 0, 65, 10, "NFO-FUT", "NFO")));
        monitor = new StaleDataMonitor(universe, TradingCalendar.nse(), StaleDataSettings.DEFAULTS);
        for (final long token : new long[] {INDEX, CALL, CHEAP_PUT, FUTURE})
        {
            monitor.onSubscribed(token, at(9, 0, 0));
        }
    }

    @Test
    void shouldCallAnInstrumentStaleAfterThirtySilentSecondsAndRecoverOnItsNextTick()
    {
        final long start = at(10, 0, 0);
        for (long t = start; t <= start + 60 * SECOND; t += SECOND)
        {
            index(t, 24_600_00);
            if (t <= start + 5 * SECOND)
            {
                option(CALL, t, 150_00, 150_10);
            }
            option(CHEAP_PUT, t, 2_00, 2_05);
            option(FUTURE, t, 24_650_00, 24_650_10);
            scan(t);
        }
        assertEquals(1, events.size(), events::toString);
        final FeedStateEvent stale = events.get(0);
        assertEquals(FeedScope.INSTRUMENT, stale.scope());
        assertEquals(FeedStatus.STALE, stale.status());
        assertEquals(CALL, stale.token());
        assertEquals(start + 35 * SECOND, stale.timeNs());
        assertEquals(start + 5 * SECOND, stale.lastTickTimeNs());
        assertTrue(stale.reason().contains("no tick for 30 s"), stale.reason());
        assertTrue(monitor.isStale(CALL));

        option(CALL, start + 61 * SECOND, 151_00, 151_10);

        assertEquals(2, events.size());
        assertEquals(FeedStatus.RECOVERED, events.get(1).status());
        assertEquals(CALL, events.get(1).token());
        assertFalse(monitor.isStale(CALL));
    }

    @Test
    void shouldCallAFrozenOptionStaleWhileTheIndexMovesButNotACheapOneOrOneWhileTheIndexIsStill()
    {
        final long start = at(11, 0, 0);
        for (int s = 0; s <= 90; s++)
        {
            final long t = start + s * SECOND;
            index(t, 24_600_00 + s * 1_00);
            option(CALL, t, 150_00, 150_10);
            option(CHEAP_PUT, t, 0, 5);
            option(FUTURE, t, 24_650_00 + s * 100, 24_650_10 + s * 100);
            scan(t);
        }
        assertEquals(1, events.size(), events::toString);
        assertEquals(CALL, events.get(0).token());
        assertTrue(events.get(0).reason().equals("frozen at 150.05 for 62 s while NIFTY moved 0.25 %"),
            events.get(0).reason());

        option(CALL, start + 91 * SECOND, 150_00, 150_10);
        assertEquals(1, events.size(), "an unchanged price does not recover a frozen option");
        option(CALL, start + 92 * SECOND, 150_00, 150_20);
        assertEquals(FeedStatus.RECOVERED, events.get(1).status(), "a new offer moves the mid: the book is alive");

        events.clear();
        final long later = at(12, 0, 0);
        for (int s = 0; s <= 120; s++)
        {
            final long t = later + s * SECOND;
            index(t, 24_700_00 + (s % 2) * 5);
            option(CALL, t, 150_00, 150_10);
            option(CHEAP_PUT, t, 0, 5);
            option(FUTURE, t, 24_750_00, 24_750_10);
            scan(t);
        }
        assertEquals(List.of(), events, "a still option on a still index is not frozen");
    }

    @Test
    void shouldCallTheUnderlyingStaleWhenItsIndexFallsSilentAndRecoverWhenItTicks()
    {
        final long start = at(13, 0, 0);
        for (int s = 0; s <= 30; s++)
        {
            final long t = start + s * SECOND;
            if (s < 5)
            {
                index(t, 24_600_00);
            }
            option(CALL, t, 150_00 + s * 5, 150_10 + s * 5);
            option(CHEAP_PUT, t, 2_00, 2_05);
            option(FUTURE, t, 24_650_00, 24_650_10);
            scan(t);
        }
        assertEquals(1, events.size(), events::toString);
        assertEquals(FeedScope.UNDERLYING, events.get(0).scope());
        assertEquals(Underlying.NIFTY, events.get(0).underlying());
        assertEquals(start + 24 * SECOND, events.get(0).timeNs());
        assertTrue(monitor.isStale(Underlying.NIFTY));

        index(start + 31 * SECOND, 24_610_00);

        assertEquals(FeedScope.UNDERLYING, events.get(1).scope());
        assertEquals(FeedStatus.RECOVERED, events.get(1).status());
        assertFalse(monitor.isStale(Underlying.NIFTY));
    }

    @Test
    void shouldSayNothingOutsideMarketHoursAndCountSilenceFromTheOpen()
    {
        scan(at(8, 0, 0));
        scan(at(9, 15, 0) - SECOND);
        scan(at(9, 15, 19));
        assertEquals(List.of(), events, "no tick before the open is not staleness");

        scan(at(9, 15, 20));
        assertEquals(1, events.size(), "the index is due 20 s after the open");
        scan(at(9, 15, 30));
        assertEquals(4, events.size(), events::toString);

        events.clear();
        scan(at(15, 31, 0));
        scan(at(18, 0, 0));
        scan(at(9, 0, 0) + 86_400 * SECOND);
        assertEquals(List.of(), events);
    }

    @Test
    void shouldIgnoreUnsubscribedInstrumentsButRecoverThemWhenTheyTickAgain()
    {
        final long start = at(10, 0, 0);
        monitor.onUnsubscribed(CHEAP_PUT, start);
        for (int s = 0; s <= 40; s++)
        {
            final long t = start + s * SECOND;
            index(t, 24_600_00 + s);
            option(CALL, t, 150_00 + s * 5, 150_10 + s * 5);
            option(FUTURE, t, 24_650_00, 24_650_10);
            scan(t);
        }
        assertEquals(List.of(), events);

        monitor.onSubscribed(CHEAP_PUT, start + 41 * SECOND);
        for (int s = 41; s <= 80; s++)
        {
            final long t = start + s * SECOND;
            index(t, 24_600_00 + s);
            option(CALL, t, 150_00 + s * 5, 150_10 + s * 5);
            option(FUTURE, t, 24_650_00, 24_650_10);
            scan(t);
        }
        assertEquals(1, events.size());
        assertEquals(start + 71 * SECOND, events.get(0).timeNs(), "silence counts from the subscription");
        monitor.onUnsubscribed(CHEAP_PUT, start + 81 * SECOND);
        option(CHEAP_PUT, start + 82 * SECOND, 2_00, 2_05);
        assertEquals(FeedStatus.RECOVERED, events.get(1).status());
    }

    @Test
    void shouldStaySilentWhileTheWholeFeedIsStaleAndRestartTheClocksWhenItRecovers()
    {
        final long start = at(10, 0, 0);
        feed(FeedStatus.STALE, start);
        for (int s = 0; s <= 120; s++)
        {
            scan(start + s * SECOND);
        }
        assertEquals(List.of(), events);

        feed(FeedStatus.RECOVERED, start + 121 * SECOND);
        scan(start + 140 * SECOND);
        assertEquals(List.of(), events, "20 s after the recovery nothing is overdue yet");
        scan(start + 141 * SECOND);
        assertEquals(1, events.size());
        assertEquals(FeedScope.UNDERLYING, events.get(0).scope());
    }

    private void scan(final long timeNs)
    {
        monitor.scanUntil(timeNs);
        drain();
    }

    private void drain()
    {
        FeedStateEvent event;
        while (null != (event = monitor.pollEvent()))
        {
            events.add(event);
        }
    }

    private void index(final long timeNs, final long price)
    {
        frames.indexTick(buffer, 0, INDEX, TickMode.FULL, price, price, price, price, price, 0, timeNs);
        monitor.onFrame(buffer, 0, timeNs);
        drain();
    }

    private void option(final long token, final long timeNs, final long bid, final long ask)
    {
        final DerivativeTickEncoder tick = frames.derivativeTick(buffer, 0, token, TickMode.FULL, ask);
        tick.exchangeTimestampNs(timeNs);
        tick.bidDepth((short)(bid > 0 ? 5 : 0)).askDepth((short)5);
        for (int level = 0; level < 5; level++)
        {
            final long price = bid > 0 ? bid - level * 5 : 0;
            tick.bidPrice(level, price).bidQuantity(level, price > 0 ? 65 : 0).bidOrders(level, price > 0 ? 1 : 0)
                .askPrice(level, ask + level * 5).askQuantity(level, 65).askOrders(level, 1);
        }
        monitor.onFrame(buffer, 0, timeNs);
        drain();
    }

    private void feed(final FeedStatus status, final long timeNs)
    {
        frames.feedState(buffer, 0, FeedScope.FEED, status, 0, Underlying.NULL_VAL, MarketDataFrames.NULL_TIME,
            "ticker " + status);
        monitor.onFrame(buffer, 0, timeNs);
        drain();
    }

    private static long at(final int hour, final int minute, final int second)
    {
        return IndiaTime.epochNanos(DAY, LocalTime.of(hour, minute, second));
    }
}
