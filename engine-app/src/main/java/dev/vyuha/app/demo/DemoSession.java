package dev.vyuha.app.demo;

import dev.vyuha.admin.AdminApiContext;
import dev.vyuha.admin.LatencySummary;
import dev.vyuha.app.config.BasketDocuments;
import dev.vyuha.app.node.CommandClock;
import dev.vyuha.app.node.EngineNode;
import dev.vyuha.app.report.SessionSummary;
import dev.vyuha.engine.event.EngineEvent;
import dev.vyuha.engine.readmodel.BasketSnapshot;
import dev.vyuha.engine.readmodel.EngineSnapshot;
import dev.vyuha.engine.readmodel.LegSnapshot;
import dev.vyuha.engine.readmodel.OrderSnapshot;
import dev.vyuha.engine.readmodel.StrategySnapshot;
import dev.vyuha.engine.runtime.CommandFrames;
import dev.vyuha.engine.runtime.WaitStrategyKind;
import dev.vyuha.engine.strategy.runtime.EngineConfig;
import dev.vyuha.feed.Feed;
import dev.vyuha.feed.FeedContext;
import dev.vyuha.feed.instrument.KiteInstrumentsCsv;
import dev.vyuha.feed.synthetic.SyntheticMarket;
import dev.vyuha.feed.synthetic.SyntheticSettings;
import dev.vyuha.gateway.Gateway;
import dev.vyuha.gateway.GatewayContext;
import dev.vyuha.journal.JournalSync;
import dev.vyuha.reference.calendar.IndiaTime;
import dev.vyuha.reference.calendar.TradingCalendar;
import dev.vyuha.sbe.Underlying;
import io.aeron.CommonContext;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import org.agrona.CloseHelper;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.BackoffIdleStrategy;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One synthetic trading day through the whole product in one JVM: an embedded media driver (aeron:ipc), the engine
 * process ({@link EngineNode}: journaled ring, I/O thread, timer, optional admin API), the broker gateway with its
 * paper venue, and the market data feed replaying a generated NIFTY and BANKNIFTY day faster than real time. The
 * example baskets are loaded (forced to PAPER) after the day's instrument master; the engine stamps commands with
 * data time so the day's schedule plays out exactly as it would live, only faster.
 *
 * <p>The demo's day ticks more thinly than the feed's default synthetic day (the options of the two nearest expiries
 * within 15 strikes of ATM, at most 10 s apart, about a tenth of the frames), so a whole session fits in about a
 * minute on a laptop and its journal in a couple of hundred megabytes.
 */
public final class DemoSession
{
    /** The session, 09:15 to 15:30, in seconds. */
    public static final double SESSION_SECONDS = 6.25 * 3600;

    private DemoSession()
    {
    }

    /**
     * What to run.
     *
     * @param date        the synthetic trading day.
     * @param seed        its seed.
     * @param speed       replay speed: a factor, or {@code max}.
     * @param journal     journal directory (fresh).
     * @param baskets     the basket documents to trade.
     * @param adminPort   admin API port on loopback, or -1 for none.
     * @param adminToken  the admin API's bearer token (admin role) when it runs.
     * @param tickDensity scales the option tick rates (1 = the demo's day).
     */
    public record Options(LocalDate date, long seed, String speed, Path journal,
        List<BasketDocuments.Document> baskets, int adminPort, String adminToken, double tickDensity)
    {
    }

