package dev.vyuha.admin;

/**
 * A latency distribution for metrics, in nanoseconds.
 *
 * @param count samples.
 * @param p50   median.
 * @param p99   99th percentile.
 * @param p999  99.9th percentile.
 * @param max   largest.
 */
public record LatencySummary(long count, long p50, long p99, long p999, long max)
{
    /** No samples. */
    public static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0);
}
