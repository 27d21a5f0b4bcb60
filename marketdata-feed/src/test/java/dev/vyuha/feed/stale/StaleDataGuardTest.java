package dev.vyuha.feed.stale;

import dev.vyuha.feed.instrument.OptionChain;
import dev.vyuha.feed.source.MarketDataSource;
import dev.vyuha.feed.source.SubscriptionListener;
import dev.vyuha.feed.synthetic.SyntheticMarket;
import dev.vyuha.feed.synthetic.SyntheticSettings;
import dev.vyuha.reference.calendar.IndiaTime;
import dev.vyuha.sbe.DerivativeTickDecoder;
import dev.vyuha.sbe.FeedScope;
import dev.vyuha.sbe.FeedStateDecoder;
import dev.vyuha.sbe.FeedStatus;
import dev.vyuha.sbe.IndexTickDecoder;
import dev.vyuha.sbe.MessageHeaderDecoder;
import dev.vyuha.sbe.Underlying;
import dev.vyuha.wire.FrameReader;
import dev.vyuha.wire.FrameVerdict;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stale-data detection in the stream: a synthetic hour raises nothing; ticks withheld from one option and from the
 * index raise STALE at the right data time, in order among the ticks, and RECOVERED when they come back.
 */
class StaleDataGuardTest
{
    private static final LocalDate DAY = LocalDate.of(2026, 8, 17);

