package dev.vyuha.bench.engine;

import dev.vyuha.engine.runtime.EngineRuntime;
import dev.vyuha.engine.runtime.InlineCommandDriver;
import dev.vyuha.engine.runtime.OutboundOrderPort;
import dev.vyuha.engine.runtime.WaitStrategyKind;
import dev.vyuha.sbe.MessageHeaderDecoder;
import dev.vyuha.sbe.NewOrderDecoder;
import dev.vyuha.wire.FrameValidator;
import org.HdrHistogram.Histogram;
import org.agrona.ExpandableArrayBuffer;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Tick to order intent through the threaded engine ring (producer thread, business-logic thread, outbound stage; no
 * journal): a producer publishes quiet ticks on a fixed schedule of 100,000 a second into an engine loaded with 1,000
 * strategies x 4 legs ({@link LoadedEngine}); every 500th tick is instead a tick at some short leg's stop, which makes
 * the engine decide exits. Latency runs from the tick's <em>planned</em> send time (so a stalled producer counts, no
 * coordinated omission) to the moment the outbound port receives the first order it caused. Each round uses up the
 * stops of a fresh engine; rounds repeat until enough samples are in.
 *
 * <pre>
 * java --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED -cp benchmarks/target/benchmarks.jar \
 *     dev.vyuha.bench.engine.TickToIntentLatency [BLOCKING|YIELDING|BUSY_SPIN|INLINE] [samples]
 * </pre>
 *
 * <p>{@code INLINE} runs the same schedule with no ring and no threads besides the caller's: the producer applies each
 * tick to the business logic itself ({@link InlineCommandDriver}) when it is due, so the figure is the business logic's
 * own tick-to-intent time plus any queueing behind slower ticks, without the cross-thread hand-offs (which on an
 * oversubscribed machine measure the scheduler).
 */
public final class TickToIntentLatency
{
    private static final long INTERVAL_NS = 10_000;
    private static final int TRIGGER_EVERY = 500;
    private static final Histogram TRIGGER_COST = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);

    private TickToIntentLatency()
    {
    }

    public static void main(final String[] args) throws InterruptedException
    {
        final boolean inline = args.length > 0 && "INLINE".equals(args[0]);
        final WaitStrategyKind wait = args.length > 0 && !inline ? WaitStrategyKind.valueOf(args[0]) :
            WaitStrategyKind.YIELDING;
        final int wanted = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        final Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        final Histogram quietLag = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        int round = 0;
        while (histogram.getTotalCount() < wanted)
        {
            round(inline, wait, histogram, quietLag, round++ == 0);
        }
        System.out.println(report("tick -> order intent (" + (inline ? "INLINE" : wait) + ", 100k ticks/s)",
            histogram));
        System.out.println(report("producer lag behind schedule", quietLag));
        if (inline)
        {
            System.out.println(report("business logic time of a trigger tick", TRIGGER_COST));
        }
    }

    private static void round(final boolean inline, final WaitStrategyKind wait, final Histogram histogram,
        final Histogram producerLag, final boolean first) throws InterruptedException
    {
        final LoadedEngine loaded = new LoadedEngine(1000, Long.MAX_VALUE);
        final List<LoadedEngine.Option> shorted = loaded.shortedOptions();
        final LoadedEngine.TickTape tape = loaded.quietTicks(1 << 16, 7 + histogram.getTotalCount());
        final long firstSequence = loaded.driver.nextSequence();
        final int planned = (shorted.size() + 20) * TRIGGER_EVERY;
        final long[] plannedNs = new long[planned];
        final boolean[] trigger = new boolean[planned];
        final long[] seen = new long[planned];
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final OutboundOrderPort port = (buffer, offset, length, cause) ->
        {
            final int i = (int)(cause - firstSequence);
            if (i >= 0 && i < planned && seen[i] == 0
                && header.wrap(buffer, offset).templateId() == NewOrderDecoder.TEMPLATE_ID)
            {
                seen[i] = System.nanoTime();
            }
        };
        final EngineRuntime runtime = inline ? null : new EngineRuntime(new EngineRuntime.Context().ringSize(1 << 16)
            .firstSequence(firstSequence).waitStrategy(wait), loaded.engine, port, List.of());
        final InlineCommandDriver driver = inline ? new InlineCommandDriver(loaded.engine, port, firstSequence,
            FrameValidator.DEFAULT_MAX_FRAME_LENGTH) : null;
        if (!inline)
        {
            runtime.start();
        }
        final ExpandableArrayBuffer frame = new ExpandableArrayBuffer(512);
        long engineNs = loaded.nowNs();
        final long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(first ? 200 : 50);
        int nextShort = 0;
        for (int i = 0; i < planned; i++)
        {
            final long due = start + i * INTERVAL_NS;
            while (System.nanoTime() < due)
            {
                Thread.onSpinWait();
            }
            producerLag.recordValue(Math.max(0, System.nanoTime() - due));
            plannedNs[i] = due;
            engineNs += INTERVAL_NS;
            // Warm up for the first 20 x 500 ticks; then every 500th tick hits the next shorted option's stop.
            if (i >= 20 * TRIGGER_EVERY && i % TRIGGER_EVERY == 0 && nextShort < shorted.size())
            {
                final int length = loaded.stopTick(frame, 0, shorted.get(nextShort++));
                trigger[i] = true;
                if (inline)
                {
                    final long before = System.nanoTime();
                    driver.apply(frame, 0, length, engineNs);
                    TRIGGER_COST.recordValue(System.nanoTime() - before);
                }
                else
                {
                    runtime.publish(frame, 0, length, engineNs);
                }
            }
            else
            {
                final int t = i & (tape.count() - 1);
                if (inline)
                {
                    driver.apply(tape.frames(), tape.offset(t), tape.length(t), engineNs);
                }
                else
                {
                    runtime.publish(tape.frames(), tape.offset(t), tape.length(t), engineNs);
                }
            }
        }
        if (!inline && !runtime.drainAndStop(30, TimeUnit.SECONDS))
        {
            throw new IllegalStateException("ring did not drain");
        }
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        int missing = 0;
        for (int i = 0; i < planned; i++)
        {
            if (trigger[i])
            {
                if (seen[i] == 0)
                {
                    missing++;
                }
                else
                {
                    histogram.recordValue(Math.max(0, seen[i] - plannedNs[i]));
                }
            }
        }
        if (missing > 0)
        {
            System.out.println("round: " + missing + " trigger ticks caused no order (option already exited)");
        }
    }

    private static String report(final String name, final Histogram histogram)
    {
        return String.format(Locale.ROOT, "%-48s n=%6d  p50 %8.2f  p90 %8.2f  p99 %8.2f  p99.9 %8.2f  max %9.2f us",
            name, histogram.getTotalCount(), us(histogram, 50), us(histogram, 90), us(histogram, 99),
            us(histogram, 99.9), histogram.getMaxValue() / 1000.0);
    }

    private static double us(final Histogram histogram, final double percentile)
    {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }
}
