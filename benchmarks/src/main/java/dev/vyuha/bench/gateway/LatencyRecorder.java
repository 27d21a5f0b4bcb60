package dev.vyuha.bench.gateway;

import org.HdrHistogram.Histogram;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * An HdrHistogram of nanosecond latencies with a one-line report in microseconds.
 */
final class LatencyRecorder
{
    private final String name;
    private final Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);

    LatencyRecorder(final String name)
    {
        this.name = name;
    }

    void record(final long nanos)
    {
        histogram.recordValue(Math.max(0, Math.min(nanos, histogram.getHighestTrackableValue())));
    }

    long count()
    {
        return histogram.getTotalCount();
    }

    void reset()
    {
        histogram.reset();
    }

    String report()
    {
        return String.format(Locale.ROOT, "%-58s n=%6d  p50 %9.1f  p90 %9.1f  p99 %9.1f  p99.9 %9.1f  max %9.1f us",
            name, histogram.getTotalCount(), us(50), us(90), us(99), us(99.9), histogram.getMaxValue() / 1000.0);
    }

    private double us(final double percentile)
    {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }
}
