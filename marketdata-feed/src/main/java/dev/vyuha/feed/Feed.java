package dev.vyuha.feed;

import dev.vyuha.feed.recording.FrameRecorder;
import dev.vyuha.feed.synthetic.SyntheticInstrumentMaster;
import dev.vyuha.feed.instrument.KiteInstrumentsCsv;
import io.aeron.Aeron;
import io.aeron.Publication;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import org.agrona.CloseHelper;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.SystemNanoClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The market-data feed: a source (synthetic day, Kite ticker, bar files or a recording) published as SBE frames on an
 * Aeron stream by a {@link FeedAgent}, with stale-data detection, an optional recording of what was published and an
 * optional embedded media driver (SHARED threading, backoff idle: STACK.md §8, §9).
 *
 * <p>Standalone: {@link #launch} runs the agent on its own thread. In-process (the all-in-one demo): give the context
 * the engine's {@link Aeron} client, {@link #create} the feed and either {@link #start()} it or schedule
 * {@link #agent()} on a runner of your own (close that runner before {@link #close()}). Threads: the agent (backoff
 * idle by default), the driver if embedded, and for Kite the ticker's socket reader and supervisor.
 */
public final class Feed implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(Feed.class);

    private final FeedContext context;
    private final MediaDriver driver;
    private final Aeron aeron;
    private final boolean ownsAeron;
    private final Publication publication;
    private final FeedSources.Opened opened;
    private final FrameRecorder recorder;
    private final FeedAgent agent;
    private AgentRunner runner;

    private Feed(final FeedContext context)
    {
        this.context = context;
        MediaDriver launchedDriver = null;
        Aeron client = context.aeron();
        final boolean own = null == client;
        Publication created = null;
        FeedSources.Opened source = null;
        FrameRecorder createdRecorder = null;
        try
        {
            if (own && context.embeddedDriver())
            {
                launchedDriver = MediaDriver.launchEmbedded(new MediaDriver.Context()
                    .aeronDirectoryName(context.aeronDirectoryName())
                    .threadingMode(ThreadingMode.SHARED)
                    .sharedIdleStrategy(new BackoffIdleStrategy())
                    .dirDeleteOnStart(true)
                    .dirDeleteOnShutdown(true));
            }
            if (own)
            {
                client = Aeron.connect(new Aeron.Context().aeronDirectoryName(context.aeronDirectoryName()));
            }
            created = client.addPublication(context.channel(), context.streamId());
            source = FeedSources.open(context);
            if (null != context.masterFile() && null != source.master()
                && context.sourceKind() != FeedSourceKind.KITE)
            {
                writeMaster(source, Path.of(context.masterFile()));
            }
            if (null != context.recordFile())
            {
                createdRecorder = FrameRecorder.create(Path.of(context.recordFile()));
            }
            agent = new FeedAgent(source.source(), new TickPublication(created), createdRecorder,
                new ReplayPacer(context.speed()), new SystemNanoClock(), context.framesPerCycle());
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietCloseAll(null == source ? null : source.source(), createdRecorder, created,
                own ? client : null, launchedDriver);
            throw ex;
        }
        this.driver = launchedDriver;
        this.aeron = client;
        this.ownsAeron = own;
        this.publication = created;
        this.opened = source;
        this.recorder = createdRecorder;
    }

    private static void writeMaster(final FeedSources.Opened source, final Path file)
    {
        try
        {
            final Path parent = file.toAbsolutePath().getParent();
            if (null != parent)
            {
                Files.createDirectories(parent);
            }
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8))
            {
                KiteInstrumentsCsv.write(source.master(), out);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write the instrument master to " + file, ex);
        }
        LOG.info("instrument master written: {} rows to {}", source.master().size(), file);
    }

    /**
     * Conclude the context and build the feed without starting it.
     *
     * @param context configuration.
     * @return the feed.
     */
    public static Feed create(final FeedContext context)
    {
        context.conclude();
        return new Feed(context);
    }

    /**
     * Conclude the context, build the feed and run its agent on a thread of its own.
     *
     * @param context configuration.
     * @return the running feed.
     */
    public static Feed launch(final FeedContext context)
    {
        return create(context).start();
    }

    /**
     * Run the agent on a thread of its own.
     *
     * @return this.
     */
    public Feed start()
    {
        if (null == runner)
        {
            runner = new AgentRunner(context.idleStrategy(), ex -> LOG.error("feed agent error", ex), null, agent);
            AgentRunner.startOnThread(runner);
            LOG.info("feed started: {}", context);
        }
        return this;
    }

    /** @return the agent, to run on a runner or invoker of the caller's (instead of {@link #start()}). */
    public Agent agent()
    {
        return agent;
    }

    /** @return the configuration. */
    public FeedContext context()
    {
        return context;
    }

    /** @return the source and its instruments. */
    public FeedSources.Opened source()
    {
        return opened;
    }

    /** @return true once a replay or synthetic day has been published to its end. */
    public boolean isFinished()
    {
        return agent.isFinished();
    }

    /** @return frames published. */
    public long framesPublished()
    {
        return agent.published();
    }

    /** @return the publication's channel and stream, for logs. */
    public String destination()
    {
        return publication.channel() + '/' + publication.streamId();
    }

    /**
     * @param file where to write the instrument master of a synthetic day (Kite's CSV format).
     * @param context configuration (date, underlyings).
     * @return rows written.
     */
    public static int writeSyntheticMaster(final Path file, final FeedContext context)
    {
        final SyntheticInstrumentMaster master = SyntheticInstrumentMaster.build(FeedSources.syntheticSettings(
            context));
        master.writeCsv(file);
        return master.derivatives().size();
    }

    @Override
    public void close()
    {
        CloseHelper.quietCloseAll(runner, opened.source(), recorder, publication, ownsAeron ? aeron : null, driver);
        LOG.info("feed stopped after {} frames", agent.published());
    }
}
