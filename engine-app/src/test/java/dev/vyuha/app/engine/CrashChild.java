package dev.vyuha.app.engine;

import com.lmax.disruptor.EventHandler;
import dev.vyuha.engine.runtime.CommandHandler;
import dev.vyuha.engine.runtime.CommandSlot;
import dev.vyuha.engine.runtime.OrderSink;
import dev.vyuha.engine.runtime.OutboundOrderPort;
import dev.vyuha.engine.strategy.runtime.EngineConfig;
import dev.vyuha.engine.strategy.runtime.TradingEngine;
import dev.vyuha.journal.JournalLayout;
import dev.vyuha.journal.JournalRecordFormat;
import dev.vyuha.wire.FrameReader;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The engine process of {@link CrashRecoveryTest}: a {@link JournaledEngine} around a {@link TradingEngine}, driven by
 * the test over stdin, reporting over stdout, killed with SIGKILL by the test.
 *
 * <pre>
 *   args: journal-dir commands-file sent-file
 *   out:  RECOVERED last commands resent torn hash already-sent   once recovered, before start
 *         ACK n                                                  the journal acknowledged up to n (polled every ms)
 *         IDLE k | PUBLISHED k | STALLED s | FINAL last hash     answers to the commands below
 *   in:   RUN k            publish up to command k (sequence k), wait until journaled, applied and sent: IDLE k
 *         BURST k          publish up to k, answer at once: PUBLISHED k (the test kills mid-flight)
 *         STALL_BEFORE s k the journal stops before s; publish up to k; once the business logic is at k: STALLED s
 *         STALL_AFTER s k  the journal stops after s (the orders of s wait for it); publish up to k: STALLED s
 *         TEAR s k         the journal writes half of record s and stops there; publish up to k: STALLED s
 *         FINISH           publish the rest, drain, stop: FINAL
 * </pre>
 *
 * Every order the port receives is appended to the sent file with one write() before the port returns, so the file
 * holds exactly what was "sent" when the process dies; each run starts with a marker record.
 */
public final class CrashChild
{
    private static final PrintStream OUT = System.out;
    /** How long the outbound stage must stand still before a stalled child answers. */
    private static final int QUIET_MILLIS = 100;
    private static volatile long stallBefore = Long.MAX_VALUE;
    private static volatile long stallAfter = Long.MAX_VALUE;
    private static volatile long tearAt = Long.MAX_VALUE;
    private static volatile boolean stalled;
    private static volatile long applied;

