package dev.vyuha.bench.journal;

import dev.vyuha.journal.JournalContext;
import dev.vyuha.journal.JournalSync;
import dev.vyuha.journal.JournalWriter;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;

/**
 * Appending one command to the journal on disk: a 317-byte FULL option tick (the commonest and largest routine
 * command) copied, CRC32C'd, chained with SHA-256 and written as one Chronicle Queue document in the page cache
 * ({@link JournalSync#PAGE_CACHE}, what survives a process crash), and the same with an msync every 16 records
 * ({@link JournalSync#SYNC_PER_BATCH}, what survives a power loss, for batches of 16). Throughput, then latency per
 * append from {@code SampleTime} (p50, p99, p99.9), then the two digests alone as baselines. Each iteration writes a
 * fresh journal in the temporary directory and deletes it.
 */
@State(Scope.Thread)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
    "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-exports=java.base/jdk.internal.util=ALL-UNNAMED",
    "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED", "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED",
    "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
    "--add-opens=jdk.compiler/com.sun.tools.javac=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/java.util=ALL-UNNAMED", "-Dchronicle.analytics.disable=true",
    "-Dchronicle.announcer.disable=true", "-Dchronicle.disk.monitor.disable=true", "-Xms1g", "-Xmx1g"})
public class JournalAppendBenchmark
{
    private static final int BATCH = 16;

    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[1024]);
    private final byte[] bytes = new byte[1024];
    private final byte[] digest = new byte[32];
    private final CRC32C crc = new CRC32C();
    private MessageDigest sha256;
    private int length;
    private Path directory;
    private JournalWriter writer;
    private long sequence;

    @Setup(Level.Trial)
    public void frame() throws NoSuchAlgorithmException
    {
        length = JournalFixtures.fullTick(frame);
        frame.getBytes(0, bytes, 0, length);
        sha256 = MessageDigest.getInstance("SHA-256");
    }

    @Setup(Level.Iteration)
    public void open()
    {
        directory = JournalFixtures.temporaryDirectory("vyuha-journal-bench");
        writer = new JournalWriter(new JournalContext().directory(directory));
        sequence = 0;
    }

    @TearDown(Level.Iteration)
    public void close()
    {
        writer.close();
        JournalFixtures.delete(directory);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public long appendThroughput()
    {
        final long next = ++sequence;
        return writer.append(frame, 0, length, next, next);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public long appendLatency()
    {
        final long next = ++sequence;
        return writer.append(frame, 0, length, next, next);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @OperationsPerInvocation(BATCH)
    public long appendBatchOf16ThenMsync(final Synced synced)
    {
        for (int i = 0; i < BATCH; i++)
        {
            final long next = ++synced.sequence;
            synced.writer.append(frame, 0, length, next, next);
        }
        synced.writer.sync();
        return synced.sequence;
    }

    /** A journal opened for {@link JournalSync#SYNC_PER_BATCH}: its sync() is a synchronous msync. */
    @State(Scope.Thread)
    public static class Synced
    {
        Path directory;
        JournalWriter writer;
        long sequence;

        @Setup(Level.Iteration)
        public void open()
        {
            directory = JournalFixtures.temporaryDirectory("vyuha-journal-sync-bench");
            writer = new JournalWriter(new JournalContext().directory(directory).sync(JournalSync.SYNC_PER_BATCH));
            sequence = 0;
        }

        @TearDown(Level.Iteration)
        public void close()
        {
            writer.close();
            JournalFixtures.delete(directory);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public long crc32cOfTheFrame()
    {
        crc.reset();
        crc.update(bytes, 0, length);
        return crc.getValue();
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public byte[] sha256OfHeaderAndFrame() throws java.security.DigestException
    {
        sha256.update(digest, 0, 32);
        sha256.update(bytes, 0, 40);
        sha256.update(bytes, 0, length);
        sha256.digest(digest, 0, 32);
        return digest;
    }
}
