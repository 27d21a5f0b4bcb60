package dev.vyuha.bench.journal;

import dev.vyuha.engine.runtime.EngineRuntime;
import dev.vyuha.engine.runtime.InlineCommandDriver;
import dev.vyuha.engine.strategy.runtime.TradingEngine;
import dev.vyuha.journal.JournalContext;
import dev.vyuha.journal.JournalCursor;
import dev.vyuha.journal.JournalLayout;
import dev.vyuha.journal.JournalReader;
import dev.vyuha.journal.JournalReplay;
import dev.vyuha.journal.ReplayResult;
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
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Replaying a journal, in commands per second: the two-day randomised session (seven baskets, rejects, partial fills,
 * kill switch; 135,192 commands, most of them option and index ticks) read back from disk. {@code read}: every record
 * checked (magic, index, sequence, CRC32C) and its frame copied out, no engine; {@code readVerifyingChain}: the same
 * plus the SHA-256 chain ({@code audit --verify}); {@code replayInline}: into a fresh engine through
 * {@code InlineCommandDriver.applyStamped}, every order compared with the orders journal (the {@code replay} command
 * and backtests); {@code replayBeforeStart}: through {@code EngineRuntime.replay}, as the engine recovers on start.
 * One operation is one command.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 6, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
    "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-exports=java.base/jdk.internal.util=ALL-UNNAMED",
    "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED", "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED",
    "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
    "--add-opens=jdk.compiler/com.sun.tools.javac=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/java.util=ALL-UNNAMED", "-Dchronicle.analytics.disable=true",
    "-Dchronicle.announcer.disable=true", "-Dchronicle.disk.monitor.disable=true", "-Xms1g", "-Xmx1g"})
public class JournalReplayBenchmark
{
    /** Commands in the two-day session (checked in setup). */
    static final int COMMANDS = 135_192;

    private Path root;
    private JournalLayout layout;

    @Setup(Level.Trial)
    public void journal()
    {
        root = JournalFixtures.temporaryDirectory("vyuha-replay-bench");
        layout = new JournalLayout(root);
        final int commands = JournalFixtures.journalSession(root, 2);
        if (commands != COMMANDS)
        {
            throw new IllegalStateException("the session has " + commands + " commands, expected " + COMMANDS);
        }
    }

    @TearDown(Level.Trial)
    public void delete()
    {
        JournalFixtures.delete(root);
    }

    @Benchmark
    @OperationsPerInvocation(COMMANDS)
    public long read()
    {
        return scan(false);
    }

    @Benchmark
    @OperationsPerInvocation(COMMANDS)
    public long readVerifyingChain()
    {
        return scan(true);
    }

    private long scan(final boolean verifyChain)
    {
        long sum = 0;
        try (JournalReader reader = new JournalReader(new JournalContext().directory(layout.commands()));
            JournalCursor cursor = reader.cursor(verifyChain))
        {
            while (cursor.next())
            {
                sum += cursor.frameLength();
            }
            check(cursor.records());
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(COMMANDS)
    public long replayInline()
    {
        final TradingEngine engine = new TradingEngine(JournalFixtures.SESSION_CONFIG, event -> { })
            .snapshotInterval(Long.MAX_VALUE);
        try (JournalReplay replay = new JournalReplay(layout, false))
        {
            final InlineCommandDriver driver = new InlineCommandDriver(engine, replay.orders());
            return checked(replay.run(driver::applyStamped, null, JournalReplay.Observer.NONE));
        }
    }

    @Benchmark
    @OperationsPerInvocation(COMMANDS)
    public long replayBeforeStart()
    {
        final TradingEngine engine = new TradingEngine(JournalFixtures.SESSION_CONFIG, event -> { })
            .snapshotInterval(Long.MAX_VALUE);
        try (JournalReplay replay = new JournalReplay(layout, false))
        {
            final EngineRuntime runtime = new EngineRuntime(new EngineRuntime.Context().ringSize(1024), engine,
                (buffer, offset, length, cause) -> { }, List.of());
            return checked(replay.run((buffer, offset, length) -> runtime.replay(buffer, offset, length,
                replay.orders()), null, JournalReplay.Observer.NONE));
        }
    }

    private static long checked(final ReplayResult result)
    {
        check(result.commands().records());
        if (!result.matches() || result.ordersMatched() < 60)
        {
            throw new IllegalStateException("the replay does not match the live run: " + result);
        }
        return result.lastSequence();
    }

    private static void check(final long records)
    {
        if (records != COMMANDS)
        {
            throw new IllegalStateException("read " + records + " commands, expected " + COMMANDS);
        }
    }
}
