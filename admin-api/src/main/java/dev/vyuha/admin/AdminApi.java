package dev.vyuha.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vyuha.engine.analytics.TradeAnalytics;
import dev.vyuha.engine.event.EngineEvent;
import dev.vyuha.engine.readmodel.BasketSnapshot;
import dev.vyuha.engine.readmodel.ClosedTrade;
import dev.vyuha.engine.readmodel.EngineSnapshot;
import dev.vyuha.engine.readmodel.LegSnapshot;
import dev.vyuha.engine.readmodel.OptionChainSnapshot;
import dev.vyuha.engine.readmodel.StrategySnapshot;
import dev.vyuha.engine.readmodel.TemplateSnapshot;
import dev.vyuha.engine.runtime.CommandFrames;
import dev.vyuha.sbe.BasketFormat;
import dev.vyuha.sbe.KillSwitchAction;
import dev.vyuha.sbe.StrategyAction;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import org.agrona.ExpandableArrayBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The admin HTTP API (DOMAIN.md §11) on Javalin: every mutation becomes a command in the engine's ring (journaled and
 * applied like any other input) and the answer is the engine's own outcome; every read comes from the read model the
 * business-logic thread publishes. Bearer tokens with roles; loopback by default; request bodies limited; refusals are
 * JSON with path-qualified reasons; the OpenAPI document is at {@code /openapi.json}.
 */
