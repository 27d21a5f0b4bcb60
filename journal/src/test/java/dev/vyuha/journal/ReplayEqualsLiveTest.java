package dev.vyuha.journal;

import dev.vyuha.engine.event.EngineEvent;
import dev.vyuha.engine.runtime.EngineRuntime;
import dev.vyuha.engine.runtime.InlineCommandDriver;
import dev.vyuha.engine.runtime.OutboundOrderPort;
import dev.vyuha.engine.scenario.RandomTradingSession;
import dev.vyuha.engine.scenario.TradingDay;
import dev.vyuha.engine.strategy.runtime.EngineConfig;
import dev.vyuha.engine.strategy.runtime.TradingEngine;
import dev.vyuha.wire.CommandStamp;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ARCHITECTURE.md §3 invariant 4: a journal replayed into a fresh engine gives the same state hash and the same order
 * stream, byte for byte, as the live engine that wrote it; on long randomised sessions (seven baskets, rejects,
 * partial fills, kill switch, pauses, stale feed, expired broker sessions), through the ring with the journal beside
 * the business logic, then through both replay paths.
 */
@Timeout(180)
class ReplayEqualsLiveTest
{
    private static final EngineConfig CONFIG = EngineConfig.defaults().withMaxQuoteAge(90_000_000_000L);

    @TempDir
    Path directory;

    @ParameterizedTest(name = "seed {0}, {1} day(s)")
    @CsvSource({"20260817, 2", "4242, 1"})
    void shouldReplayAJournalIntoAFreshEngineWithTheSameStateAndByteIdenticalOrders(final long seed, final int days)
        throws InterruptedException
    {
        final TradingDay session = RandomTradingSession.run(seed, days);
        final JournalLayout layout = new JournalLayout(directory);
        final Live live = runLive(session, layout);
        assertEquals(session.engine.stateHash(), live.engine.stateHash(), "threaded ring equals inline");
        assertArrayEquals(session.outbound.toByteArray(), live.outbound.toByteArray());
        assertTrue(session.orders.size() > 30, "a busy session: " + session.orders.size() + " orders");
        if (days == 2)
        {
            for (final String exercised : new String[] {"kill switch ENGAGED", "REJECT", "PARTIAL_FILL", "re-entry"})
            {
                assertTrue(session.saw(exercised), "the session exercised " + exercised);
            }
        }

        // Recovery's path: EngineRuntime.replay before start, outbound suppressed and handed to a capture port.
        final List<EngineEvent> events = new ArrayList<>();
        final TradingEngine recovered = new TradingEngine(CONFIG, events::add);
        final EngineRuntime runtime = new EngineRuntime(new EngineRuntime.Context(), recovered,
            (buffer, offset, length, cause) -> { throw new AssertionError("a replayed order was sent"); }, List.of());
        final ByteArrayOutputStream replayed = new ByteArrayOutputStream();
        final ReplayResult result;
        try (JournalReplay replay = new JournalReplay(layout, true))
        {
            final OutboundOrderPort capture = tee(replay.orders(), replayed);
            result = replay.run((buffer, offset, length) -> runtime.replay(buffer, offset, length, capture),
                recovered::stateHash, JournalReplay.Observer.NONE);
        }
        assertTrue(result.matches(), String.valueOf(result));
        assertTrue(result.commands().intact(), result.commands().summary());
        assertEquals(session.recording.size(), result.commands().records());
        assertEquals(1, result.firstSequence());
        assertEquals(session.recording.size(), result.lastSequence());
        assertEquals(live.ordersSent, result.ordersReplayed());
        assertEquals(live.ordersSent, result.ordersMatched());
        assertEquals(List.of(), result.pendingOrders());
        assertEquals(1, result.checkpointsMatched());
        assertEquals(live.engine.stateHash(), recovered.stateHash());
        assertArrayEquals(live.outbound.toByteArray(), replayed.toByteArray());
        assertEquals(descriptions(live.events), descriptions(events));

        // The audit and backtest path: InlineCommandDriver.applyStamped.
        final TradingEngine inline = new TradingEngine(CONFIG, event -> { });
        final ReplayResult second;
        try (JournalReplay replay = new JournalReplay(layout, false))
        {
            final InlineCommandDriver driver = new InlineCommandDriver(inline, replay.orders());
            second = replay.run(driver::applyStamped, inline::stateHash, JournalReplay.Observer.NONE);
        }
        assertTrue(second.matches(), String.valueOf(second));
        assertEquals(live.engine.stateHash(), inline.stateHash());
    }

    @Test
    void shouldPointAtTheFirstDifferenceWhenTheReplayingEngineIsNotTheOneThatRan() throws InterruptedException
    {
        final TradingDay session = RandomTradingSession.run(99L, 1);
        final JournalLayout layout = new JournalLayout(directory);
        final Live live = runLive(session, layout);
        assertTrue(live.ordersSent > 10);

        // Quotes older than 15 s now count as stale: the same commands lead to other decisions.
        final TradingEngine other = new TradingEngine(EngineConfig.defaults(), event -> { });
        final ReplayResult result;
        try (JournalReplay replay = new JournalReplay(layout, false))
        {
            final InlineCommandDriver driver = new InlineCommandDriver(other, replay.orders());
            result = replay.run(driver::applyStamped, other::stateHash, JournalReplay.Observer.NONE);
        }
        assertFalse(result.matches());
        assertNotNull(result.checkpointMismatch());
        assertTrue(result.checkpointMismatch().describe().contains("the live engine recorded"),
            result.checkpointMismatch().describe());
        assertTrue(null != result.orderDifference() || result.ordersReplayed() != live.ordersSent, String.valueOf(result));
        if (null != result.orderDifference())
        {
            assertTrue(result.orderDifference().describe().startsWith("order #"), result.orderDifference().describe());
        }
    }

