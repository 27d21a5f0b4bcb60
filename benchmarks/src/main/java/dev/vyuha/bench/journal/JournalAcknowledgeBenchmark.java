package dev.vyuha.bench.journal;

import dev.vyuha.app.engine.JournaledEngine;
import dev.vyuha.engine.runtime.CommandHandler;
import dev.vyuha.engine.runtime.OrderSink;
import dev.vyuha.engine.runtime.WaitStrategyKind;
import dev.vyuha.journal.JournalSync;
import dev.vyuha.wire.FrameReader;
import org.agrona.concurrent.UnsafeBuffer;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A producer's view of the journal: publish a 317-byte FULL tick into the engine's ring and wait until it is
 * acknowledged (journaled), one at a time, through {@link JournaledEngine} with a business logic that does nothing.
 * Includes the ring hand-off to the journal thread (blocking or yielding wait strategy), the append (and the msync,
 * with {@link JournalSync#SYNC_PER_BATCH}, the engine's default), and the
 * producer's wait ({@code awaitJournaled}: 256 spins, yields for up to 200 us, then 20 us parks). What an admin
 * request waits for before it is answered.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
    "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-exports=java.base/jdk.internal.util=ALL-UNNAMED",
    "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED", "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED",
    "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
    "--add-opens=jdk.compiler/com.sun.tools.javac=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/java.util=ALL-UNNAMED", "-Dchronicle.analytics.disable=true",
    "-Dchronicle.announcer.disable=true", "-Dchronicle.disk.monitor.disable=true", "-Xms1g", "-Xmx1g",
    "-DVYUHA_LOG_LEVEL=WARN"})
public class JournalAcknowledgeBenchmark
{
    @Param({"BLOCKING", "YIELDING"})
    public WaitStrategyKind waitStrategy;

    @Param({"SYNC_PER_BATCH", "PAGE_CACHE"})
    public JournalSync sync;

    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[1024]);
    private int length;
    private long timestampNs = 1_786_938_600_000_000_000L;
    private Path directory;
    private JournaledEngine engine;

    @Setup(Level.Iteration)
    public void open()
    {
        length = JournalFixtures.fullTick(frame);
        directory = JournalFixtures.temporaryDirectory("vyuha-ack-bench");
        engine = JournaledEngine.open(new JournaledEngine.Context().journalDirectory(directory).ringSize(1024)
            .waitStrategy(waitStrategy).sync(sync), new Idle(), (buffer, offset, length, cause) -> { });
        engine.start();
    }

    @TearDown(Level.Iteration)
    public void close()
    {
        engine.close();
        JournalFixtures.delete(directory);
    }

    @Benchmark
    public long publishAndAwaitAcknowledgement()
    {
        timestampNs += 1_000;
        final long sequence = engine.publish(frame, 0, length, timestampNs);
        if (!engine.awaitJournaled(sequence, 10, TimeUnit.SECONDS))
        {
            throw new IllegalStateException("not acknowledged: " + sequence);
        }
        return sequence;
    }

    /** Business logic that does nothing: the path measured is the journal's. */
    private static final class Idle implements CommandHandler
    {
        @Override
        public void onCommand(final FrameReader reader, final long sequence, final long timestampNs,
            final OrderSink orders)
        {
        }

        @Override
        public void onRejectedFrame(final long sequence, final long timestampNs, final String reason)
        {
        }

        @Override
        public void onEndOfBatch(final long sequence, final long timestampNs)
        {
        }
    }
}
