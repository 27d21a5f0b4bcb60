package dev.vyuha.gateway;

import dev.vyuha.gateway.kite.KiteCredentials;
import dev.vyuha.gateway.kite.KiteSdk;
import dev.vyuha.gateway.kite.KiteSettings;
import dev.vyuha.gateway.kite.PlacementObserver;
import dev.vyuha.gateway.venue.BrokerVenue;
import io.aeron.CommonContext;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.agrona.concurrent.YieldingIdleStrategy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Configuration of the gateway, in the Aeron {@code Context} style: each setting has a documented system property
 * ({@code *_PROP_NAME}) and a default ({@code *_DEFAULT}); fluent accessors without get/set; {@link #conclude()}
 * validates. Secrets never come from system properties (visible in {@code ps}): the access token comes from the
 * {@value #KITE_ACCESS_TOKEN_ENV} environment variable or a file, the api secret and request token from
 * {@value #KITE_API_SECRET_ENV} and {@value #KITE_REQUEST_TOKEN_ENV}. {@link #toString()} masks them.
 */
public final class GatewayContext
{
    /** Aeron directory to connect to (or to create with the embedded driver). */
    public static final String AERON_DIR_PROP_NAME = "vyuha.gateway.aeron.dir";
    /** Run an embedded media driver (SHARED threading, backoff idle) instead of connecting to one. */
    public static final String EMBEDDED_DRIVER_PROP_NAME = "vyuha.gateway.embedded.driver";
    /** Default: connect to the engine's driver. */
    public static final boolean EMBEDDED_DRIVER_DEFAULT = false;
    /** Channel of the order commands (NewOrder, ModifyOrder, CancelOrder, ReconciliationRequest). */
    public static final String COMMAND_CHANNEL_PROP_NAME = "vyuha.gateway.command.channel";
    /** Default command channel. */
    public static final String COMMAND_CHANNEL_DEFAULT = "aeron:ipc";
    /** Stream id of the order commands. */
    public static final String COMMAND_STREAM_ID_PROP_NAME = "vyuha.gateway.command.stream.id";
    /** Default command stream id. */
    public static final int COMMAND_STREAM_ID_DEFAULT = 3001;
    /** Channel of the reports (ExecutionReport, ReconciliationReport, BrokerSession). */
    public static final String REPORT_CHANNEL_PROP_NAME = "vyuha.gateway.report.channel";
    /** Default report channel. */
    public static final String REPORT_CHANNEL_DEFAULT = "aeron:ipc";
    /** Stream id of the reports. */
    public static final String REPORT_STREAM_ID_PROP_NAME = "vyuha.gateway.report.stream.id";
    /** Default report stream id. */
    public static final int REPORT_STREAM_ID_DEFAULT = 3002;
    /** Channel of the market data the paper venue fills against (DerivativeTick frames). */
    public static final String MARKET_DATA_CHANNEL_PROP_NAME = "vyuha.gateway.market.data.channel";
    /** Default market-data channel. */
    public static final String MARKET_DATA_CHANNEL_DEFAULT = "aeron:ipc";
    /** Stream id of the market data. */
    public static final String MARKET_DATA_STREAM_ID_PROP_NAME = "vyuha.gateway.market.data.stream.id";
    /** Default market-data stream id. */
    public static final int MARKET_DATA_STREAM_ID_DEFAULT = 2001;
    /** Venue: {@code kite} or {@code paper}. */
    public static final String VENUE_PROP_NAME = "vyuha.gateway.venue";
    /** Default venue: paper (no broker account needed; never trades by accident). */
    public static final String VENUE_DEFAULT = "paper";
    /** Account id reports carry; empty takes Kite's user id at login ({@code PAPER} for the paper venue). */
    public static final String ACCOUNT_PROP_NAME = "vyuha.gateway.account";
    /** Idle strategy of the agent: backoff, sleeping, yielding or busy-spin. */
    public static final String IDLE_STRATEGY_PROP_NAME = "vyuha.gateway.idle.strategy";
    /** Default idle strategy (2-core machines: never spin by default). */
    public static final String IDLE_STRATEGY_DEFAULT = "backoff";
    /** Fragments polled per duty cycle and subscription. */
    public static final String FRAGMENT_LIMIT_PROP_NAME = "vyuha.gateway.fragment.limit";
    /** Default fragment limit. */
    public static final int FRAGMENT_LIMIT_DEFAULT = 16;

    /** Buffer of the marketable limit around the reference price, basis points. */
    public static final String LIMIT_BUFFER_BPS_PROP_NAME = "vyuha.gateway.limit.buffer.bps";
    /** Default buffer: 1 %. */
    public static final double LIMIT_BUFFER_BPS_DEFAULT = 100;
    /** How MARKET intents go to Kite: {@code limit} (marketable limit, default) or {@code market}. */
    public static final String MARKET_ORDER_STYLE_PROP_NAME = "vyuha.gateway.market.order.style";
    /** Default style. */
    public static final String MARKET_ORDER_STYLE_DEFAULT = "limit";
    /** Market protection for MARKET/SL-M when the frame carries 0 (-1 automatic, 1–100 percent). */
    public static final String MARKET_PROTECTION_PROP_NAME = "vyuha.gateway.market.protection";
    /** Default market protection: automatic. */
    public static final int MARKET_PROTECTION_DEFAULT = -1;
    /** Most slices per intent (SEBI: 10). */
    public static final String MAX_SLICES_PROP_NAME = "vyuha.gateway.max.slices";
    /** Default slice cap. */
    public static final int MAX_SLICES_DEFAULT = 10;

    /** Kite api key (also {@value #KITE_API_KEY_ENV}). */
    public static final String KITE_API_KEY_PROP_NAME = "vyuha.gateway.kite.api.key";
    /** Environment variable of the api key. */
    public static final String KITE_API_KEY_ENV = "KITE_API_KEY";
    /** Environment variable of the access token. */
    public static final String KITE_ACCESS_TOKEN_ENV = "KITE_ACCESS_TOKEN";
    /** Environment variable of the api secret (session from a request token; postback checksums). */
    public static final String KITE_API_SECRET_ENV = "KITE_API_SECRET";
    /** Environment variable of a request token from a login redirect. */
    public static final String KITE_REQUEST_TOKEN_ENV = "KITE_REQUEST_TOKEN";
    /** File holding the access token, re-read whenever the session must be renewed. */
    public static final String KITE_ACCESS_TOKEN_FILE_PROP_NAME = "vyuha.gateway.kite.access.token.file";
    /** Kite REST root (tests point it at the simulator). */
    public static final String KITE_ROOT_URL_PROP_NAME = "vyuha.gateway.kite.root.url";
    /** Kite ticker URI template. */
    public static final String KITE_TICKER_URL_PROP_NAME = "vyuha.gateway.kite.ticker.url";
    /** Timeout of every Kite REST call, ms. */
    public static final String KITE_HTTP_TIMEOUT_MS_PROP_NAME = "vyuha.gateway.kite.http.timeout.ms";
    /** Default: the SDK's own 10 s. */
    public static final long KITE_HTTP_TIMEOUT_MS_DEFAULT = 10_000;
    /** Order requests per second. */
    public static final String KITE_ORDERS_PER_SECOND_PROP_NAME = "vyuha.gateway.kite.orders.per.second";
    /** Kite's limit. */
    public static final int KITE_ORDERS_PER_SECOND_DEFAULT = 10;
    /** Order requests per minute. */
    public static final String KITE_ORDERS_PER_MINUTE_PROP_NAME = "vyuha.gateway.kite.orders.per.minute";
    /** Kite's limit. */
    public static final int KITE_ORDERS_PER_MINUTE_DEFAULT = 400;
    /** Placements per day. */
    public static final String KITE_ORDERS_PER_DAY_PROP_NAME = "vyuha.gateway.kite.orders.per.day";
    /** Kite's limit. */
    public static final int KITE_ORDERS_PER_DAY_DEFAULT = 5000;
    /** Guard added to each rate window, ms. */
    public static final String KITE_RATE_GUARD_MS_PROP_NAME = "vyuha.gateway.kite.rate.guard.ms";
    /** Default guard. */
    public static final long KITE_RATE_GUARD_MS_DEFAULT = 50;
    /** First back-off after a 429 or an unsent request, ms. */
    public static final String KITE_RETRY_INITIAL_MS_PROP_NAME = "vyuha.gateway.kite.retry.initial.ms";
    /** Default first back-off. */
    public static final long KITE_RETRY_INITIAL_MS_DEFAULT = 250;
    /** Largest back-off, ms. */
    public static final String KITE_RETRY_MAX_MS_PROP_NAME = "vyuha.gateway.kite.retry.max.ms";
    /** Default largest back-off. */
    public static final long KITE_RETRY_MAX_MS_DEFAULT = 5_000;
    /** Wait before looking up a possibly-placed order by tag, ms (doubles per miss). */
    public static final String KITE_LOOKUP_DELAY_MS_PROP_NAME = "vyuha.gateway.kite.lookup.delay.ms";
    /** Default lookup delay. */
    public static final long KITE_LOOKUP_DELAY_MS_DEFAULT = 1_000;
    /** Consecutive lookups that must miss before a possibly-placed order is resent. */
    public static final String KITE_ABSENT_LOOKUPS_PROP_NAME = "vyuha.gateway.kite.absent.lookups";
    /** Default: three misses (1 s, 2 s, 4 s apart by default). */
    public static final int KITE_ABSENT_LOOKUPS_DEFAULT = 3;
    /** Order book poll while the ticker is down, ms. */
    public static final String KITE_POLL_INTERVAL_MS_PROP_NAME = "vyuha.gateway.kite.poll.interval.ms";
    /** Default poll (within Kite's 10 req/s for other endpoints). */
    public static final long KITE_POLL_INTERVAL_MS_DEFAULT = 1_000;
    /** Order book poll while the ticker is up, ms (a safety net for lost updates). */
    public static final String KITE_POLL_INTERVAL_CONNECTED_MS_PROP_NAME =
        "vyuha.gateway.kite.poll.interval.connected.ms";
    /** Default safety-net poll. */
    public static final long KITE_POLL_INTERVAL_CONNECTED_MS_DEFAULT = 5_000;
    /** How often an expired session is retried with the current token, ms. */
    public static final String KITE_SESSION_PROBE_MS_PROP_NAME = "vyuha.gateway.kite.session.probe.ms";
    /** Default probe interval. */
    public static final long KITE_SESSION_PROBE_MS_DEFAULT = 10_000;
    /** Take order updates from the ticker. */
    public static final String KITE_TICKER_ENABLED_PROP_NAME = "vyuha.gateway.kite.ticker.enabled";
    /** Default: yes. */
    public static final boolean KITE_TICKER_ENABLED_DEFAULT = true;
    /** Reconnect a ticker silent this long, ms. */
    public static final String KITE_TICKER_STALE_MS_PROP_NAME = "vyuha.gateway.kite.ticker.stale.ms";
    /** Default: ten missed heartbeats. */
    public static final long KITE_TICKER_STALE_MS_DEFAULT = 10_000;
    /** Host of the postback listener. */
    public static final String KITE_POSTBACK_HOST_PROP_NAME = "vyuha.gateway.kite.postback.host";
    /** Default: loopback (put a TLS reverse proxy in front). */
    public static final String KITE_POSTBACK_HOST_DEFAULT = "127.0.0.1";
    /** Port of the postback listener; 0 disables it. */
    public static final String KITE_POSTBACK_PORT_PROP_NAME = "vyuha.gateway.kite.postback.port";
    /** Default: disabled. */
    public static final int KITE_POSTBACK_PORT_DEFAULT = 0;

    /** Paper venue: adverse slippage in basis points. */
    public static final String PAPER_SLIPPAGE_BPS_PROP_NAME = "vyuha.gateway.paper.slippage.bps";
    /** Default: none. */
    public static final double PAPER_SLIPPAGE_BPS_DEFAULT = 0;
    /** Paper venue: order latency, ms. */
    public static final String PAPER_LATENCY_MS_PROP_NAME = "vyuha.gateway.paper.latency.ms";
    /** Default latency. */
    public static final long PAPER_LATENCY_MS_DEFAULT = 0;

    private static final String PAPER_ACCOUNT = "PAPER";

    private String aeronDirectoryName = System.getProperty(AERON_DIR_PROP_NAME,
        CommonContext.getAeronDirectoryName());
    private boolean embeddedDriver = bool(EMBEDDED_DRIVER_PROP_NAME, EMBEDDED_DRIVER_DEFAULT);
    private String commandChannel = System.getProperty(COMMAND_CHANNEL_PROP_NAME, COMMAND_CHANNEL_DEFAULT);
    private int commandStreamId = integer(COMMAND_STREAM_ID_PROP_NAME, COMMAND_STREAM_ID_DEFAULT);
    private String reportChannel = System.getProperty(REPORT_CHANNEL_PROP_NAME, REPORT_CHANNEL_DEFAULT);
    private int reportStreamId = integer(REPORT_STREAM_ID_PROP_NAME, REPORT_STREAM_ID_DEFAULT);
    private String marketDataChannel = System.getProperty(MARKET_DATA_CHANNEL_PROP_NAME, MARKET_DATA_CHANNEL_DEFAULT);
    private int marketDataStreamId = integer(MARKET_DATA_STREAM_ID_PROP_NAME, MARKET_DATA_STREAM_ID_DEFAULT);
    private String venue = System.getProperty(VENUE_PROP_NAME, VENUE_DEFAULT);
    private String account = System.getProperty(ACCOUNT_PROP_NAME, "");
    private String idleStrategyName = System.getProperty(IDLE_STRATEGY_PROP_NAME, IDLE_STRATEGY_DEFAULT);
    private int fragmentLimit = integer(FRAGMENT_LIMIT_PROP_NAME, FRAGMENT_LIMIT_DEFAULT);
    private double limitBufferBps = decimal(LIMIT_BUFFER_BPS_PROP_NAME, LIMIT_BUFFER_BPS_DEFAULT);
    private String marketOrderStyle = System.getProperty(MARKET_ORDER_STYLE_PROP_NAME, MARKET_ORDER_STYLE_DEFAULT);
    private int marketProtection = integer(MARKET_PROTECTION_PROP_NAME, MARKET_PROTECTION_DEFAULT);
    private int maxSlices = integer(MAX_SLICES_PROP_NAME, MAX_SLICES_DEFAULT);
    private String kiteApiKey = System.getProperty(KITE_API_KEY_PROP_NAME, System.getenv(KITE_API_KEY_ENV));
    private String kiteAccessTokenFile = System.getProperty(KITE_ACCESS_TOKEN_FILE_PROP_NAME);
    private Supplier<String> kiteAccessToken;
    private String kiteApiSecret = System.getenv(KITE_API_SECRET_ENV);
    private String kiteRequestToken = System.getenv(KITE_REQUEST_TOKEN_ENV);
    private String kiteRootUrl = System.getProperty(KITE_ROOT_URL_PROP_NAME, KiteSdk.PRODUCTION_ROOT_URL);
    private String kiteTickerUrl = System.getProperty(KITE_TICKER_URL_PROP_NAME, KiteSdk.PRODUCTION_TICKER_URL);
    private long kiteHttpTimeoutMs = longValue(KITE_HTTP_TIMEOUT_MS_PROP_NAME, KITE_HTTP_TIMEOUT_MS_DEFAULT);
    private int kiteOrdersPerSecond = integer(KITE_ORDERS_PER_SECOND_PROP_NAME, KITE_ORDERS_PER_SECOND_DEFAULT);
    private int kiteOrdersPerMinute = integer(KITE_ORDERS_PER_MINUTE_PROP_NAME, KITE_ORDERS_PER_MINUTE_DEFAULT);
    private int kiteOrdersPerDay = integer(KITE_ORDERS_PER_DAY_PROP_NAME, KITE_ORDERS_PER_DAY_DEFAULT);
    private long kiteRateGuardMs = longValue(KITE_RATE_GUARD_MS_PROP_NAME, KITE_RATE_GUARD_MS_DEFAULT);
    private long kiteRetryInitialMs = longValue(KITE_RETRY_INITIAL_MS_PROP_NAME, KITE_RETRY_INITIAL_MS_DEFAULT);
    private long kiteRetryMaxMs = longValue(KITE_RETRY_MAX_MS_PROP_NAME, KITE_RETRY_MAX_MS_DEFAULT);
    private long kiteLookupDelayMs = longValue(KITE_LOOKUP_DELAY_MS_PROP_NAME, KITE_LOOKUP_DELAY_MS_DEFAULT);
    private int kiteAbsentLookups = integer(KITE_ABSENT_LOOKUPS_PROP_NAME, KITE_ABSENT_LOOKUPS_DEFAULT);
    private long kitePollIntervalMs = longValue(KITE_POLL_INTERVAL_MS_PROP_NAME, KITE_POLL_INTERVAL_MS_DEFAULT);
    private long kitePollIntervalConnectedMs = longValue(KITE_POLL_INTERVAL_CONNECTED_MS_PROP_NAME,
        KITE_POLL_INTERVAL_CONNECTED_MS_DEFAULT);
    private long kiteSessionProbeMs = longValue(KITE_SESSION_PROBE_MS_PROP_NAME, KITE_SESSION_PROBE_MS_DEFAULT);
    private boolean kiteTickerEnabled = bool(KITE_TICKER_ENABLED_PROP_NAME, KITE_TICKER_ENABLED_DEFAULT);
    private long kiteTickerStaleMs = longValue(KITE_TICKER_STALE_MS_PROP_NAME, KITE_TICKER_STALE_MS_DEFAULT);
    private String kitePostbackHost = System.getProperty(KITE_POSTBACK_HOST_PROP_NAME, KITE_POSTBACK_HOST_DEFAULT);
    private int kitePostbackPort = integer(KITE_POSTBACK_PORT_PROP_NAME, KITE_POSTBACK_PORT_DEFAULT);
    private double paperSlippageBps = decimal(PAPER_SLIPPAGE_BPS_PROP_NAME, PAPER_SLIPPAGE_BPS_DEFAULT);
    private long paperLatencyMs = longValue(PAPER_LATENCY_MS_PROP_NAME, PAPER_LATENCY_MS_DEFAULT);
    private EpochNanoClock epochNanoClock = new SystemEpochNanoClock();
    private Function<GatewayContext, BrokerVenue> venueFactory;
    private PlacementObserver kitePlacementObserver = PlacementObserver.NONE;
    private IdleStrategy idleStrategy;
    private boolean concluded;

    /**
     * Validate and resolve defaults. Called by {@link Gateway#launch}; calling it again does nothing.
     *
     * @return this.
     */
    public GatewayContext conclude()
    {
        if (concluded)
        {
            return this;
        }
        require(null != aeronDirectoryName && !aeronDirectoryName.isBlank(), AERON_DIR_PROP_NAME + " is empty");
        require(commandChannel.startsWith("aeron:"), COMMAND_CHANNEL_PROP_NAME + " is not an Aeron channel");
        require(reportChannel.startsWith("aeron:"), REPORT_CHANNEL_PROP_NAME + " is not an Aeron channel");
        require(marketDataChannel.startsWith("aeron:"), MARKET_DATA_CHANNEL_PROP_NAME + " is not an Aeron channel");
        require(commandStreamId != reportStreamId || !commandChannel.equals(reportChannel),
            "commands and reports must not share a stream");
        venue = venue.toLowerCase(Locale.ROOT);
        require(null != venueFactory || "kite".equals(venue) || "paper".equals(venue),
            VENUE_PROP_NAME + " must be kite or paper (or set a venue factory): " + venue);
        require(fragmentLimit > 0, FRAGMENT_LIMIT_PROP_NAME + " must be > 0");
        require(limitBufferBps >= 0 && limitBufferBps <= 2_000, LIMIT_BUFFER_BPS_PROP_NAME + " must be 0..2000");
        marketOrderStyle = marketOrderStyle.toLowerCase(Locale.ROOT);
        require("limit".equals(marketOrderStyle) || "market".equals(marketOrderStyle),
            MARKET_ORDER_STYLE_PROP_NAME + " must be limit or market");
        require(-1 == marketProtection || (marketProtection >= 1 && marketProtection <= 100),
            MARKET_PROTECTION_PROP_NAME + " must be -1 (auto) or 1..100: 0 is refused by Kite since 1 Apr 2026");
        require(maxSlices >= 1 && maxSlices <= 99, MAX_SLICES_PROP_NAME + " must be 1..99");
        require(paperSlippageBps >= 0 && paperLatencyMs >= 0, "paper slippage and latency must be >= 0");
        if ("kite".equals(venue))
        {
            require(null != kiteApiKey && !kiteApiKey.isBlank(), "the kite venue needs an api key: set "
                + KITE_API_KEY_ENV + " or -D" + KITE_API_KEY_PROP_NAME);
            require(kiteHttpTimeoutMs > 0, KITE_HTTP_TIMEOUT_MS_PROP_NAME + " must be > 0");
            require(kiteOrdersPerSecond > 0 && kiteOrdersPerMinute > 0 && kiteOrdersPerDay > 0,
                "order budgets must be > 0");
            require(kiteAbsentLookups >= 1, KITE_ABSENT_LOOKUPS_PROP_NAME + " must be >= 1");
            require(kiteLookupDelayMs > 0 && kitePollIntervalMs > 0 && kitePollIntervalConnectedMs > 0
                && kiteSessionProbeMs > 0 && kiteRetryInitialMs > 0 && kiteRetryMaxMs >= kiteRetryInitialMs,
                "kite intervals must be > 0");
            if (null == kiteAccessToken)
            {
                kiteAccessToken = null != kiteAccessTokenFile ? KiteCredentials.fromFile(Path.of(kiteAccessTokenFile)) :
                    fromEnvironment(KITE_ACCESS_TOKEN_ENV);
            }
        }
        if (account.isBlank() && "paper".equals(venue))
        {
            account = PAPER_ACCOUNT;
        }
        if (null == idleStrategy)
        {
            idleStrategy = idleStrategy(idleStrategyName);
        }
        concluded = true;
        return this;
    }

    /**
     * @return the Kite venue's settings (after {@link #conclude()}).
     */
    public KiteSettings kiteSettings()
    {
        return new KiteSettings(account, kiteApiKey,
            new KiteCredentials(null == kiteAccessToken ? () -> null : kiteAccessToken, kiteApiSecret,
                kiteRequestToken),
            kiteRootUrl, kiteTickerUrl, Duration.ofMillis(kiteHttpTimeoutMs), kiteOrdersPerSecond,
            kiteOrdersPerMinute, kiteOrdersPerDay, Duration.ofMillis(kiteRateGuardMs),
            Duration.ofMillis(kiteRetryInitialMs), Duration.ofMillis(kiteRetryMaxMs),
            Duration.ofMillis(kiteLookupDelayMs), kiteAbsentLookups, Duration.ofMillis(kitePollIntervalMs),
            Duration.ofMillis(kitePollIntervalConnectedMs), Duration.ofMillis(kiteSessionProbeMs), kiteTickerEnabled,
            Duration.ofMillis(kiteTickerStaleMs), kitePostbackHost, kitePostbackPort, limitBufferBps,
            "limit".equals(marketOrderStyle), marketProtection, maxSlices);
    }

    private static Supplier<String> fromEnvironment(final String name)
    {
        final Map<String, String> environment = System.getenv();
        return () -> environment.get(name);
    }

    private static IdleStrategy idleStrategy(final String name)
    {
        return switch (name.toLowerCase(Locale.ROOT))
        {
            case "backoff" -> new BackoffIdleStrategy();
            case "sleeping" -> new SleepingMillisIdleStrategy(1);
            case "yielding" -> new YieldingIdleStrategy();
            case "busy-spin" -> new BusySpinIdleStrategy();
            default -> throw new IllegalArgumentException(IDLE_STRATEGY_PROP_NAME
                + " must be backoff, sleeping, yielding or busy-spin: " + name);
        };
    }

    private static void require(final boolean condition, final String message)
    {
        if (!condition)
        {
            throw new IllegalArgumentException(message);
        }
    }

    private static boolean bool(final String name, final boolean defaultValue)
    {
        final String value = System.getProperty(name);
        return null == value ? defaultValue : Boolean.parseBoolean(value);
    }

    private static int integer(final String name, final int defaultValue)
    {
        final String value = System.getProperty(name);
        return null == value ? defaultValue : Integer.parseInt(value.trim());
    }

    private static long longValue(final String name, final long defaultValue)
    {
        final String value = System.getProperty(name);
        return null == value ? defaultValue : Long.parseLong(value.trim());
    }

    private static double decimal(final String name, final double defaultValue)
    {
        final String value = System.getProperty(name);
        return null == value ? defaultValue : Double.parseDouble(value.trim());
    }

    // ------------------------------------------------------------------------------------------------ accessors

    /** @return Aeron directory. */
    public String aeronDirectoryName()
    {
        return aeronDirectoryName;
    }

    /**
     * @param aeronDirectoryName Aeron directory.
     * @return this.
     */
    public GatewayContext aeronDirectoryName(final String aeronDirectoryName)
    {
        this.aeronDirectoryName = aeronDirectoryName;
        return this;
    }

    /** @return true to run an embedded media driver. */
    public boolean embeddedDriver()
    {
        return embeddedDriver;
    }

    /**
     * @param embeddedDriver run an embedded media driver.
     * @return this.
     */
    public GatewayContext embeddedDriver(final boolean embeddedDriver)
    {
        this.embeddedDriver = embeddedDriver;
        return this;
    }

    /** @return command channel. */
    public String commandChannel()
    {
        return commandChannel;
    }

    /**
     * @param commandChannel command channel.
     * @return this.
     */
    public GatewayContext commandChannel(final String commandChannel)
    {
        this.commandChannel = commandChannel;
        return this;
    }

    /** @return command stream id. */
    public int commandStreamId()
    {
        return commandStreamId;
    }

    /**
     * @param commandStreamId command stream id.
     * @return this.
     */
    public GatewayContext commandStreamId(final int commandStreamId)
    {
        this.commandStreamId = commandStreamId;
        return this;
    }

    /** @return report channel. */
    public String reportChannel()
    {
        return reportChannel;
    }

    /**
     * @param reportChannel report channel.
     * @return this.
     */
    public GatewayContext reportChannel(final String reportChannel)
    {
        this.reportChannel = reportChannel;
        return this;
    }

    /** @return report stream id. */
    public int reportStreamId()
    {
        return reportStreamId;
    }

    /**
     * @param reportStreamId report stream id.
     * @return this.
     */
    public GatewayContext reportStreamId(final int reportStreamId)
    {
        this.reportStreamId = reportStreamId;
        return this;
    }

    /** @return market-data channel. */
    public String marketDataChannel()
    {
        return marketDataChannel;
    }

    /**
     * @param marketDataChannel market-data channel.
     * @return this.
     */
    public GatewayContext marketDataChannel(final String marketDataChannel)
    {
        this.marketDataChannel = marketDataChannel;
        return this;
    }

    /** @return market-data stream id. */
    public int marketDataStreamId()
    {
        return marketDataStreamId;
    }

    /**
     * @param marketDataStreamId market-data stream id.
     * @return this.
     */
    public GatewayContext marketDataStreamId(final int marketDataStreamId)
    {
        this.marketDataStreamId = marketDataStreamId;
        return this;
    }

    /** @return kite or paper. */
    public String venue()
    {
        return venue;
    }

    /**
     * @param venue kite or paper.
     * @return this.
     */
    public GatewayContext venue(final String venue)
    {
        this.venue = venue;
        return this;
    }

    /** @return account id. */
    public String account()
    {
        return account;
    }

    /**
     * @param account account id reports carry.
     * @return this.
     */
    public GatewayContext account(final String account)
    {
        this.account = account;
        return this;
    }

    /** @return the agent's idle strategy (after {@link #conclude()}). */
    public IdleStrategy idleStrategy()
    {
        return idleStrategy;
    }

    /**
     * @param idleStrategy the agent's idle strategy.
     * @return this.
     */
    public GatewayContext idleStrategy(final IdleStrategy idleStrategy)
    {
        this.idleStrategy = idleStrategy;
        return this;
    }

    /** @return fragments per poll. */
    public int fragmentLimit()
    {
        return fragmentLimit;
    }

    /**
     * @param fragmentLimit fragments per poll.
     * @return this.
     */
    public GatewayContext fragmentLimit(final int fragmentLimit)
    {
        this.fragmentLimit = fragmentLimit;
        return this;
    }

    /** @return limit buffer in basis points. */
    public double limitBufferBps()
    {
        return limitBufferBps;
    }

    /**
     * @param limitBufferBps limit buffer in basis points.
     * @return this.
     */
    public GatewayContext limitBufferBps(final double limitBufferBps)
    {
        this.limitBufferBps = limitBufferBps;
        return this;
    }

    /** @return limit or market. */
    public String marketOrderStyle()
    {
        return marketOrderStyle;
    }

    /**
     * @param marketOrderStyle limit or market.
     * @return this.
     */
    public GatewayContext marketOrderStyle(final String marketOrderStyle)
    {
        this.marketOrderStyle = marketOrderStyle;
        return this;
    }

    /** @return default market protection. */
    public int marketProtection()
    {
        return marketProtection;
    }

    /**
     * @param marketProtection default market protection (-1 or 1..100).
     * @return this.
     */
    public GatewayContext marketProtection(final int marketProtection)
    {
        this.marketProtection = marketProtection;
        return this;
    }

    /** @return slice cap. */
    public int maxSlices()
    {
        return maxSlices;
    }

    /**
     * @param maxSlices slice cap.
     * @return this.
     */
    public GatewayContext maxSlices(final int maxSlices)
    {
        this.maxSlices = maxSlices;
        return this;
    }

    /** @return Kite api key. */
    public String kiteApiKey()
    {
        return kiteApiKey;
    }

    /**
     * @param kiteApiKey Kite api key.
     * @return this.
     */
    public GatewayContext kiteApiKey(final String kiteApiKey)
    {
        this.kiteApiKey = kiteApiKey;
        return this;
    }

    /**
     * @param accessToken where the access token comes from (read again whenever the session must be renewed).
     * @return this.
     */
    public GatewayContext kiteAccessToken(final Supplier<String> accessToken)
    {
        this.kiteAccessToken = accessToken;
        return this;
    }

    /**
     * @param file a file holding the access token.
     * @return this.
     */
    public GatewayContext kiteAccessTokenFile(final String file)
    {
        this.kiteAccessTokenFile = file;
        return this;
    }

    /**
     * @param apiSecret Kite api secret (session from a request token; postback checksums).
     * @return this.
     */
    public GatewayContext kiteApiSecret(final String apiSecret)
    {
        this.kiteApiSecret = apiSecret;
        return this;
    }

    /**
     * @param requestToken a request token from a login redirect.
     * @return this.
     */
    public GatewayContext kiteRequestToken(final String requestToken)
    {
        this.kiteRequestToken = requestToken;
        return this;
    }

    /** @return Kite REST root. */
    public String kiteRootUrl()
    {
        return kiteRootUrl;
    }

    /**
     * @param kiteRootUrl Kite REST root.
     * @return this.
     */
    public GatewayContext kiteRootUrl(final String kiteRootUrl)
    {
        this.kiteRootUrl = kiteRootUrl;
        return this;
    }

    /** @return Kite ticker URI template. */
    public String kiteTickerUrl()
    {
        return kiteTickerUrl;
    }

    /**
     * @param kiteTickerUrl Kite ticker URI template with {@code :access_token} and {@code :api_key}.
     * @return this.
     */
    public GatewayContext kiteTickerUrl(final String kiteTickerUrl)
    {
        this.kiteTickerUrl = kiteTickerUrl;
        return this;
    }

    /** @return REST timeout, ms. */
    public long kiteHttpTimeoutMs()
    {
        return kiteHttpTimeoutMs;
    }

    /**
     * @param kiteHttpTimeoutMs REST timeout, ms.
     * @return this.
     */
    public GatewayContext kiteHttpTimeoutMs(final long kiteHttpTimeoutMs)
    {
        this.kiteHttpTimeoutMs = kiteHttpTimeoutMs;
        return this;
    }

    /**
     * @param perSecond order requests per second.
     * @param perMinute order requests per minute.
     * @param perDay    placements per day.
     * @return this.
     */
    public GatewayContext kiteOrderBudgets(final int perSecond, final int perMinute, final int perDay)
    {
        this.kiteOrdersPerSecond = perSecond;
        this.kiteOrdersPerMinute = perMinute;
        this.kiteOrdersPerDay = perDay;
        return this;
    }

    /**
     * @param initialMs first back-off, ms.
     * @param maxMs     largest back-off, ms.
     * @return this.
     */
    public GatewayContext kiteRetryBackoff(final long initialMs, final long maxMs)
    {
        this.kiteRetryInitialMs = initialMs;
        this.kiteRetryMaxMs = maxMs;
        return this;
    }

    /**
     * @param delayMs       wait before the first lookup, ms.
     * @param absentLookups consecutive misses before a resend.
     * @return this.
     */
    public GatewayContext kiteLookup(final long delayMs, final int absentLookups)
    {
        this.kiteLookupDelayMs = delayMs;
        this.kiteAbsentLookups = absentLookups;
        return this;
    }

    /**
     * @param intervalMs          poll while the ticker is down, ms.
     * @param connectedIntervalMs poll while the ticker is up, ms.
     * @return this.
     */
    public GatewayContext kitePollIntervals(final long intervalMs, final long connectedIntervalMs)
    {
        this.kitePollIntervalMs = intervalMs;
        this.kitePollIntervalConnectedMs = connectedIntervalMs;
        return this;
    }

    /**
     * @param probeMs session probe interval, ms.
     * @return this.
     */
    public GatewayContext kiteSessionProbeMs(final long probeMs)
    {
        this.kiteSessionProbeMs = probeMs;
        return this;
    }

    /**
     * @param enabled take order updates from the ticker.
     * @return this.
     */
    public GatewayContext kiteTickerEnabled(final boolean enabled)
    {
        this.kiteTickerEnabled = enabled;
        return this;
    }

    /**
     * @param staleMs reconnect a ticker silent this long, ms.
     * @return this.
     */
    public GatewayContext kiteTickerStaleMs(final long staleMs)
    {
        this.kiteTickerStaleMs = staleMs;
        return this;
    }

    /**
     * @param port postback listener port; 0 disables, -1 any free port.
     * @return this.
     */
    public GatewayContext kitePostbackPort(final int port)
    {
        this.kitePostbackPort = port;
        return this;
    }

    /** @return paper slippage, basis points. */
    public double paperSlippageBps()
    {
        return paperSlippageBps;
    }

    /**
     * @param slippageBps paper slippage, basis points.
     * @return this.
     */
    public GatewayContext paperSlippageBps(final double slippageBps)
    {
        this.paperSlippageBps = slippageBps;
        return this;
    }

    /** @return paper latency, ms. */
    public long paperLatencyMs()
    {
        return paperLatencyMs;
    }

    /**
     * @param latencyMs paper latency, ms.
     * @return this.
     */
    public GatewayContext paperLatencyMs(final long latencyMs)
    {
        this.paperLatencyMs = latencyMs;
        return this;
    }

    /** @return a factory of another broker's venue, or null for the built-in kite and paper venues. */
    public Function<GatewayContext, BrokerVenue> venueFactory()
    {
        return venueFactory;
    }

    /**
     * Plug in another broker: the factory makes its venue from this context (the Aeron side does not change).
     *
     * @param venueFactory makes the venue; null for the built-in kite and paper venues.
     * @return this.
     */
    public GatewayContext venueFactory(final Function<GatewayContext, BrokerVenue> venueFactory)
    {
        this.venueFactory = venueFactory;
        return this;
    }

    /** @return observer of Kite placements as they leave. */
    public PlacementObserver kitePlacementObserver()
    {
        return kitePlacementObserver;
    }

    /**
     * @param observer told about each Kite placement as it leaves (metrics, benchmarks).
     * @return this.
     */
    public GatewayContext kitePlacementObserver(final PlacementObserver observer)
    {
        this.kitePlacementObserver = null == observer ? PlacementObserver.NONE : observer;
        return this;
    }

    /** @return epoch clock of timers and the paper venue. */
    public EpochNanoClock epochNanoClock()
    {
        return epochNanoClock;
    }

    /**
     * @param clock epoch clock.
     * @return this.
     */
    public GatewayContext epochNanoClock(final EpochNanoClock clock)
    {
        this.epochNanoClock = clock;
        return this;
    }

    @Override
    public String toString()
    {
        return "GatewayContext{venue=" + venue + ", account=" + account + ", aeronDir=" + aeronDirectoryName
            + ", embeddedDriver=" + embeddedDriver + ", commands=" + commandChannel + '/' + commandStreamId
            + ", reports=" + reportChannel + '/' + reportStreamId + ", marketData=" + marketDataChannel + '/'
            + marketDataStreamId + ", idle=" + idleStrategyName + ", limitBufferBps=" + limitBufferBps
            + ", marketOrderStyle=" + marketOrderStyle + ", marketProtection=" + marketProtection + ", maxSlices="
            + maxSlices + ", kiteRootUrl=" + kiteRootUrl + ", kiteApiKey=" + (null == kiteApiKey ? "unset" : "***")
            + ", kiteAccessToken=***, kiteApiSecret=" + (null == kiteApiSecret ? "unset" : "***") + '}';
    }
}
