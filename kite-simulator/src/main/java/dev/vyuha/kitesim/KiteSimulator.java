package dev.vyuha.kitesim;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A faithful Kite Connect simulator on loopback for the <b>unmodified</b> kiteconnect 3.5.1 SDK (KITE.md §13): REST
 * ({@link KiteRestServer}) and the ticker WebSocket ({@link KiteTickerServer}) on real servers, its own order
 * management and matching ({@link SimulatedExchange}), sessions and tokens, and injectable faults ({@link #faults()}).
 * Every order state change goes out as a ticker order update.
 *
 * <pre>{@code
 * try (KiteSimulator kite = KiteSimulator.start(new KiteSimulatorConfig())) {
 *     kite.exchange().addInstrument(...);
 *     kite.exchange().setQuote(SimQuote.twoSided(token, 12_30, 650, 12_35, 650));
 *     // point the SDK at kite.restUrl() and kite.ticker().sdkUriTemplate() (KITE.md §2)
 * }
 * }</pre>
 */
public final class KiteSimulator implements AutoCloseable
{
    private final KiteSimulatorConfig config;
    private final SimulatedExchange exchange;
    private final FaultPlan faults = new FaultPlan();
    private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
    private final AtomicLong tokenSequence = new AtomicLong();
    private final KiteRestServer rest;
    private final KiteTickerServer ticker;
    private volatile String nextAccessToken;

    private KiteSimulator(final KiteSimulatorConfig config)
    {
        this.config = config;
        this.exchange = new SimulatedExchange(config);
        this.validTokens.add(config.accessToken());
        this.ticker = new KiteTickerServer(config.host(), this::isValid, config.heartbeatInterval());
        this.rest = new KiteRestServer(this);
        exchange.addQuoteListener(ticker::publish);
        exchange.addOrderListener(event -> ticker.sendOrderUpdate(config.apiKey(),
            KiteJson.orderUpdate(event.order(), event.status(), config.userId(), config.apiSecret())));
    }

    /**
     * Start the REST and ticker servers on ephemeral loopback ports.
     *
     * @param config configuration.
     * @return the running simulator.
     */
    public static KiteSimulator start(final KiteSimulatorConfig config)
    {
        final KiteSimulator simulator = new KiteSimulator(Objects.requireNonNull(config));
        try
        {
            simulator.ticker.start();
            simulator.rest.start();
        }
        catch (final RuntimeException ex)
        {
            simulator.close();
            throw ex;
        }
        return simulator;
    }

    /** @return the configuration. */
    public KiteSimulatorConfig config()
    {
        return config;
    }

    /** @return the order management, matching and market state. */
    public SimulatedExchange exchange()
    {
        return exchange;
    }

    /** @return the ticker server. */
    public KiteTickerServer ticker()
    {
        return ticker;
    }

    /** @return faults to inject into REST requests. */
    public FaultPlan faults()
    {
        return faults;
    }

    /** @return the REST root, the value for the SDK's {@code Routes._rootUrl}. */
    public String restUrl()
    {
        return "http://" + config.host() + ':' + rest.port();
    }

    /** @return the REST port. */
    public int restPort()
    {
        return rest.port();
    }

    /**
     * @param observer told about every REST request as it arrives.
     */
    public void observeRequests(final KiteRestServer.RequestObserver observer)
    {
        rest.addObserver(observer);
    }

    /**
     * @param endpoint an endpoint.
     * @return requests received at it (including faulted and refused ones).
     */
    public int requestCount(final KiteEndpoint endpoint)
    {
        return rest.requestCount(endpoint);
    }

    /** @return order requests refused with 429 by the genuine rate limit. */
    public int rateLimitedRequests()
    {
        return rest.rateLimited();
    }

    /**
     * @param tag an order tag.
     * @return orders placed with it.
     */
    public int placementsWithTag(final String tag)
    {
        return exchange.placementsWithTag(tag);
    }

    /**
     * Expire every access token (Kite logs sessions out daily around 6 AM): REST answers 403 TokenException and
     * ticker connections are dropped.
     */
    public void expireAccessTokens()
    {
        for (final String token : List.copyOf(validTokens))
        {
            expireAccessToken(token);
        }
    }

    /**
     * @param accessToken the token to invalidate.
     */
    public void expireAccessToken(final String accessToken)
    {
        validTokens.remove(accessToken);
        ticker.disconnect(accessToken);
    }

    /**
     * Make a token valid, as a new login would.
     *
     * @param accessToken the token.
     */
    public void validateAccessToken(final String accessToken)
    {
        validTokens.add(Objects.requireNonNull(accessToken));
    }

    /**
     * @param accessToken the access token {@code POST /session/token} issues next (otherwise one is generated).
     */
    public void nextAccessToken(final String accessToken)
    {
        this.nextAccessToken = accessToken;
    }

    /**
     * @param accessToken a token.
     * @return true if it is valid now.
     */
    public boolean isValidAccessToken(final String accessToken)
    {
        return validTokens.contains(accessToken);
    }

    String issueAccessToken()
    {
        final String given = nextAccessToken;
        nextAccessToken = null;
        final String token = null != given ? given :
            String.format(Locale.ROOT, "simaccesstoken%d", tokenSequence.incrementAndGet());
        validTokens.add(token);
        return token;
    }

    boolean isAuthorised(final String authorization)
    {
        final String prefix = "token ";
        if (null == authorization || !authorization.startsWith(prefix))
        {
            return false;
        }
        final String credentials = authorization.substring(prefix.length());
        final int colon = credentials.indexOf(':');
        return colon > 0 && isValid(credentials.substring(0, colon), credentials.substring(colon + 1));
    }

    private boolean isValid(final String apiKey, final String accessToken)
    {
        return config.apiKey().equals(apiKey) && null != accessToken && validTokens.contains(accessToken);
    }

    String instrumentsCsv(final String exchangeFilter)
    {
        final List<SimInstrument> instruments = exchange.instruments().stream()
            .filter(i -> null == exchangeFilter || exchangeFilter.equals(i.exchange()))
            .toList();
        return InstrumentsCsv.write(instruments);
    }

    @Override
    public void close()
    {
        rest.close();
        ticker.close();
        exchange.close();
    }
}
