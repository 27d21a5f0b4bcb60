package dev.vyuha.app.engine;

import com.lmax.disruptor.EventHandler;
import dev.vyuha.engine.runtime.CommandSlot;
import dev.vyuha.engine.runtime.OutboundOrderPort;
import dev.vyuha.engine.scenario.RandomTradingSession;
import dev.vyuha.engine.scenario.TradingDay;
import dev.vyuha.engine.strategy.runtime.EngineConfig;
import dev.vyuha.engine.strategy.runtime.TradingEngine;
import dev.vyuha.journal.JournalContext;
import dev.vyuha.journal.JournalLayout;
import dev.vyuha.journal.JournalReplay;
import dev.vyuha.journal.JournalWriter;
import dev.vyuha.journal.ReplayResult;
import dev.vyuha.engine.runtime.InlineCommandDriver;
import dev.vyuha.wire.CommandStamp;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine's start-up recovery from its journals, in one JVM (the crash test kills a child JVM).
 */
@Timeout(120)
class JournaledEngineTest
{
    static final EngineConfig CONFIG = EngineConfig.defaults().withMaxQuoteAge(90_000_000_000L);
    private static TradingDay session;
    private static List<Order> orders;

    @TempDir
    Path directory;

    /** An order the clean session sent: its bytes and its cause. */
    record Order(byte[] frame, long cause)
    {
    }

    @BeforeAll
    static void session()
    {
        session = RandomTradingSession.run(11L, 1);
        orders = new ArrayList<>();
        final InlineCommandDriver driver = new InlineCommandDriver(new TradingEngine(CONFIG, event -> { }),
            (buffer, offset, length, cause) -> orders.add(new Order(bytes(buffer, offset, length), cause)));
        for (final TradingDay.RecordedCommand command : session.recording)
        {
            driver.apply(new UnsafeBuffer(command.frame()), 0, command.frame().length, command.timestampNs());
        }
        assertTrue(orders.size() > 30, orders.size() + " orders");
    }

    @Test
    void shouldCarryOnAfterACleanStopAsIfItHadNeverStopped()
    {
        final int half = session.recording.size() / 2;
        final ByteArrayOutputStream sent = new ByteArrayOutputStream();
        final TradingEngine first = new TradingEngine(CONFIG, event -> { });
        try (JournaledEngine engine = JournaledEngine.open(context(first), first, capture(sent)))
        {
            assertEquals(0, engine.recovery().commands());
            assertEquals("empty journal: starting fresh", engine.recovery().describe());
            engine.start();
            final long last = publish(engine, 0, half);
            assertEquals(half, last);
            assertTrue(engine.awaitJournaled(last, 10, TimeUnit.SECONDS));
            assertTrue(engine.journaledSequence() >= last);
            assertTrue(engine.drainAndStop(30, TimeUnit.SECONDS));
        }
        final TradingEngine second = new TradingEngine(CONFIG, event -> { });
        try (JournaledEngine engine = JournaledEngine.open(context(second), second, capture(sent)))
        {
            final RecoveryReport recovery = engine.recovery();
            assertEquals(half, recovery.commands());
            assertEquals(1, recovery.firstSequence());
            assertEquals(half, recovery.lastSequence());
            assertEquals(recovery.ordersReplayed(), recovery.ordersAlreadySent());
            assertTrue(recovery.ordersReplayed() > 5);
            assertEquals(0, recovery.ordersResent());
            assertEquals(-1, recovery.tornRecordIndex());
            assertEquals(1, recovery.checkpointsMatched());
            engine.start();
            assertEquals(half + 1, engine.publish(new UnsafeBuffer(session.recording.get(half).frame()), 0,
                session.recording.get(half).frame().length, session.recording.get(half).timestampNs()),
                "sequences continue after the journal's last");
            final long last = publish(engine, half + 1, session.recording.size());
            assertTrue(engine.awaitJournaled(last, 10, TimeUnit.SECONDS));
            assertTrue(engine.drainAndStop(30, TimeUnit.SECONDS));
        }
        assertEquals(session.engine.stateHash(), second.stateHash());
        assertArrayEquals(session.outbound.toByteArray(), sent.toByteArray());

        final TradingEngine audit = new TradingEngine(CONFIG, event -> { });
        final ReplayResult result;
        try (JournalReplay replay = new JournalReplay(new JournalLayout(directory), true))
        {
            final InlineCommandDriver driver = new InlineCommandDriver(audit, replay.orders());
            result = replay.run(driver::applyStamped, audit::stateHash, JournalReplay.Observer.NONE);
        }
        assertTrue(result.matches(), String.valueOf(result));
        assertEquals(3, result.checkpointsMatched(), "stopped, recovered, stopped");
        assertEquals(orders.size(), result.ordersMatched());
    }

