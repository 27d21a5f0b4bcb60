package dev.vyuha.gateway;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import dev.vyuha.gateway.kite.KiteVenue;
import dev.vyuha.kitesim.Fault;
import dev.vyuha.kitesim.KiteEndpoint;
import dev.vyuha.kitesim.KiteJson;
import dev.vyuha.kitesim.SimulatedExchange;
import dev.vyuha.sbe.BrokerSessionStatus;
import dev.vyuha.sbe.ExecType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * api_secret, request tokens and access tokens (hence any Authorization header) never reach the logs: everything the
 * gateway's process writes (SLF4J at DEBUG, java.util.logging, stdout and stderr, including the SDK's stack traces) is
 * captured through a full session with errors: a session created from a request token, 5xx, a dropped connection, a
 * timeout, a 429, postbacks good and forged, token expiry and renewal, ticker loss.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class GatewaySecretsNeverLoggedTest
{
    private static final String API_SECRET = "SECRETapisecret7f3a9c";
    private static final String REQUEST_TOKEN = "REQUESTtoken51c0ffee";
    private static final String FIRST_ACCESS_TOKEN = "ACCESStokenFirst9d2b";
    private static final String SECOND_ACCESS_TOKEN = "ACCESStokenSecond4e7a";
    private static final List<String> SECRETS = List.of(API_SECRET, REQUEST_TOKEN, FIRST_ACCESS_TOKEN,
        SECOND_ACCESS_TOKEN);

    private final List<String> captured = new CopyOnWriteArrayList<>();

    @Test
    void shouldKeepApiSecretRequestTokenAndAccessTokensOutOfEveryLog() throws Exception
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
            runSessionWithErrors();
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

        final String everything = String.join("\n", captured);
        assertTrue(everything.contains("session EXPIRED"), "the capture saw the session expire");
        assertTrue(everything.contains("may have been placed"), "the capture saw the uncertain placements");
        assertTrue(everything.contains("postback refused"), "the capture saw the forged postback");
        assertTrue(everything.contains("KiteSettings{") || everything.contains("GatewayContext{"),
            "the configuration itself was logged");
        for (final String secret : SECRETS)
        {
            assertFalse(everything.contains(secret), "a secret reached the logs: " + secret.substring(0, 6) + "…");
        }
    }

    private void runSessionWithErrors() throws Exception
    {
        final List<SimulatedExchange.OrderEvent> updates = new CopyOnWriteArrayList<>();
        try (KiteGatewayFixture fixture = new KiteGatewayFixture(
            c -> c.apiSecret(API_SECRET).requestToken(REQUEST_TOKEN).accessToken("unusedinitialtoken"),
            g -> g.kiteRequestToken(REQUEST_TOKEN).kiteApiSecret(API_SECRET).kitePostbackPort(-1)
                .kiteHttpTimeoutMs(700),
            simulator ->
            {
                simulator.exchange().addOrderListener(updates::add);
                simulator.nextAccessToken(FIRST_ACCESS_TOKEN);
                return null;
            }))
        {
            fixture.awaitReady();
            assertTrue(fixture.simulator.isValidAccessToken(FIRST_ACCESS_TOKEN), "session made from the request token");
            final EngineSide engine = fixture.engine;

            fixture.simulator.faults().inject(KiteEndpoint.PLACE_ORDER, Fault.serverError(503).afterProcessing());
            fixture.order(1).quantity(65).limit(100_00).send();
            fixture.simulator.faults().inject(KiteEndpoint.PLACE_ORDER, Fault.drop().afterProcessing());
            fixture.order(2).quantity(65).limit(100_00).send();
            fixture.simulator.faults().inject(KiteEndpoint.PLACE_ORDER, Fault.delay(Duration.ofMillis(1_200)));
            fixture.order(3).quantity(65).limit(100_00).send();
            fixture.simulator.faults().inject(KiteEndpoint.PLACE_ORDER, Fault.tooManyRequests());
            fixture.order(4).quantity(65).limit(100_00).send();
            engine.await(() -> engine.executions.stream().filter(e -> ExecType.FILL == e.execType()).count() == 4,
                "four fills");

            final int port = ((KiteVenue)fixture.gateway.venue()).postbackPort();
            final SimulatedExchange.OrderEvent complete = updates.stream().filter(e -> "COMPLETE".equals(e.status()))
                .findFirst().orElseThrow();
            final String valid = KiteJson.write(KiteJson.orderUpdate(complete.order(), complete.status(),
                fixture.simulator.config().userId(), API_SECRET));
            assertEquals(200, post(port, valid));
            assertEquals(400, post(port, valid.replaceAll("\"checksum\":\"[0-9a-f]+\"", "\"checksum\":\"00\"")));

            fixture.simulator.ticker().disconnectAll();
            fixture.simulator.expireAccessTokens();
            fixture.order(5).quantity(65).limit(100_00).send();
            engine.await(() -> engine.sessions.stream().anyMatch(s -> BrokerSessionStatus.EXPIRED == s.status()),
                "expired");
            fixture.simulator.validateAccessToken(SECOND_ACCESS_TOKEN);
            fixture.accessToken.set(SECOND_ACCESS_TOKEN);
            engine.await(() -> BrokerSessionStatus.VALID == engine.sessions.get(engine.sessions.size() - 1).status(),
                "valid again");
            fixture.order(6).quantity(65).limit(100_00).send();
            engine.awaitExecution(e -> e.clientOrderId() == 6 && ExecType.FILL == e.execType(), "fill after renewal");
            fixture.assertConverged(KiteGatewayFixture.TOKEN);
        }
    }

    private static int post(final int port, final String body) throws Exception
    {
        final HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/postback")).POST(HttpRequest.BodyPublishers.ofString(body))
            .build(), HttpResponse.BodyHandlers.discarding());
        return response.statusCode();
    }

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
        public void write(final int b) throws java.io.IOException
        {
            first.write(b);
            synchronized (second)
            {
                second.write(b);
            }
        }

        @Override
        public void write(final byte[] b, final int off, final int len) throws java.io.IOException
        {
            first.write(b, off, len);
            synchronized (second)
            {
                second.write(b, off, len);
            }
        }
    }
}
