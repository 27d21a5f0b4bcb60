package dev.vyuha.journal.audit;

import dev.vyuha.engine.event.EngineEvent;

import java.time.LocalDate;
import java.util.List;

/**
 * Receives an audit timeline as it is replayed: commands with the decisions they caused, P&amp;L at the end of each
 * day, and a summary.
 */
public interface TimelineSink
{
    /**
     * A command, described, with the events it caused that the filter shows.
     *
     * @param sequence    command sequence.
     * @param timestampNs command time.
     * @param command     the command described.
     * @param events      what it caused.
     */
    void command(long sequence, long timestampNs, FrameDescriber.Description command, List<EngineEvent> events);

    /**
     * P&amp;L at the end of a day, from the engine's state after its last command.
     *
     * @param day      the IST date.
     * @param sequence the day's last command.
     * @param rows     one per strategy shown.
     */
    void pnl(LocalDate day, long sequence, List<PnlRow> rows);

    /**
     * The end of the journal.
     *
     * @param summary what the replay found.
     */
    void end(AuditSummary summary);

    /**
     * One strategy's P&amp;L.
     *
     * @param basketNumber    the basket's number.
     * @param basketId        the basket's id.
     * @param strategyId      the strategy's id (with "@account" when fanned out).
     * @param strategyName    its name.
     * @param state           its state.
     * @param realisedPaise   realised over its legs.
     * @param unrealisedPaise unrealised over its legs.
     * @param mtmPaise        its MTM.
     * @param openQuantity    units still open over its legs (absolute).
     */
    record PnlRow(long basketNumber, String basketId, String strategyId, String strategyName, String state,
        long realisedPaise, long unrealisedPaise, long mtmPaise, long openQuantity)
    {
    }
}