    /**
     * What happened.
     *
     * @param journal        where the journal is (for {@code audit} and {@code replay}).
     * @param last           the read model at the end.
     * @param framesFed      market-data frames the feed published.
     * @param ordersSent     orders handed to the gateway.
     * @param refusals       baskets the engine refused, with its reasons.
     * @param elapsedMillis  wall time of the session.
     * @param summary        the per-strategy table.
     * @param decisionNs     business-logic time per command over the day, nanoseconds.
     */
    public record Outcome(Path journal, EngineSnapshot last, long framesFed, long ordersSent, List<String> refusals,
        long elapsedMillis, String summary, LatencySummary decisionNs)
    {
        /** @return every leg of every strategy at the end. */
        public List<LegSnapshot> legs()
        {
            final List<LegSnapshot> legs = new ArrayList<>();
            for (final BasketSnapshot basket : last.baskets())
            {
                for (final StrategySnapshot strategy : basket.strategies())
                {
                    legs.addAll(strategy.legs());
                }
            }
            return legs;
        }

        /** @return cash flow of every fill: sells minus buys, paise. */
        public long fillCashFlowPaise()
        {
            long cash = 0;
            for (final OrderSnapshot order : last.orders())
            {
                final long value = order.averagePricePaise() * order.filledQuantity();
                cash += "SELL".equals(order.side()) ? value : -value;
            }
            return cash;
        }
    }

    /**
     * @param calendar trading calendar.
     * @return today in IST if it is a trading day, else the next one.
     */
    public static LocalDate defaultDate(final TradingCalendar calendar)
    {
        final LocalDate today = IndiaTime.date(System.currentTimeMillis() * 1_000_000L);
        return calendar.isTradingDay(today) ? today : calendar.nextTradingDay(today);
    }