    @Test
    void shouldSendOnceOnRestartTheOrdersDecidedButNeverHandedOver()
    {
        // A previous run journaled every command but died before handing over its last five orders.
        final JournalLayout layout = new JournalLayout(directory);
        try (JournalWriter commands = new JournalWriter(new JournalContext().directory(layout.commands()));
            JournalWriter ordersJournal = new JournalWriter(new JournalContext().directory(layout.orders())))
        {
            for (int i = 0; i < session.recording.size(); i++)
            {
                final UnsafeBuffer frame = new UnsafeBuffer(session.recording.get(i).frame().clone());
                CommandStamp.stamp(frame, 0, i + 1, session.recording.get(i).timestampNs());
                commands.append(frame, 0, frame.capacity(), i + 1, session.recording.get(i).timestampNs());
            }
            for (int i = 0; i < orders.size() - 5; i++)
            {
                final UnsafeBuffer frame = new UnsafeBuffer(orders.get(i).frame());
                ordersJournal.append(frame, 0, frame.capacity(), i + 1, CommandStamp.timestampNs(frame, 0));
            }
        }
        final List<Order> resent = new ArrayList<>();
        final TradingEngine engine = new TradingEngine(CONFIG, event -> { });
        try (JournaledEngine journaled = JournaledEngine.open(context(engine), engine,
            (buffer, offset, length, cause) -> resent.add(new Order(bytes(buffer, offset, length), cause))))
        {
            assertEquals(5, journaled.recovery().ordersResent());
            assertEquals(orders.size() - 5, journaled.recovery().ordersAlreadySent());
            journaled.start();
        }
        assertEquals(5, resent.size());
        for (int i = 0; i < 5; i++)
        {
            final Order expected = orders.get(orders.size() - 5 + i);
            assertArrayEquals(expected.frame(), resent.get(i).frame(), "same bytes, same id and tag");
            assertEquals(expected.cause(), resent.get(i).cause());
        }
        final TradingEngine again = new TradingEngine(CONFIG, event -> { });
        try (JournaledEngine journaled = JournaledEngine.open(context(again), again,
            (buffer, offset, length, cause) -> resent.add(new Order(bytes(buffer, offset, length), cause))))
        {
            assertEquals(0, journaled.recovery().ordersResent(), "sent once, never again");
            assertEquals(orders.size(), journaled.recovery().ordersAlreadySent());
        }
        assertEquals(5, resent.size());
    }

    @Test
    void shouldWithholdTheOrdersOfCommandsNotAcknowledgedOnceTheJournalFailsAndSendThemAfterARestart()
    {
        final long failAt = orders.get(orders.size() / 2).cause();
        final List<Order> sent = new ArrayList<>();
        final TradingEngine first = new TradingEngine(CONFIG, event -> { });
        final JournaledEngine.Context context = context(first).journalDecorator(journal -> new FailingAt(journal,
            failAt));
        final long acknowledged;
        try (JournaledEngine engine = JournaledEngine.open(context, first,
            (buffer, offset, length, cause) -> sent.add(new Order(bytes(buffer, offset, length), cause))))
        {
            engine.start();
            final long last = publish(engine, 0, session.recording.size());
            assertTrue(engine.drainAndStop(30, TimeUnit.SECONDS));
            assertNotNull(engine.failure());
            assertEquals("disk full", engine.failure().getMessage());
            acknowledged = engine.journaledSequence();
            assertTrue(acknowledged < failAt);
            assertTrue(engine.awaitJournaled(acknowledged, 1, TimeUnit.MILLISECONDS));
            assertFalse(engine.awaitJournaled(failAt, 1, TimeUnit.MILLISECONDS));
            assertFalse(engine.awaitJournaled(last, 1, TimeUnit.MILLISECONDS));
            assertEquals(orders.stream().filter(order -> order.cause() > acknowledged).count(),
                engine.withheldOrders());
        }
        final List<Order> beforeRestart = orders.stream().filter(order -> order.cause() <= acknowledged).toList();
        assertEquals(beforeRestart.size(), sent.size(), "every order of an acknowledged command left, no other");
        final TradingEngine second = new TradingEngine(CONFIG, event -> { });
        try (JournaledEngine engine = JournaledEngine.open(context(second), second,
            (buffer, offset, length, cause) -> sent.add(new Order(bytes(buffer, offset, length), cause))))
        {
            assertEquals(failAt - 1, engine.recovery().lastSequence(), "everything written before the failure");
            assertEquals(beforeRestart.size(), engine.recovery().ordersAlreadySent());
        }
        final List<Order> expected = orders.stream().filter(order -> order.cause() < failAt).toList();
        assertEquals(expected.size(), sent.size(), "withheld orders of journaled commands are sent on restart, once");
        for (int i = 0; i < expected.size(); i++)
        {
            assertArrayEquals(expected.get(i).frame(), sent.get(i).frame());
        }
    }

