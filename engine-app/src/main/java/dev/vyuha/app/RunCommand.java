package dev.vyuha.app;

import dev.vyuha.admin.AdminApiContext;
import dev.vyuha.admin.Role;
import dev.vyuha.app.config.BasketDocuments;
import dev.vyuha.app.config.ConfigException;
import dev.vyuha.app.config.ConfigReader;
import dev.vyuha.app.config.VyuhaConfig;
import dev.vyuha.app.node.CommandClock;
import dev.vyuha.app.node.EngineNode;
import dev.vyuha.engine.event.EngineEvent;
import dev.vyuha.engine.readmodel.BasketSnapshot;
import dev.vyuha.engine.readmodel.EngineSnapshot;
import dev.vyuha.engine.risk.RiskLimits;
import dev.vyuha.engine.runtime.CommandFrames;
import dev.vyuha.engine.runtime.WaitStrategyKind;
import dev.vyuha.engine.strategy.definition.ExecutionMode;
import dev.vyuha.engine.strategy.runtime.EngineConfig;
import dev.vyuha.feed.Feed;
import dev.vyuha.feed.FeedContext;
import dev.vyuha.gateway.Gateway;
import dev.vyuha.gateway.GatewayContext;
import dev.vyuha.journal.JournalSync;
import dev.vyuha.reference.calendar.IndiaTime;
import org.agrona.CloseHelper;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code vyuha run --config FILE}: the long-running engine process. Validates the configuration (every error at once,
 * path-qualified), recovers from the journal, loads the day's instrument master and the configured baskets (unless
 * the journal already has them), serves the admin API, and trades until SIGTERM or SIGINT, when it stops gracefully:
 * HTTP closed, ring drained, journal flushed, queued orders sent, Aeron closed. The gateway and the feed run as their
 * own processes on the same Aeron directory, or in this JVM with {@code --with-gateway} / {@code --with-feed}
 * (configured by their {@code vyuha.gateway.*} / {@code vyuha.feed.*} system properties).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run the engine (live or paper) from a YAML configuration until SIGTERM.")
final class RunCommand implements Callable<Integer>
{
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The engine's YAML configuration.")
    private Path config;

    @Option(names = "--with-gateway", description = "Also run the broker gateway in this JVM (vyuha.gateway.* "
        + "properties; its venue follows the configured mode unless vyuha.gateway.venue is set).")
    private boolean withGateway;

    @Option(names = "--with-feed", description = "Also run the market data feed in this JVM (vyuha.feed.* properties).")
    private boolean withFeed;

    @Option(names = "--check", description = "Validate the configuration and the baskets it names, then exit.")
    private boolean check;

