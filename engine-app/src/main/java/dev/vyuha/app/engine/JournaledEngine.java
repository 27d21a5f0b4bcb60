package dev.vyuha.app.engine;

import com.lmax.disruptor.EventHandler;
import dev.vyuha.engine.runtime.CommandHandler;
import dev.vyuha.engine.runtime.CommandSlot;
import dev.vyuha.engine.runtime.EngineErrorListener;
import dev.vyuha.engine.runtime.EngineRuntime;
import dev.vyuha.engine.runtime.OutboundOrderPort;
import dev.vyuha.engine.runtime.WaitStrategyKind;
import dev.vyuha.journal.Checkpoint;
import dev.vyuha.journal.Checkpoints;
import dev.vyuha.journal.JournalContext;
import dev.vyuha.journal.JournalLayout;
import dev.vyuha.journal.JournalReplay;
import dev.vyuha.journal.JournalSync;
import dev.vyuha.journal.JournalWriter;
import dev.vyuha.journal.OrderStreamCheck;
import dev.vyuha.journal.ReplayResult;
import dev.vyuha.journal.audit.FrameDescriber;
import dev.vyuha.wire.CommandStamp;
import dev.vyuha.wire.FrameValidator;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

/**
 * The engine process's core: the Disruptor ring around the business logic, with the commands journal beside it, the
 * orders journal in front of the gateway, and recovery from both on start (ARCHITECTURE.md §3 invariants 3–5, §6).
 *
 * <pre>
 *   producers --publish--> [ ring ] --> commands journal (journal/commands) ---+
 *                                  \--> business logic ------------------------+--> orders journal (journal/orders)
 *                                                                                     --> OutboundOrderPort (gateway)
 * </pre>
 *
 * <p><b>Start-up ({@link #open}).</b> Every intact command in the journal is replayed into the business logic through
 * {@code EngineRuntime.replay}, with its own stamps, before the ring starts; the orders the replay reproduces are
 * compared byte for byte with the orders journal and not sent. Live commands continue from the last journaled
 * sequence plus one, so ids and tags continue exactly as they would have. Orders the replay reproduces beyond the end
 * of the orders journal were decided by journaled commands but never handed over (the engine died between the two):
 * they are sent now, once, with their original ids and tags. A torn record at the end of the commands journal was
 * never acknowledged and never acted on; it is dropped and written over. The engine refuses to start (a
 * {@link JournalRecoveryException}) if a journal is damaged before its end, if the replay's orders differ from what was
 * sent, or if an earlier checkpoint's state hash is not reached.
 *
 * <p><b>Acknowledgement.</b> A command is acknowledged when {@link #publish} has returned its sequence and
 * {@link #awaitJournaled} confirms it: its record is complete in the commands journal and, by default
 * ({@link JournalSync#SYNC_PER_BATCH}), msync'd with the rest of its batch (with {@link JournalSync#PAGE_CACHE}: in
 * the page cache, which survives the death of the process but not of the machine). An acknowledged command survives a crash and is replayed on restart; an
 * unacknowledged one may or may not have been journaled, and a producer that must not lose it re-sends it after a
 * restart from {@link #lastSequence()} on (the admin API answers a request only once it is acknowledged; the gateway's
 * reports are recovered by reconciliation).
 *
 * <p><b>At most once.</b> An order leaves only once its cause is acknowledged (journaled, and msync'd by default), and
 * is written to the orders journal just before it is handed to the port, so a restart never sends an order it handed
 * over before. An order journaled by a process killed in the microseconds before the hand-over is not sent again;
 * the gateway's reconciliation (intents matched by tag at the broker) is what finds it. With
 * {@link JournalSync#SYNC_PER_BATCH} the orders journal is msync'd after each hand-over: a power loss inside that
 * msync makes the restart send the order again, and the gateway, which looks intents up by tag before placing them,
 * does not place it twice.
 *
 * <p><b>Fail-stop.</b> If the commands journal fails at a command, nothing from that command on is journaled or
 * acknowledged, and every order whose cause is not acknowledged is withheld (orders of acknowledged commands still
 * leave); if the orders journal fails, every order from then on is withheld ({@link #failure()}). Restart the engine
 * to recover from the journal as it is: orders of journaled commands that were withheld are sent then.
 */
