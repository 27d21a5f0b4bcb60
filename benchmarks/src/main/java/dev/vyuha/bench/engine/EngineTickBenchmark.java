package dev.vyuha.bench.engine;

import dev.vyuha.engine.readmodel.EngineSnapshot;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Ticks through the business-logic step (frame copy into the slot, validation, decode, quotes, marks, every watching
 * strategy's per-tick checks, MTM, end of batch) with 1,000 active strategies x 4 legs over the full NIFTY and
 * BANKNIFTY chains ({@link LoadedEngine}). One op is one tick; ticks are spaced 0.5 us apart in engine time (the
 * 2,000,000/s target rate). Run with {@code -prof gc}: steady-state ticks allocate nothing (read-model snapshots are
 * off here; {@link #buildReadModel} measures them on their own).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "-Xms2g", "-Xmx2g"})
public class EngineTickBenchmark
{
    private static final long TICK_SPACING_NS = 500;

    @Param({"1000"})
    public int strategies;

    private LoadedEngine loaded;
    private LoadedEngine.TickTape tape;
    private int next;
    private long nowNs;

    @Setup(Level.Trial)
    public void setUp()
    {
        loaded = new LoadedEngine(strategies, Long.MAX_VALUE);
        tape = loaded.quietTicks(1 << 16, 42);
        nowNs = loaded.nowNs();
        if (loaded.ordersFilled() != strategies * 4)
        {
            throw new IllegalStateException("expected every leg entered: " + loaded.ordersFilled() + " orders");
        }
    }

    @Benchmark
    public long tick()
    {
        final int i = next;
        next = (i + 1) & (tape.count() - 1);
        nowNs += TICK_SPACING_NS;
        return loaded.driver.apply(tape.frames(), tape.offset(i), tape.length(i), nowNs);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public EngineSnapshot buildReadModel()
    {
        return loaded.engine.snapshotNow(loaded.driver.nextSequence() - 1);
    }
}
