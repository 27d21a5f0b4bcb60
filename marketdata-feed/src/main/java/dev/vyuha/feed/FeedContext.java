package dev.vyuha.feed;

import dev.vyuha.feed.source.MarketDataSource;
import dev.vyuha.feed.stale.StaleDataSettings;
import dev.vyuha.reference.calendar.IndiaTime;
import dev.vyuha.reference.calendar.TradingCalendar;
import dev.vyuha.sbe.Underlying;
import io.aeron.Aeron;
import io.aeron.CommonContext;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.agrona.concurrent.YieldingIdleStrategy;
import dev.vyuha.feed.instrument.IndexFacts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Configuration of the market-data feed, in the Aeron {@code Context} style: each setting has a system property
 * ({@code *_PROP_NAME}) and a default ({@code *_DEFAULT}); fluent accessors without get/set; {@link #conclude()}
 * validates and fills in what depends on other settings. Secrets never come from system properties: the access token
 * is read from the {@value #KITE_ACCESS_TOKEN_ENV} environment variable or a file, and {@link #toString()} masks it.
 *
 * <p>In-process use (the all-in-one demo): pass an {@link #aeron(Aeron) Aeron client}, and optionally a ready
 * {@link #source(MarketDataSource) source}.
 */
public final class FeedContext
{
    /** Aeron directory to connect to (or to create with the embedded driver). */
    public static final String AERON_DIR_PROP_NAME = "vyuha.feed.aeron.dir";
    /** Run an embedded media driver (SHARED threading, backoff idle). */
    public static final String EMBEDDED_DRIVER_PROP_NAME = "vyuha.feed.embedded.driver";
    /** Default: connect to the engine's driver. */
    public static final boolean EMBEDDED_DRIVER_DEFAULT = false;
    /** Channel the ticks go out on. */
    public static final String CHANNEL_PROP_NAME = "vyuha.feed.channel";
    /** Default channel. */
    public static final String CHANNEL_DEFAULT = "aeron:ipc";
    /** Stream id of the ticks (the gateway's {@code vyuha.gateway.market.data.stream.id}). */
    public static final String STREAM_ID_PROP_NAME = "vyuha.feed.stream.id";
    /** Default stream id. */
    public static final int STREAM_ID_DEFAULT = 2001;
    /** Source: synthetic, kite, bars or recording. */
    public static final String SOURCE_PROP_NAME = "vyuha.feed.source";
    /** Default source: the synthetic day (works without a broker account). */
    public static final String SOURCE_DEFAULT = "synthetic";
    /** Replay speed: 1 (real time), N (N times faster) or max (as fast as possible). Ignored by the live source. */
    public static final String SPEED_PROP_NAME = "vyuha.feed.speed";
    /** Default speed: real time. */
    public static final String SPEED_DEFAULT = "1";
    /** Trading date (yyyy-MM-dd): the synthetic day, the live day, the bars' day to replay. */
    public static final String DATE_PROP_NAME = "vyuha.feed.date";
    /** Seed of the synthetic day. */
    public static final String SEED_PROP_NAME = "vyuha.feed.seed";
    /** Default seed. */
    public static final long SEED_DEFAULT = 1;
    /** Underlyings, comma separated. */
    public static final String UNDERLYINGS_PROP_NAME = "vyuha.feed.underlyings";
    /** Default underlyings. */
    public static final String UNDERLYINGS_DEFAULT = "NIFTY,BANKNIFTY";
    /** Nearest expiries per underlying whose options tick (synthetic) or are subscribed (kite). */
    public static final String EXPIRIES_PROP_NAME = "vyuha.feed.expiries";
    /** Default: the two nearest. */
    public static final int EXPIRIES_DEFAULT = 2;
    /** Strikes each side of ATM. */
    public static final String STRIKES_PROP_NAME = "vyuha.feed.strikes.around.atm";
    /** Default strikes each side. */
    public static final int STRIKES_DEFAULT = 15;
    /** Re-centre the window when ATM moves this many strikes. */
    public static final String RECENTER_PROP_NAME = "vyuha.feed.recenter.strikes";
    /** Default re-centring band. */
    public static final int RECENTER_DEFAULT = 3;
    /** Instrument master CSV: written at start (synthetic, bars) or read instead of downloading (kite). */
    public static final String MASTER_FILE_PROP_NAME = "vyuha.feed.master.file";
    /** Record every frame published to this file (frame recording format). */
    public static final String RECORD_FILE_PROP_NAME = "vyuha.feed.record.file";
    /** Idle strategy of the agent: backoff, sleeping, yielding or busy-spin. */
    public static final String IDLE_STRATEGY_PROP_NAME = "vyuha.feed.idle.strategy";
    /** Default idle strategy (2-core machines: never spin by default). */
    public static final String IDLE_STRATEGY_DEFAULT = "backoff";
    /** Most frames published per duty cycle. */
    public static final String FRAMES_PER_CYCLE_PROP_NAME = "vyuha.feed.frames.per.cycle";
    /** Default frames per duty cycle. */
    public static final int FRAMES_PER_CYCLE_DEFAULT = 1024;

    /** Detect stale data and publish FeedState frames. */
    public static final String STALE_ENABLED_PROP_NAME = "vyuha.feed.stale.enabled";
    /** Default: on (a recording replays the feed states it recorded and has no detection of its own). */
    public static final boolean STALE_ENABLED_DEFAULT = true;
    /** Instrument silence threshold, ms. */
    public static final String STALE_INSTRUMENT_MS_PROP_NAME = "vyuha.feed.stale.instrument.ms";
    /** Underlying (index) silence threshold, ms. */
    public static final String STALE_UNDERLYING_MS_PROP_NAME = "vyuha.feed.stale.underlying.ms";
    /** Frozen-option window, ms. */
    public static final String STALE_FROZEN_MS_PROP_NAME = "vyuha.feed.stale.frozen.ms";
    /** Index move that makes a still option frozen, basis points. */
    public static final String STALE_FROZEN_MOVE_BPS_PROP_NAME = "vyuha.feed.stale.frozen.move.bps";
    /** Options cheaper than this (rupees) are never called frozen. */
    public static final String STALE_FROZEN_MIN_PRICE_PROP_NAME = "vyuha.feed.stale.frozen.min.price";
    /** Staleness check interval, ms. */
    public static final String STALE_SCAN_MS_PROP_NAME = "vyuha.feed.stale.scan.ms";

    /** Kite api key (also {@value #KITE_API_KEY_ENV}). */
    public static final String KITE_API_KEY_PROP_NAME = "vyuha.feed.kite.api.key";
    /** Environment variable of the api key. */
    public static final String KITE_API_KEY_ENV = "KITE_API_KEY";
    /** Environment variable of the access token. */
    public static final String KITE_ACCESS_TOKEN_ENV = "KITE_ACCESS_TOKEN";
    /** File holding the access token, read at every connection. */
    public static final String KITE_ACCESS_TOKEN_FILE_PROP_NAME = "vyuha.feed.kite.access.token.file";
    /** Kite REST root (instrument download). */
    public static final String KITE_ROOT_URL_PROP_NAME = "vyuha.feed.kite.root.url";
    /** Default REST root. */
    public static final String KITE_ROOT_URL_DEFAULT = "https://api.kite.trade";
    /** Kite ticker URI template. */
    public static final String KITE_TICKER_URL_PROP_NAME = "vyuha.feed.kite.ticker.url";
    /** Default ticker URI template. */
    public static final String KITE_TICKER_URL_DEFAULT =
        "wss://ws.kite.trade/?access_token=:access_token&api_key=:api_key";
    /** Ticker mode: ltp, quote or full. */
    public static final String KITE_MODE_PROP_NAME = "vyuha.feed.kite.mode";
    /** Default mode: full (depth, OI, timestamps). */
    public static final String KITE_MODE_DEFAULT = "full";
    /** Replace a ticker connection silent (no tick, no heartbeat) this long, ms. */
    public static final String KITE_SILENCE_MS_PROP_NAME = "vyuha.feed.kite.silence.ms";
    /** Default: ten missed heartbeats. */
    public static final long KITE_SILENCE_MS_DEFAULT = 10_000;
    /** First wait after a failed connection, ms (doubles per failure). */
    public static final String KITE_RECONNECT_INITIAL_MS_PROP_NAME = "vyuha.feed.kite.reconnect.initial.ms";
    /** Default first wait. */
    public static final long KITE_RECONNECT_INITIAL_MS_DEFAULT = 500;
    /** Longest wait between connection attempts, ms. */
    public static final String KITE_RECONNECT_MAX_MS_PROP_NAME = "vyuha.feed.kite.reconnect.max.ms";
    /** Default longest wait. */
    public static final long KITE_RECONNECT_MAX_MS_DEFAULT = 30_000;
    /** Buffer between the socket thread and the agent, bytes (a power of two). */
    public static final String KITE_RING_BYTES_PROP_NAME = "vyuha.feed.kite.ring.bytes";
    /** Default: 8 MiB, about 25 000 full ticks. */
    public static final int KITE_RING_BYTES_DEFAULT = 8 * 1024 * 1024;
    /** Timeout of the instrument download, ms. */
    public static final String KITE_HTTP_TIMEOUT_MS_PROP_NAME = "vyuha.feed.kite.http.timeout.ms";
    /** Default download timeout. */
    public static final long KITE_HTTP_TIMEOUT_MS_DEFAULT = 10_000;

    /** Bar files or directories, comma separated. */
    public static final String BARS_FILES_PROP_NAME = "vyuha.feed.bars.files";
    /** Half-width of the one-level book added to option bars, ticks (0: none). */
    public static final String BARS_BOOK_TICKS_PROP_NAME = "vyuha.feed.bars.book.ticks";
    /** Default book half-width. */
    public static final int BARS_BOOK_TICKS_DEFAULT = 1;
    /** Lots on each side of that book. */
    public static final String BARS_BOOK_LOTS_PROP_NAME = "vyuha.feed.bars.book.lots";
    /** Default lots. */
    public static final int BARS_BOOK_LOTS_DEFAULT = 10;

    /** The recording to replay. */
    public static final String RECORDING_FILE_PROP_NAME = "vyuha.feed.recording.file";
    /** Replay every frame of the recording, not only market data. */
    public static final String RECORDING_ALL_PROP_NAME = "vyuha.feed.recording.all";
    /** Keep the recorded command headers (sequence, timestamp) instead of zeroing them. */
    public static final String RECORDING_KEEP_HEADERS_PROP_NAME = "vyuha.feed.recording.keep.headers";

    private String aeronDirectoryName = System.getProperty(AERON_DIR_PROP_NAME, CommonContext.getAeronDirectoryName());
    private boolean embeddedDriver = bool(EMBEDDED_DRIVER_PROP_NAME, EMBEDDED_DRIVER_DEFAULT);
    private String channel = System.getProperty(CHANNEL_PROP_NAME, CHANNEL_DEFAULT);
    private int streamId = integer(STREAM_ID_PROP_NAME, STREAM_ID_DEFAULT);
    private String sourceName = System.getProperty(SOURCE_PROP_NAME, SOURCE_DEFAULT);
    private String speedText = System.getProperty(SPEED_PROP_NAME, SPEED_DEFAULT);
    private String dateText = System.getProperty(DATE_PROP_NAME);
    private long seed = longValue(SEED_PROP_NAME, SEED_DEFAULT);
    private String underlyingsText = System.getProperty(UNDERLYINGS_PROP_NAME, UNDERLYINGS_DEFAULT);
    private int expiries = integer(EXPIRIES_PROP_NAME, EXPIRIES_DEFAULT);
    private int strikesAroundAtm = integer(STRIKES_PROP_NAME, STRIKES_DEFAULT);
    private int recenterStrikes = integer(RECENTER_PROP_NAME, RECENTER_DEFAULT);
    private String masterFile = System.getProperty(MASTER_FILE_PROP_NAME);
    private String recordFile = System.getProperty(RECORD_FILE_PROP_NAME);
    private String idleStrategyName = System.getProperty(IDLE_STRATEGY_PROP_NAME, IDLE_STRATEGY_DEFAULT);
    private int framesPerCycle = integer(FRAMES_PER_CYCLE_PROP_NAME, FRAMES_PER_CYCLE_DEFAULT);
    private boolean staleEnabled = bool(STALE_ENABLED_PROP_NAME, STALE_ENABLED_DEFAULT);
    private long staleInstrumentMs = longValue(STALE_INSTRUMENT_MS_PROP_NAME,
        StaleDataSettings.DEFAULTS.instrumentSilence().toMillis());
    private long staleUnderlyingMs = longValue(STALE_UNDERLYING_MS_PROP_NAME,
        StaleDataSettings.DEFAULTS.underlyingSilence().toMillis());
    private long staleFrozenMs = longValue(STALE_FROZEN_MS_PROP_NAME,
        StaleDataSettings.DEFAULTS.frozenWindow().toMillis());
    private double staleFrozenMoveBps = decimal(STALE_FROZEN_MOVE_BPS_PROP_NAME,
        StaleDataSettings.DEFAULTS.frozenMoveBps());
    private double staleFrozenMinPrice = decimal(STALE_FROZEN_MIN_PRICE_PROP_NAME,
        StaleDataSettings.DEFAULTS.frozenMinPricePaise() / 100.0);
    private long staleScanMs = longValue(STALE_SCAN_MS_PROP_NAME, StaleDataSettings.DEFAULTS.scanInterval().toMillis());
    private String kiteApiKey = System.getProperty(KITE_API_KEY_PROP_NAME, System.getenv(KITE_API_KEY_ENV));
    private String kiteAccessTokenFile = System.getProperty(KITE_ACCESS_TOKEN_FILE_PROP_NAME);
    private Supplier<String> kiteAccessToken;
    private String kiteRootUrl = System.getProperty(KITE_ROOT_URL_PROP_NAME, KITE_ROOT_URL_DEFAULT);
    private String kiteTickerUrl = System.getProperty(KITE_TICKER_URL_PROP_NAME, KITE_TICKER_URL_DEFAULT);
    private String kiteMode = System.getProperty(KITE_MODE_PROP_NAME, KITE_MODE_DEFAULT);
    private long kiteSilenceMs = longValue(KITE_SILENCE_MS_PROP_NAME, KITE_SILENCE_MS_DEFAULT);
    private long kiteReconnectInitialMs = longValue(KITE_RECONNECT_INITIAL_MS_PROP_NAME,
        KITE_RECONNECT_INITIAL_MS_DEFAULT);
    private long kiteReconnectMaxMs = longValue(KITE_RECONNECT_MAX_MS_PROP_NAME, KITE_RECONNECT_MAX_MS_DEFAULT);
    private int kiteRingBytes = integer(KITE_RING_BYTES_PROP_NAME, KITE_RING_BYTES_DEFAULT);
    private long kiteHttpTimeoutMs = longValue(KITE_HTTP_TIMEOUT_MS_PROP_NAME, KITE_HTTP_TIMEOUT_MS_DEFAULT);
    private String barsFiles = System.getProperty(BARS_FILES_PROP_NAME);
    private int barsBookTicks = integer(BARS_BOOK_TICKS_PROP_NAME, BARS_BOOK_TICKS_DEFAULT);
    private int barsBookLots = integer(BARS_BOOK_LOTS_PROP_NAME, BARS_BOOK_LOTS_DEFAULT);
    private String recordingFile = System.getProperty(RECORDING_FILE_PROP_NAME);
    private boolean recordingAll = bool(RECORDING_ALL_PROP_NAME, false);
    private boolean recordingKeepHeaders = bool(RECORDING_KEEP_HEADERS_PROP_NAME, false);

    private Aeron aeron;
    private MarketDataSource source;
    private TradingCalendar calendar;
    private EpochNanoClock epochNanoClock = new SystemEpochNanoClock();
    private IdleStrategy idleStrategy;

    private FeedSourceKind sourceKind;
    private double speed;
    private LocalDate date;
    private List<Underlying> underlyings;
    private boolean concluded;

    /**
     * Validate and resolve defaults. Called by {@link Feed#create}; calling it again does nothing.
     *
     * @return this.
     * @throws IllegalArgumentException on an invalid setting.
     */
    public FeedContext conclude()
    {
        if (concluded)
        {
            return this;
        }
        require(null != aeronDirectoryName && !aeronDirectoryName.isBlank(), AERON_DIR_PROP_NAME + " is empty");
        require(channel.startsWith("aeron:"), CHANNEL_PROP_NAME + " is not an Aeron channel: " + channel);
        require(streamId != 0, STREAM_ID_PROP_NAME + " must not be 0");
        sourceKind = FeedSourceKind.of(sourceName);
        speed = ReplayPacer.parse(speedText);
        if (null == calendar)
        {
            calendar = TradingCalendar.nse();
        }
        underlyings = new ArrayList<>();
        for (final String name : underlyingsText.split(","))
        {
            final Underlying underlying = IndexFacts.fromName(name.strip()
                .toUpperCase(Locale.ROOT));
            require(null != underlying, UNDERLYINGS_PROP_NAME + ": unknown underlying '" + name.strip() + "'");
            if (!underlyings.contains(underlying))
            {
                underlyings.add(underlying);
            }
        }
        require(!underlyings.isEmpty(), UNDERLYINGS_PROP_NAME + " is empty");
        if (null != dateText && !dateText.isBlank())
        {
            date = LocalDate.parse(dateText.strip());
        }
        else if (sourceKind == FeedSourceKind.SYNTHETIC || sourceKind == FeedSourceKind.KITE)
        {
            final LocalDate today = IndiaTime.date(epochNanoClock.nanoTime());
            date = calendar.isTradingDay(today) ? today : calendar.nextTradingDay(today);
        }
        require(expiries >= 1 && expiries <= 6, EXPIRIES_PROP_NAME + " must be 1..6");
        require(strikesAroundAtm >= 1 && strikesAroundAtm <= 200, STRIKES_PROP_NAME + " must be 1..200");
        require(recenterStrikes >= 1 && recenterStrikes <= strikesAroundAtm,
            RECENTER_PROP_NAME + " must be 1.." + STRIKES_PROP_NAME);
        require(framesPerCycle >= 1, FRAMES_PER_CYCLE_PROP_NAME + " must be >= 1");
        staleDataSettings();
        switch (sourceKind)
        {
            case KITE ->
            {
                require(null != kiteApiKey && !kiteApiKey.isBlank(), "the kite source needs an api key: set "
                    + KITE_API_KEY_ENV + " or -D" + KITE_API_KEY_PROP_NAME);
                if (null == kiteAccessToken)
                {
                    kiteAccessToken = null != kiteAccessTokenFile ? fromFile(Path.of(kiteAccessTokenFile)) :
                        () -> System.getenv(KITE_ACCESS_TOKEN_ENV);
                }
                require(kiteSilenceMs >= 100 && kiteReconnectInitialMs >= 10
                    && kiteReconnectMaxMs >= kiteReconnectInitialMs && kiteHttpTimeoutMs > 0,
                    "kite intervals must be positive (silence >= 100 ms, max back-off >= initial)");
            }
            case BARS -> require(null != source || (null != barsFiles && !barsFiles.isBlank()),
                "the bars source needs " + BARS_FILES_PROP_NAME);
            case RECORDING -> require(null != source || (null != recordingFile && !recordingFile.isBlank()),
                "the recording source needs " + RECORDING_FILE_PROP_NAME);
            default ->
            {
            }
        }
        require(barsBookTicks >= 0 && barsBookLots >= 1, "bars book ticks must be >= 0 and lots >= 1");
        if (null == idleStrategy)
        {
            idleStrategy = idleStrategy(idleStrategyName);
        }
        concluded = true;
        return this;
    }

    /**
     * @return the stale-data thresholds these settings describe.
     */
    public StaleDataSettings staleDataSettings()
    {
        return new StaleDataSettings(Duration.ofMillis(staleInstrumentMs), Duration.ofMillis(staleUnderlyingMs),
            Duration.ofMillis(staleFrozenMs), staleFrozenMoveBps, Math.round(staleFrozenMinPrice * 100),
            Duration.ofMillis(staleScanMs));
    }

    private static Supplier<String> fromFile(final Path file)
    {
        return () ->
        {
            try
            {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException("cannot read the access token file " + file, ex);
            }
        };
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
        return null == value ? defaultValue : Boolean.parseBoolean(value.strip());
    }

    private static int integer(final String name, final int defaultValue)
    {
        final String value = System.getProperty(name);
        return null == value ? defaultValue : Integer.parseInt(value.strip());
    }

    private static long longValue(final String name, final long defaultValue)
    {
        final String value = System.getProperty(name);
        return null == value ? defaultValue : Long.parseLong(value.strip());
    }

    private static double decimal(final String name, final double defaultValue)
    {
        final String value = System.getProperty(name);
        return null == value ? defaultValue : Double.parseDouble(value.strip());
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
    public FeedContext aeronDirectoryName(final String aeronDirectoryName)
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
     * @param embeddedDriver run an embedded media driver (ignored when an Aeron client is given).
     * @return this.
     */
    public FeedContext embeddedDriver(final boolean embeddedDriver)
    {
        this.embeddedDriver = embeddedDriver;
        return this;
    }

    /** @return the channel ticks go out on. */
    public String channel()
    {
        return channel;
    }

    /**
     * @param channel Aeron channel.
     * @return this.
     */
    public FeedContext channel(final String channel)
    {
        this.channel = channel;
        return this;
    }

    /** @return the stream id. */
    public int streamId()
    {
        return streamId;
    }

    /**
     * @param streamId stream id.
     * @return this.
     */
    public FeedContext streamId(final int streamId)
    {
        this.streamId = streamId;
        return this;
    }

    /** @return the source kind (after {@link #conclude()}). */
    public FeedSourceKind sourceKind()
    {
        return sourceKind;
    }

    /**
     * @param kind where market data comes from.
     * @return this.
     */
    public FeedContext sourceKind(final FeedSourceKind kind)
    {
        this.sourceName = kind.name();
        return this;
    }

    /** @return replay speed (after {@link #conclude()}). */
    public double speed()
    {
        return speed;
    }

    /**
     * @param speed {@code 1}, a multiple such as {@code 60}, or {@code max}.
     * @return this.
     */
    public FeedContext speed(final String speed)
    {
        this.speedText = speed;
        return this;
    }

    /** @return the trading date (after {@link #conclude()}; null for bars and recordings without one). */
    public LocalDate date()
    {
        return date;
    }

    /**
     * @param date the trading date.
     * @return this.
     */
    public FeedContext date(final LocalDate date)
    {
        this.dateText = null == date ? null : date.toString();
        return this;
    }

    /** @return the synthetic day's seed. */
    public long seed()
    {
        return seed;
    }

    /**
     * @param seed the synthetic day's seed.
     * @return this.
     */
    public FeedContext seed(final long seed)
    {
        this.seed = seed;
        return this;
    }

    /** @return the underlyings (after {@link #conclude()}). */
    public List<Underlying> underlyings()
    {
        return underlyings;
    }

    /**
     * @param names comma-separated underlyings, e.g. {@code NIFTY,BANKNIFTY}.
     * @return this.
     */
    public FeedContext underlyings(final String names)
    {
        this.underlyingsText = names;
        return this;
    }

    /** @return nearest expiries that tick or are subscribed. */
    public int expiries()
    {
        return expiries;
    }

    /** @return strikes each side of ATM. */
    public int strikesAroundAtm()
    {
        return strikesAroundAtm;
    }

    /** @return the re-centring band in strikes. */
    public int recenterStrikes()
    {
        return recenterStrikes;
    }

    /**
     * @param expiries nearest expiries.
     * @param strikes  strikes each side of ATM.
     * @param recenter re-centring band.
     * @return this.
     */
    public FeedContext window(final int expiries, final int strikes, final int recenter)
    {
        this.expiries = expiries;
        this.strikesAroundAtm = strikes;
        this.recenterStrikes = recenter;
        return this;
    }

    /** @return the master CSV file, or null. */
    public String masterFile()
    {
        return masterFile;
    }

    /**
     * @param file instrument master CSV: written (synthetic, bars) or read (kite).
     * @return this.
     */
    public FeedContext masterFile(final String file)
    {
        this.masterFile = file;
        return this;
    }

    /** @return the recording of published frames, or null. */
    public String recordFile()
    {
        return recordFile;
    }

    /**
     * @param file record every published frame here.
     * @return this.
     */
    public FeedContext recordFile(final String file)
    {
        this.recordFile = file;
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
    public FeedContext idleStrategy(final IdleStrategy idleStrategy)
    {
        this.idleStrategy = idleStrategy;
        return this;
    }

    /** @return most frames per duty cycle. */
    public int framesPerCycle()
    {
        return framesPerCycle;
    }

    /**
     * @param frames most frames per duty cycle.
     * @return this.
     */
    public FeedContext framesPerCycle(final int frames)
    {
        this.framesPerCycle = frames;
        return this;
    }

    /** @return true if stale data is detected. */
    public boolean staleEnabled()
    {
        return staleEnabled;
    }

    /**
     * @param enabled detect stale data.
     * @return this.
     */
    public FeedContext staleEnabled(final boolean enabled)
    {
        this.staleEnabled = enabled;
        return this;
    }

    /**
     * @param settings stale-data thresholds.
     * @return this.
     */
    public FeedContext staleDataSettings(final StaleDataSettings settings)
    {
        this.staleInstrumentMs = settings.instrumentSilence().toMillis();
        this.staleUnderlyingMs = settings.underlyingSilence().toMillis();
        this.staleFrozenMs = settings.frozenWindow().toMillis();
        this.staleFrozenMoveBps = settings.frozenMoveBps();
        this.staleFrozenMinPrice = settings.frozenMinPricePaise() / 100.0;
        this.staleScanMs = settings.scanInterval().toMillis();
        return this;
    }

    /** @return Kite api key. */
    public String kiteApiKey()
    {
        return kiteApiKey;
    }

    /**
     * @param apiKey Kite api key.
     * @return this.
     */
    public FeedContext kiteApiKey(final String apiKey)
    {
        this.kiteApiKey = apiKey;
        return this;
    }

    /** @return where the access token comes from (after {@link #conclude()}). */
    public Supplier<String> kiteAccessToken()
    {
        return kiteAccessToken;
    }

    /**
     * @param accessToken where the access token comes from (read at every connection).
     * @return this.
     */
    public FeedContext kiteAccessToken(final Supplier<String> accessToken)
    {
        this.kiteAccessToken = accessToken;
        return this;
    }

    /** @return Kite REST root. */
    public String kiteRootUrl()
    {
        return kiteRootUrl;
    }

    /**
     * @param url Kite REST root.
     * @return this.
     */
    public FeedContext kiteRootUrl(final String url)
    {
        this.kiteRootUrl = url;
        return this;
    }

    /** @return Kite ticker URI template. */
    public String kiteTickerUrl()
    {
        return kiteTickerUrl;
    }

    /**
     * @param url ticker URI template with {@code :access_token} and {@code :api_key}.
     * @return this.
     */
    public FeedContext kiteTickerUrl(final String url)
    {
        this.kiteTickerUrl = url;
        return this;
    }

    /** @return ticker mode. */
    public String kiteMode()
    {
        return kiteMode;
    }

    /**
     * @param mode ltp, quote or full.
     * @return this.
     */
    public FeedContext kiteMode(final String mode)
    {
        this.kiteMode = mode;
        return this;
    }

    /** @return silence threshold of a ticker connection. */
    public Duration kiteSilence()
    {
        return Duration.ofMillis(kiteSilenceMs);
    }

    /**
     * @param silenceMs replace a connection silent this long.
     * @param initialMs first back-off.
     * @param maxMs     longest back-off.
     * @return this.
     */
    public FeedContext kiteConnection(final long silenceMs, final long initialMs, final long maxMs)
    {
        this.kiteSilenceMs = silenceMs;
        this.kiteReconnectInitialMs = initialMs;
        this.kiteReconnectMaxMs = maxMs;
        return this;
    }

    /** @return first back-off. */
    public Duration kiteReconnectInitial()
    {
        return Duration.ofMillis(kiteReconnectInitialMs);
    }

    /** @return longest back-off. */
    public Duration kiteReconnectMax()
    {
        return Duration.ofMillis(kiteReconnectMaxMs);
    }

    /** @return ring capacity. */
    public int kiteRingBytes()
    {
        return kiteRingBytes;
    }

    /** @return download timeout. */
    public Duration kiteHttpTimeout()
    {
        return Duration.ofMillis(kiteHttpTimeoutMs);
    }

    /** @return bar files, comma separated. */
    public String barsFiles()
    {
        return barsFiles;
    }

    /**
     * @param files bar files or directories, comma separated.
     * @return this.
     */
    public FeedContext barsFiles(final String files)
    {
        this.barsFiles = files;
        return this;
    }

    /** @return half-width of the bars' book, ticks. */
    public int barsBookTicks()
    {
        return barsBookTicks;
    }

    /** @return lots each side of the bars' book. */
    public int barsBookLots()
    {
        return barsBookLots;
    }

    /**
     * @param ticks half-width of the one-level book added to option bars (0: none).
     * @param lots  lots on each side.
     * @return this.
     */
    public FeedContext barsBook(final int ticks, final int lots)
    {
        this.barsBookTicks = ticks;
        this.barsBookLots = lots;
        return this;
    }

    /** @return the recording to replay. */
    public String recordingFile()
    {
        return recordingFile;
    }

    /**
     * @param file the recording to replay.
     * @return this.
     */
    public FeedContext recordingFile(final String file)
    {
        this.recordingFile = file;
        return this;
    }

    /** @return true to replay every frame of the recording. */
    public boolean recordingAll()
    {
        return recordingAll;
    }

    /** @return true to keep recorded command headers. */
    public boolean recordingKeepHeaders()
    {
        return recordingKeepHeaders;
    }

    /**
     * @param all         replay every frame, not only market data.
     * @param keepHeaders keep recorded command headers.
     * @return this.
     */
    public FeedContext recordingOptions(final boolean all, final boolean keepHeaders)
    {
        this.recordingAll = all;
        this.recordingKeepHeaders = keepHeaders;
        return this;
    }

    /** @return an Aeron client given by the caller, or null. */
    public Aeron aeron()
    {
        return aeron;
    }

    /**
     * @param aeron a connected client to publish with (the caller keeps ownership; the feed does not close it).
     * @return this.
     */
    public FeedContext aeron(final Aeron aeron)
    {
        this.aeron = aeron;
        return this;
    }

    /** @return a source given by the caller, or null to build the configured one. */
    public MarketDataSource source()
    {
        return source;
    }

    /**
     * @param source a ready source (the feed closes it); stale-data detection still applies if it has a universe.
     * @return this.
     */
    public FeedContext source(final MarketDataSource source)
    {
        this.source = source;
        return this;
    }

    /** @return the trading calendar (after {@link #conclude()}). */
    public TradingCalendar calendar()
    {
        return calendar;
    }

    /**
     * @param calendar trading days and sessions (NSE's by default).
     * @return this.
     */
    public FeedContext calendar(final TradingCalendar calendar)
    {
        this.calendar = calendar;
        return this;
    }

    /** @return wall clock. */
    public EpochNanoClock epochNanoClock()
    {
        return epochNanoClock;
    }

    /**
     * @param clock wall clock (receive times, live staleness, pacing).
     * @return this.
     */
    public FeedContext epochNanoClock(final EpochNanoClock clock)
    {
        this.epochNanoClock = clock;
        return this;
    }

    @Override
    public String toString()
    {
        return "FeedContext{source=" + sourceName + ", speed=" + speedText + ", date=" + (null != date ? date : dateText)
            + ", seed=" + seed + ", underlyings=" + underlyingsText + ", window=" + expiries + " expiries x ±"
            + strikesAroundAtm + " strikes (re-centre " + recenterStrikes + "), channel=" + channel + '/' + streamId
            + ", aeronDir=" + aeronDirectoryName + ", embeddedDriver=" + embeddedDriver + ", stale=" + staleEnabled
            + ", kiteApiKey=" + (null == kiteApiKey ? "unset" : "***") + ", kiteAccessToken=***}";
    }
}