    /**
     * Run the day to its end.
     *
     * @param options  what to run.
     * @param progress where the live progress and the summary go.
     * @return the outcome.
     */
    public static Outcome run(final Options options, final PrintStream progress)
    {
        final long started = System.nanoTime();
        final SyntheticSettings settings = new SyntheticSettings()
            .tradingDate(options.date())
            .seed(options.seed())
            .underlyings(List.of(Underlying.NIFTY, Underlying.BANKNIFTY))
            .ticking(2, 15, 3)
            .tickRates(1_000, 1.0, 0.5 * options.tickDensity(), 0.05 * options.tickDensity(), 10_000);
        final SyntheticMarket market = new SyntheticMarket(settings);
        final String aeronDirectory = CommonContext.generateRandomDirName();
        final List<String> refusals = new CopyOnWriteArrayList<>();
        MediaDriver driver = null;
        EngineNode node = null;
        Gateway gateway = null;
        Feed feed = null;
        try
        {
            driver = MediaDriver.launchEmbedded(new MediaDriver.Context()
                .aeronDirectoryName(aeronDirectory)
                .threadingMode(ThreadingMode.SHARED)
                .sharedIdleStrategy(new BackoffIdleStrategy())
                .dirDeleteOnStart(true)
                .dirDeleteOnShutdown(true));
            final long morning = IndiaTime.epochNanos(options.date(), LocalTime.of(9, 0));
            final EngineConfig config = EngineConfig.defaults();
            // A short ring: replaying as fast as possible, the engine is never more than ~1,000 ticks (a few
            // seconds of the day) behind the gateway's paper venue, so reports are not queued behind minutes of ticks.
            node = EngineNode.start(new EngineNode.Settings()
                .journalDirectory(options.journal())
                .sync(JournalSync.PAGE_CACHE)
                .ring(1 << 10, WaitStrategyKind.BLOCKING)
                .engineConfig(config)
                .aeron(driver.aeronDirectoryName(), false)
                .clock(CommandClock.dataTime(morning))
                .admin(options.adminPort() < 0 ? null : new AdminApiContext().port(options.adminPort())
                    .token(options.adminToken(), dev.vyuha.admin.Role.ADMIN))
                .listener(event ->
                {
                    if (event instanceof EngineEvent.BasketChanged changed && !changed.errors().isEmpty())
                    {
                        refusals.add(changed.scope() + ": " + String.join("; ", changed.errors()));
                    }
                }));
            gateway = Gateway.launch(new GatewayContext()
                .aeronDirectoryName(driver.aeronDirectoryName())
                .embeddedDriver(false)
                .venue("paper")
                .account(config.defaultAccount())
                .epochNanoClock(node.clock()));

            final ExpandableArrayBuffer frame = new ExpandableArrayBuffer(1 << 20);
            final CommandFrames commands = new CommandFrames();
            final String csv = KiteInstrumentsCsv.toCsv(market.instrumentMaster().derivatives());
            node.publish(frame, 0, commands.instrumentMaster(frame, 0, (int)options.date().toEpochDay(),
                "synthetic " + options.date() + " seed " + options.seed(), csv));
            long requestId = 1;
            for (final BasketDocuments.Document document : options.baskets())
            {
                final String text = BasketDocuments.withExecutionMode(document, "PAPER");
                node.publish(frame, 0, commands.loadBasket(frame, 0, requestId++, dev.vyuha.sbe.BasketFormat.JSON,
                    false, "demo", text));
            }
            EngineSnapshot snapshot = node.freshSnapshot(5_000);
            progress.printf(Locale.ROOT, "vyuha demo: %s, seed %d, %d baskets (%d strategies), speed %s%n",
                options.date(), options.seed(), snapshot.baskets().size(), strategies(snapshot), options.speed());
            for (final String refusal : refusals)
            {
                progress.println("  refused: " + refusal);
            }

            feed = Feed.create(new FeedContext()
                .aeron(node.aeron())
                .aeronDirectoryName(driver.aeronDirectoryName())
                .source(market)
                // A short term couples the feed to its slowest reader (the engine, which journals every tick): the
                // paper venue never sees the market minutes ahead of the engine when replaying as fast as possible.
                .channel("aeron:ipc?term-length=64k")
                .date(options.date())
                .speed(options.speed()));
            feed.start();
            final long open = IndiaTime.epochNanos(options.date(), LocalTime.of(9, 15));
            long nextLine = System.nanoTime();
            while (!feed.isFinished())
            {
                if (System.nanoTime() >= nextLine)
                {
                    snapshot = node.engine().snapshot();
                    if (null != snapshot)
                    {
                        final double done = Math.max(0, Math.min(1, (node.clock().nanoTime() - open)
                            / (SESSION_SECONDS * 1e9)));
                        progress.printf(Locale.ROOT, "[%3.0f%%] %s%n", done * 100, SessionSummary.progressLine(snapshot));
                    }
                    nextLine = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.speed().equals("max") ? 2 : 3);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
            settle(node);
            // The close: let every time rule of the day fire, then wait for the last orders to be answered.
            node.clock().advanceTo(IndiaTime.epochNanos(options.date(), LocalTime.of(15, 30)) + 1);
            node.publish(frame, 0, commands.timer(frame, 0, 0, node.clock().nanoTime()));
            settle(node);
            snapshot = node.freshSnapshot(5_000);
            final EngineSnapshot last = snapshot;
            final String summary = SessionSummary.table(last, last.trades());
            final long frames = feed.framesPublished();
            final long sent = node.ordersPublished();
            return new Outcome(options.journal(), last, frames, sent, List.copyOf(refusals),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), summary, node.access().decisionLatency());
        }
        finally
        {
            CloseHelper.quietCloseAll(feed, node, gateway, driver);
        }
    }

    private static int strategies(final EngineSnapshot snapshot)
    {
        int count = 0;
        for (final BasketSnapshot basket : snapshot.baskets())
        {
            count += basket.strategies().size();
        }
        return count;
    }

    /**
     * Wait until the engine is idle: nothing in the ring, every order handed over has reached the gateway, and no
     * order is waiting for an answer (or 10 s pass).
     */
    private static void settle(final EngineNode node)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long lastInbound = -1;
        while (System.nanoTime() < deadline)
        {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            final long inbound = node.inboundFrames();
            final EngineSnapshot snapshot = node.freshSnapshot(1_000);
            if (inbound == lastInbound && node.journaled().backlog() == 0
                && node.ordersPublished() == node.ordersHandedOver() && !anyWorking(snapshot))
            {
                return;
            }
            lastInbound = inbound;
        }
    }

    private static boolean anyWorking(final EngineSnapshot snapshot)
    {
        for (final OrderSnapshot order : snapshot.orders())
        {
            final String state = order.state();
            if ("PENDING".equals(state) || "OPEN".equals(state) || "PARTIALLY_FILLED".equals(state))
            {
                return true;
            }
        }
        return false;
    }
}
