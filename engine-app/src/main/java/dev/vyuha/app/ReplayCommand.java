package dev.vyuha.app;

import dev.vyuha.engine.runtime.InlineCommandDriver;
import dev.vyuha.engine.strategy.runtime.TradingEngine;
import dev.vyuha.journal.JournalLayout;
import dev.vyuha.journal.JournalReplay;
import dev.vyuha.journal.ReplayResult;
import dev.vyuha.journal.audit.ReplayReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code vyuha replay JOURNAL}: re-runs a journal into a fresh engine, nothing sent, and reports whether every outcome
 * matches the live engine that wrote it: the orders, byte for byte and in order, and the state hash at every
 * checkpoint the live engine recorded. Exit code 0 if everything matches, 1 if not (or the journal cannot be read),
 * 2 usage.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = "Re-run a journal into a fresh engine and report whether every outcome matches the live run "
        + "(orders byte for byte, state hash at every checkpoint).")
final class ReplayCommand implements Callable<Integer>
{
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "JOURNAL", description = "The engine's journal directory (or its commands/).")
    private Path journal;

    @Option(names = "--verify-chain", description = "Also check the commands' SHA-256 hash chain (slower).")
    private boolean verifyChain;

    @Mixin
    private EngineOptions engine;

    @Override
    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        try
        {
            final JournalLayout layout = JournalLayout.locate(journal);
            final TradingEngine trading = new TradingEngine(engine.config(), event -> { })
                .snapshotInterval(Long.MAX_VALUE);
            final ReplayResult result;
            try (JournalReplay replay = new JournalReplay(layout, verifyChain))
            {
                final InlineCommandDriver driver = new InlineCommandDriver(trading, replay.orders());
                result = replay.run(driver::applyStamped, trading::stateHash, JournalReplay.Observer.NONE);
            }
            out.println("journal " + layout.root());
            for (final String line : ReplayReport.lines(result))
            {
                if (line.startsWith("every outcome") || line.startsWith("the replay does NOT"))
                {
                    out.printf(Locale.ROOT, "state hash after #%d: %016x%n", result.lastSequence(),
                        trading.stateHash());
                }
                out.println(line);
            }
            out.flush();
            return result.matches() ? 0 : 1;
        }
        catch (final IllegalArgumentException ex)
        {
            spec.commandLine().getErr().println("vyuha replay: " + ex.getMessage());
            spec.commandLine().getErr().flush();
            return 1;
        }
    }
}
