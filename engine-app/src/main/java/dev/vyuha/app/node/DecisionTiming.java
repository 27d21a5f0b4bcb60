package dev.vyuha.app.node;

import dev.vyuha.admin.CommandOutcomes;
import dev.vyuha.admin.LatencySummary;
import dev.vyuha.engine.runtime.CommandHandler;
import dev.vyuha.engine.runtime.OrderSink;
import dev.vyuha.wire.FrameReader;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Wraps the business logic to time every command (the decision latency the admin API's metrics publish) and to tell
 * the admin API's {@link CommandOutcomes} at the end of each batch which commands have been applied. Two monotonic
 * clock reads and a wait-free histogram record per command; nothing allocated.
 */
final class DecisionTiming implements CommandHandler
{
    private static final long HIGHEST_NS = 60_000_000_000L;

    private final CommandHandler delegate;
    private final CommandOutcomes outcomes;
    private final Recorder recorder = new Recorder(HIGHEST_NS, 3);
    private final Histogram total = new Histogram(HIGHEST_NS, 3);
    private Histogram interval;

    DecisionTiming(final CommandHandler delegate, final CommandOutcomes outcomes)
    {
        this.delegate = delegate;
        this.outcomes = outcomes;
    }

    @Override
    public void onCommand(final FrameReader reader, final long sequence, final long timestampNs, final OrderSink orders)
    {
        final long start = System.nanoTime();
        delegate.onCommand(reader, sequence, timestampNs, orders);
        recorder.recordValue(Math.min(HIGHEST_NS, Math.max(0, System.nanoTime() - start)));
    }

    @Override
    public void onRejectedFrame(final long sequence, final long timestampNs, final String reason)
    {
        delegate.onRejectedFrame(sequence, timestampNs, reason);
    }

    @Override
    public void onEndOfBatch(final long sequence, final long timestampNs)
    {
        delegate.onEndOfBatch(sequence, timestampNs);
        outcomes.applied(sequence);
    }

    /**
     * @return decision latency since the start, nanoseconds (any thread).
     */
    synchronized LatencySummary summary()
    {
        interval = recorder.getIntervalHistogram(interval);
        total.add(interval);
        return new LatencySummary(total.getTotalCount(), total.getValueAtPercentile(50),
            total.getValueAtPercentile(99), total.getValueAtPercentile(99.9), total.getMaxValue());
    }
}