    @Override
    public Integer call()
    {
        final PrintWriter err = spec.commandLine().getErr();
        final VyuhaConfig settings;
        try
        {
            settings = new ConfigReader(System::getenv).read(config);
        }
        catch (final ConfigException ex)
        {
            err.println(ex.getMessage());
            return 2;
        }
        final EngineConfig engineConfig;
        try
        {
            engineConfig = engineConfig(settings);
            for (final Path basket : settings.baskets())
            {
                BasketDocuments.read(basket);
            }
            if (null != settings.instrumentsFile() && !Files.isReadable(settings.instrumentsFile()))
            {
                throw new IllegalArgumentException("instruments.file: cannot read " + settings.instrumentsFile());
            }
        }
        catch (final IllegalArgumentException ex)
        {
            err.println(config + ": " + ex.getMessage());
            return 2;
        }
        if (check)
        {
            spec.commandLine().getOut().println(config + ": valid: " + settings);
            spec.commandLine().getOut().flush();
            return 0;
        }
        final CountDownLatch stopped = new CountDownLatch(1);
        final EngineNode node = EngineNode.start(new EngineNode.Settings()
            .journalDirectory(settings.journalDirectory())
            .sync(JournalSync.valueOf(settings.journalSync()))
            .ring(settings.ringSize(), WaitStrategyKind.valueOf(settings.waitStrategy()))
            .engineConfig(engineConfig)
            .aeron(settings.aeronDirectory(), settings.embeddedDriver())
            .streams(settings.channel(), settings.orderStreamId(), settings.reportStreamId(),
                settings.marketDataStreamId())
            .clock(CommandClock.wall())
            .admin(adminContext(settings))
            .listener(RunCommand::logNotable));
        Gateway gateway = null;
        Feed feed = null;
        try
        {
            if (withGateway)
            {
                final GatewayContext context = new GatewayContext()
                    .aeronDirectoryName(node.aeronDirectory())
                    .embeddedDriver(false)
                    .commandChannel(settings.channel()).commandStreamId(settings.orderStreamId())
                    .reportChannel(settings.channel()).reportStreamId(settings.reportStreamId())
                    .marketDataChannel(settings.channel()).marketDataStreamId(settings.marketDataStreamId())
                    .account(settings.account());
                if (null == System.getProperty(GatewayContext.VENUE_PROP_NAME))
                {
                    context.venue("LIVE".equals(settings.mode()) ? "kite" : "paper");
                }
                gateway = Gateway.launch(context);
            }
            if (withFeed)
            {
                feed = Feed.launch(new FeedContext().aeron(node.aeron()).aeronDirectoryName(node.aeronDirectory())
                    .channel(settings.channel()).streamId(settings.marketDataStreamId()));
            }
            loadDay(node, settings);
        }
        catch (final RuntimeException | IOException ex)
        {
            err.println("cannot start: " + ex.getMessage());
            CloseHelper.quietCloseAll(feed, node, gateway);
            return 1;
        }
        final Gateway startedGateway = gateway;
        final Feed startedFeed = feed;
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
        {
            LOG.info("stopping (signal)");
            CloseHelper.quietCloseAll(startedFeed, node, startedGateway);
            stopped.countDown();
        }, "vyuha-shutdown"));
        LOG.info("engine running: mode {}, journal {}, admin {}, buffer bounds checks {}", settings.mode(),
            settings.journalDirectory(), null == node.admin() ? "off" : settings.adminHost() + ":" + node.admin().port(),
            UnsafeBuffer.SHOULD_BOUNDS_CHECK ? "on" : "off (agrona.disable.bounds.checks)");
        try
        {
            stopped.await();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    static EngineConfig engineConfig(final VyuhaConfig settings)
    {
        final EngineConfig defaults = EngineConfig.defaults();
        final ExecutionMode mode = ExecutionMode.valueOf(settings.mode());
        final EngineConfig withRate = new EngineConfig(defaults.calendar(), defaults.riskLimits(),
            defaults.freezeQuantities(), defaults.indexTokens(), defaults.vixToken(), settings.rate(),
            defaults.maxQuoteAgeNs(), defaults.product(), defaults.defaultAccount(), defaults.executionMode(),
            defaults.orderCapacity(), defaults.positionCapacity());
        return withRate
            .withRiskLimits(new RiskLimits(settings.maxLotsPerOrder(), settings.maxOrderValuePaise(),
                settings.ordersPerSecond(), settings.ordersPerMinute(), settings.ordersPerDay()))
            .withMode(mode, settings.account())
            .withMaxQuoteAge(settings.maxQuoteAgeMillis() * 1_000_000L);
    }

    private static AdminApiContext adminContext(final VyuhaConfig settings)
    {
        if (settings.adminPort() < 0)
        {
            return null;
        }
        final AdminApiContext context = new AdminApiContext().host(settings.adminHost()).port(settings.adminPort())
            .maxRequestBytes(settings.maxRequestBytes());
        for (final Map.Entry<String, String> token : settings.adminTokens().entrySet())
        {
            context.token(token.getKey(), Role.valueOf(token.getValue().toUpperCase(Locale.ROOT)));
        }
        return context;
    }

    /**
     * Today's instrument master (unless the recovered engine has today's) and the configured baskets (unless a
     * basket of the same name is already loaded).
     */
    private static void loadDay(final EngineNode node, final VyuhaConfig settings) throws IOException
    {
        final ExpandableArrayBuffer frame = new ExpandableArrayBuffer(1 << 20);
        final CommandFrames commands = new CommandFrames();
        EngineSnapshot snapshot = node.freshSnapshot(10_000);
        final LocalDate today = IndiaTime.date(node.clock().nanoTime());
        if (null != settings.instrumentsFile() && (null == snapshot || snapshot.instruments() == 0
            || !today.toString().equals(snapshot.tradingDate())))
        {
            final String csv = Files.readString(settings.instrumentsFile());
            node.publish(frame, 0, commands.instrumentMaster(frame, 0, (int)today.toEpochDay(),
                settings.instrumentsFile().toString(), csv));
            LOG.info("instrument master {} sent for {}", settings.instrumentsFile(), today);
        }
        snapshot = node.freshSnapshot(10_000);
        long requestId = System.currentTimeMillis() * 1_000;
        for (final Path path : settings.baskets())
        {
            final BasketDocuments.Document document = BasketDocuments.read(path);
            final String name = BasketDocuments.name(document);
            if (null != name && loaded(snapshot, name))
            {
                LOG.info("basket '{}' ({}) is already loaded (recovered from the journal)", name, path);
                continue;
            }
            // Sent as written: a basket whose execution mode is not the engine's is refused, never converted.
            node.publish(frame, 0, commands.loadBasket(frame, 0, requestId++, document.format(), false,
                "config", document.text()));
            LOG.info("basket {} sent", path);
        }
        final EngineSnapshot loaded = node.freshSnapshot(10_000);
        LOG.info("{} basket(s) loaded, instrument master: {} instruments for {}", loaded.baskets().size(),
            loaded.instruments(), loaded.tradingDate());
    }

    private static boolean loaded(final EngineSnapshot snapshot, final String name)
    {
        if (null != snapshot)
        {
            for (final BasketSnapshot basket : snapshot.baskets())
            {
                if (name.equals(basket.name()))
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static void logNotable(final EngineEvent event)
    {
        if (event instanceof EngineEvent.InstrumentMasterLoaded loaded)
        {
            if (loaded.loaded())
            {
                LOG.info("instrument master: {}", loaded.summary());
            }
            else
            {
                LOG.error("instrument master REFUSED, no entries possible until a valid one loads: {}",
                    loaded.summary());
            }
        }
        else if (event instanceof EngineEvent.BasketChanged changed)
        {
            if (changed.errors().isEmpty())
            {
                LOG.info("{}", changed.describe());
            }
            else
            {
                LOG.warn("{}: {}", changed.describe(), changed.errors());
            }
        }
    }
}
