package dev.vyuha.feed.synthetic;

import dev.vyuha.feed.instrument.Instrument;
import dev.vyuha.feed.instrument.InstrumentKind;
import dev.vyuha.feed.instrument.InstrumentUniverse;
import dev.vyuha.feed.instrument.OptionChain;
import dev.vyuha.feed.source.MarketDataSource;
import dev.vyuha.feed.source.SubscriptionListener;
import dev.vyuha.reference.calendar.IndiaTime;
import dev.vyuha.sbe.DerivativeTickDecoder;
import dev.vyuha.sbe.IndexTickDecoder;
import dev.vyuha.sbe.TickMode;
import dev.vyuha.sbe.Underlying;
import dev.vyuha.wire.FrameReader;
import dev.vyuha.wire.FrameVerdict;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32C;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The synthetic day as a stream: reproducible, valid frames in time order, quotes around the fair value, realistic
 * per-instrument tick rates, subscriptions announced and re-centred, and an open-interest profile.
 */
class SyntheticMarketTest
{
    private static final LocalDate MONDAY = LocalDate.of(2026, 8, 17);

    private final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(2048));
    private final FrameReader reader = new FrameReader();

    @Test
    void shouldGiveTheSameFramesForTheSameSeedAndDateAndOthersForAnotherSeed()
    {
        final long first = digest(new SyntheticMarket(new SyntheticSettings().tradingDate(MONDAY).seed(42)), 200_000);
        final long again = digest(new SyntheticMarket(new SyntheticSettings().tradingDate(MONDAY).seed(42)), 200_000);
        final long otherSeed = digest(new SyntheticMarket(new SyntheticSettings().tradingDate(MONDAY).seed(43)),
            200_000);
        final long otherDay = digest(new SyntheticMarket(new SyntheticSettings().tradingDate(MONDAY.plusDays(1))
            .seed(42)), 200_000);

        assertEquals(first, again);
        assertNotEquals(first, otherSeed);
        assertNotEquals(first, otherDay);
    }

    @Test
    void shouldPublishValidFullFramesInTimeOrderWithUnstampedHeadersAndQuotesAroundTheFairValue()
    {
        final SyntheticMarket market = new SyntheticMarket(new SyntheticSettings().tradingDate(MONDAY));
        long previous = market.openNs();
        int options = 0;
        for (int n = 0; n < 150_000; n++)
        {
            final int length = market.next(buffer, 0);
            assertTrue(length > 0);
            assertEquals(FrameVerdict.VALID, reader.read(buffer, 0, length), reader::rejectionReason);
            final long time = market.frameTimeNs();
            assertTrue(time >= previous && time <= market.closeNs());
            previous = time;
            if (reader.templateId() == IndexTickDecoder.TEMPLATE_ID)
            {
                final IndexTickDecoder tick = reader.indexTick();
                assertEquals(0, tick.commandHeader().sequence());
                assertEquals(0, tick.commandHeader().timestampNs());
                assertEquals(TickMode.FULL, tick.mode());
                assertEquals(time, tick.exchangeTimestampNs());
                assertEquals(tick.lastPrice() - tick.closePrice(), tick.change());
                assertTrue(tick.lowPrice() <= tick.lastPrice() && tick.lastPrice() <= tick.highPrice());
                continue;
            }
            final DerivativeTickDecoder tick = reader.derivativeTick();
            assertEquals(0, tick.commandHeader().timestampNs());
            assertEquals(TickMode.FULL, tick.mode());
            assertEquals(time, tick.exchangeTimestampNs());
            final int id = market.universe().idOf(tick.instrumentToken());
            final long[] bids = new long[5];
            final long[] asks = new long[5];
            assertEquals(5, tick.bidDepth());
            assertEquals(5, tick.askDepth());
            for (int level = 0; level < 5; level++)
            {
                bids[level] = tick.bidPrice(level);
                asks[level] = tick.askPrice(level);
            }
            for (int i = 1; i < 5; i++)
            {
                assertTrue(asks[i] > asks[i - 1] && (bids[i] < bids[i - 1] || bids[i] == 0));
            }
            assertTrue(tick.volume() >= 0 && tick.openInterest() >= 0);
            if (market.universe().instrument(id).isOption())
            {
                options++;
                final double fair = market.fairValue(id)[0] * 100;
                assertTrue(bids[0] <= fair + 1e-6 && fair <= asks[0] + 1e-6, () -> "quote " + bids[0] + "/" + asks[0]
                    + " around " + fair);
            }
        }
        assertTrue(options > 100_000);
    }

    @Test
    void shouldTickIndicesEverySecondTheFutureOftenAndOptionsFasterNearTheMoneyWithBoundedGaps()
    {
        final SyntheticMarket market = new SyntheticMarket(new SyntheticSettings().tradingDate(MONDAY));
        final InstrumentUniverse universe = market.universe();
        final long[] lastTick = new long[universe.size()];
        final long[] maxGap = new long[universe.size()];
        final long end = IndiaTime.epochNanos(MONDAY, LocalTime.of(10, 15));
        int length;
        while ((length = market.next(buffer, 0)) > 0 && market.frameTimeNs() <= end)
        {
            reader.read(buffer, 0, length);
            final long token = reader.templateId() == IndexTickDecoder.TEMPLATE_ID ? reader.indexTick().instrumentToken() :
                reader.derivativeTick().instrumentToken();
            final int id = universe.idOf(token);
            if (lastTick[id] != 0)
            {
                maxGap[id] = Math.max(maxGap[id], market.frameTimeNs() - lastTick[id]);
            }
            lastTick[id] = market.frameTimeNs();
        }
        final int nifty = universe.indexId(Underlying.NIFTY);
        assertEquals(3_600, market.tickCount(nifty), 1.0, "one NIFTY tick a second for an hour");
        assertEquals(1_000_000_000L, maxGap[nifty]);
        assertTrue(market.tickCount(universe.futureIds(Underlying.NIFTY).get(0)) > 5_000);
        final OptionChain weekly = universe.chains(Underlying.NIFTY).get(0);
        final int atm = weekly.atmIndex(Math.round(market.indexLevel(Underlying.NIFTY) * 100));
        final long nearTicks = market.tickCount(weekly.callId(atm));
        final long farTicks = market.tickCount(weekly.callId(atm + 14));
        assertTrue(nearTicks > 3 * farTicks && farTicks > 200, () -> "ATM " + nearTicks + ", far " + farTicks);
        for (int id = 0; id < universe.size(); id++)
        {
            if (universe.instrument(id).isOption() && market.isTicking(id) && market.tickCount(id) > 10)
            {
                assertTrue(maxGap[id] <= 15_000_000_000L, universe.instrument(id).tradingSymbol());
            }
        }
    }

    @Test
    void shouldAnnounceTheInstrumentsThatTickAndReCentreThemAsTheSpotMoves()
    {
        final SyntheticSettings settings = new SyntheticSettings().tradingDate(MONDAY).seed(3)
            .model(UnderlyingModel.nifty().withPath(0, 0.45, 2, 0.01))
            .underlyings(java.util.List.of(Underlying.NIFTY)).ticking(2, 5, 2);
        final SyntheticMarket market = new SyntheticMarket(settings);
        final Set<Long> subscribed = new HashSet<>();
        final Map<Long, Integer> unsubscriptions = new HashMap<>();
        market.subscriptions(new SubscriptionListener()
        {
            @Override
            public void onSubscribed(final long token, final long timeNs)
            {
                assertTrue(subscribed.add(token), "subscribed twice: " + token);
            }

            @Override
            public void onUnsubscribed(final long token, final long timeNs)
            {
                assertTrue(subscribed.remove(token), "unsubscribed without a subscription: " + token);
                unsubscriptions.merge(token, 1, Integer::sum);
            }
        });
        int length;
        int frames = 0;
        while ((length = market.next(buffer, 0)) != MarketDataSource.END_OF_DATA)
        {
            frames++;
            reader.read(buffer, 0, length);
            final long token = reader.templateId() == IndexTickDecoder.TEMPLATE_ID ? reader.indexTick().instrumentToken() :
                reader.derivativeTick().instrumentToken();
            assertTrue(subscribed.contains(token), "tick of an unsubscribed instrument " + token);
            assertTrue(subscribed.size() <= 2 + 2 * 2 * 11, "window grew: " + subscribed.size());
        }
        assertFalse(unsubscriptions.isEmpty(), "a 45 % volatility day never re-centred");
        assertTrue(frames > 10_000);
        final double[] range = market.indexRange(Underlying.NIFTY);
        assertTrue((range[1] - range[2]) / range[0] > 0.01, "range " + (range[1] - range[2]));
    }

    @Test
    void shouldOpenWithOpenInterestPeakingOutOfTheMoneyCallsAboveAndPutsBelow()
    {
        final SyntheticMarket market = new SyntheticMarket(new SyntheticSettings().tradingDate(MONDAY)
            .ticking(1, 40, 40));
        final InstrumentUniverse universe = market.universe();
        final Map<Integer, Long> firstOpenInterest = new HashMap<>();
        final long until = IndiaTime.epochNanos(MONDAY, LocalTime.of(9, 16));
        int length;
        while ((length = market.next(buffer, 0)) > 0 && market.frameTimeNs() < until)
        {
            reader.read(buffer, 0, length);
            if (reader.templateId() == DerivativeTickDecoder.TEMPLATE_ID)
            {
                final DerivativeTickDecoder tick = reader.derivativeTick();
                firstOpenInterest.putIfAbsent(universe.idOf(tick.instrumentToken()), tick.openInterestDayHigh());
            }
        }
        final OptionChain weekly = universe.chains(Underlying.NIFTY).get(0);
        long bestCall = 0;
        long bestPut = 0;
        long callStrike = 0;
        long putStrike = 0;
        long itmCalls = 0;
        long otmCalls = 0;
        final long previousClose = Math.round(UnderlyingModel.nifty().previousClose() * 100);
        for (int i = 0; i < weekly.size(); i++)
        {
            final Long call = firstOpenInterest.get(weekly.callId(i));
            final Long put = firstOpenInterest.get(weekly.putId(i));
            if (null == call || null == put)
            {
                continue;
            }
            assertEquals(0, call % 65);
            if (call > bestCall)
            {
                bestCall = call;
                callStrike = weekly.strike(i);
            }
            if (put > bestPut)
            {
                bestPut = put;
                putStrike = weekly.strike(i);
            }
            if (weekly.strike(i) < previousClose - 500_00)
            {
                itmCalls += call;
            }
            if (weekly.strike(i) > previousClose + 500_00)
            {
                otmCalls += call;
            }
        }
        assertTrue(callStrike >= previousClose, "call OI peaks at " + callStrike);
        assertTrue(putStrike <= previousClose, "put OI peaks at " + putStrike);
        assertTrue(otmCalls > 20 * itmCalls, "OTM calls " + otmCalls + ", ITM calls " + itmCalls);
        assertTrue(bestCall > 50_000L * 65, "peak call OI " + bestCall);
    }

    @Test
    void shouldKeepTheIndexPathWhateverTicksAroundIt()
    {
        final List<Long> wide = indexPrices(new SyntheticSettings().tradingDate(MONDAY).seed(9));
        final List<Long> narrow = indexPrices(new SyntheticSettings().tradingDate(MONDAY).seed(9).ticking(1, 2, 1)
            .tickRates(1_000, 0.5, 0.5, 0.1, 15_000));

        assertEquals(wide, narrow);
        assertEquals(2 * 1_801, wide.size());
    }

    @Test
    void shouldDescribeTheDay()
    {
        final String summary = SyntheticDaySummary.describe(new SyntheticSettings().tradingDate(MONDAY)
            .ticking(1, 1, 1).tickRates(5_000, 0.2, 0.2, 0.1, 15_000));

        assertTrue(summary.contains("NIFTY: previous close 24600.00, open "), summary);
        assertTrue(summary.contains("BANKNIFTY: previous close 56000.00"), summary);
        assertTrue(summary.contains("2026-08-18 (1.26 days): ATM "), summary);
        assertTrue(summary.contains("indices: 9,002 (one every 5000 ms each"), summary);
        assertTrue(summary.contains("Content digest"), summary);
    }

    private List<Long> indexPrices(final SyntheticSettings settings)
    {
        final SyntheticMarket market = new SyntheticMarket(settings);
        final long until = IndiaTime.epochNanos(MONDAY, LocalTime.of(9, 45));
        final List<Long> prices = new java.util.ArrayList<>();
        int length;
        while ((length = market.next(buffer, 0)) > 0 && market.frameTimeNs() <= until)
        {
            reader.read(buffer, 0, length);
            if (reader.templateId() == IndexTickDecoder.TEMPLATE_ID)
            {
                prices.add(reader.indexTick().lastPrice());
            }
        }
        return prices;
    }

    @Test
    void shouldRefuseADayWithoutASession()
    {
        final IllegalArgumentException sunday = assertThrows(IllegalArgumentException.class,
            () -> new SyntheticMarket(new SyntheticSettings().tradingDate(LocalDate.of(2026, 8, 16))));
        assertTrue(sunday.getMessage().contains("the next one is 2026-08-17"), sunday.getMessage());
        final IllegalArgumentException holiday = assertThrows(IllegalArgumentException.class,
            () -> new SyntheticMarket(new SyntheticSettings().tradingDate(LocalDate.of(2026, 3, 3))));
        assertTrue(holiday.getMessage().contains("Holi"), holiday.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SyntheticMarket(new SyntheticSettings()
            .tradingDate(MONDAY).underlyings(java.util.List.of(Underlying.SENSEX))));
    }

    @Test
    void shouldListEveryTickingInstrumentInItsMaster()
    {
        final SyntheticMarket market = new SyntheticMarket(new SyntheticSettings().tradingDate(MONDAY));
        final Set<Long> listed = new HashSet<>();
        for (final Instrument instrument : market.instrumentMaster().instruments())
        {
            listed.add(instrument.token());
        }
        for (int n = 0; n < 20_000; n++)
        {
            final int length = market.next(buffer, 0);
            reader.read(buffer, 0, length);
            final long token = reader.templateId() == IndexTickDecoder.TEMPLATE_ID ? reader.indexTick().instrumentToken() :
                reader.derivativeTick().instrumentToken();
            assertTrue(listed.contains(token));
            final Instrument instrument = market.universe().instrument(market.universe().idOf(token));
            assertTrue(instrument.kind() == InstrumentKind.INDEX || !instrument.expiry().isBefore(MONDAY));
        }
    }

    private long digest(final SyntheticMarket market, final int frames)
    {
        final CRC32C crc = new CRC32C();
        final byte[] bytes = new byte[2048];
        for (int n = 0; n < frames; n++)
        {
            final int length = market.next(buffer, 0);
            buffer.getBytes(0, bytes, 0, length);
            crc.update(bytes, 0, length);
            crc.update((int)market.frameTimeNs());
        }
        return crc.getValue();
    }
}
