package dev.vyuha.feed;

import dev.vyuha.feed.instrument.KiteInstrumentsCsv;
import dev.vyuha.feed.source.MarketDataFrames;
import dev.vyuha.feed.source.MarketDataSource;
import dev.vyuha.feed.source.SubscriptionListener;
import dev.vyuha.feed.synthetic.SyntheticMarket;
import dev.vyuha.feed.synthetic.SyntheticSettings;
import dev.vyuha.kitesim.InstrumentsCsv;
import dev.vyuha.kitesim.KiteSimulator;
import dev.vyuha.kitesim.KiteSimulatorConfig;
import dev.vyuha.kitesim.SimQuote;
import dev.vyuha.reference.calendar.IndiaTime;
import dev.vyuha.sbe.MessageHeaderDecoder;
import dev.vyuha.sbe.TickMode;
import dev.vyuha.sbe.Underlying;
import io.aeron.Publication;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The feed end to end over {@code aeron:ipc}: a synthetic day as fast as possible, paced replay, waiting for a
 * subscriber, the instrument master written, recording and replaying what was published, in-process use with the
 * caller's Aeron client and runner, and the live Kite source through the real SDK and the simulator.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FeedTest
{
    private static final LocalDate DAY = LocalDate.of(2026, 8, 17);

    @Test
    void shouldPublishASyntheticDayOverIpcAndWriteItsInstrumentMaster(@TempDir final Path directory)
        throws IOException
    {
        final Path master = directory.resolve("instruments.csv");
        try (MarketDataSubscriber engine = new MarketDataSubscriber(true);
            Feed feed = Feed.launch(engine.context().source(quietDay()).speed("max")
                .masterFile(master.toString())))
        {
            engine.await(feed::isFinished, "the end of the day");
            engine.await(() -> engine.frames.size() == feed.framesPublished(), "every frame");

            assertTrue(engine.frames.size() > 20_000, "frames " + engine.frames.size());
            assertEquals(22_501, engine.indexTicks, "one NIFTY tick a second, 09:15:00 to 15:30:00");
            assertEquals(List.of(), engine.feedStates, "a healthy day is never stale");
            final List<String> lines = Files.readAllLines(master);
            assertEquals(KiteInstrumentsCsv.HEADER, lines.get(0));
            assertEquals(feed.source().master().size() + 1, lines.size());
            assertTrue(lines.stream().anyMatch(l -> l.contains(",NIFTY2681824600CE,NIFTY,0.0,2026-08-18,24600.0,0.05,65,"
                + "CE,NFO-OPT,NFO")));
        }
    }

    @Test
    void shouldPaceAReplayAtTheConfiguredSpeed()
    {
        try (MarketDataSubscriber engine = new MarketDataSubscriber(true);
            Feed feed = Feed.launch(engine.context().source(new Seconds(41)).speed("20").staleEnabled(false)))
        {
            final long start = System.nanoTime();
            engine.await(() -> engine.frames.size() == 41, "41 frames");
            final double seconds = (System.nanoTime() - start) / 1e9;

            assertTrue(seconds >= 1.9, "40 s of data at 20x took only " + seconds + " s");
            assertTrue(feed.isFinished());
        }
    }

    @Test
    void shouldHoldAReplayUntilSomeoneSubscribes()
    {
        try (MarketDataSubscriber engine = new MarketDataSubscriber(false);
            Feed feed = Feed.launch(engine.context().source(new Seconds(5)).speed("max").staleEnabled(false)))
        {
            sleep(300);
            assertEquals(0, feed.framesPublished());

            engine.subscribe();

            engine.await(() -> engine.frames.size() == 5, "the replay after the subscription");
            assertEquals(5, feed.framesPublished());
        }
    }

    @Test
    void shouldRecordWhatItPublishesAndReplayTheRecordingFrameForFrame(@TempDir final Path directory)
    {
        final Path recording = directory.resolve("feed.vyfr");
        final List<byte[]> original;
        try (MarketDataSubscriber engine = new MarketDataSubscriber(true);
            Feed feed = Feed.launch(engine.context().source(quietDay()).speed("max")
                .recordFile(recording.toString())))
        {
            engine.await(() -> feed.isFinished() && engine.frames.size() == feed.framesPublished(), "the day");
            original = List.copyOf(engine.frames);
        }

        try (MarketDataSubscriber engine = new MarketDataSubscriber(true);
            Feed feed = Feed.launch(engine.context().sourceKind(FeedSourceKind.RECORDING)
                .recordingFile(recording.toString()).speed("max")))
        {
            engine.await(() -> feed.isFinished() && engine.frames.size() == original.size(), "the replay");
            for (int i = 0; i < original.size(); i++)
            {
                assertArrayEquals(original.get(i), engine.frames.get(i), "frame " + i);
            }
        }
    }

    @Test
    void shouldRunInProcessOnTheCallersAeronAndRunnerAndLeaveTheClientOpen()
    {
        try (MarketDataSubscriber engine = new MarketDataSubscriber(true))
        {
            final Feed feed = Feed.create(engine.context().aeron(engine.aeron()).source(new Seconds(10)).speed("max")
                .staleEnabled(false));
            final AgentRunner runner = new AgentRunner(new SleepingMillisIdleStrategy(1), Throwable::printStackTrace,
                null, feed.agent());
            AgentRunner.startOnThread(runner);
            engine.await(() -> engine.frames.size() == 10, "ten frames");
            runner.close();
            feed.close();

            assertTrue(!engine.aeron().isClosed());
            final Publication other = engine.aeron().addPublication(MarketDataSubscriber.CHANNEL, 9999);
            other.close();
        }
    }

    @Test
    void shouldPublishTheLiveKiteTickerAndItsDisconnectionsOverIpc()
    {
        try (KiteSimulator kite = KiteSimulator.start(new KiteSimulatorConfig().heartbeatInterval(
            Duration.ofMillis(200))); MarketDataSubscriber engine = new MarketDataSubscriber(true))
        {
            kite.exchange().addInstruments(InstrumentsCsv.parse(dev.vyuha.feed.synthetic.SyntheticInstrumentMaster
                .build(new SyntheticSettings().tradingDate(DAY)).toCsv(), i -> 1_800));
            final String token = kite.config().accessToken();
            try (Feed feed = Feed.launch(engine.context().sourceKind(FeedSourceKind.KITE).date(DAY)
                .underlyings("NIFTY").window(1, 2, 2).kiteApiKey(kite.config().apiKey()).kiteAccessToken(() -> token)
                .kiteRootUrl(kite.restUrl()).kiteTickerUrl(kite.ticker().sdkUriTemplate())
                .kiteConnection(3_000, 50, 400)))
            {
                awaitSubscribed(kite, engine);
                assertTrue(feed.destination().endsWith("/2001"));
                kite.exchange().setQuote(SimQuote.builder(256265L).lastPrice(24_612_35).build());
                engine.await(() -> engine.indexTicks > 0, "an index tick");

                kite.ticker().disconnectAll();

                engine.await(() -> engine.feedStates.size() == 2, "stale and recovered");
                assertTrue(engine.feedStates.get(0).startsWith("FEED STALE"), engine.feedStates::toString);
                assertTrue(engine.feedStates.get(1).startsWith("FEED RECOVERED"), engine.feedStates::toString);
                final long before = engine.indexTicks;
                kite.exchange().setQuote(SimQuote.builder(256265L).lastPrice(24_615_00).build());
                engine.await(() -> engine.indexTicks > before, "ticks after the reconnection");
            }
        }
    }

    private static void awaitSubscribed(final KiteSimulator kite, final MarketDataSubscriber engine)
    {
        engine.await(() -> "full".equals(kite.ticker().subscriptions().get(256265L)), "the index subscribed");
    }

    private static SyntheticMarket quietDay()
    {
        return new SyntheticMarket(new SyntheticSettings().tradingDate(DAY).underlyings(List.of(Underlying.NIFTY))
            .ticking(1, 2, 1).tickRates(1_000, 0.2, 0.4, 0.1, 15_000));
    }

    private static void sleep(final long millis)
    {
        try
        {
            Thread.sleep(millis);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    /** NIFTY index ticks one data-second apart from 10:00, then the end. */
    private static final class Seconds implements MarketDataSource
    {
        private final int count;
        private final MarketDataFrames frames = new MarketDataFrames();
        private int sent;
        private long time;

        Seconds(final int count)
        {
            this.count = count;
        }

        @Override
        public int next(final MutableDirectBuffer buffer, final int offset)
        {
            if (sent == count)
            {
                return END_OF_DATA;
            }
            time = IndiaTime.epochNanos(DAY, LocalTime.of(10, 0)) + sent * 1_000_000_000L;
            sent++;
            final int length = frames.indexTick(buffer, offset, 256265L, TickMode.LTP, 24_600_00 + sent,
                MarketDataFrames.NULL_PRICE, MarketDataFrames.NULL_PRICE, MarketDataFrames.NULL_PRICE,
                MarketDataFrames.NULL_PRICE, MarketDataFrames.NULL_PRICE, time);
            assertTrue(length > MessageHeaderDecoder.ENCODED_LENGTH);
            return length;
        }

        @Override
        public long frameTimeNs()
        {
            return time;
        }

        @Override
        public boolean isLive()
        {
            return false;
        }

        @Override
        public void subscriptions(final SubscriptionListener listener)
        {
        }

        @Override
        public String description()
        {
            return Arrays.toString(new int[] {count}) + " seconds";
        }

        @Override
        public void close()
        {
        }
    }
}
