package dev.vyuha.app.node;

import dev.vyuha.admin.AdminApi;
import dev.vyuha.admin.AdminApiContext;
import dev.vyuha.admin.CommandOutcomes;
import dev.vyuha.admin.EngineAccess;
import dev.vyuha.app.engine.JournaledEngine;
import dev.vyuha.app.engine.RecoveryReport;
import dev.vyuha.app.timer.DeadlineTimer;
import dev.vyuha.engine.event.EngineEventListener;
import dev.vyuha.engine.readmodel.EngineSnapshot;
import dev.vyuha.engine.runtime.WaitStrategyKind;
import dev.vyuha.engine.strategy.runtime.EngineConfig;
import dev.vyuha.engine.strategy.runtime.TradingEngine;
import dev.vyuha.journal.JournalSync;
import io.aeron.Aeron;
import io.aeron.ExclusivePublication;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The engine process: the business logic ({@link TradingEngine}) on the journaled Disruptor ring, an I/O thread between
 * the ring and Aeron (market data and execution reports in, orders out), the deadline timer, and optionally the admin
 * HTTP API. Started in dependency order by {@link #start}; {@link #close} stops it in reverse: HTTP first (no new
 * requests), then the timer and the inbound streams, then the ring is drained and the journal flushed, then the
 * orders still queued go out to the gateway, and last Aeron and the embedded driver.
 *
 * <p>Threads: the business logic (the ring's consumer), the journaller, the I/O agent (backoff idle), the timer, the
 * embedded media driver if any (SHARED), and Javalin's pool when the admin API runs.
 */
public final class EngineNode implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(EngineNode.class);
    private static final int ORDER_HAND_OFF_BYTES = 1 << 20;

    private final Settings settings;
    private final MediaDriver driver;
    private final Aeron aeron;
    private final OrderHandOff handOff;
    private final EngineIoAgent io;
    private final AgentRunner ioRunner;
    private final CommandOutcomes outcomes;
    private final TradingEngine engine;
    private final DecisionTiming timing;
    private final JournaledEngine journaled;
    private final EngineAccess access;
    private final DeadlineTimer timer;
    private final AdminApi admin;
    private boolean closed;

    private EngineNode(final Settings settings)
    {
        this.settings = settings;
        MediaDriver launchedDriver = null;
        Aeron client = null;
        AgentRunner runner = null;
        JournaledEngine opened = null;
        DeadlineTimer startedTimer = null;
        try
        {
            if (settings.embeddedDriver)
            {
                final MediaDriver.Context driverContext = new MediaDriver.Context()
                    .threadingMode(ThreadingMode.SHARED)
                    .sharedIdleStrategy(new BackoffIdleStrategy())
                    .dirDeleteOnStart(true)
                    .dirDeleteOnShutdown(true);
                if (null != settings.aeronDirectory)
                {
                    driverContext.aeronDirectoryName(settings.aeronDirectory);
                }
                launchedDriver = MediaDriver.launchEmbedded(driverContext);
            }
            final Aeron.Context aeronContext = new Aeron.Context();
            if (null != launchedDriver)
            {
                aeronContext.aeronDirectoryName(launchedDriver.aeronDirectoryName());
            }
            else if (null != settings.aeronDirectory)
            {
                aeronContext.aeronDirectoryName(settings.aeronDirectory);
            }
            client = Aeron.connect(aeronContext);
            final ExclusivePublication orders = client.addExclusivePublication(settings.channel,
                settings.orderStreamId);
            final Subscription marketData = client.addSubscription(settings.channel, settings.marketDataStreamId);
            final Subscription reports = client.addSubscription(settings.channel, settings.reportStreamId);
            handOff = new OrderHandOff(ORDER_HAND_OFF_BYTES);
            io = new EngineIoAgent(handOff, orders, marketData, reports, settings.clock, 64);
            runner = new AgentRunner(new BackoffIdleStrategy(), ex -> LOG.error("engine I/O error", ex), null, io);
            AgentRunner.startOnThread(runner);

            outcomes = new CommandOutcomes();
            final EngineEventListener extra = settings.listener;
            engine = new TradingEngine(settings.engineConfig, event ->
            {
                outcomes.onEvent(event);
                if (null != extra)
                {
                    extra.onEvent(event);
                }
            });
            timing = new DecisionTiming(engine, outcomes);
            opened = JournaledEngine.open(new JournaledEngine.Context()
                .journalDirectory(settings.journalDirectory)
                .sync(settings.sync)
                .ringSize(settings.ringSize)
                .waitStrategy(settings.waitStrategy)
                .stateHash(engine::stateHash), timing, handOff);
            opened.start();
            io.attach(opened);
            final JournaledEngine ring = opened;
            access = new JournaledEngineAccess(opened, engine, settings.clock, timing);
            startedTimer = new DeadlineTimer(engine::nextDeadlineNs, settings.clock::nanoTime,
                (frame, length, timestampNs) -> ring.publish(frame, 0, length, timestampNs)).start();
            admin = null == settings.admin ? null :
                new AdminApi(settings.admin, access, outcomes, System.currentTimeMillis() * 1_000).start();
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietCloseAll(startedTimer, opened, runner, client, launchedDriver);
            throw ex;
        }
        this.driver = launchedDriver;
        this.aeron = client;
        this.ioRunner = runner;
        this.journaled = opened;
        this.timer = startedTimer;
    }

    /**
     * Recover from the journal and start every part.
     *
     * @param settings configuration.
     * @return the running engine.
     */
    public static EngineNode start(final Settings settings)
    {
        settings.conclude();
        final EngineNode node = new EngineNode(settings);
        final RecoveryReport recovery = node.journaled.recovery();
        LOG.info("engine started: journal {}, recovered {}", node.journaled.layout().root(), recovery);
        return node;
    }

    /**
     * Put a command into the ring, stamped by the node's clock.
     *
     * @param frame  the frame.
     * @param offset where it starts.
     * @param length its length.
     * @return its sequence.
     */
    public long publish(final DirectBuffer frame, final int offset, final int length)
    {
        return journaled.publish(frame, offset, length, settings.clock.nanoTime());
    }

    /**
     * A snapshot that includes every command published so far (waits for the business logic to catch up).
     *
     * @param timeoutMs how long to wait.
     * @return the snapshot, or the latest one if the wait timed out.
     */
    public EngineSnapshot freshSnapshot(final long timeoutMs)
    {
        final long target = journaled.lastSequence();
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        EngineSnapshot snapshot = engine.snapshot();
        while ((null == snapshot || snapshot.sequence() < target) && System.nanoTime() < deadline)
        {
            engine.requestSnapshot();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
            snapshot = engine.snapshot();
        }
        return snapshot;
    }

    /** @return the business logic (read models, counters, closed trades; read-only from other threads). */
    public TradingEngine engine()
    {
        return engine;
    }

    /** @return the journaled ring. */
    public JournaledEngine journaled()
    {
        return journaled;
    }

    /** @return what the admin API uses. */
    public EngineAccess access()
    {
        return access;
    }

    /** @return the admin API, or null when not configured. */
    public AdminApi admin()
    {
        return admin;
    }

    /** @return the command clock. */
    public CommandClock clock()
    {
        return settings.clock;
    }

    /** @return the Aeron directory in use (for a gateway or feed in the same JVM or host). */
    public String aeronDirectory()
    {
        return aeron.context().aeronDirectoryName();
    }

    /** @return the Aeron client (an in-process feed may share it). */
    public Aeron aeron()
    {
        return aeron;
    }

    /** @return orders handed to the I/O thread. */
    public long ordersHandedOver()
    {
        return handOff.handedOver();
    }

    /** @return orders offered to the gateway's stream. */
    public long ordersPublished()
    {
        return io.ordersPublished();
    }

    /** @return market-data and report frames fed into the ring. */
    public long inboundFrames()
    {
        return io.inboundFrames();
    }

    /**
     * Graceful stop (SIGTERM): stop HTTP, the timer and the inbound streams, drain the ring and flush the journal, send
     * the orders still queued, close Aeron. Idempotent.
     */
    @Override
    public synchronized void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        CloseHelper.quietCloseAll(admin, timer);
        io.closeInbound();
        final boolean drained = journaled.drainAndStop(10, TimeUnit.SECONDS);
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (handOff.pendingBytes() > 0 && System.nanoTime() < deadline)
        {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        if (handOff.pendingBytes() > 0)
        {
            LOG.warn("stopping with {} bytes of orders not yet taken by a gateway; they are in the orders journal",
                handOff.pendingBytes());
        }
        CloseHelper.quietCloseAll(journaled, ioRunner, aeron, driver);
        LOG.info("engine stopped ({}): {} commands journaled, {} orders sent", drained ? "drained" : "NOT drained",
            journaled.journaledSequence(), io.ordersPublished());
    }

    /**
     * Everything the node needs. Defaults suit a paper engine on one host.
     */
    public static final class Settings
    {
        private Path journalDirectory;
        private JournalSync sync = JournalSync.SYNC_PER_BATCH;
        private int ringSize = 1 << 14;
        private WaitStrategyKind waitStrategy = WaitStrategyKind.BLOCKING;
        private EngineConfig engineConfig = EngineConfig.defaults();
        private String aeronDirectory;
        private boolean embeddedDriver;
        private String channel = "aeron:ipc";
        private int orderStreamId = 3001;
        private int reportStreamId = 3002;
        private int marketDataStreamId = 2001;
        private CommandClock clock = CommandClock.wall();
        private AdminApiContext admin;
        private EngineEventListener listener;

        /** @param directory journal root (created if absent). @return this. */
        public Settings journalDirectory(final Path directory)
        {
            journalDirectory = directory;
            return this;
        }

        /** @param sync durability per batch. @return this. */
        public Settings sync(final JournalSync sync)
        {
            this.sync = sync;
            return this;
        }

        /** @param size ring slots, a power of two. @param kind consumer wait strategy. @return this. */
        public Settings ring(final int size, final WaitStrategyKind kind)
        {
            ringSize = size;
            waitStrategy = kind;
            return this;
        }

        /** @param config business-logic configuration. @return this. */
        public Settings engineConfig(final EngineConfig config)
        {
            engineConfig = config;
            return this;
        }

        /**
         * @param directory Aeron directory (null: Aeron's default).
         * @param embedded  launch an embedded media driver there.
         * @return this.
         */
        public Settings aeron(final String directory, final boolean embedded)
        {
            aeronDirectory = directory;
            embeddedDriver = embedded;
            return this;
        }

        /**
         * @param channel          Aeron channel of the three streams.
         * @param orderStream      engine to gateway.
         * @param reportStream     gateway to engine.
         * @param marketDataStream feed to engine (and paper venue).
         * @return this.
         */
        public Settings streams(final String channel, final int orderStream, final int reportStream,
            final int marketDataStream)
        {
            this.channel = channel;
            orderStreamId = orderStream;
            reportStreamId = reportStream;
            marketDataStreamId = marketDataStream;
            return this;
        }

        /** @param clock what stamps commands. @return this. */
        public Settings clock(final CommandClock clock)
        {
            this.clock = clock;
            return this;
        }

        /** @param context the admin API's configuration, or null for none. @return this. */
        public Settings admin(final AdminApiContext context)
        {
            admin = context;
            return this;
        }

        /** @param listener told every engine event on the business-logic thread (keep it cheap). @return this. */
        public Settings listener(final EngineEventListener listener)
        {
            this.listener = listener;
            return this;
        }

        void conclude()
        {
            if (null == journalDirectory)
            {
                throw new IllegalArgumentException("journal directory is required");
            }
            if (null == channel || !channel.startsWith("aeron:"))
            {
                throw new IllegalArgumentException("aeron channel must start with 'aeron:', was " + channel);
            }
            if (orderStreamId == reportStreamId || orderStreamId == marketDataStreamId
                || reportStreamId == marketDataStreamId)
            {
                throw new IllegalArgumentException("order, report and market-data streams must differ: "
                    + orderStreamId + ", " + reportStreamId + ", " + marketDataStreamId);
            }
        }
    }
}
