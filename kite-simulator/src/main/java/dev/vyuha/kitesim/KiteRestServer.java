package dev.vyuha.kitesim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kite Connect v3 REST on a real HTTP server (Javalin 7 / Jetty 12): the endpoints the gateway uses, with Kite's
 * authentication ({@code Authorization: token api_key:access_token}, 403 TokenException otherwise), its order rate
 * limits (429 NetworkException beyond 10/s or 400/min), injectable faults ({@link FaultPlan}) applied before or after
 * processing, and JSON with {@code Content-Type: application/json} (CSV as {@code text/csv}).
 */
public final class KiteRestServer implements AutoCloseable
{
    /** Observes every request as it arrives (before faults), e.g. to timestamp it in a benchmark. */
    @FunctionalInterface
    public interface RequestObserver
    {
        /**
         * @param endpoint    which endpoint.
         * @param arrivalNanos {@link System#nanoTime()} at arrival.
         * @param form        the form or query fields (first value of each).
         */
        void onRequest(KiteEndpoint endpoint, long arrivalNanos, Map<String, String> form);
    }

    @FunctionalInterface
    private interface Action
    {
        Object handle(Context ctx, Map<String, String> form);
    }

    private static final Logger LOG = LoggerFactory.getLogger(KiteRestServer.class);
    private static final String JSON = "application/json";
    private static final long SECOND_NANOS = 1_000_000_000L;
    private static final long MINUTE_NANOS = 60 * SECOND_NANOS;

    private final KiteSimulator simulator;
    private final KiteSimulatorConfig config;
    private final SimulatedExchange exchange;
    private final FaultPlan faults;
    private final Map<KiteEndpoint, Integer> requestCounts = new EnumMap<>(KiteEndpoint.class);
    private final Deque<Long> orderRequestTimes = new ArrayDeque<>();
    private final List<RequestObserver> observers = new CopyOnWriteArrayList<>();
    private int rateLimited;
    private Javalin app;

    KiteRestServer(final KiteSimulator simulator)
    {
        this.simulator = simulator;
        this.config = simulator.config();
        this.exchange = simulator.exchange();
        this.faults = simulator.faults();
    }

    KiteRestServer start()
    {
        app = Javalin.create(cfg ->
        {
            cfg.startup.showJavalinBanner = false;
            cfg.routes.post("/session/token", ctx -> handle(ctx, KiteEndpoint.SESSION_TOKEN, false, this::session));
            cfg.routes.delete("/session/token",
                ctx -> handle(ctx, KiteEndpoint.SESSION_INVALIDATE, false, this::invalidate));
            cfg.routes.get("/user/profile",
                ctx -> handle(ctx, KiteEndpoint.PROFILE, true, (c, f) -> KiteJson.profile(config)));
            cfg.routes.get("/user/margins", ctx -> handle(ctx, KiteEndpoint.MARGINS, true, (c, f) ->
            {
                final ObjectNode margins = KiteJson.object();
                margins.set("equity", equityMargins());
                margins.set("commodity", KiteJson.segmentMargins(0, 0, 0));
                return margins;
            }));
            cfg.routes.get("/user/margins/{segment}", ctx -> handle(ctx, KiteEndpoint.MARGINS, true,
                (c, f) -> "commodity".equals(c.pathParam("segment")) ? KiteJson.segmentMargins(0, 0, 0) :
                    equityMargins()));
            cfg.routes.post("/orders/{variety}", ctx -> handle(ctx, KiteEndpoint.PLACE_ORDER, true,
                (c, f) -> orderId(exchange.place(c.pathParam("variety"), OrderRequest.fromForm(f)).orderId())));
            cfg.routes.put("/orders/{variety}/{order_id}", ctx -> handle(ctx, KiteEndpoint.MODIFY_ORDER, true,
                (c, f) -> orderId(exchange.modify(c.pathParam("order_id"), OrderRequest.fromForm(f)).orderId())));
            cfg.routes.delete("/orders/{variety}/{order_id}", ctx -> handle(ctx, KiteEndpoint.CANCEL_ORDER, true,
                (c, f) -> orderId(exchange.cancel(c.pathParam("order_id")).orderId())));
            cfg.routes.get("/orders", ctx -> handle(ctx, KiteEndpoint.ORDERS, true,
                (c, f) -> orderArray(exchange.orders())));
            cfg.routes.get("/orders/{order_id}", ctx -> handle(ctx, KiteEndpoint.ORDER_HISTORY, true, (c, f) ->
            {
                final List<SimOrder> history = exchange.history(c.pathParam("order_id"));
                if (history.isEmpty())
                {
                    throw new KiteApiError(404, "GeneralException", "Couldn't find that `order_id`.");
                }
                return orderArray(history);
            }));
            cfg.routes.get("/orders/{order_id}/trades", ctx -> handle(ctx, KiteEndpoint.ORDER_TRADES, true,
                (c, f) -> tradeArray(exchange.trades(c.pathParam("order_id")))));
            cfg.routes.get("/trades", ctx -> handle(ctx, KiteEndpoint.TRADES, true,
                (c, f) -> tradeArray(exchange.trades())));
            cfg.routes.get("/portfolio/positions", ctx -> handle(ctx, KiteEndpoint.POSITIONS, true,
                (c, f) -> KiteJson.positions(exchange.positions())));
            cfg.routes.get("/instruments", ctx -> handle(ctx, KiteEndpoint.INSTRUMENTS, true,
                (c, f) -> simulator.instrumentsCsv(null)));
            cfg.routes.get("/instruments/{exchange}", ctx -> handle(ctx, KiteEndpoint.INSTRUMENTS, true,
                (c, f) -> simulator.instrumentsCsv(c.pathParam("exchange"))));
            cfg.routes.get("/quote", ctx -> handle(ctx, KiteEndpoint.QUOTE, true, (c, f) -> quotes(c, "full")));
            cfg.routes.get("/quote/ohlc", ctx -> handle(ctx, KiteEndpoint.QUOTE, true, (c, f) -> quotes(c, "ohlc")));
            cfg.routes.get("/quote/ltp", ctx -> handle(ctx, KiteEndpoint.QUOTE, true, (c, f) -> quotes(c, "ltp")));
        }).start(config.host(), 0);
        return this;
    }

