package dev.vyuha.feed.kite;

import dev.vyuha.feed.instrument.Instrument;
import dev.vyuha.feed.instrument.InstrumentUniverse;
import dev.vyuha.feed.instrument.OptionChain;
import dev.vyuha.feed.source.MarketDataSource;
import dev.vyuha.feed.source.SubscriptionListener;
import dev.vyuha.feed.synthetic.SyntheticInstrumentMaster;
import dev.vyuha.feed.synthetic.SyntheticSettings;
import dev.vyuha.kitesim.InstrumentsCsv;
import dev.vyuha.kitesim.KiteSimulator;
import dev.vyuha.kitesim.KiteSimulatorConfig;
import dev.vyuha.kitesim.SimQuote;
import dev.vyuha.sbe.DerivativeTickDecoder;
import dev.vyuha.sbe.FeedScope;
import dev.vyuha.sbe.FeedStatus;
import dev.vyuha.sbe.IndexTickDecoder;
import dev.vyuha.sbe.TickMode;
import dev.vyuha.sbe.Underlying;
import dev.vyuha.wire.FrameReader;
import dev.vyuha.wire.FrameVerdict;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The live source with the real SDK's {@code KiteTicker} against the Kite simulator's ticker WebSocket: instruments
 * downloaded over REST, the index and the strikes around ATM subscribed in full mode and re-centred as the index
 * moves, packets decoded to SBE, and a dropped or refused connection replaced with exactly the same subscriptions.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class KiteTickSourceTest
{
    private static final LocalDate DAY = LocalDate.of(2026, 8, 17);
    private static final long NIFTY = 256265L;

    private final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(2048));
    private final FrameReader reader = new FrameReader();
    private final List<long[]> ticks = new ArrayList<>();
    private final List<FeedStatus> feedStates = new ArrayList<>();
    private final Set<Long> announced = new TreeSet<>();
    private final Map<Long, Integer> subscriptionsAnnounced = new HashMap<>();
    private KiteSimulator simulator;
    private KiteTickSource source;
    private InstrumentUniverse universe;

    @AfterEach
    void stop()
    {
        if (null != source)
        {
            source.close();
        }
        if (null != simulator)
        {
            simulator.close();
        }
    }

    @Test
    void shouldSubscribeTheIndexThenTheStrikesAroundAtmInFullModeAndDecodeTheirTicks()
    {
        start(Duration.ofMillis(200), Duration.ofSeconds(3));
        await(() -> "full".equals(simulator.ticker().subscriptions().get(NIFTY)), "index subscribed in full mode");
        assertEquals(2, simulator.ticker().subscriptions().size(), "index and nearest future, options wait for a price");

        index(24_612_35);
        final Set<Long> window = window(24_600_00);
        await(() -> simulator.ticker().subscriptions().keySet().containsAll(window), "ATM window subscribed");
        await(() -> announced.containsAll(window), "window announced");

        assertEquals(expectedSubscriptions(window), simulator.ticker().subscriptions().keySet());
        await(() -> simulator.ticker().subscriptions().values().stream().allMatch("full"::equals), "all in full mode");
        assertEquals(announced, simulator.ticker().subscriptions().keySet());
        final long option = window.iterator().next();
        simulator.exchange().setQuote(SimQuote.builder(option).lastPrice(101_25).lastQuantity(65).averagePrice(99_10)
            .volume(1_300).totals(6_500, 3_250).ohlc(95_00, 104_00, 90_00, 98_00).times(1_786_935_600L,
            1_786_935_601L).openInterest(65_000, 70_000, 60_000).bid(0, 101_20, 650, 4).ask(0, 101_30, 325, 2)
            .build());
        final long before = System.currentTimeMillis() * 1_000_000L;
        await(() -> ticks.stream().anyMatch(t -> t[0] == option && t[1] == 101_25), "option tick");
        final long[] tick = ticks.stream().filter(t -> t[0] == option && t[1] == 101_25).findFirst().orElseThrow();
        assertEquals(TickMode.FULL.value(), tick[2]);
        assertEquals(List.of(65L, 99_10L, 1_300L, 65_000L, 1_786_935_601_000_000_000L, 101_20L, 650L, 101_30L,
            325L), List.of(tick[3], tick[4], tick[5], tick[6], tick[7], tick[8], tick[9], tick[10], tick[11]));
        assertTrue(tick[12] >= before - 1_000_000_000L, "frame time is the receive time");
        assertEquals(0, source.malformed());
    }

    @Test
    void shouldReCentreTheWindowAsTheIndexMoves()
    {
        start(Duration.ofMillis(200), Duration.ofSeconds(3));
        await(() -> simulator.ticker().subscriptions().containsKey(NIFTY), "index subscribed");
        index(24_600_00);
        final Set<Long> first = window(24_600_00);
        await(() -> simulator.ticker().subscriptions().keySet().containsAll(first), "first window");

        index(24_705_00);
        final Set<Long> second = window(24_700_00);
        await(() -> simulator.ticker().subscriptions().keySet().equals(expectedSubscriptions(second)),
            "window re-centred on 24700");
        await(() -> announced.equals(expectedSubscriptions(second)), "re-centring announced");

        final long gone = first.stream().filter(t -> !second.contains(t)).findFirst().orElseThrow();
        simulator.exchange().setQuote(SimQuote.twoSided(gone, 10_00, 65, 10_05, 65));
        final long kept = second.iterator().next();
        simulator.exchange().setQuote(SimQuote.twoSided(kept, 20_00, 65, 20_05, 65));
        await(() -> ticks.stream().anyMatch(t -> t[0] == kept), "tick of a kept strike");
        assertTrue(ticks.stream().noneMatch(t -> t[0] == gone), "a strike left behind still ticks");
        index(24_710_00);
        pumpFor(300);
        assertEquals(expectedSubscriptions(second), simulator.ticker().subscriptions().keySet(),
            "a move inside the band does not churn");
    }

    @Test
    void shouldReconnectAfterADisconnectMidStreamWithExactlyTheSameSubscriptions()
    {
        start(Duration.ofMillis(200), Duration.ofSeconds(3));
        await(() -> simulator.ticker().subscriptions().containsKey(NIFTY), "index subscribed");
        index(24_600_00);
        await(() -> simulator.ticker().subscriptions().keySet().containsAll(window(24_600_00))
            && simulator.ticker().subscriptions().values().stream().allMatch("full"::equals),
            "window subscribed in full mode");
        final Map<Long, String> before = Map.copyOf(simulator.ticker().subscriptions());
        assertEquals(1, source.connections());

        assertEquals(1, simulator.ticker().disconnectAll());

        await(() -> feedStates.contains(FeedStatus.STALE), "FEED STALE");
        await(() -> source.connections() == 2 && simulator.ticker().subscriptions().equals(before),
            () -> "reconnected and subscribed again: connections " + source.connections() + ", server "
            + simulator.ticker().subscriptions() + ", before " + before + ", clients "
            + simulator.ticker().connectedClients());
        await(() -> feedStates.size() == 2, "FEED RECOVERED");
        assertEquals(List.of(FeedStatus.STALE, FeedStatus.RECOVERED), feedStates);
        assertEquals(1, simulator.ticker().connectedClients(), "the old connection is gone");
        assertTrue(subscriptionsAnnounced.values().stream().allMatch(n -> n == 1),
            "no subscription announced twice: " + subscriptionsAnnounced);
        assertEquals(before.keySet(), announced);

        ticks.clear();
        for (final Long token : before.keySet())
        {
            simulator.exchange().setQuote(token == NIFTY ? SimQuote.builder(NIFTY).lastPrice(24_601_00).build() :
                SimQuote.twoSided(token, 10_00, 65, 10_05, 65));
        }
        await(() -> ticks.stream().map(t -> t[0]).distinct().count() == before.size(), "every subscription ticks");
        pumpFor(300);
        assertEquals(before.size(), ticks.stream().filter(t -> t[1] == 10_05 || t[1] == 24_601_00).count(),
            "each quote arrives once: " + ticks.size());
    }

    @Test
    void shouldBackOffWhileTheTickerRefusesConnectionsAndRecoverWhenItAcceptsAgain()
    {
        start(Duration.ofMillis(200), Duration.ofSeconds(3));
        await(() -> simulator.ticker().subscriptions().containsKey(NIFTY), "index subscribed");
        simulator.ticker().acceptConnections(false);
        simulator.ticker().disconnectAll();
        await(() -> feedStates.contains(FeedStatus.STALE), "FEED STALE");
        pumpFor(600);
        assertEquals(1, source.connections());
        assertTrue(!source.isConnected());

        simulator.ticker().acceptConnections(true);

        await(() -> source.connections() == 2 && feedStates.contains(FeedStatus.RECOVERED), "reconnected");
        await(() -> "full".equals(simulator.ticker().subscriptions().get(NIFTY)), "subscribed again");
    }

    @Test
    void shouldReplaceASilentConnection()
    {
        start(Duration.ofHours(1), Duration.ofMillis(400));
        await(() -> simulator.ticker().subscriptions().containsKey(NIFTY), "index subscribed");

        await(() -> source.connections() >= 2, "a connection without heartbeats replaced");

        assertTrue(feedStates.contains(FeedStatus.STALE));
        await(() -> feedStates.contains(FeedStatus.RECOVERED), "recovered on the new connection");
    }

    @Test
    void shouldRefuseAPlanBeyondKitesLimitPerConnection()
    {
        final SyntheticInstrumentMaster master = SyntheticInstrumentMaster.build(new SyntheticSettings()
            .tradingDate(DAY).strikeRangePercent(30));
        final InstrumentUniverse all = new InstrumentUniverse(master.instruments());
        assertThrows(IllegalArgumentException.class, () -> new SubscriptionPlan(all,
            List.of(Underlying.NIFTY, Underlying.BANKNIFTY), DAY, 7, 400, 1, true));
    }

    private void start(final Duration heartbeat, final Duration silence)
    {
        simulator = KiteSimulator.start(new KiteSimulatorConfig().heartbeatInterval(heartbeat));
        final SyntheticInstrumentMaster master = SyntheticInstrumentMaster.build(new SyntheticSettings()
            .tradingDate(DAY));
        simulator.exchange().addInstruments(InstrumentsCsv.parse(master.toCsv(), i -> 1_800));
        universe = KiteInstruments.download(simulator.restUrl(), simulator.config().apiKey(),
            simulator.config().accessToken(), EnumSet.of(Underlying.NIFTY), DAY, Duration.ofSeconds(10));
        assertEquals(master.derivatives().stream().filter(i -> i.underlying() == Underlying.NIFTY).count() + 1,
            universe.size());
        final String token = simulator.config().accessToken();
        source = KiteTickSource.create(new KiteFeedSettings(simulator.config().apiKey(), () -> token,
            simulator.ticker().sdkUriTemplate(), "full", silence, Duration.ofMillis(50), Duration.ofMillis(400),
            1 << 20), universe, List.of(Underlying.NIFTY), DAY, 1, 2, 2, new SystemEpochNanoClock());
        source.subscriptions(new SubscriptionListener()
        {
            @Override
            public void onSubscribed(final long token, final long timeNs)
            {
                announced.add(token);
                subscriptionsAnnounced.merge(token, 1, Integer::sum);
            }

            @Override
            public void onUnsubscribed(final long token, final long timeNs)
            {
                assertTrue(announced.remove(token), "unsubscribed without a subscription");
            }
        });
        source.start();
    }

    private void index(final long price)
    {
        simulator.exchange().setQuote(SimQuote.builder(NIFTY).lastPrice(price).ohlc(24_550_00, 24_800_00, 24_500_00,
            24_570_00).times(0, 1_786_935_601L).build());
        await(() -> ticks.stream().anyMatch(t -> t[0] == NIFTY && t[1] == price), "index tick " + price);
    }

    private Set<Long> window(final long atmStrike)
    {
        final OptionChain chain = universe.chains(Underlying.NIFTY).get(0);
        assertEquals(LocalDate.of(2026, 8, 18), chain.expiry());
        final Set<Long> tokens = new TreeSet<>();
        for (int i = 0; i < chain.size(); i++)
        {
            if (Math.abs(chain.strike(i) - atmStrike) <= 2 * 50_00)
            {
                tokens.add(universe.instrument(chain.callId(i)).token());
                tokens.add(universe.instrument(chain.putId(i)).token());
            }
        }
        assertEquals(10, tokens.size());
        return tokens;
    }

    private Set<Long> expectedSubscriptions(final Set<Long> window)
    {
        final Set<Long> all = new TreeSet<>(window);
        all.add(NIFTY);
        final Instrument future = universe.instrument(universe.futureIds(Underlying.NIFTY).get(0));
        all.add(future.token());
        return all;
    }

    private void pump()
    {
        int length;
        while ((length = source.next(buffer, 0)) > 0)
        {
            assertEquals(FrameVerdict.VALID, reader.read(buffer, 0, length), reader::rejectionReason);
            switch (reader.templateId())
            {
                case IndexTickDecoder.TEMPLATE_ID ->
                {
                    final IndexTickDecoder tick = reader.indexTick();
                    ticks.add(new long[] {tick.instrumentToken(), tick.lastPrice(), tick.mode().value()});
                }
                case DerivativeTickDecoder.TEMPLATE_ID ->
                {
                    final DerivativeTickDecoder tick = reader.derivativeTick();
                    final long[] bid = tick.bidDepth() > 0 ? new long[] {tick.bidPrice(0), tick.bidQuantity(0)}
                        : new long[2];
                    final long[] ask = tick.askDepth() > 0 ? new long[] {tick.askPrice(0), tick.askQuantity(0)}
                        : new long[2];
                    ticks.add(new long[] {tick.instrumentToken(), tick.lastPrice(), tick.mode().value(),
                        tick.lastQuantity(), tick.averagePrice(), tick.volume(), tick.openInterest(),
                        tick.exchangeTimestampNs(), bid[0], bid[1], ask[0], ask[1], source.frameTimeNs()});
                }
                default ->
                {
                    assertEquals(FeedScope.FEED, reader.feedState().scope());
                    feedStates.add(reader.feedState().status());
                }
            }
        }
        assertTrue(length == MarketDataSource.NO_FRAME);
    }

    private void pumpFor(final long millis)
    {
        final long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < end)
        {
            pump();
            sleep();
        }
    }

    private void await(final BooleanSupplier condition, final String what)
    {
        await(condition, () -> what);
    }

    private void await(final BooleanSupplier condition, final java.util.function.Supplier<String> what)
    {
        final long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < end)
        {
            pump();
            if (condition.getAsBoolean())
            {
                return;
            }
            sleep();
        }
        fail("timed out waiting for: " + what.get());
    }

    private static void sleep()
    {
        try
        {
            Thread.sleep(10);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