    private CrashChild()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final Path journal = Paths.get(args[0]);
        final List<byte[]> frames = new ArrayList<>();
        final List<Long> times = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(
            Paths.get(args[1])))))
        {
            final int count = in.readInt();
            for (int i = 0; i < count; i++)
            {
                final int length = in.readInt();
                times.add(in.readLong());
                final byte[] frame = new byte[length];
                in.readFully(frame);
                frames.add(frame);
            }
        }
        final FileChannel sent = FileChannel.open(Paths.get(args[2]), StandardOpenOption.CREATE,
            StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        write(sent, ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putInt(0).putLong(-1).flip());
        final OutboundOrderPort port = (buffer, offset, length, cause) ->
        {
            final ByteBuffer record = ByteBuffer.allocate(12 + length).order(ByteOrder.LITTLE_ENDIAN);
            record.putInt(length).putLong(cause);
            final byte[] bytes = new byte[length];
            buffer.getBytes(offset, bytes);
            write(sent, record.put(bytes).flip());
        };

        final TradingEngine trading = new TradingEngine(EngineConfig.defaults().withMaxQuoteAge(90_000_000_000L),
            event -> { });
        final JournaledEngine engine = JournaledEngine.open(new JournaledEngine.Context()
            .journalDirectory(journal).ringSize(4096).stateHash(trading::stateHash)
            .journalDecorator(handler -> new Faults(handler, new JournalLayout(journal).commands())),
            new Progress(trading), port);
        final RecoveryReport recovery = engine.recovery();
        System.err.printf(Locale.ROOT, "child: up %d ms, replayed %d commands in %.0f ms%n",
            java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime(), recovery.commands(),
            recovery.elapsedNs() / 1e6);
        OUT.printf(Locale.ROOT, "RECOVERED %d %d %d %d %016x %d%n", recovery.lastSequence(), recovery.commands(),
            recovery.ordersResent(), recovery.tornRecordIndex(), recovery.stateHash(), recovery.ordersAlreadySent());
        OUT.flush();
        engine.start();
        final Thread acker = new Thread(() ->
        {
            long printed = -1;
            while (true)
            {
                final long journaled = engine.journaledSequence();
                if (journaled > printed)
                {
                    printed = journaled;
                    OUT.println("ACK " + journaled);
                    OUT.flush();
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
        }, "acker");
        acker.setDaemon(true);
        acker.start();

        int next = (int)Math.max(recovery.lastSequence(), 0);
        final BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while (null != (line = commands.readLine()))
        {
            final String[] word = line.trim().split(" ");
            switch (word[0])
            {
                case "RUN" ->
                {
                    final int to = Integer.parseInt(word[1]);
                    next = publish(engine, frames, times, next, to);
                    awaitIdle(engine, to);
                    answer("IDLE " + to);
                }
                case "BURST" ->
                {
                    final int to = Integer.parseInt(word[1]);
                    next = publish(engine, frames, times, next, to);
                    answer("PUBLISHED " + to);
                }
                case "STALL_BEFORE", "STALL_AFTER", "TEAR" ->
                {
                    final long at = Long.parseLong(word[1]);
                    final int to = Integer.parseInt(word[2]);
                    if ("TEAR".equals(word[0]))
                    {
                        tearAt = at;
                    }
                    else if ("STALL_BEFORE".equals(word[0]))
                    {
                        stallBefore = at;
                    }
                    else
                    {
                        stallAfter = at;
                    }
                    next = publish(engine, frames, times, next, to);
                    while (!stalled || applied < to)
                    {
                        LockSupport.parkNanos(100_000);
                    }
                    if (!"STALL_AFTER".equals(word[0]))
                    {
                        awaitOutboundQuiet(engine);
                    }
                    answer("STALLED " + at);
                }
                case "FINISH" ->
                {
                    next = publish(engine, frames, times, next, frames.size());
                    awaitIdle(engine, frames.size());
                    if (!engine.drainAndStop(30, TimeUnit.SECONDS))
                    {
                        throw new IllegalStateException("did not drain");
                    }
                    answer(String.format(Locale.ROOT, "FINAL %d %016x", engine.lastSequence(), trading.stateHash()));
                    engine.close();
                    sent.close();
                    System.exit(0);
                }
                default -> throw new IllegalArgumentException("unknown command " + line);
            }
        }
    }

    private static int publish(final JournaledEngine engine, final List<byte[]> frames, final List<Long> times,
        final int from, final int to)
    {
        for (int i = from; i < to; i++)
        {
            final long sequence = engine.publish(new UnsafeBuffer(frames.get(i)), 0, frames.get(i).length,
                times.get(i));
            if (sequence != i + 1)
            {
                throw new IllegalStateException("command " + i + " got sequence " + sequence);
            }
        }
        return Math.max(from, to);
    }

    private static void awaitIdle(final JournaledEngine engine, final long sequence)
    {
        if (!engine.awaitJournaled(sequence, 30, TimeUnit.SECONDS))
        {
            throw new IllegalStateException("not acknowledged: " + sequence);
        }
        while (applied < sequence || engine.backlog() > 0)
        {
            LockSupport.parkNanos(100_000);
        }
    }

    /**
     * With the journal held at command {@code at}, the outbound stage can go no further than the journal's last
     * finished batch (the Disruptor publishes a stage's sequence per batch): wait until it has stopped moving, so that
     * every order it could send has been handed over before the test kills the process. Otherwise the kill may land
     * between an order's journaling and its hand-over, the window only a BURST kill is allowed to hit.
     */
    private static void awaitOutboundQuiet(final JournaledEngine engine)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        long backlog = engine.backlog();
        long sent = engine.ordersSent();
        int quietMillis = 0;
        while (quietMillis < QUIET_MILLIS)
        {
            if (System.nanoTime() > deadline)
            {
                throw new IllegalStateException("the outbound stage kept moving: backlog " + engine.backlog());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            final long nowBacklog = engine.backlog();
            final long nowSent = engine.ordersSent();
            quietMillis = nowBacklog == backlog && nowSent == sent ? quietMillis + 1 : 0;
            backlog = nowBacklog;
            sent = nowSent;
        }
    }

    private static void answer(final String text)
    {
        OUT.println(text);
        OUT.flush();
    }

    private static void write(final FileChannel channel, final ByteBuffer buffer)
    {
        try
        {
            while (buffer.hasRemaining())
            {
                channel.write(buffer);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static void parkForever()
    {
        stalled = true;
        while (true)
        {
            LockSupport.park();
        }
    }

    /** The business logic, reporting how far it got. */
    private static final class Progress implements CommandHandler
    {
        private final CommandHandler delegate;

        Progress(final CommandHandler delegate)
        {
            this.delegate = delegate;
        }

        @Override
        public void onCommand(final FrameReader reader, final long sequence, final long timestampNs,
            final OrderSink orders)
        {
            delegate.onCommand(reader, sequence, timestampNs, orders);
            applied = sequence;
        }

        @Override
        public void onRejectedFrame(final long sequence, final long timestampNs, final String reason)
        {
            delegate.onRejectedFrame(sequence, timestampNs, reason);
            applied = sequence;
        }

        @Override
        public void onEndOfBatch(final long sequence, final long timestampNs)
        {
            delegate.onEndOfBatch(sequence, timestampNs);
        }
    }

    /** The commands journal, with the faults the test asks for. */
    private static final class Faults implements EventHandler<CommandSlot>
    {
        private final EventHandler<CommandSlot> journal;
        private final Path directory;

        Faults(final EventHandler<CommandSlot> journal, final Path directory)
        {
            this.journal = journal;
            this.directory = directory;
        }

        @Override
        public void onEvent(final CommandSlot slot, final long sequence, final boolean endOfBatch) throws Exception
        {
            final long commandSequence = slot.sequence();
            if (commandSequence == tearAt)
            {
                tear(slot);
                parkForever();
            }
            if (commandSequence == stallBefore)
            {
                parkForever();
            }
            journal.onEvent(slot, sequence, endOfBatch);
            if (commandSequence == stallAfter)
            {
                parkForever();
            }
        }

        /** Start the record the journal would write for this command and stop half way, as a writer killed there. */
        private void tear(final CommandSlot slot)
        {
            final ChronicleQueue queue = SingleChronicleQueueBuilder.binary(directory).rollCycle(RollCycles.FAST_DAILY)
                .build();
            final DocumentContext document = queue.createAppender().writingDocument();
            final UnsafeBuffer header = new UnsafeBuffer(new byte[JournalRecordFormat.HEADER_LENGTH]);
            header.putInt(0, JournalRecordFormat.MAGIC, ByteOrder.LITTLE_ENDIAN);
            header.putInt(JournalRecordFormat.FRAME_LENGTH_OFFSET, slot.frameLength(), ByteOrder.LITTLE_ENDIAN);
            header.putLong(JournalRecordFormat.INDEX_OFFSET, slot.sequence() - 1, ByteOrder.LITTLE_ENDIAN);
            header.putLong(JournalRecordFormat.SEQUENCE_OFFSET, slot.sequence(), ByteOrder.LITTLE_ENDIAN);
            header.putLong(JournalRecordFormat.TIMESTAMP_OFFSET, slot.timestampNs(), ByteOrder.LITTLE_ENDIAN);
            document.wire().bytes().write(header.byteArray());
            final DirectBuffer frame = slot.frame();
            final byte[] half = new byte[slot.frameLength() / 2];
            frame.getBytes(0, half);
            document.wire().bytes().write(half);
        }
    }
}
