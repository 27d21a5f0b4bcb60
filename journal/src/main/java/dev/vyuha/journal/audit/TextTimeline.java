package dev.vyuha.journal.audit;

import dev.vyuha.engine.event.EngineEvent;
import dev.vyuha.engine.money.Paise;
import dev.vyuha.reference.calendar.IndiaTime;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The audit timeline as text: a heading per IST day, one line per command (time, sequence, what), the decisions it
 * caused indented under it, a P&amp;L table at the end of each day, and the replay's verdict.
 */
public final class TextTimeline implements TimelineSink
{
    private static final String INDENT = " ".repeat(24);
    private final PrintWriter out;
    private LocalDate day;

    /**
     * @param out where the text goes.
     */
    public TextTimeline(final PrintWriter out)
    {
        this.out = out;
    }

    @Override
    public void command(final long sequence, final long timestampNs, final FrameDescriber.Description command,
        final List<EngineEvent> events)
    {
        final LocalDate date = IndiaTime.date(timestampNs);
        if (!date.equals(day))
        {
            day = date;
            out.println("== " + date + " (IST) ==");
        }
        out.printf(Locale.ROOT, "%s  #%-8d %s%n", FrameDescriber.clock(timestampNs), sequence, command.text());
        for (final EngineEvent event : events)
        {
            out.println(INDENT + event.describe());
        }
    }

    @Override
    public void pnl(final LocalDate date, final long sequence, final List<PnlRow> rows)
    {
        out.println("-- P&L at the end of " + date + " (IST), after #" + sequence + " --");
        if (rows.isEmpty())
        {
            out.println("   no strategies");
            return;
        }
        out.printf(Locale.ROOT, "   %-22s %-22s %-10s %12s %12s %12s %6s%n", "basket", "strategy", "state", "realised",
            "unrealised", "MTM", "open");
        long realised = 0;
        long unrealised = 0;
        long mtm = 0;
        for (final PnlRow row : rows)
        {
            out.printf(Locale.ROOT, "   %-22s %-22s %-10s %12s %12s %12s %6d%n", "#" + row.basketNumber() + " "
                + row.basketId(), row.strategyId(), row.state(), Paise.toRupees(row.realisedPaise()),
                Paise.toRupees(row.unrealisedPaise()), Paise.toRupees(row.mtmPaise()), row.openQuantity());
            realised += row.realisedPaise();
            unrealised += row.unrealisedPaise();
            mtm += row.mtmPaise();
        }
        out.printf(Locale.ROOT, "   %-22s %-22s %-10s %12s %12s %12s%n", "total", "", "", Paise.toRupees(realised),
            Paise.toRupees(unrealised), Paise.toRupees(mtm));
    }

    @Override
    public void end(final AuditSummary summary)
    {
        out.printf(Locale.ROOT, "-- %d commands shown, %d decisions; state hash after #%d: %016x --%n",
            summary.commandsShown(), summary.eventsShown(), summary.replay().lastSequence(), summary.stateHash());
        for (final String line : ReplayReport.lines(summary.replay()))
        {
            out.println(line);
        }
        out.flush();
    }
}
