package dev.vyuha.kitesim;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Configuration of a {@link KiteSimulator}, fluent, with defaults that behave like Kite in 2026 (KITE.md §9).
 */
public final class KiteSimulatorConfig
{
    /** Kite's wall clock: IST, no daylight saving. */
    public static final ZoneId IST = ZoneId.of("Asia/Kolkata");

    private String host = "127.0.0.1";
    private String apiKey = "vyuhasimkey";
    private String apiSecret = "vyuhasimsecret";
    private String accessToken = "simaccesstoken0";
    private String requestToken = "simrequesttoken0";
    private String userId = "VY1234";
    private String userName = "Vyuha Simulator";
    private long availableCash = 50_00_000_00L;
    private long sellMarginPerUnit = 2_500_00L;
    private double autoMarketProtectionPercent = 3.0;
    private int ordersPerSecond = 10;
    private int ordersPerMinute = 400;
    private int maxModifications = 25;
    private Duration fillInterval = Duration.ofMillis(20);
    private Duration heartbeatInterval = Duration.ofSeconds(1);
    private Clock clock = Clock.system(IST);

    /** @return host the servers bind to. */
    public String host()
    {
        return host;
    }

    /**
     * @param host host to bind to (loopback by default).
     * @return this.
     */
    public KiteSimulatorConfig host(final String host)
    {
        this.host = Objects.requireNonNull(host);
        return this;
    }

    /** @return the api_key the simulator accepts. */
    public String apiKey()
    {
        return apiKey;
    }

    /**
     * @param apiKey the api_key the simulator accepts.
     * @return this.
     */
    public KiteSimulatorConfig apiKey(final String apiKey)
    {
        this.apiKey = Objects.requireNonNull(apiKey);
        return this;
    }

    /** @return the api_secret used to check session checksums and sign postbacks. */
    public String apiSecret()
    {
        return apiSecret;
    }

    /**
     * @param apiSecret the api_secret.
     * @return this.
     */
    public KiteSimulatorConfig apiSecret(final String apiSecret)
    {
        this.apiSecret = Objects.requireNonNull(apiSecret);
        return this;
    }

    /** @return the access token valid from the start. */
    public String accessToken()
    {
        return accessToken;
    }

    /**
     * @param accessToken the access token valid from the start.
     * @return this.
     */
    public KiteSimulatorConfig accessToken(final String accessToken)
    {
        this.accessToken = Objects.requireNonNull(accessToken);
        return this;
    }

    /** @return the request token {@code POST /session/token} accepts. */
    public String requestToken()
    {
        return requestToken;
    }

    /**
     * @param requestToken the request token a login redirect would carry.
     * @return this.
     */
    public KiteSimulatorConfig requestToken(final String requestToken)
    {
        this.requestToken = Objects.requireNonNull(requestToken);
        return this;
    }

    /** @return the user (client) id. */
    public String userId()
    {
        return userId;
    }

    /**
     * @param userId the user (client) id.
     * @return this.
     */
    public KiteSimulatorConfig userId(final String userId)
    {
        this.userId = Objects.requireNonNull(userId);
        return this;
    }

    /** @return the user's name. */
    public String userName()
    {
        return userName;
    }

    /**
     * @param userName the user's name.
     * @return this.
     */
    public KiteSimulatorConfig userName(final String userName)
    {
        this.userName = Objects.requireNonNull(userName);
        return this;
    }

    /** @return opening cash in paise. */
    public long availableCash()
    {
        return availableCash;
    }

    /**
     * @param paise opening cash.
     * @return this.
     */
    public KiteSimulatorConfig availableCash(final long paise)
    {
        this.availableCash = paise;
        return this;
    }

    /** @return margin blocked per unit sold short, paise (a flat stand-in for SPAN + exposure). */
    public long sellMarginPerUnit()
    {
        return sellMarginPerUnit;
    }

    /**
     * @param paise margin blocked per unit sold short.
     * @return this.
     */
    public KiteSimulatorConfig sellMarginPerUnit(final long paise)
    {
        this.sellMarginPerUnit = paise;
        return this;
    }

    /** @return the protection applied for market_protection -1 (auto), percent of the last price. */
    public double autoMarketProtectionPercent()
    {
        return autoMarketProtectionPercent;
    }

    /**
     * @param percent protection applied for market_protection -1.
     * @return this.
     */
    public KiteSimulatorConfig autoMarketProtectionPercent(final double percent)
    {
        this.autoMarketProtectionPercent = percent;
        return this;
    }

    /** @return order requests (place, modify, cancel) allowed per second before 429. */
    public int ordersPerSecond()
    {
        return ordersPerSecond;
    }

    /**
     * @param ordersPerSecond order requests allowed per second.
     * @return this.
     */
    public KiteSimulatorConfig ordersPerSecond(final int ordersPerSecond)
    {
        this.ordersPerSecond = ordersPerSecond;
        return this;
    }

    /** @return order requests allowed per minute before 429. */
    public int ordersPerMinute()
    {
        return ordersPerMinute;
    }

    /**
     * @param ordersPerMinute order requests allowed per minute.
     * @return this.
     */
    public KiteSimulatorConfig ordersPerMinute(final int ordersPerMinute)
    {
        this.ordersPerMinute = ordersPerMinute;
        return this;
    }

    /** @return modifications allowed per order. */
    public int maxModifications()
    {
        return maxModifications;
    }

    /**
     * @param maxModifications modifications allowed per order.
     * @return this.
     */
    public KiteSimulatorConfig maxModifications(final int maxModifications)
    {
        this.maxModifications = maxModifications;
        return this;
    }

    /** @return the matching engine's step: each live order takes at most one depth level per step. */
    public Duration fillInterval()
    {
        return fillInterval;
    }

    /**
     * @param fillInterval the matching engine's step.
     * @return this.
     */
    public KiteSimulatorConfig fillInterval(final Duration fillInterval)
    {
        this.fillInterval = Objects.requireNonNull(fillInterval);
        return this;
    }

    /** @return how often an idle ticker connection gets a heartbeat byte. */
    public Duration heartbeatInterval()
    {
        return heartbeatInterval;
    }

    /**
     * @param heartbeatInterval how often an idle ticker connection gets a heartbeat byte.
     * @return this.
     */
    public KiteSimulatorConfig heartbeatInterval(final Duration heartbeatInterval)
    {
        this.heartbeatInterval = Objects.requireNonNull(heartbeatInterval);
        return this;
    }

    /** @return the clock that stamps orders and trades (rendered in IST). */
    public Clock clock()
    {
        return clock;
    }

    /**
     * @param clock the clock that stamps orders and trades.
     * @return this.
     */
    public KiteSimulatorConfig clock(final Clock clock)
    {
        this.clock = Objects.requireNonNull(clock);
        return this;
    }
}
