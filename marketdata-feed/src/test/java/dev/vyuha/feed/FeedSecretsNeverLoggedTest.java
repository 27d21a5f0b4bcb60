package dev.vyuha.feed;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import dev.vyuha.feed.synthetic.SyntheticInstrumentMaster;
import dev.vyuha.feed.synthetic.SyntheticSettings;
import dev.vyuha.kitesim.InstrumentsCsv;
import dev.vyuha.kitesim.KiteSimulator;
import dev.vyuha.kitesim.KiteSimulatorConfig;
import dev.vyuha.kitesim.SimQuote;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The api key and the access tokens never reach the logs: everything the feed's process writes (SLF4J at DEBUG,
 * java.util.logging, stdout and stderr, the SDK's stack traces included) is captured through a live session with an
 * instrument download, ticks, a dropped connection, refused reconnections, an expired token and a new one.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FeedSecretsNeverLoggedTest
{
    private static final String API_KEY = "APIkeyFeed61f0c2";
    private static final String FIRST_TOKEN = "ACCESStokenFeedFirst8a1d";
    private static final String SECOND_TOKEN = "ACCESStokenFeedSecond3c9e";
    private static final LocalDate DAY = LocalDate.of(2026, 8, 17);

    private final List<String> captured = new CopyOnWriteArrayList<>();

    @Test
    void shouldKeepTheApiKeyAndAccessTokensOutOfEveryLog()
    {
        final LoggerContext logback = (LoggerContext)LoggerFactory.getILoggerFactory();
        final Logger root = logback.getLogger(Logger.ROOT_LOGGER_NAME);
        final Level rootLevel = root.getLevel();
        final AppenderBase<ILoggingEvent> appender = new AppenderBase<>()
        {
            @Override
            protected void append(final ILoggingEvent event)
            {
                if (!event.getLoggerName().startsWith("dev.vyuha.kitesim") && !event.getLoggerName()
                    .startsWith("org.eclipse.jetty") && !event.getLoggerName().startsWith("io.javalin"))
                {
                    captured.add(event.getLoggerName() + ' ' + event.getFormattedMessage()
                        + (null == event.getThrowableProxy() ? "" : ThrowableProxyUtil.asString(
                        event.getThrowableProxy())));
                }
            }
        };
        appender.setContext(logback);
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.DEBUG);
        logback.getLogger("dev.vyuha").setLevel(Level.DEBUG);
        final Handler julHandler = new Handler()
        {
            @Override
            public void publish(final LogRecord record)
            {
                captured.add("jul " + record.getLoggerName() + ' ' + record.getMessage());
            }

            @Override
            public void flush()
            {
            }

            @Override
            public void close()
            {
            }
        };
        final java.util.logging.Logger julRoot = java.util.logging.Logger.getLogger("");
        julRoot.addHandler(julHandler);
        final PrintStream out = System.out;
        final PrintStream err = System.err;
        final ByteArrayOutputStream console = new ByteArrayOutputStream();
        System.setOut(new PrintStream(new Tee(out, console), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(err, console), true, StandardCharsets.UTF_8));
        try
        {
            runSession();
        }
        finally
        {
            System.setOut(out);
            System.setErr(err);
            julRoot.removeHandler(julHandler);
            root.detachAppender(appender);
            root.setLevel(rootLevel);
            logback.getLogger("dev.vyuha").setLevel(null);
        }
        captured.add(console.toString(StandardCharsets.UTF_8));

        assertTrue(captured.stream().anyMatch(line -> line.contains("ticker connected")), "the session was logged");
        assertTrue(captured.stream().anyMatch(line -> line.contains("reconnecting")), "the drop was logged");
        for (final String line : captured)
        {
            for (final String secret : List.of(API_KEY, FIRST_TOKEN, SECOND_TOKEN))
            {
                assertFalse(line.contains(secret), () -> "a secret reached the logs: " + line);
            }
        }
    }

    private void runSession()
    {
        final AtomicReference<String> token = new AtomicReference<>(FIRST_TOKEN);
        try (KiteSimulator kite = KiteSimulator.start(new KiteSimulatorConfig().apiKey(API_KEY)
            .accessToken(FIRST_TOKEN).heartbeatInterval(Duration.ofMillis(200)));
            MarketDataSubscriber engine = new MarketDataSubscriber(true))
        {
            kite.exchange().addInstruments(InstrumentsCsv.parse(SyntheticInstrumentMaster.build(
                new SyntheticSettings().tradingDate(DAY)).toCsv(), i -> 1_800));
            try (Feed feed = Feed.launch(engine.context().sourceKind(FeedSourceKind.KITE).date(DAY)
                .underlyings("NIFTY").window(1, 2, 2).kiteApiKey(API_KEY).kiteAccessToken(token::get)
                .kiteRootUrl(kite.restUrl()).kiteTickerUrl(kite.ticker().sdkUriTemplate())
                .kiteConnection(2_000, 50, 200)))
            {
                engine.await(() -> kite.ticker().subscriptions().containsKey(256265L), "subscribed");
                kite.exchange().setQuote(SimQuote.builder(256265L).lastPrice(24_612_35).build());
                engine.await(() -> engine.indexTicks > 0, "a tick");

                kite.ticker().acceptConnections(false);
                kite.ticker().disconnectAll();
                engine.await(() -> engine.feedStates.size() == 1, "stale");
                sleep(500);
                kite.ticker().acceptConnections(true);
                kite.expireAccessTokens();
                sleep(500);
                kite.validateAccessToken(SECOND_TOKEN);
                token.set(SECOND_TOKEN);
                engine.await(() -> engine.feedStates.size() == 2, "recovered with the new token");
                assertTrue(feed.framesPublished() > 0);
            }
        }
    }

    private static void sleep(final long millis)
    {
        try
        {
            Thread.sleep(millis);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes to two streams. */
    private static final class Tee extends OutputStream
    {
        private final OutputStream first;
        private final OutputStream second;

        Tee(final OutputStream first, final OutputStream second)
        {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(final int b) throws IOException
        {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(final byte[] bytes, final int offset, final int length) throws IOException
        {
            first.write(bytes, offset, length);
            second.write(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException
        {
            first.flush();
            second.flush();
        }
    }
}
