package dev.vyuha.feed.stale;

import java.time.Duration;

/**
 * When market data counts as stale (all in market hours only, measured in data time).
 *
 * @param instrumentSilence   an instrument subscribed but without a tick this long is stale.
 * @param underlyingSilence   an underlying whose index has not ticked this long is stale.
 * @param frozenWindow        an option whose price (mid of the top of book, else last price) has not changed this
 *                            long ...
 * @param frozenMoveBps       ... while its underlying moved at least this many basis points is stale (frozen).
 * @param frozenMinPricePaise options cheaper than this are never called frozen (they may rightly not move).
 * @param scanInterval        how often (data time) silence and freezes are checked; bounds detection delay.
 */
public record StaleDataSettings(
    Duration instrumentSilence,
    Duration underlyingSilence,
    Duration frozenWindow,
    double frozenMoveBps,
    long frozenMinPricePaise,
    Duration scanInterval)
{
    /** Defaults: 30 s per instrument, 20 s per underlying, frozen 60 s while the index moved 25 bp, scan every 1 s. */
    public static final StaleDataSettings DEFAULTS = new StaleDataSettings(Duration.ofSeconds(30),
        Duration.ofSeconds(20), Duration.ofSeconds(60), 25.0, 100, Duration.ofSeconds(1));

    /**
     * @param instrumentSilence   instrument threshold.
     * @param underlyingSilence   underlying threshold.
     * @param frozenWindow        frozen window.
     * @param frozenMoveBps       underlying move that makes a still option frozen.
     * @param frozenMinPricePaise cheapest option checked for freezes.
     * @param scanInterval        check interval.
     */
    public StaleDataSettings
    {
        if (!positive(instrumentSilence) || !positive(underlyingSilence) || !positive(frozenWindow)
            || !positive(scanInterval))
        {
            throw new IllegalArgumentException("stale-data durations must be > 0");
        }
        if (!(frozenMoveBps > 0) || frozenMinPricePaise < 0)
        {
            throw new IllegalArgumentException("frozen move must be > 0 bp and the minimum price >= 0");
        }
        if (scanInterval.compareTo(instrumentSilence) > 0 || scanInterval.compareTo(underlyingSilence) > 0)
        {
            throw new IllegalArgumentException("the scan interval must not exceed the silence thresholds");
        }
    }

    private static boolean positive(final Duration duration)
    {
        return null != duration && !duration.isNegative() && !duration.isZero();
    }
}
