package dev.vyuha.journal.audit;

import dev.vyuha.journal.JournalScan;
import dev.vyuha.journal.ReplayResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Words for a {@link ReplayResult}: one line per outcome, for the {@code replay} and {@code audit} commands.
 */
public final class ReplayReport
{
    private ReplayReport()
    {
    }

    /**
     * @param result a replay's outcome.
     * @return its lines, the verdict last.
     */
    public static List<String> lines(final ReplayResult result)
    {
        final List<String> lines = new ArrayList<>();
        final JournalScan commands = result.commands();
        lines.add(String.format(Locale.ROOT, "commands: %d replayed%s in %.2f s (%,.0f commands/s)%s",
            commands.records(), commands.records() > 0 ? " (#" + result.firstSequence() + "..#"
            + result.lastSequence() + ")" : "", result.elapsedNs() / 1e9, result.commandsPerSecond(),
            commands.intact() ? "" : "; " + commands.summary()));
        if (null == result.ordersScan())
        {
            lines.add("orders: " + result.ordersReplayed() + " reproduced; no orders journal to compare with");
        }
        else if (null != result.orderDifference())
        {
            lines.add("orders: DIFFERENT at " + result.orderDifference().describe());
        }
        else if (result.ordersLiveOnly() > 0)
        {
            lines.add("orders: DIFFERENT: the live engine sent " + result.ordersLiveOnly() + " order(s) the replay "
                + "does not reproduce");
        }
        else
        {
            lines.add("orders: " + result.ordersMatched() + " reproduced, identical to the " + result.ordersMatched()
                + " the live engine sent, byte for byte, in order" + (result.pendingOrders().isEmpty() ? "" : "; "
                + result.pendingOrders().size() + " more decided but never handed over (the engine stopped before "
                + "sending them; its next start sends them)"));
        }
        if (null != result.ordersScan() && !result.ordersScan().intact())
        {
            lines.add("orders journal: " + result.ordersScan().summary());
        }
        if (null != result.checkpointMismatch())
        {
            lines.add("checkpoints: DIFFERENT: " + result.checkpointMismatch().describe());
        }
        else if (result.checkpointsTotal() > 0)
        {
            lines.add("checkpoints: " + result.checkpointsMatched() + " of " + result.checkpointsTotal()
                + " reached with the live engine's state hash");
        }
        else
        {
            lines.add("checkpoints: none recorded");
        }
        lines.add(result.matches() ? "every outcome matches" : "the replay does NOT match the live engine");
        return lines;
    }
}