public final class JournaledEngine implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(JournaledEngine.class);

    private final Context context;
    private final JournalLayout layout;
    private final EngineRuntime runtime;
    private final JournalStage journalStage;
    private final JournalingPort journalingPort;
    private final JournalWriter commands;
    private final JournalWriter orders;
    private final RecoveryReport recovery;
    private boolean started;
    private boolean stopped;
    private boolean closed;

    /**
     * Configuration, Aeron-style: fluent accessors, validated in {@link #conclude()}.
     */
    public static final class Context
    {
        private Path journalDirectory;
        private JournalSync sync = JournalSync.SYNC_PER_BATCH;
        private long lockTimeoutMillis = 2_000;
        private int ringSize = EngineRuntime.Context.DEFAULT_RING_SIZE;
        private WaitStrategyKind waitStrategy = WaitStrategyKind.BLOCKING;
        private int maxFrameLength = FrameValidator.DEFAULT_MAX_FRAME_LENGTH;
        private EngineErrorListener errorListener = (stage, sequence, error) ->
            LOG.error("unexpected error on the ring ({} stage, sequence {})", stage, sequence, error);
        private LongSupplier stateHash;
        private UnaryOperator<EventHandler<CommandSlot>> journalDecorator = UnaryOperator.identity();

        /** @param directory root of the journals (created if absent). @return this. */
        public Context journalDirectory(final Path directory)
        {
            journalDirectory = directory;
            return this;
        }

        /** @return root of the journals. */
        public Path journalDirectory()
        {
            return journalDirectory;
        }

        /**
         * @param sync durability of the journals: {@link JournalSync#SYNC_PER_BATCH} by default (every batch msync'd
         *             before it is acknowledged or its orders leave; survives a power loss), or
         *             {@link JournalSync#PAGE_CACHE} (survives the death of the process, not of the machine).
         * @return this.
         */
        public Context sync(final JournalSync sync)
        {
            this.sync = sync;
            return this;
        }

        /** @return durability of the journals. */
        public JournalSync sync()
        {
            return sync;
        }

        /** @param millis Chronicle's lock timeout. @return this. */
        public Context lockTimeoutMillis(final long millis)
        {
            lockTimeoutMillis = millis;
            return this;
        }

        /** @param size ring size, a power of two. @return this. */
        public Context ringSize(final int size)
        {
            ringSize = size;
            return this;
        }

        /** @param kind how the ring's threads wait. @return this. */
        public Context waitStrategy(final WaitStrategyKind kind)
        {
            waitStrategy = kind;
            return this;
        }

        /** @param length largest frame accepted. @return this. */
        public Context maxFrameLength(final int length)
        {
            maxFrameLength = length;
            return this;
        }

        /** @param listener told about unexpected exceptions on the ring. @return this. */
        public Context errorListener(final EngineErrorListener listener)
        {
            errorListener = listener;
            return this;
        }

        /**
         * @param hash the business logic's state hash (e.g. {@code TradingEngine::stateHash}), read only while the ring
         *             is not running: checkpoints are recorded after recovery and after a clean stop, and checked on
         *             recovery. Null: no checkpoints.
         * @return this.
         */
        public Context stateHash(final LongSupplier hash)
        {
            stateHash = hash;
            return this;
        }

        /**
         * @param decorator wraps the commands journal's ring handler: instrumentation, or fault injection in crash
         *                  tests. Identity by default.
         * @return this.
         */
        public Context journalDecorator(final UnaryOperator<EventHandler<CommandSlot>> decorator)
        {
            journalDecorator = decorator;
            return this;
        }

        /** @return this, after checking the configuration. */
        public Context conclude()
        {
            if (null == journalDirectory)
            {
                throw new IllegalArgumentException("a journal directory is required");
            }
            if (null == sync || null == waitStrategy || null == errorListener || null == journalDecorator
                || lockTimeoutMillis <= 0)
            {
                throw new IllegalArgumentException("sync, wait strategy, error listener, journal decorator and a "
                    + "positive lock timeout are required");
            }
            return this;
        }
    }

    private JournaledEngine(final Context context, final JournalLayout layout, final EngineRuntime runtime,
        final JournalStage journalStage, final JournalingPort journalingPort, final JournalWriter commands,
        final JournalWriter orders, final RecoveryReport recovery)
    {
        this.context = context;
        this.layout = layout;
        this.runtime = runtime;
        this.journalStage = journalStage;
        this.journalingPort = journalingPort;
        this.commands = commands;
        this.orders = orders;
        this.recovery = recovery;
    }

    /**
     * Recover the engine from its journals (see the class comment), ready to {@link #start()}. The port must be able
     * to send at once: orders the previous run decided but never handed over go to it before this returns.
     *
     * @param context configuration.
     * @param handler the business logic, fresh (nothing applied yet).
     * @param port    where orders go once journaled.
     * @return the engine, recovered, not started.
     * @throws JournalRecoveryException if the journals do not allow a safe start.
     */
    public static JournaledEngine open(final Context context, final CommandHandler handler,
        final OutboundOrderPort port)
    {
        context.conclude();
        final JournalLayout layout = new JournalLayout(context.journalDirectory().toAbsolutePath().normalize());
        createDirectories(layout);
        if (JournalWriter.writerActive(layout.commands()) || JournalWriter.writerActive(layout.orders()))
        {
            throw new JournalRecoveryException("the journal " + layout.root() + " is open for writing by another "
                + "engine; refusing to start a second one on it");
        }
        final JournalStage journalStage = new JournalStage();
        final JournalingPort journalingPort = new JournalingPort(port, journalStage, context.sync());
        final Recovered recovered = replay(context, layout, handler, journalingPort, journalStage);
        final ReplayResult replayed = recovered.result();
        final EngineRuntime runtime = recovered.runtime();
        refuseUnsafeStart(layout, replayed, recovered.lastJournaled());

        final List<JournalWriter> opened = new ArrayList<>();
        try
        {
            final JournalWriter commands = open(opened, layout.commands(), context);
            if (commands.lastSequence() != replayed.lastSequence())
            {
                throw new JournalRecoveryException("the commands journal " + layout.commands() + " changed during "
                    + "recovery (last sequence " + replayed.lastSequence() + ", now " + commands.lastSequence() + ")");
            }
            if (context.sync == JournalSync.SYNC_PER_BATCH)
            {
                // What a dead engine appended but had not msync'd is replayed and may cause orders now: on disk first.
                JournalWriter.syncFiles(layout.commands());
                JournalWriter.syncFiles(layout.orders());
            }
            final long resent = resendPending(layout, context, replayed.pendingOrders(), port);
            final long stateHash = null == context.stateHash ? 0 : context.stateHash.getAsLong();
            if (null != context.stateHash && replayed.lastSequence() >= 0)
            {
                Checkpoints.append(layout.checkpoints(), new Checkpoint(replayed.lastSequence(), stateHash,
                    commands.lastTimestampNs(), Checkpoint.Kind.RECOVERED));
            }
            final JournalWriter orders = open(opened, layout.orders(), context);
            journalingPort.bind(orders, commands);
            journalStage.bind(context.journalDecorator.apply(commands), commands);
            final RecoveryReport report = new RecoveryReport(replayed.commands().records(), replayed.firstSequence(),
                replayed.lastSequence(), replayed.ordersReplayed(), replayed.ordersMatched(), resent,
                replayed.commands().tornTail() ? replayed.commands().problemIndex() : -1,
                replayed.checkpointsMatched(), stateHash, replayed.elapsedNs());
            if (replayed.commands().tornTail())
            {
                LOG.warn("journal {}: {}", layout.commands(), replayed.commands().summary());
            }
            LOG.info("journal {}: {}", layout.root(), report.describe());
            return new JournaledEngine(context, layout, runtime, journalStage, journalingPort, commands, orders,
                report);
        }
        catch (final RuntimeException ex)
        {
            opened.forEach(JournalWriter::close);
            throw ex;
        }
    }

    /** The ring, built to continue after the journal's last sequence, with the journal replayed into it. */
    private record Recovered(EngineRuntime runtime, ReplayResult result, long lastJournaled)
    {
    }

    private static Recovered replay(final Context context, final JournalLayout layout, final CommandHandler handler,
        final JournalingPort journalingPort, final JournalStage journalStage)
    {
        try (JournalReplay replay = new JournalReplay(layout, false))
        {
            final long lastJournaled = replay.lastSequence();
            final EngineRuntime runtime = new EngineRuntime(new EngineRuntime.Context()
                .ringSize(context.ringSize)
                .waitStrategy(context.waitStrategy)
                .maxFrameLength(context.maxFrameLength)
                .errorListener(context.errorListener)
                .firstSequence(Math.max(lastJournaled, 0) + 1), handler, journalingPort, List.of(journalStage));
            final OutboundOrderPort capture = replay.orders();
            final ReplayResult result = replay.run((buffer, offset, length) -> runtime.replay(buffer, offset, length,
                capture), context.stateHash, JournalReplay.Observer.NONE);
            return new Recovered(runtime, result, lastJournaled);
        }
    }

    private static JournalWriter open(final List<JournalWriter> opened, final Path directory, final Context context)
    {
        final JournalWriter writer = new JournalWriter(new JournalContext().directory(directory).sync(context.sync)
            .lockTimeoutMillis(context.lockTimeoutMillis));
        opened.add(writer);
        return writer;
    }

    private static void createDirectories(final JournalLayout layout)
    {
        try
        {
            Files.createDirectories(layout.commands());
            Files.createDirectories(layout.orders());
            Files.createDirectories(layout.checkpoints());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create the journal directories under " + layout.root(), ex);
        }
    }

    private static void refuseUnsafeStart(final JournalLayout layout, final ReplayResult replayed,
        final long lastJournaled)
    {
        final String refusal = "; refusing to start (nothing was sent). Inspect with: vyuha audit --verify "
            + layout.root();
        if (!replayed.commands().recoverable())
        {
            throw new JournalRecoveryException("commands journal " + layout.commands() + ": "
                + replayed.commands().summary() + refusal);
        }
        if (null != replayed.ordersScan() && !replayed.ordersScan().recoverable())
        {
            throw new JournalRecoveryException("orders journal " + layout.orders() + ": "
                + replayed.ordersScan().summary() + refusal);
        }
        if (replayed.lastSequence() != lastJournaled)
        {
            throw new JournalRecoveryException("commands journal " + layout.commands() + " ends at #" + lastJournaled
                + " but its records could be read only up to #" + replayed.lastSequence() + refusal);
        }
        if (null != replayed.orderDifference() || replayed.ordersLiveOnly() > 0)
        {
            throw new JournalRecoveryException("replaying " + layout.commands() + " does not reproduce the orders the "
                + "engine sent: " + (null == replayed.orderDifference() ? replayed.ordersLiveOnly()
                + " sent order(s) not reproduced" : replayed.orderDifference().describe())
                + " (is the engine configured as it was?)" + refusal.replace("audit --verify", "replay"));
        }
        if (null != replayed.checkpointMismatch())
        {
            throw new JournalRecoveryException("replaying " + layout.commands() + " does not reach the state the "
                + "engine recorded: " + replayed.checkpointMismatch().describe() + " (is the engine configured as it "
                + "was?)" + refusal.replace("audit --verify", "replay"));
        }
    }

    private static long resendPending(final JournalLayout layout, final Context context,
        final List<OrderStreamCheck.PendingOrder> pending, final OutboundOrderPort port)
    {
        if (pending.isEmpty())
        {
            return 0;
        }
        final FrameDescriber describer = new FrameDescriber();
        try (JournalWriter writer = new JournalWriter(new JournalContext().directory(layout.orders())
            .sync(context.sync).lockTimeoutMillis(context.lockTimeoutMillis)))
        {
            for (final OrderStreamCheck.PendingOrder order : pending)
            {
                final UnsafeBuffer frame = new UnsafeBuffer(order.frame());
                LOG.warn("sending an order decided before the restart but never handed over (caused by #{}): {}",
                    order.causeSequence(), describer.describe(frame, 0, frame.capacity()).text());
                writer.append(frame, 0, frame.capacity(), Math.max(0, writer.lastSequence()) + 1,
                    timestamp(frame, 0, frame.capacity()));
                port.send(frame, 0, frame.capacity(), order.causeSequence());
                if (context.sync == JournalSync.SYNC_PER_BATCH)
                {
                    writer.sync();
                }
            }
        }
        return pending.size();
    }

    private static long timestamp(final DirectBuffer frame, final int offset, final int length)
    {
        return length >= CommandStamp.STAMPED_FRAME_MIN_LENGTH ? CommandStamp.timestampNs(frame, offset) : 0;
    }

    /** @return what recovery found and did. */
    public RecoveryReport recovery()
    {
        return recovery;
    }

    /** @return the journals' root. */
    public JournalLayout layout()
    {
        return layout;
    }

    /**
     * Start the ring's threads: commands published from now on are journaled, applied and their orders sent.
     */
    public void start()
    {
        if (!started)
        {
            started = true;
            runtime.start();
        }
    }

    /**
     * Publish a command (any producer thread): copied into the ring and stamped with the next sequence and this time.
     *
     * @param buffer      holding the frame.
     * @param offset      where it starts.
     * @param length      its length.
     * @param timestampNs entry time, ns since the epoch.
     * @return its sequence; it is acknowledged once {@link #awaitJournaled} says so.
     */
    public long publish(final DirectBuffer buffer, final int offset, final int length, final long timestampNs)
    {
        return runtime.publish(buffer, offset, length, timestampNs);
    }

    /**
     * Wait until a command is acknowledged: its record is complete in the commands journal.
     *
     * @param sequence what {@link #publish} returned.
     * @param timeout  longest wait.
     * @param unit     its unit.
     * @return true if acknowledged; false on timeout, or if the commands journal failed at or before it.
     */
    public boolean awaitJournaled(final long sequence, final long timeout, final TimeUnit unit)
    {
        final long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (sequence < journalStage.failedAt())
        {
            if (commands.durableSequence() >= sequence)
            {
                return true;
            }
            final long remaining = deadline - System.nanoTime();
            if (remaining <= 0)
            {
                return false;
            }
            commands.awaitDurable(sequence, Math.min(remaining, TimeUnit.MILLISECONDS.toNanos(1)),
                TimeUnit.NANOSECONDS);
        }
        return false;
    }

    /** @return the highest acknowledged sequence. */
    public long journaledSequence()
    {
        return commands.durableSequence();
    }

    /** @return the highest sequence stamped or replayed so far. */
    public long lastSequence()
    {
        return runtime.lastSequence();
    }

    /** @return why the engine withholds orders (a journal failed), or null while it works. */
    public Throwable failure()
    {
        final Throwable journal = journalStage.failure();
        return null != journal ? journal : journalingPort.failure();
    }

    /** @return orders withheld because a journal had failed. */
    public long withheldOrders()
    {
        return journalingPort.withheld();
    }

    /** @return orders handed to the port by the live ring (not counting those resent on recovery). */
    public long ordersSent()
    {
        return journalingPort.sent();
    }

    /** @return commands published but not yet journaled, applied and their orders sent. */
    public long backlog()
    {
        return runtime.backlog();
    }

    /** @return unexpected exceptions on the ring. */
    public long handlerErrors()
    {
        return runtime.handlerErrors();
    }

    /**
     * Stop once every published command is journaled, applied and its orders sent; then record a checkpoint.
     *
     * @param timeout longest wait.
     * @param unit    its unit.
     * @return true if drained in time.
     */
    public boolean drainAndStop(final long timeout, final TimeUnit unit)
    {
        if (stopped)
        {
            return true;
        }
        final boolean drained = runtime.drainAndStop(timeout, unit);
        stopped = true;
        if (drained && started && null == failure() && null != context.stateHash && commands.lastSequence() >= 0)
        {
            Checkpoints.append(layout.checkpoints(), new Checkpoint(commands.lastSequence(),
                context.stateHash.getAsLong(), commands.lastTimestampNs(), Checkpoint.Kind.STOPPED));
        }
        return drained;
    }

    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        try
        {
            drainAndStop(10, TimeUnit.SECONDS);
        }
        finally
        {
            try
            {
                commands.close();
            }
            finally
            {
                orders.close();
            }
        }
    }

    /**
     * The commands journal's place on the ring, fail-stop: once it (or its decorator) fails, it journals nothing more,
     * and the outbound stage, which runs only after it, sees the failure before the failed command's orders.
     */
    private static final class JournalStage implements EventHandler<CommandSlot>
    {
        private EventHandler<CommandSlot> delegate;
        private JournalWriter writer;
        private volatile Throwable failure;
        private volatile long failedAt = Long.MAX_VALUE;

        void bind(final EventHandler<CommandSlot> delegate, final JournalWriter writer)
        {
            this.delegate = delegate;
            this.writer = writer;
        }

        @Override
        public void onEvent(final CommandSlot slot, final long sequence, final boolean endOfBatch)
        {
            if (null != failure)
            {
                return;
            }
            try
            {
                delegate.onEvent(slot, sequence, endOfBatch);
            }
            catch (final Throwable ex)
            {
                fail(slot.sequence(), ex);
                return;
            }
            final Throwable writerFailure = writer.failure();
            if (null != writerFailure)
            {
                fail(slot.sequence(), writerFailure);
            }
        }

        private void fail(final long sequence, final Throwable ex)
        {
            failedAt = sequence;
            failure = ex;
            LOG.error("the commands journal failed at sequence {}: from now on nothing is journaled or acknowledged "
                + "and every order is withheld; restart the engine to recover from its journal", sequence, ex);
        }

        Throwable failure()
        {
            return failure;
        }

        long failedAt()
        {
            return failedAt;
        }
    }

    /**
     * The outbound stage's port: the orders journal, then the gateway. Sends an order only if its cause is
     * acknowledged (always so in normal operation: the outbound stage runs after the journal's batch, synced); after a
     * journal failure that withholds the orders of every command not acknowledged, and everything once the orders
     * journal failed.
     */
    private static final class JournalingPort implements OutboundOrderPort
    {
        private final OutboundOrderPort port;
        private final JournalStage journalStage;
        private final JournalSync sync;
        private JournalWriter orders;
        private JournalWriter commands;
        private long ordersSequence;
        private volatile long sent;
        private volatile long withheld;
        private volatile Throwable failure;

        JournalingPort(final OutboundOrderPort port, final JournalStage journalStage, final JournalSync sync)
        {
            this.port = port;
            this.journalStage = journalStage;
            this.sync = sync;
        }

        void bind(final JournalWriter orders, final JournalWriter commands)
        {
            this.orders = orders;
            this.commands = commands;
            this.ordersSequence = Math.max(0, orders.lastSequence());
        }

        @Override
        public void send(final DirectBuffer buffer, final int offset, final int length, final long causeSequence)
        {
            if (null != failure || causeSequence > commands.durableSequence())
            {
                if (withheld == 0)
                {
                    LOG.error("withholding orders: a journal failed (first withheld order caused by #{})",
                        causeSequence);
                }
                withheld = withheld + 1;
                return;
            }
            try
            {
                orders.append(buffer, offset, length, ordersSequence + 1, timestamp(buffer, offset, length));
                ordersSequence++;
            }
            catch (final RuntimeException ex)
            {
                fail(causeSequence, ex);
                return;
            }
            port.send(buffer, offset, length, causeSequence);
            sent = sent + 1;
            if (sync == JournalSync.SYNC_PER_BATCH)
            {
                // After the hand-over: a process crash between the two loses nothing (the record is in the page
                // cache already) and the window stays microseconds; a power loss in the msync's window makes the
                // restart send the order again, which the gateway recognises by its tag.
                try
                {
                    orders.sync();
                }
                catch (final RuntimeException ex)
                {
                    fail(causeSequence, ex);
                }
            }
        }

        private void fail(final long causeSequence, final RuntimeException ex)
        {
            failure = ex;
            LOG.error("the orders journal failed at an order caused by #{}: every later order is withheld; restart "
                + "the engine to recover", causeSequence, ex);
        }

        long sent()
        {
            return sent;
        }

        long withheld()
        {
            return withheld;
        }

        Throwable failure()
        {
            return failure;
        }
    }
}