    int port()
    {
        return app.port();
    }

    void addObserver(final RequestObserver observer)
    {
        observers.add(observer);
    }

    synchronized int requestCount(final KiteEndpoint endpoint)
    {
        return requestCounts.getOrDefault(endpoint, 0);
    }

    synchronized int rateLimited()
    {
        return rateLimited;
    }

    @Override
    public void close()
    {
        if (null != app)
        {
            app.stop();
        }
    }

    private void handle(
        final Context ctx, final KiteEndpoint endpoint, final boolean authenticated, final Action action)
        throws InterruptedException
    {
        final long arrival = System.nanoTime();
        final Map<String, String> form = form(ctx);
        synchronized (this)
        {
            requestCounts.merge(endpoint, 1, Integer::sum);
        }
        for (final RequestObserver observer : observers)
        {
            observer.onRequest(endpoint, arrival, form);
        }
        final Fault fault = faults.take(endpoint);
        if (null != fault && !fault.isAfterProcessing())
        {
            LOG.debug("fault {} on {} before processing", fault, endpoint);
            if (apply(ctx, fault))
            {
                return;
            }
        }

        Object result;
        try
        {
            if (authenticated && !simulator.isAuthorised(ctx.header("Authorization")))
            {
                throw KiteApiError.token();
            }
            if (endpoint.isOrderEndpoint())
            {
                checkOrderRate();
            }
            result = action.handle(ctx, form);
        }
        catch (final KiteApiError error)
        {
            result = error;
        }

        if (null != fault && fault.isAfterProcessing())
        {
            LOG.debug("fault {} on {} after processing", fault, endpoint);
            if (apply(ctx, fault))
            {
                return;
            }
        }
        respond(ctx, result);
    }

    /**
     * @return true if the fault answered (or killed) the request.
     */
    private static boolean apply(final Context ctx, final Fault fault) throws InterruptedException
    {
        switch (fault.kind())
        {
            case ERROR ->
            {
                respond(ctx, new KiteApiError(fault.status(), fault.errorType(), fault.message()));
                return true;
            }
            case DELAY ->
            {
                Thread.sleep(fault.delay().toMillis());
                return false;
            }
            case DROP ->
            {
                ServletContextRequest.getServletContextRequest(ctx.req())
                    .getConnectionMetaData().getConnection().getEndPoint().close();
                return true;
            }
            default -> throw new IllegalStateException(fault.toString());
        }
    }

    private static void respond(final Context ctx, final Object result)
    {
        if (result instanceof KiteApiError error)
        {
            ctx.status(error.status()).contentType(JSON).result(KiteJson.error(error));
        }
        else if (result instanceof String csv)
        {
            ctx.status(200).contentType("text/csv").result(csv);
        }
        else
        {
            ctx.status(200).contentType(JSON).result(KiteJson.success((JsonNode)result));
        }
    }

