package dev.vyuha.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vyuha.journal.JournalContext;
import dev.vyuha.journal.JournalLayout;
import dev.vyuha.journal.JournalProblem;
import dev.vyuha.journal.JournalReader;
import dev.vyuha.journal.JournalScan;
import dev.vyuha.journal.audit.AuditFilter;
import dev.vyuha.journal.audit.AuditSummary;
import dev.vyuha.journal.audit.AuditTimeline;
import dev.vyuha.journal.audit.TextTimeline;
import dev.vyuha.journal.audit.TimelineSink;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code vyuha audit JOURNAL}: the timeline of a journal (DOMAIN.md §10): every command that mattered, the
 * decisions it caused with their reasons and numbers, orders and fills, P&amp;L per strategy at the end of each day,
 * as text or JSON lines, for a day, a basket or a strategy; or, with {@code --verify}, a check of every record's CRC and hash
 * chain. Exit code: 0 intact (and, for the timeline, the replay matched the live engine), 1 damaged or different or
 * unreadable, 3 only a torn last record (the engine died while writing it), 2 usage.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
    description = {"Print a journal's timeline: commands, decisions with their reasons and numbers, orders, fills and "
        + "P&L per strategy, as text or JSON lines.",
        "With --verify, check every record's checksum and hash chain instead and report the first bad record."})
final class AuditCommand implements Callable<Integer>
{
    static final int TORN_TAIL = 3;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "JOURNAL", description = "The engine's journal directory (or its commands/).")
    private Path journal;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Only this IST date.")
    private LocalDate date;

    @Option(names = "--basket", paramLabel = "ID", description = "Only this basket (its id or number).")
    private String basket;

    @Option(names = "--strategy", paramLabel = "ID", description = "Only this strategy (its id).")
    private String strategy;

    @Option(names = "--ticks", description = "Also show market ticks that caused nothing.")
    private boolean ticks;

    @Option(names = "--json", description = "JSON lines instead of text.")
    private boolean json;

    @Option(names = "--verify", description = "Check every record's CRC32C and SHA-256 hash chain; print no timeline.")
    private boolean verify;

    @Mixin
    private EngineOptions engine;

    @Override
    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        try
        {
            final JournalLayout layout = JournalLayout.locate(journal);
            if (verify)
            {
                return verify(layout, out);
            }
            final TimelineSink sink = json ? new JsonTimeline(out) : new TextTimeline(out);
            final AuditSummary summary = AuditTimeline.run(layout, engine.config(), new AuditFilter(date,
                blankToNull(basket), blankToNull(strategy), ticks), false, sink);
            out.flush();
            return summary.replay().matches() ? 0 : 1;
        }
        catch (final IllegalArgumentException ex)
        {
            spec.commandLine().getErr().println("vyuha audit: " + ex.getMessage());
            spec.commandLine().getErr().flush();
            return 1;
        }
    }

    private int verify(final JournalLayout layout, final PrintWriter out)
    {
        final Map<String, Path> journals = new LinkedHashMap<>();
        journals.put(JournalLayout.COMMANDS, layout.commands());
        journals.put(JournalLayout.ORDERS, layout.orders());
        journals.put(JournalLayout.CHECKPOINTS, layout.checkpoints());
        final ObjectMapper mapper = new ObjectMapper();
        if (!json)
        {
            out.println(layout.root());
        }
        String damaged = null;
        String torn = null;
        for (final Map.Entry<String, Path> entry : journals.entrySet())
        {
            if (!JournalReader.isJournal(entry.getValue()))
            {
                if (json)
                {
                    out.println(mapper.createObjectNode().put("type", "verify").put("journal", entry.getKey())
                        .put("records", 0).put("problem", "ABSENT").put("problemIndex", -1));
                }
                else
                {
                    out.printf(Locale.ROOT, "  %-12s absent%n", entry.getKey());
                }
                continue;
            }
            final JournalScan scan;
            try (JournalReader reader = new JournalReader(new JournalContext().directory(entry.getValue())))
            {
                scan = reader.read((index, sequence, timestampNs, buffer, offset, length) -> { }, true);
            }
            if (json)
            {
                out.println(mapper.createObjectNode().put("type", "verify").put("journal", entry.getKey())
                    .put("records", scan.records()).put("lastSequence", scan.lastSequence())
                    .put("problem", scan.problem().name()).put("problemIndex", scan.problemIndex())
                    .put("detail", scan.summary()));
            }
            else
            {
                out.printf(Locale.ROOT, "  %-12s %s%s%n", entry.getKey(), scan.summary(),
                    scan.intact() ? " (CRC32C and hash chain verified)" : "");
            }
            if (scan.problem() == JournalProblem.TORN_TAIL)
            {
                torn = null == torn ? entry.getKey() + " record " + scan.problemIndex() : torn;
            }
            else if (!scan.intact() && null == damaged)
            {
                damaged = entry.getKey() + " record " + scan.problemIndex() + " (" + scan.problem().description()
                    + ")";
            }
        }
        final String verdict = null != damaged ? "journal DAMAGED at " + damaged : null != torn ? "journal intact up "
            + "to a torn last record, " + torn + ": the engine died while writing it; it was never acknowledged or "
            + "acted on, and the next start writes over it" : "journal intact";
        if (json)
        {
            out.println(mapper.createObjectNode().put("type", "verdict").put("verdict", verdict)
                .put("intact", null == damaged && null == torn));
        }
        else
        {
            out.println(verdict);
        }
        out.flush();
        return null != damaged ? 1 : null != torn ? TORN_TAIL : 0;
    }

    private static String blankToNull(final String text)
    {
        return null == text || text.isBlank() ? null : text.trim();
    }
}
