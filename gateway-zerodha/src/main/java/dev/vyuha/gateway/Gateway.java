package dev.vyuha.gateway;

import dev.vyuha.gateway.kite.KiteVenue;
import dev.vyuha.gateway.paper.PaperVenue;
import dev.vyuha.gateway.venue.BrokerVenue;
import io.aeron.Aeron;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import org.agrona.CloseHelper;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.status.AtomicCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;

/**
 * The broker gateway: an Aeron subscriber of order commands, a venue (Kite or paper, chosen by configuration), and a
 * publisher of execution reports, reconciliation reports and broker-session messages, with an optional embedded media
 * driver (SHARED threading, backoff idle: STACK.md §8, §9).
 *
 * <p>Threads: the agent (one, backoff idle by default), the embedded driver if any (one), and for Kite the broker
 * and reader threads plus the ticker's socket reader and supervisor, all blocked on I/O or queues most of the time.
 * Nothing spins by default.
 */
public final class Gateway implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

    private final GatewayContext context;
    private final MediaDriver driver;
    private final Aeron aeron;
    private final BrokerVenue venue;
    private final GatewayAgent agent;
    private final AgentRunner runner;

    private Gateway(final GatewayContext context)
    {
        this.context = context;
        MediaDriver launchedDriver = null;
        Aeron connected = null;
        BrokerVenue createdVenue = null;
        try
        {
            if (context.embeddedDriver())
            {
                launchedDriver = MediaDriver.launchEmbedded(new MediaDriver.Context()
                    .aeronDirectoryName(context.aeronDirectoryName())
                    .threadingMode(ThreadingMode.SHARED)
                    .sharedIdleStrategy(new BackoffIdleStrategy())
                    .dirDeleteOnStart(true)
                    .dirDeleteOnShutdown(true));
            }
            connected = Aeron.connect(new Aeron.Context().aeronDirectoryName(context.aeronDirectoryName()));
            final Subscription commands = connected.addSubscription(context.commandChannel(),
                context.commandStreamId());
            final Publication reports = connected.addPublication(context.reportChannel(), context.reportStreamId());
            createdVenue = createVenue(context);
            final Subscription marketData = "paper".equals(context.venue()) || null != context.venueFactory() ?
                connected.addSubscription(context.marketDataChannel(), context.marketDataStreamId()) : null;
            agent = new GatewayAgent(commands, marketData, new ReportPublication(reports), createdVenue,
                context.epochNanoClock(), context.fragmentLimit());
            final AtomicCounter errors = connected.addCounter(1001, "vyuha gateway agent errors");
            runner = new AgentRunner(context.idleStrategy(), ex -> LOG.error("gateway agent error", ex), errors,
                agent);
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietCloseAll(createdVenue, connected, launchedDriver);
            throw ex;
        }
        this.driver = launchedDriver;
        this.aeron = connected;
        this.venue = createdVenue;
    }

    private static BrokerVenue createVenue(final GatewayContext context)
    {
        if (null != context.venueFactory())
        {
            return context.venueFactory().apply(context);
        }
        if ("kite".equals(context.venue()))
        {
            return new KiteVenue(context.kiteSettings(), context.epochNanoClock(), context.kitePlacementObserver());
        }
        return new PaperVenue(context.account(), context.paperSlippageBps(),
            TimeUnit.MILLISECONDS.toNanos(context.paperLatencyMs()), context.epochNanoClock());
    }

    /**
     * Conclude the context and start the gateway.
     *
     * @param context configuration.
     * @return the running gateway.
     */
    public static Gateway launch(final GatewayContext context)
    {
        context.conclude();
        final Gateway gateway = new Gateway(context);
        AgentRunner.startOnThread(gateway.runner);
        LOG.info("gateway started: {}", context);
        return gateway;
    }

    /** @return the configuration. */
    public GatewayContext context()
    {
        return context;
    }

    /** @return the venue (tests). */
    public BrokerVenue venue()
    {
        return venue;
    }

    /** @return order commands handed to the venue. */
    public long commandsReceived()
    {
        return agent.commandsReceived();
    }

    /** @return bad or unexpected command frames counted and ignored. */
    public long badCommandFrames()
    {
        return agent.badCommandFrames();
    }

    /** @return bad market-data frames counted and ignored. */
    public long badMarketDataFrames()
    {
        return agent.badMarketDataFrames();
    }

    /** @return reports published. */
    public long reportsPublished()
    {
        return agent.reportsPublished();
    }

    @Override
    public void close()
    {
        CloseHelper.quietCloseAll(runner, venue, aeron, driver);
        LOG.info("gateway stopped");
    }
}
