package dev.vyuha.kitesim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.ServiceUnavailableResponse;
import io.javalin.websocket.WsContext;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kite ticker WebSocket (KITE.md §7) on a real server (Javalin 7 / Jetty 12), usable on its own: accepts
 * {@code GET /?access_token=…&api_key=…} (403 on bad credentials), honours {@code subscribe} (quote mode),
 * {@code unsubscribe} and {@code mode}, sends binary ltp/quote/full/index packets built from the quotes it is given,
 * a one-byte {@code 0x00} heartbeat to idle connections, and text order updates {@code {"type":"order","data":…}}.
 * Jetty answers every client ping with a pong. Tests can drop connections and refuse new ones on demand.
 */
public final class KiteTickerServer implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(KiteTickerServer.class);

    private final String host;
    private final BiPredicate<String, String> credentials;
    private final Duration heartbeatInterval;
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final Map<Long, SimQuote> latest = new ConcurrentHashMap<>();
    private final ScheduledExecutorService heartbeats;
    private volatile boolean accepting = true;
    private final AtomicInteger connections = new AtomicInteger();
    private Javalin app;

    /**
     * @param host              host to bind to.
     * @param credentials       decides whether (api_key, access_token) may connect.
     * @param heartbeatInterval how often idle connections get a heartbeat.
     */
    public KiteTickerServer(
        final String host, final BiPredicate<String, String> credentials, final Duration heartbeatInterval)
    {
        this.host = Objects.requireNonNull(host);
        this.credentials = Objects.requireNonNull(credentials);
        this.heartbeatInterval = Objects.requireNonNull(heartbeatInterval);
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(r ->
        {
            final Thread thread = new Thread(r, "kitesim-ticker-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Bind to an ephemeral port and start serving.
     *
     * @return this.
     */
    public KiteTickerServer start()
    {
        app = Javalin.create(cfg ->
        {
            cfg.startup.showJavalinBanner = false;
            cfg.routes.wsBeforeUpgrade("/", ctx ->
            {
                if (!accepting)
                {
                    throw new ServiceUnavailableResponse("ticker unavailable");
                }
                if (!credentials.test(ctx.queryParam("api_key"), ctx.queryParam("access_token")))
                {
                    throw new ForbiddenResponse("Incorrect `api_key` or `access_token`.");
                }
            });
            cfg.routes.ws("/", ws ->
            {
                ws.onConnect(ctx ->
                {
                    ctx.disableAutomaticPings();
                    clients.put(ctx.sessionId(), new Client(ctx, ctx.queryParam("api_key"),
                        ctx.queryParam("access_token")));
                    connections.incrementAndGet();
                });
                ws.onMessage(ctx ->
                {
                    final Client client = clients.get(ctx.sessionId());
                    if (null != client)
                    {
                        onCommand(client, ctx.message());
                    }
                });
                ws.onClose(ctx -> clients.remove(ctx.sessionId()));
                ws.onError(ctx -> clients.remove(ctx.sessionId()));
            });
        }).start(host, 0);
        final long period = heartbeatInterval.toMillis();
        heartbeats.scheduleAtFixedRate(this::heartbeat, period, period, TimeUnit.MILLISECONDS);
        return this;
    }

    /** @return the bound port. */
    public int port()
    {
        return app.port();
    }

    /**
     * @return the URI template the SDK's {@code Routes._wsuri} takes, with its {@code :access_token}/{@code :api_key}
     * placeholders.
     */
    public String sdkUriTemplate()
    {
        return "ws://" + host + ':' + port() + "/?access_token=:access_token&api_key=:api_key";
    }

    /**
     * Publish a quote: every client subscribed to its token gets a packet in its mode.
     *
     * @param quote the quote.
     */
    public void publish(final SimQuote quote)
    {
        publish(List.of(quote));
    }

    /**
     * Publish quotes: each subscribed client gets one binary message with a packet per quote it subscribes to.
     *
     * @param quotes the quotes.
     */
    public void publish(final List<SimQuote> quotes)
    {
        for (final SimQuote quote : quotes)
        {
            latest.put(quote.instrumentToken(), quote);
        }
        for (final Client client : clients.values())
        {
            client.sendQuotes(quotes);
        }
    }

    /**
     * Send a text message to every connection of an api_key.
     *
     * @param apiKey whose connections.
     * @param text   the message.
     */
    public void sendText(final String apiKey, final String text)
    {
        for (final Client client : clients.values())
        {
            if (Objects.equals(apiKey, client.apiKey))
            {
                client.sendText(text);
            }
        }
    }

    /**
     * Send an order update as Kite does: {@code {"type":"order","data":…}}.
     *
     * @param apiKey whose connections.
     * @param order  the postback-shaped order object.
     */
    public void sendOrderUpdate(final String apiKey, final ObjectNode order)
    {
        final ObjectNode message = KiteJson.object();
        message.put("type", "order");
        message.set("data", order);
        sendText(apiKey, KiteJson.write(message));
    }

    /**
     * Send {@code {"type":"error","data":…}} to every connection.
     *
     * @param text the error text.
     */
    public void sendError(final String text)
    {
        final ObjectNode message = KiteJson.object();
        message.put("type", "error");
        message.put("data", text);
        for (final Client client : clients.values())
        {
            client.sendText(KiteJson.write(message));
        }
    }

    /**
     * Drop every connection at once, as a network failure would (no close handshake).
     *
     * @return how many were dropped.
     */
    public int disconnectAll()
    {
        int dropped = 0;
        for (final Client client : new ArrayList<>(clients.values()))
        {
            client.drop();
            dropped++;
        }
        return dropped;
    }

    /**
     * Drop the connections opened with an access token (an expired session).
     *
     * @param accessToken the token.
     */
    public void disconnect(final String accessToken)
    {
        for (final Client client : new ArrayList<>(clients.values()))
        {
            if (Objects.equals(accessToken, client.accessToken))
            {
                client.drop();
            }
        }
    }

    /**
     * @param accepting false to answer new connections with 503 (an outage), true to accept them again.
     */
    public void acceptConnections(final boolean accepting)
    {
        this.accepting = accepting;
    }

    /** @return open connections. */
    public int connectedClients()
    {
        return clients.size();
    }

    /** @return connections accepted since start. */
    public int connectionsAccepted()
    {
        return connections.get();
    }

    /** @return every token some client subscribes to, with that client's mode. */
    public Map<Long, String> subscriptions()
    {
        final Map<Long, String> all = new HashMap<>();
        for (final Client client : clients.values())
        {
            synchronized (client)
            {
                all.putAll(client.modes);
            }
        }
        return all;
    }

    @Override
    public void close()
    {
        heartbeats.shutdownNow();
        if (null != app)
        {
            app.stop();
        }
    }

    private void onCommand(final Client client, final String text)
    {
        try
        {
            final JsonNode command = KiteJson.mapper().readTree(text);
            final String action = command.path("a").asText();
            final JsonNode value = command.path("v");
            switch (action)
            {
                case "subscribe" ->
                {
                    final List<Long> tokens = tokens(value);
                    client.subscribe(tokens, TickerPackets.MODE_QUOTE, false);
                    client.sendQuotes(snapshot(tokens));
                }
                case "unsubscribe" -> client.unsubscribe(tokens(value));
                case "mode" ->
                {
                    final String mode = TickerPackets.mode(value.path(0).asText());
                    final List<Long> tokens = tokens(value.path(1));
                    client.subscribe(tokens, mode, true);
                    client.sendQuotes(snapshot(tokens));
                }
                default -> LOG.debug("ignored ticker command {}", text);
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            LOG.warn("bad ticker command {}: {}", text, ex.toString());
        }
    }

    private List<SimQuote> snapshot(final List<Long> tokens)
    {
        final List<SimQuote> quotes = new ArrayList<>();
        for (final Long token : tokens)
        {
            final SimQuote quote = latest.get(token);
            if (null != quote)
            {
                quotes.add(quote);
            }
        }
        return quotes;
    }

    private static List<Long> tokens(final JsonNode array)
    {
        final List<Long> tokens = new ArrayList<>();
        for (final JsonNode token : array)
        {
            tokens.add(token.asLong());
        }
        return tokens;
    }

    private void heartbeat()
    {
        final long idleNanos = heartbeatInterval.toNanos();
        final long now = System.nanoTime();
        for (final Client client : clients.values())
        {
            if (now - client.lastSentNanos >= idleNanos)
            {
                client.sendBinary(TickerPackets.heartbeat());
            }
        }
    }

    private final class Client
    {
        private final WsContext context;
        private final String apiKey;
        private final String accessToken;
        private final Map<Long, String> modes = new LinkedHashMap<>();
        private volatile long lastSentNanos = System.nanoTime();

        Client(final WsContext context, final String apiKey, final String accessToken)
        {
            this.context = context;
            this.apiKey = apiKey;
            this.accessToken = accessToken;
        }

        synchronized void subscribe(final List<Long> tokens, final String mode, final boolean onlySubscribed)
        {
            for (final Long token : tokens)
            {
                if (!onlySubscribed || modes.containsKey(token))
                {
                    modes.put(token, mode);
                }
            }
        }

        synchronized void unsubscribe(final List<Long> tokens)
        {
            tokens.forEach(modes::remove);
        }

        synchronized void sendQuotes(final List<SimQuote> quotes)
        {
            final List<SimQuote> mine = new ArrayList<>(quotes.size());
            final List<String> myModes = new ArrayList<>(quotes.size());
            for (final SimQuote quote : quotes)
            {
                final String mode = modes.get(quote.instrumentToken());
                if (null != mode)
                {
                    mine.add(quote);
                    myModes.add(mode);
                }
            }
            if (!mine.isEmpty())
            {
                sendBinary(TickerPackets.message(mine, myModes));
            }
        }

        synchronized void sendBinary(final ByteBuffer message)
        {
            try
            {
                if (context.session.isOpen())
                {
                    context.send(message);
                    lastSentNanos = System.nanoTime();
                }
            }
            catch (final RuntimeException ex)
            {
                LOG.debug("ticker send failed: {}", ex.toString());
            }
        }

        synchronized void sendText(final String text)
        {
            try
            {
                if (context.session.isOpen())
                {
                    context.send(text);
                }
            }
            catch (final RuntimeException ex)
            {
                LOG.debug("ticker send failed: {}", ex.toString());
            }
        }

        void drop()
        {
            clients.remove(context.sessionId());
            context.session.disconnect();
        }
    }
}