    private final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(2048));
    private final FrameReader reader = new FrameReader();

    /** A decoded FeedState with the time it came out. */
    private record State(long timeNs, FeedScope scope, FeedStatus status, long token, Underlying underlying,
        String reason)
    {
    }

    @Test
    void shouldRaiseNothingOnAnHourOfHealthySyntheticData()
    {
        final SyntheticMarket market = new SyntheticMarket(new SyntheticSettings().tradingDate(DAY));
        final StaleDataGuard guard = guard(market, market);

        final List<State> states = run(guard, at(10, 15, 0));

        assertEquals(List.of(), states);
        assertTrue(market.frameCount() > 500_000);
    }

    @Test
    void shouldReportWithheldTicksAtTheirDataTimeAndTheirRecovery()
    {
        final SyntheticMarket market = new SyntheticMarket(new SyntheticSettings().tradingDate(DAY).seed(5)
            .ticking(1, 4, 4));
        final OptionChain weekly = market.universe().chains(Underlying.NIFTY).get(0);
        final long option = market.universe().instrument(weekly.callId(weekly.atmIndex(
            Math.round(market.indexLevel(Underlying.NIFTY) * 100)))).token();
        final Withholding withholding = new Withholding(market, option, at(10, 0, 0), at(10, 2, 0), 256265L,
            at(10, 30, 0), at(10, 30, 40));
        final StaleDataGuard guard = guard(withholding, market);

        final List<State> states = run(guard, at(10, 35, 0));

        assertEquals(4, states.size(), states::toString);
        final State optionStale = states.get(0);
        assertEquals(FeedScope.INSTRUMENT, optionStale.scope());
        assertEquals(FeedStatus.STALE, optionStale.status());
        assertEquals(option, optionStale.token());
        assertTrue(optionStale.timeNs() >= at(10, 0, 25) && optionStale.timeNs() <= at(10, 0, 31),
            optionStale::toString);
        assertTrue(optionStale.reason().startsWith("no tick for 3"), optionStale::toString);
        final State optionBack = states.get(1);
        assertEquals(FeedStatus.RECOVERED, optionBack.status());
        assertEquals(option, optionBack.token());
        assertTrue(optionBack.timeNs() >= at(10, 2, 0) && optionBack.timeNs() < at(10, 2, 16), optionBack::toString);
        final State indexStale = states.get(2);
        assertEquals(FeedScope.UNDERLYING, indexStale.scope());
        assertEquals(Underlying.NIFTY, indexStale.underlying());
        assertEquals(FeedStatus.STALE, indexStale.status());
        assertEquals(at(10, 30, 19), indexStale.timeNs(), "20 s after the last index tick, at 10:29:59");
        final State indexBack = states.get(3);
        assertEquals(FeedStatus.RECOVERED, indexBack.status());
        assertEquals(at(10, 30, 40), indexBack.timeNs());
    }

    private StaleDataGuard guard(final MarketDataSource source, final SyntheticMarket market)
    {
        return new StaleDataGuard(source, new StaleDataMonitor(market.universe(), market.settings().calendar(),
            StaleDataSettings.DEFAULTS), new SystemEpochNanoClock());
    }

    private List<State> run(final StaleDataGuard guard, final long untilNs)
    {
        final List<State> states = new ArrayList<>();
        long previous = Long.MIN_VALUE;
        int length;
        while ((length = guard.next(buffer, 0)) != MarketDataSource.END_OF_DATA && guard.frameTimeNs() < untilNs)
        {
            assertTrue(guard.frameTimeNs() >= previous, "out of order");
            previous = guard.frameTimeNs();
            if (buffer.getShort(2) == FeedStateDecoder.TEMPLATE_ID)
            {
                assertEquals(FrameVerdict.VALID, reader.read(buffer, 0, length), reader::rejectionReason);
                final FeedStateDecoder state = reader.feedState();
                states.add(new State(guard.frameTimeNs(), state.scope(), state.status(), state.instrumentToken(),
                    state.underlying(), state.reason()));
            }
        }
        return states;
    }

    private static long at(final int hour, final int minute, final int second)
    {
        return IndiaTime.epochNanos(DAY, LocalTime.of(hour, minute, second));
    }

    /** Drops the ticks of one option and of one index during a window each. */
    private static final class Withholding implements MarketDataSource
    {
        private final MarketDataSource source;
        private final long option;
        private final long optionFrom;
        private final long optionTo;
        private final long index;
        private final long indexFrom;
        private final long indexTo;
        private final MessageHeaderDecoder header = new MessageHeaderDecoder();
        private final DerivativeTickDecoder derivative = new DerivativeTickDecoder();
        private final IndexTickDecoder indexTick = new IndexTickDecoder();

        Withholding(final MarketDataSource source, final long option, final long optionFrom, final long optionTo,
            final long index, final long indexFrom, final long indexTo)
        {
            this.source = source;
            this.option = option;
            this.optionFrom = optionFrom;
            this.optionTo = optionTo;
            this.index = index;
            this.indexFrom = indexFrom;
            this.indexTo = indexTo;
        }

        @Override
        public int next(final MutableDirectBuffer buffer, final int offset)
        {
            while (true)
            {
                final int length = source.next(buffer, offset);
                if (length <= 0)
                {
                    return length;
                }
                final long time = source.frameTimeNs();
                header.wrap(buffer, offset);
                final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
                if (header.templateId() == DerivativeTickDecoder.TEMPLATE_ID)
                {
                    derivative.wrap(buffer, body, header.blockLength(), header.version());
                    if (derivative.instrumentToken() == option && time >= optionFrom && time < optionTo)
                    {
                        continue;
                    }
                }
                else if (header.templateId() == IndexTickDecoder.TEMPLATE_ID)
                {
                    indexTick.wrap(buffer, body, header.blockLength(), header.version());
                    if (indexTick.instrumentToken() == index && time >= indexFrom && time < indexTo)
                    {
                        continue;
                    }
                }
                return length;
            }
        }

        @Override
        public long frameTimeNs()
        {
            return source.frameTimeNs();
        }

        @Override
        public boolean isLive()
        {
            return false;
        }

        @Override
        public void subscriptions(final SubscriptionListener listener)
        {
            source.subscriptions(listener);
        }

        @Override
        public String description()
        {
            return "withholding " + source.description();
        }

        @Override
        public void close()
        {
            source.close();
        }
    }
}