    private synchronized void checkOrderRate()
    {
        final long now = System.nanoTime();
        while (!orderRequestTimes.isEmpty() && now - orderRequestTimes.peekFirst() >= MINUTE_NANOS)
        {
            orderRequestTimes.pollFirst();
        }
        int lastSecond = 0;
        for (final Long time : orderRequestTimes)
        {
            if (now - time < SECOND_NANOS)
            {
                lastSecond++;
            }
        }
        if (lastSecond >= config.ordersPerSecond() || orderRequestTimes.size() >= config.ordersPerMinute())
        {
            rateLimited++;
            throw new KiteApiError(429, "NetworkException", "Too many requests");
        }
        orderRequestTimes.addLast(now);
    }

    private Object session(final Context ctx, final Map<String, String> form)
    {
        final String apiKey = form.get("api_key");
        final String requestToken = form.get("request_token");
        final String checksum = form.get("checksum");
        if (!config.apiKey().equals(apiKey) || !config.requestToken().equals(requestToken))
        {
            throw KiteApiError.token();
        }
        final String expected = KiteJson.sha256Hex(apiKey + requestToken + config.apiSecret());
        if (!expected.equals(checksum))
        {
            throw KiteApiError.input("Invalid checksum.");
        }
        final String accessToken = simulator.issueAccessToken();
        return KiteJson.user(config, accessToken, LocalDateTime.now(config.clock().withZone(KiteSimulatorConfig.IST))
            .withNano(0));
    }

    private Object invalidate(final Context ctx, final Map<String, String> form)
    {
        final String accessToken = form.get("access_token");
        if (null != accessToken)
        {
            simulator.expireAccessToken(accessToken);
        }
        return BooleanNode.TRUE;
    }

    private ObjectNode equityMargins()
    {
        return KiteJson.segmentMargins(config.availableCash(), exchange.cash(), exchange.utilisedMargin());
    }

    private static ObjectNode orderId(final String orderId)
    {
        final ObjectNode node = KiteJson.object();
        node.put("order_id", orderId);
        return node;
    }

    private ArrayNode orderArray(final List<SimOrder> orders)
    {
        final ArrayNode array = KiteJson.array();
        orders.forEach(o -> array.add(KiteJson.order(o, config.userId())));
        return array;
    }

    private static ArrayNode tradeArray(final List<SimTrade> trades)
    {
        final ArrayNode array = KiteJson.array();
        trades.forEach(t -> array.add(KiteJson.trade(t)));
        return array;
    }

    private ObjectNode quotes(final Context ctx, final String kind)
    {
        final ObjectNode data = KiteJson.object();
        final LocalDateTime now = LocalDateTime.now(config.clock().withZone(KiteSimulatorConfig.IST)).withNano(0);
        for (final String key : ctx.queryParams("i"))
        {
            final SimInstrument instrument = resolve(key);
            final SimQuote quote = null == instrument ? null : exchange.quote(instrument.instrumentToken());
            if (null == quote)
            {
                continue;
            }
            final ObjectNode node;
            switch (kind)
            {
                case "ltp" ->
                {
                    node = KiteJson.object();
                    node.put("instrument_token", quote.instrumentToken());
                    node.put("last_price", KiteJson.rupees(quote.lastPrice()));
                }
                case "ohlc" ->
                {
                    node = KiteJson.object();
                    node.put("instrument_token", quote.instrumentToken());
                    node.put("last_price", KiteJson.rupees(quote.lastPrice()));
                    node.set("ohlc", KiteJson.ohlc(quote));
                }
                default -> node = KiteJson.quote(quote, now);
            }
            data.set(key, node);
        }
        return data;
    }

    private SimInstrument resolve(final String key)
    {
        final int colon = key.indexOf(':');
        if (colon > 0)
        {
            return exchange.instrument(key.substring(0, colon), key.substring(colon + 1));
        }
        try
        {
            return exchange.instrument(Long.parseLong(key));
        }
        catch (final NumberFormatException ex)
        {
            return null;
        }
    }

    private static Map<String, String> form(final Context ctx)
    {
        final Map<String, String> form = new LinkedHashMap<>();
        ctx.queryParamMap().forEach((k, v) -> form.put(k, v.isEmpty() ? "" : v.get(0)));
        final String contentType = ctx.contentType();
        if (null != contentType && contentType.startsWith("application/x-www-form-urlencoded"))
        {
            final String body = ctx.body();
            for (final String pair : body.split("&"))
            {
                if (pair.isEmpty())
                {
                    continue;
                }
                final int eq = pair.indexOf('=');
                final String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                final String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                form.putIfAbsent(key, value);
            }
        }
        return form;
    }
}