    @Test
    void shouldCallOrdersDecidedButNeverHandedOverPendingNotDifferent() throws InterruptedException
    {
        final TradingDay session = RandomTradingSession.run(7L, 1);
        final JournalLayout layout = new JournalLayout(directory);
        final Live live = runLive(session, layout, 5);
        assertEquals(live.ordersSent - 5, live.ordersJournaled);

        final TradingEngine engine = new TradingEngine(CONFIG, event -> { });
        final ReplayResult result;
        try (JournalReplay replay = new JournalReplay(layout, false))
        {
            final InlineCommandDriver driver = new InlineCommandDriver(engine, replay.orders());
            result = replay.run(driver::applyStamped, engine::stateHash, JournalReplay.Observer.NONE);
        }
        assertTrue(result.matches(), String.valueOf(result));
        assertNull(result.orderDifference());
        assertEquals(5, result.pendingOrders().size());
        final byte[] all = session.outbound.toByteArray();
        final ByteArrayOutputStream tail = new ByteArrayOutputStream();
        result.pendingOrders().forEach(order -> tail.writeBytes(order.frame()));
        final byte[] expected = java.util.Arrays.copyOfRange(all, all.length - tail.size(), all.length);
        assertArrayEquals(expected, tail.toByteArray(), "pending orders are the last ones, in order");
        assertEquals(session.orders.get(session.orders.size() - 1).causeSequence(),
            result.pendingOrders().get(4).causeSequence());
    }

    private static final class Live
    {
        final List<EngineEvent> events = new ArrayList<>();
        final TradingEngine engine = new TradingEngine(CONFIG, events::add);
        final ByteArrayOutputStream outbound = new ByteArrayOutputStream();
        long ordersSent;
        long ordersJournaled;
    }

    private static Live runLive(final TradingDay session, final JournalLayout layout) throws InterruptedException
    {
        return runLive(session, layout, 0);
    }

    /** The session through the threaded ring, journaled, its orders journaled before "sending" (except the last few). */
    private static Live runLive(final TradingDay session, final JournalLayout layout, final int unjournaledOrders)
        throws InterruptedException
    {
        final Live live = new Live();
        final long total = session.outbound.size() == 0 ? 0 : countFrames(session);
        try (JournalWriter commands = new JournalWriter(new JournalContext().directory(layout.commands()));
            JournalWriter orders = new JournalWriter(new JournalContext().directory(layout.orders())))
        {
            final EngineRuntime runtime = new EngineRuntime(new EngineRuntime.Context().ringSize(4096), live.engine,
                (buffer, offset, length, cause) ->
                {
                    if (live.ordersSent < total - unjournaledOrders)
                    {
                        orders.append(buffer, offset, length, live.ordersSent + 1,
                            CommandStamp.timestampNs(buffer, offset));
                        live.ordersJournaled++;
                    }
                    live.ordersSent++;
                    final byte[] bytes = new byte[length];
                    buffer.getBytes(offset, bytes);
                    live.outbound.writeBytes(bytes);
                }, List.of(commands));
            runtime.start();
            long last = 0;
            for (final TradingDay.RecordedCommand command : session.recording)
            {
                last = runtime.publish(new UnsafeBuffer(command.frame()), 0, command.frame().length,
                    command.timestampNs());
            }
            assertTrue(runtime.drainAndStop(60, TimeUnit.SECONDS));
            assertEquals(0, runtime.handlerErrors());
            Checkpoints.append(layout.checkpoints(), new Checkpoint(last, live.engine.stateHash(),
                session.recording.get(session.recording.size() - 1).timestampNs(), Checkpoint.Kind.STOPPED));
        }
        return live;
    }

    private static long countFrames(final TradingDay session)
    {
        final long[] count = new long[1];
        final InlineCommandDriver driver = new InlineCommandDriver(new TradingEngine(CONFIG, event -> { }),
            (buffer, offset, length, cause) -> count[0]++);
        for (final TradingDay.RecordedCommand command : session.recording)
        {
            driver.apply(new UnsafeBuffer(command.frame()), 0, command.frame().length, command.timestampNs());
        }
        return count[0];
    }

    private static OutboundOrderPort tee(final OutboundOrderPort check, final ByteArrayOutputStream capture)
    {
        return (buffer, offset, length, cause) ->
        {
            check.send(buffer, offset, length, cause);
            final byte[] bytes = new byte[length];
            buffer.getBytes(offset, bytes);
            capture.writeBytes(bytes);
        };
    }

    private static List<String> descriptions(final List<EngineEvent> events)
    {
        final List<String> text = new ArrayList<>(events.size());
        for (final EngineEvent event : events)
        {
            text.add(event.sequence() + " " + event.timestampNs() + " " + event.describe());
        }
        return text;
    }
}