    @Test
    void shouldRefuseToStartFromAJournalDamagedBeforeItsEnd() throws IOException
    {
        runFirst(session.recording.size() / 3);
        final Path file;
        try (Stream<Path> files = Files.list(directory.resolve("commands")))
        {
            file = files.filter(f -> f.toString().endsWith(".cq4")).findFirst().orElseThrow();
        }
        final byte[] content = Files.readAllBytes(file);
        final byte[] needle = "momentum-buy".getBytes(StandardCharsets.US_ASCII);
        int at = -1;
        for (int i = 0; i + needle.length <= content.length && at < 0; i++)
        {
            if (Arrays.equals(content, i, i + needle.length, needle, 0, needle.length))
            {
                at = i;
            }
        }
        assertTrue(at > 0);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw"))
        {
            raf.seek(at);
            raf.write('M');
        }
        final TradingEngine engine = new TradingEngine(CONFIG, event -> { });
        final List<Order> sent = new ArrayList<>();
        final JournalRecoveryException refused = assertThrows(JournalRecoveryException.class,
            () -> JournaledEngine.open(context(engine), engine,
                (buffer, offset, length, cause) -> sent.add(new Order(bytes(buffer, offset, length), cause))));
        assertTrue(refused.getMessage().contains("intact records, then at record "), refused.getMessage());
        assertTrue(refused.getMessage().contains("frame bytes do not match their CRC32C"), refused.getMessage());
        assertTrue(refused.getMessage().endsWith("refusing to start (nothing was sent). Inspect with: vyuha audit "
            + "--verify " + directory.toAbsolutePath().normalize()), refused.getMessage());
        assertEquals(List.of(), sent);
    }

    @Test
    void shouldRefuseToStartWhenTheReplayDoesNotReproduceWhatWasSent()
    {
        runFirst(session.recording.size() / 2);
        final TradingEngine other = new TradingEngine(EngineConfig.defaults(), event -> { });
        final JournalRecoveryException refused = assertThrows(JournalRecoveryException.class,
            () -> JournaledEngine.open(context(other), other, (buffer, offset, length, cause) -> { }));
        assertTrue(refused.getMessage().contains("(is the engine configured as it was?); refusing to start"),
            refused.getMessage());
        // The journal is untouched: the right engine still starts from it.
        final TradingEngine right = new TradingEngine(CONFIG, event -> { });
        try (JournaledEngine engine = JournaledEngine.open(context(right), right, (buffer, offset, length, cause) -> { }))
        {
            assertEquals(session.recording.size() / 2, engine.recovery().lastSequence());
        }
    }

    @Test
    void shouldRefuseASecondEngineOnTheSameJournal()
    {
        final TradingEngine first = new TradingEngine(CONFIG, event -> { });
        try (JournaledEngine engine = JournaledEngine.open(context(first), first, (buffer, offset, length, cause) -> { }))
        {
            engine.start();
            final TradingEngine second = new TradingEngine(CONFIG, event -> { });
            final JournalRecoveryException refused = assertThrows(JournalRecoveryException.class,
                () -> JournaledEngine.open(context(second), second, (buffer, offset, length, cause) -> { }));
            assertTrue(refused.getMessage().contains("is open for writing by another engine"), refused.getMessage());
        }
    }

    private void runFirst(final int commands)
    {
        final TradingEngine first = new TradingEngine(CONFIG, event -> { });
        try (JournaledEngine engine = JournaledEngine.open(context(first), first, (buffer, offset, length, cause) -> { }))
        {
            engine.start();
            assertTrue(engine.awaitJournaled(publish(engine, 0, commands), 10, TimeUnit.SECONDS));
        }
    }

    private JournaledEngine.Context context(final TradingEngine engine)
    {
        return new JournaledEngine.Context().journalDirectory(directory).ringSize(4096).stateHash(engine::stateHash);
    }

    private static long publish(final JournaledEngine engine, final int from, final int to)
    {
        long last = -1;
        for (int i = from; i < to; i++)
        {
            final TradingDay.RecordedCommand command = session.recording.get(i);
            last = engine.publish(new UnsafeBuffer(command.frame()), 0, command.frame().length, command.timestampNs());
        }
        return last;
    }

    private static OutboundOrderPort capture(final ByteArrayOutputStream sent)
    {
        return (buffer, offset, length, cause) -> sent.writeBytes(bytes(buffer, offset, length));
    }

    static byte[] bytes(final org.agrona.DirectBuffer buffer, final int offset, final int length)
    {
        final byte[] bytes = new byte[length];
        buffer.getBytes(offset, bytes);
        return bytes;
    }

    /** A journal whose disk fills up at one sequence. */
    private static final class FailingAt implements EventHandler<CommandSlot>
    {
        private final EventHandler<CommandSlot> journal;
        private final long failAt;

        FailingAt(final EventHandler<CommandSlot> journal, final long failAt)
        {
            this.journal = journal;
            this.failAt = failAt;
        }

        @Override
        public void onEvent(final CommandSlot slot, final long sequence, final boolean endOfBatch) throws Exception
        {
            if (slot.sequence() >= failAt)
            {
                throw new IllegalStateException("disk full");
            }
            journal.onEvent(slot, sequence, endOfBatch);
        }
    }
}