public final class AdminApi implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(AdminApi.class);
    private static final String REQUESTED_BY = "requestedBy";
    private static final String ROLE = "role";

    private final AdminApiContext context;
    private final EngineAccess engine;
    private final CommandOutcomes outcomes;
    private final ObjectMapper json = new ObjectMapper();
    private final ObjectMapper yaml;
    private final AtomicLong requestIds;
    private final byte[][] tokenBytes;
    private final Role[] tokenRoles;
    private final byte[] openApi;
    private Javalin app;

    /**
     * @param context  configuration (concluded here).
     * @param engine   the running engine.
     * @param outcomes the engine's event listener that answers commands (register it with the engine).
     * @param firstRequestId first request id (make it unique across restarts, e.g. from the wall clock).
     */
    public AdminApi(final AdminApiContext context, final EngineAccess engine, final CommandOutcomes outcomes,
        final long firstRequestId)
    {
        this.context = context.conclude();
        this.engine = engine;
        this.outcomes = outcomes;
        this.requestIds = new AtomicLong(firstRequestId);
        final StreamReadConstraints limits = StreamReadConstraints.builder().maxNestingDepth(64)
            .maxStringLength(context.maxRequestBytes()).build();
        json.getFactory().setStreamReadConstraints(limits);
        json.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        final YAMLFactory yamlFactory = new YAMLFactory();
        yamlFactory.setStreamReadConstraints(limits);
        yaml = new ObjectMapper(yamlFactory);
        tokenBytes = new byte[context.tokens().size()][];
        tokenRoles = new Role[context.tokens().size()];
        int i = 0;
        for (final Map.Entry<String, Role> token : context.tokens().entrySet())
        {
            tokenBytes[i] = token.getKey().getBytes(StandardCharsets.UTF_8);
            tokenRoles[i++] = token.getValue();
        }
        try (InputStream document = AdminApi.class.getResourceAsStream("openapi.json"))
        {
            openApi = null == document ? new byte[0] : document.readAllBytes();
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("cannot read the bundled OpenAPI document", ex);
        }
    }

    /**
     * Bind and serve.
     *
     * @return this.
     */
    public AdminApi start()
    {
        app = Javalin.create(cfg ->
        {
            cfg.startup.showJavalinBanner = false;
            cfg.jsonMapper(new JavalinJackson(json, false));
            cfg.http.maxRequestSize = context.maxRequestBytes();
            cfg.routes.beforeMatched(this::authenticate);
            cfg.routes.exception(ApiProblem.class, (problem, ctx) -> ctx.status(problem.status()).json(problem.body()));
            cfg.routes.exception(Exception.class, (error, ctx) ->
            {
                LOG.error("admin API request {} {} failed", ctx.method(), ctx.path(), error);
                ctx.status(500).json(new ApiProblem.Body(500, "internal error: " + error.getClass().getSimpleName(),
                    List.of()));
            });
            cfg.routes.error(404, ctx ->
            {
                if (null == ctx.result() || !ctx.result().startsWith("{"))
                {
                    ctx.json(new ApiProblem.Body(404, "no such resource: " + ctx.method() + " " + ctx.path(),
                        List.of()));
                }
            });
            cfg.routes.error(405, ctx -> ctx.json(new ApiProblem.Body(405, "method not allowed: " + ctx.method() + " "
                + ctx.path(), List.of())));
            cfg.routes.error(413, ctx -> ctx.json(new ApiProblem.Body(413, "request body larger than "
                + context.maxRequestBytes() + " bytes", List.of())));

            cfg.routes.get("/health", this::health);
            cfg.routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
            cfg.routes.get("/metrics", this::metrics);

            cfg.routes.get("/baskets", ctx -> ctx.json(basketList()));
            cfg.routes.post("/baskets", this::createBasket);
            cfg.routes.get("/baskets/{basket}", ctx -> ctx.json(basket(ctx)));
            cfg.routes.put("/baskets/{basket}", this::updateBasket);
            cfg.routes.delete("/baskets/{basket}", this::removeBasket);
            cfg.routes.post("/baskets/{basket}/{action}", ctx -> control(ctx, 0));
            cfg.routes.post("/baskets/{basket}/strategies/{strategy}/{action}",
                ctx -> control(ctx, positiveInt(ctx.pathParam("strategy"), "strategy")));

            cfg.routes.get("/strategies", ctx -> ctx.json(strategies(snapshot())));
            cfg.routes.get("/orders", ctx -> ctx.json(snapshot().orders()));
            cfg.routes.get("/positions", ctx -> ctx.json(positions(snapshot())));
            cfg.routes.post("/positions/close", this::closePosition);
            cfg.routes.get("/pnl", ctx -> ctx.json(pnl(snapshot())));
            cfg.routes.get("/trades", ctx -> ctx.json(snapshot().trades()));
            cfg.routes.get("/analytics", this::analytics);
            cfg.routes.get("/option-chain/{underlying}", this::optionChain);

            cfg.routes.get("/kill-switch", ctx -> ctx.json(Map.of("engaged", snapshot().killSwitchEngaged())));
            cfg.routes.post("/kill-switch/{action}", this::killSwitch);

            cfg.routes.get("/marketplace/templates", ctx -> ctx.json(templates()));
            cfg.routes.post("/marketplace/templates", this::publishTemplate);
            cfg.routes.post("/marketplace/templates/{template}/subscribe", this::subscribe);
        }).start(context.host(), context.port());
        LOG.info("admin API listening on http://{}:{} ({} token(s))", context.host(), app.port(),
            context.tokens().size());
        return this;
    }

    /** @return the bound port. */
    public int port()
    {
        return app.port();
    }

    @Override
    public void close()
    {
        if (null != app)
        {
            app.stop();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Access
    // ---------------------------------------------------------------------------------------------------------------

    private void authenticate(final Context ctx)
    {
        final String path = ctx.path();
        if ("/health".equals(path) || "/openapi.json".equals(path))
        {
            return;
        }
        final String header = ctx.header("Authorization");
        if (null == header || !header.regionMatches(true, 0, "Bearer ", 0, 7))
        {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new ApiProblem(401, "a bearer token is required (Authorization: Bearer <token>)");
        }
        final Role role = roleOf(header.substring(7).trim().getBytes(StandardCharsets.UTF_8));
        if (null == role)
        {
            ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            throw new ApiProblem(401, "the bearer token is not valid");
        }
        final Role required = required(ctx);
        if (!role.allows(required))
        {
            throw new ApiProblem(403, "this needs the " + required + " role; the token has " + role);
        }
        ctx.attribute(ROLE, role);
        ctx.attribute(REQUESTED_BY, role.name().toLowerCase(Locale.ROOT) + "@" + ctx.ip());
        final String length = ctx.header("Content-Length");
        if (null != length && length.length() > 10)
        {
            throw new ApiProblem(413, "request body larger than " + context.maxRequestBytes() + " bytes");
        }
        if (null != length && Long.parseLong(length) > context.maxRequestBytes())
        {
            throw new ApiProblem(413, "request body larger than " + context.maxRequestBytes() + " bytes");
        }
    }

    /** Constant-time comparison against every configured token (no early exit on the first match). */
    private Role roleOf(final byte[] presented)
    {
        Role found = null;
        for (int i = 0; i < tokenBytes.length; i++)
        {
            if (MessageDigest.isEqual(tokenBytes[i], presented) && null == found)
            {
                found = tokenRoles[i];
            }
        }
        return found;
    }

    private static Role required(final Context ctx)
    {
        final String method = ctx.method().name();
        if ("GET".equals(method))
        {
            return Role.VIEWER;
        }
        final String path = ctx.path();
        if (path.startsWith("/kill-switch") || ("/marketplace/templates".equals(path)))
        {
            return Role.ADMIN;
        }
        return Role.TRADER;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Reads
    // ---------------------------------------------------------------------------------------------------------------

    private EngineSnapshot snapshot()
    {
        return engine.snapshot();
    }

    private void health(final Context ctx)
    {
        final EngineSnapshot snapshot = snapshot();
        final Map<String, Object> health = new LinkedHashMap<>();
        health.put("status", "UP");
        health.put("sequence", snapshot.sequence());
        health.put("engineTimeNs", snapshot.timestampNs());
        health.put("tradingDate", snapshot.tradingDate());
        health.put("instruments", snapshot.instruments());
        health.put("killSwitchEngaged", snapshot.killSwitchEngaged());
        health.put("brokerSessionExpired", snapshot.brokerSessionExpired());
        health.put("feedStale", snapshot.feedStale());
        health.put("ringBacklog", engine.ringBacklog());
        health.put("journalLag", engine.journalLag());
        ctx.json(health);
    }

    private void metrics(final Context ctx)
    {
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
            .result(PrometheusText.render(snapshot(), engine.ringBacklog(), engine.journalLag(),
                engine.decisionLatency()));
    }

    /** One line per basket for listings. */
    record BasketSummary(long number, String id, String name, long version, String status, String executionMode,
        int strategies, long mtmPaise, String haltReason)
    {
    }

    private List<BasketSummary> basketList()
    {
        final List<BasketSummary> list = new ArrayList<>();
        for (final BasketSnapshot basket : snapshot().baskets())
        {
            list.add(new BasketSummary(basket.number(), basket.id(), basket.name(), basket.version(), basket.status(),
                basket.executionMode(), basket.strategies().size(), basket.mtmPaise(), basket.haltReason()));
        }
        return list;
    }

    private BasketSnapshot basket(final Context ctx)
    {
        final long number = positiveLong(ctx.pathParam("basket"), "basket");
        for (final BasketSnapshot basket : snapshot().baskets())
        {
            if (basket.number() == number)
            {
                return basket;
            }
        }
        throw new ApiProblem(404, "no basket number " + number);
    }

    /** A strategy with where it belongs, for flat listings. */
    record StrategyRow(long basket, String basketId, StrategySnapshot strategy)
    {
    }

    private static List<StrategyRow> strategies(final EngineSnapshot snapshot)
    {
        final List<StrategyRow> rows = new ArrayList<>();
        for (final BasketSnapshot basket : snapshot.baskets())
        {
            for (final StrategySnapshot strategy : basket.strategies())
            {
                rows.add(new StrategyRow(basket.number(), basket.id(), strategy));
            }
        }
        return rows;
    }

    /** An open position with where it belongs. */
    record PositionRow(long basket, String basketId, int strategyNumber, String strategyId, String account,
        LegSnapshot leg)
    {
    }

    private static List<PositionRow> positions(final EngineSnapshot snapshot)
    {
        final List<PositionRow> rows = new ArrayList<>();
        for (final BasketSnapshot basket : snapshot.baskets())
        {
            for (final StrategySnapshot strategy : basket.strategies())
            {
                for (final LegSnapshot leg : strategy.legs())
                {
                    if (leg.netQuantity() != 0)
                    {
                        rows.add(new PositionRow(basket.number(), basket.id(), strategy.number(), strategy.id(),
                            strategy.account(), leg));
                    }
                }
            }
        }
        return rows;
    }

    /** P&amp;L of one strategy instance. */
    record StrategyPnl(int number, String id, String account, long mtmPaise, long realisedPaise, long unrealisedPaise)
    {
    }

    /** P&amp;L of one basket. */
    record BasketPnl(long number, String id, long mtmPaise, long peakMtmPaise, List<StrategyPnl> strategies)
    {
    }

    /** P&amp;L of the engine. */
    record Pnl(String tradingDate, long mtmPaise, List<BasketPnl> baskets)
    {
    }

    private static Pnl pnl(final EngineSnapshot snapshot)
    {
        final List<BasketPnl> baskets = new ArrayList<>();
        for (final BasketSnapshot basket : snapshot.baskets())
        {
            final List<StrategyPnl> strategies = new ArrayList<>();
            for (final StrategySnapshot strategy : basket.strategies())
            {
                long realised = 0;
                long unrealised = 0;
                for (final LegSnapshot leg : strategy.legs())
                {
                    realised += leg.realisedPaise();
                    unrealised += leg.unrealisedPaise();
                }
                strategies.add(new StrategyPnl(strategy.number(), strategy.id(), strategy.account(),
                    strategy.mtmPaise(), realised, unrealised));
            }
            baskets.add(new BasketPnl(basket.number(), basket.id(), basket.mtmPaise(), basket.peakMtmPaise(),
                strategies));
        }
        return new Pnl(snapshot.tradingDate(), snapshot.mtmPaise(), baskets);
    }

    private void analytics(final Context ctx)
    {
        final EngineSnapshot snapshot = snapshot();
        final String basketParam = ctx.queryParam("basket");
        final long basketNumber = null == basketParam ? 0 : positiveLong(basketParam, "basket");
        String basketId = null;
        long capital = 0;
        for (final BasketSnapshot basket : snapshot.baskets())
        {
            if (basketNumber == 0 || basket.number() == basketNumber)
            {
                basketId = basket.id();
                capital += basket.initialCapitalPaise();
            }
        }
        if (basketNumber != 0 && null == basketId)
        {
            throw new ApiProblem(404, "no basket number " + basketNumber);
        }
        final String strategy = ctx.queryParam("strategy");
        final List<ClosedTrade> trades = new ArrayList<>();
        for (final ClosedTrade trade : snapshot.trades())
        {
            if ((basketNumber == 0 || trade.basketId().equals(basketId))
                && (null == strategy || trade.strategyId().equals(strategy)))
            {
                trades.add(trade);
            }
        }
        final long capitalPaise = null != ctx.queryParam("capital") ? positiveLong(ctx.queryParam("capital"),
            "capital") * 100 : Math.max(1, capital);
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("tradingDate", snapshot.tradingDate());
        body.put("capitalPaise", capitalPaise);
        body.put("statistics", TradeAnalytics.of(trades, capitalPaise));
        ctx.json(body);
    }

    private void optionChain(final Context ctx)
    {
        final String underlying = ctx.pathParam("underlying").toUpperCase(Locale.ROOT);
        for (final OptionChainSnapshot chain : snapshot().chains())
        {
            if (chain.underlying().equals(underlying))
            {
                ctx.json(chain);
                return;
            }
        }
        throw new ApiProblem(404, "no option chain for " + underlying + " (unknown underlying, or no spot price yet)");
    }

    /** A template as listed (without its document). */
    record TemplateRow(String id, String name, long version, String format)
    {
    }

    private List<TemplateRow> templates()
    {
        final List<TemplateRow> rows = new ArrayList<>();
        for (final TemplateSnapshot template : snapshot().templates())
        {
            rows.add(new TemplateRow(template.id(), template.name(), template.version(), template.format()));
        }
        return rows;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Mutations
    // ---------------------------------------------------------------------------------------------------------------

    /** The engine's answer to a basket request. */
    record BasketOutcome(long basket, String id, long version, String outcome, List<String> warnings, long sequence)
    {
    }

    private void createBasket(final Context ctx)
    {
        final boolean validateOnly = Boolean.parseBoolean(ctx.queryParam("validate_only"));
        final BasketFormat format = format(ctx);
        final String text = body(ctx);
        final long requestId = requestIds.incrementAndGet();
        final ExpandableArrayBuffer frame = new ExpandableArrayBuffer(text.length() + 256);
        final int length = new CommandFrames().loadBasket(frame, 0, requestId, format, validateOnly,
            ctx.attribute(REQUESTED_BY), text);
        final EngineEvent.BasketChanged changed = submitAndAwait(ctx, requestId, frame, length);
        if (null == changed)
        {
            return;
        }
        if (!changed.errors().isEmpty())
        {
            final boolean duplicate = changed.errors().stream().anyMatch(e -> e.startsWith("id: basket id"));
            throw new ApiProblem(duplicate ? 409 : 400, duplicate ? "a basket with this id is already loaded" :
                "the basket document is not valid", changed.errors());
        }
        ctx.status(validateOnly ? 200 : 201).json(outcome(changed));
    }

    private void updateBasket(final Context ctx)
    {
        final long number = positiveLong(ctx.pathParam("basket"), "basket");
        final String versionText = null != ctx.header("If-Match") ? ctx.header("If-Match").replace("\"", "").trim() :
            ctx.queryParam("version");
        if (null == versionText)
        {
            throw new ApiProblem(428, "the version being replaced is required (If-Match: <version> or ?version=)");
        }
        final int version = positiveInt(versionText, "version");
        final BasketFormat format = format(ctx);
        final String text = body(ctx);
        final long requestId = requestIds.incrementAndGet();
        final ExpandableArrayBuffer frame = new ExpandableArrayBuffer(text.length() + 256);
        final int length = new CommandFrames().updateBasket(frame, 0, requestId, number, version, format,
            ctx.attribute(REQUESTED_BY), text);
        final EngineEvent.BasketChanged changed = submitAndAwait(ctx, requestId, frame, length);
        if (null == changed)
        {
            return;
        }
        refuseOnErrors(changed, "the update was refused");
        ctx.json(outcome(changed));
    }

    private void removeBasket(final Context ctx)
    {
        final long number = positiveLong(ctx.pathParam("basket"), "basket");
        final long requestId = requestIds.incrementAndGet();
        final ExpandableArrayBuffer frame = new ExpandableArrayBuffer(256);
        final int length = new CommandFrames().removeBasket(frame, 0, requestId, number, ctx.attribute(REQUESTED_BY));
        final EngineEvent.BasketChanged changed = submitAndAwait(ctx, requestId, frame, length);
        if (null == changed)
        {
            return;
        }
        refuseOnErrors(changed, "the removal was refused");
        ctx.json(outcome(changed));
    }

    private void control(final Context ctx, final int strategyNumber)
    {
        final long number = positiveLong(ctx.pathParam("basket"), "basket");
        final StrategyAction action = action(ctx.pathParam("action"));
        final long requestId = requestIds.incrementAndGet();
        final ExpandableArrayBuffer frame = new ExpandableArrayBuffer(512);
        final int length = new CommandFrames().strategyControl(frame, 0, requestId, number, strategyNumber, action,
            ctx.attribute(REQUESTED_BY), reason(ctx));
        final EngineEvent.BasketChanged changed = submitAndAwait(ctx, requestId, frame, length);
        if (null == changed)
        {
            return;
        }
        refuseOnErrors(changed, action.name().toLowerCase(Locale.ROOT) + " was refused");
        ctx.json(outcome(changed));
    }

    private void closePosition(final Context ctx)
    {
        final JsonNode body = jsonBody(ctx);
        final long basket = requiredLong(body, "basket");
        final long strategy = requiredLong(body, "strategy");
        if (strategy < 1 || strategy > Integer.MAX_VALUE)
        {
            throw new ApiProblem(400, "the request is not valid", List.of("strategy: must be a strategy number >= 1"));
        }
        final long requestId = requestIds.incrementAndGet();
        final ExpandableArrayBuffer frame = new ExpandableArrayBuffer(512);
        final int length = new CommandFrames().strategyControl(frame, 0, requestId, basket, (int)strategy,
            StrategyAction.SQUARE_OFF, ctx.attribute(REQUESTED_BY), "close position");
        final EngineEvent.BasketChanged changed = submitAndAwait(ctx, requestId, frame, length);
        if (null == changed)
        {
            return;
        }
        refuseOnErrors(changed, "the close was refused");
        ctx.json(outcome(changed));
    }

    private void killSwitch(final Context ctx)
    {
        final String action = ctx.pathParam("action");
        final KillSwitchAction kill = switch (action)
        {
            case "engage" -> KillSwitchAction.ENGAGE;
            case "clear" -> KillSwitchAction.CLEAR;
            default -> throw new ApiProblem(404, "no kill-switch action " + action + " (engage or clear)");
        };
        final ExpandableArrayBuffer frame = new ExpandableArrayBuffer(512);
        final int length = new CommandFrames().killSwitch(frame, 0, requestIds.incrementAndGet(), kill,
            ctx.attribute(REQUESTED_BY), reason(ctx));
        engine.requestSnapshot();
        final long sequence = engine.submit(frame, 0, length);
        final boolean applied = awaitApplied(sequence) && awaitReadModel(sequence);
        ctx.status(applied ? 200 : 202).json(Map.of("killSwitch", kill == KillSwitchAction.ENGAGE ? "ENGAGED" :
            "CLEARED", "sequence", sequence, "applied", applied));
    }

    private void publishTemplate(final Context ctx)
    {
        final BasketFormat format = format(ctx);
        final String text = body(ctx);
        final JsonNode document = parse(text, format);
        if (!document.path("is_template").asBoolean(false))
        {
            throw new ApiProblem(400, "the request is not valid", List.of("is_template: must be true to publish a "
                + "template"));
        }
        final long requestId = requestIds.incrementAndGet();
        final ExpandableArrayBuffer frame = new ExpandableArrayBuffer(text.length() + 256);
        final int length = new CommandFrames().loadBasket(frame, 0, requestId, format, false,
            ctx.attribute(REQUESTED_BY), text);
        final EngineEvent.BasketChanged changed = submitAndAwait(ctx, requestId, frame, length);
        if (null == changed)
        {
            return;
        }
        refuseOnErrors(changed, "the template is not valid");
        ctx.status(201).json(outcome(changed));
    }

    private void subscribe(final Context ctx)
    {
        final String id = ctx.pathParam("template");
        TemplateSnapshot template = null;
        for (final TemplateSnapshot candidate : snapshot().templates())
        {
            if (candidate.id().equals(id))
            {
                template = candidate;
            }
        }
        if (null == template)
        {
            throw new ApiProblem(404, "no template " + id);
        }
        final JsonNode request = jsonBody(ctx);
        final String account = requiredText(request, "account");
        final long multiplier = request.has("multiplier") ? requiredLong(request, "multiplier") : 1;
        final JsonNode document = parse(template.document(), BasketFormat.valueOf(template.format()));
        if (!(document instanceof ObjectNode instance))
        {
            throw new ApiProblem(409, "template " + id + " is not an object document");
        }
        instance.put("is_template", false);
        instance.put("id", id + "-" + account);
        instance.put("broker_account", account);
        instance.remove("broker_accounts");
        if (request.has("execution_mode"))
        {
            instance.put("execution_mode", requiredText(request, "execution_mode"));
        }
        final ObjectNode subscription = instance.putObject("subscription");
        subscription.put("template_id", id);
        subscription.put("template_version", template.version());
        subscription.put("multiplier", multiplier);
        final String text;
        try
        {
            text = json.writeValueAsString(instance);
        }
        catch (final JsonProcessingException ex)
        {
            throw new ApiProblem(500, "cannot write the subscribed basket");
        }
        final long requestId = requestIds.incrementAndGet();
        final ExpandableArrayBuffer frame = new ExpandableArrayBuffer(text.length() + 256);
        final int length = new CommandFrames().loadBasket(frame, 0, requestId, BasketFormat.JSON, false,
            ctx.attribute(REQUESTED_BY), text);
        final EngineEvent.BasketChanged changed = submitAndAwait(ctx, requestId, frame, length);
        if (null == changed)
        {
            return;
        }
        if (!changed.errors().isEmpty())
        {
            final boolean duplicate = changed.errors().stream().anyMatch(e -> e.startsWith("id: basket id"));
            throw new ApiProblem(duplicate ? 409 : 400, duplicate ? "this account already subscribes to " + id :
                "the subscription is not valid", changed.errors());
        }
        ctx.status(201).json(outcome(changed));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Plumbing
    // ---------------------------------------------------------------------------------------------------------------

    private EngineEvent.BasketChanged submitAndAwait(final Context ctx, final long requestId,
        final ExpandableArrayBuffer frame, final int length)
    {
        final CompletableFuture<EngineEvent.BasketChanged> outcome = outcomes.expect(requestId);
        engine.requestSnapshot();
        final long sequence = engine.submit(frame, 0, length);
        try
        {
            final EngineEvent.BasketChanged changed = outcome.get(context.outcomeTimeoutMs(), TimeUnit.MILLISECONDS);
            awaitReadModel(sequence);
            return changed;
        }
        catch (final TimeoutException ex)
        {
            outcomes.forget(requestId);
            ctx.status(202).json(Map.of("sequence", sequence, "requestId", requestId, "status",
                "accepted; the engine has not answered yet"));
            return null;
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new ApiProblem(503, "interrupted while waiting for the engine");
        }
        catch (final ExecutionException ex)
        {
            throw new ApiProblem(500, "the engine's answer failed");
        }
    }

    private boolean awaitApplied(final long sequence)
    {
        try
        {
            return outcomes.awaitApplied(sequence, context.outcomeTimeoutMs());
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Wait until the published read model includes a command, so a read right after this answer sees its effect.
     */
    private boolean awaitReadModel(final long sequence)
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(context.outcomeTimeoutMs());
        while (engine.snapshot().sequence() < sequence)
        {
            if (System.nanoTime() > deadline)
            {
                return false;
            }
            engine.requestSnapshot();
            java.util.concurrent.locks.LockSupport.parkNanos(50_000);
        }
        return true;
    }

    private static BasketOutcome outcome(final EngineEvent.BasketChanged changed)
    {
        return new BasketOutcome(changed.basketNumber(), changed.scope().basketId(), changed.version(),
            changed.action(), changed.warnings(), changed.sequence());
    }

    private static void refuseOnErrors(final EngineEvent.BasketChanged changed, final String what)
    {
        if (changed.errors().isEmpty())
        {
            return;
        }
        final String first = changed.errors().get(0);
        final int status = first.startsWith("no basket number") || first.contains("has no strategy number") ? 404 :
            first.startsWith("version conflict") || first.contains("trading today") || first.contains("already removed")
            || first.endsWith("is removed") || first.startsWith("id: basket id") ? 409 : 400;
        throw new ApiProblem(status, what, changed.errors());
    }

    private static StrategyAction action(final String action)
    {
        return switch (action)
        {
            case "activate" -> StrategyAction.ACTIVATE;
            case "pause" -> StrategyAction.PAUSE;
            case "resume" -> StrategyAction.RESUME;
            case "square-off" -> StrategyAction.SQUARE_OFF;
            default -> throw new ApiProblem(404, "no action " + action + " (activate, pause, resume or square-off)");
        };
    }

    private static BasketFormat format(final Context ctx)
    {
        final String query = ctx.queryParam("format");
        if (null != query)
        {
            return switch (query.toLowerCase(Locale.ROOT))
            {
                case "json" -> BasketFormat.JSON;
                case "yaml", "yml" -> BasketFormat.YAML;
                default -> throw new ApiProblem(400, "the request is not valid", List.of("format: must be json or "
                    + "yaml, was " + query));
            };
        }
        final String type = null == ctx.contentType() ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        return type.contains("yaml") ? BasketFormat.YAML : BasketFormat.JSON;
    }

    private String body(final Context ctx)
    {
        final byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length > context.maxRequestBytes())
        {
            throw new ApiProblem(413, "request body larger than " + context.maxRequestBytes() + " bytes");
        }
        if (bytes.length == 0)
        {
            throw new ApiProblem(400, "the request has no body (expected a basket document)");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private JsonNode jsonBody(final Context ctx)
    {
        final JsonNode node = parse(body(ctx), BasketFormat.JSON);
        if (!node.isObject())
        {
            throw new ApiProblem(400, "the request is not valid", List.of("$: expected a JSON object"));
        }
        return node;
    }

    private JsonNode parse(final String text, final BasketFormat format)
    {
        try
        {
            final JsonNode node = (format == BasketFormat.YAML ? yaml : json).readTree(text);
            if (null == node || node.isMissingNode())
            {
                throw new ApiProblem(400, "the request is not valid", List.of("$: empty document"));
            }
            return node;
        }
        catch (final JsonProcessingException ex)
        {
            throw new ApiProblem(400, "the request is not valid", List.of("$: " + ex.getOriginalMessage()
                + (null == ex.getLocation() ? "" : " (line " + ex.getLocation().getLineNr() + ", column "
                + ex.getLocation().getColumnNr() + ")")));
        }
    }

    private static long requiredLong(final JsonNode body, final String field)
    {
        final JsonNode value = body.get(field);
        if (null == value || !value.canConvertToLong() || !value.isIntegralNumber())
        {
            throw new ApiProblem(400, "the request is not valid", List.of(field + ": must be an integer"));
        }
        return value.asLong();
    }

    private static String requiredText(final JsonNode body, final String field)
    {
        final JsonNode value = body.get(field);
        if (null == value || !value.isTextual() || value.asText().isBlank())
        {
            throw new ApiProblem(400, "the request is not valid", List.of(field + ": must be a non-empty string"));
        }
        return value.asText();
    }

    private static String reason(final Context ctx)
    {
        final String reason = ctx.queryParam("reason");
        return null == reason ? "" : reason.length() > 200 ? reason.substring(0, 200) : reason;
    }

    private static long positiveLong(final String text, final String name)
    {
        try
        {
            final long value = Long.parseLong(text);
            if (value > 0)
            {
                return value;
            }
        }
        catch (final NumberFormatException ex)
        {
            // Reported below.
        }
        throw new ApiProblem(400, "the request is not valid", List.of(name + ": must be a positive integer, was '"
            + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'"));
    }

    private static int positiveInt(final String text, final String name)
    {
        final long value = positiveLong(text, name);
        if (value > Integer.MAX_VALUE)
        {
            throw new ApiProblem(400, "the request is not valid", List.of(name + ": too large"));
        }
        return (int)value;
    }
}
