package dev.vyuha.journal.audit;

import dev.vyuha.journal.ReplayResult;

/**
 * The end of an audit: what was replayed and shown.
 *
 * @param replay         the replay's outcome (commands, orders compared with the live ones, checkpoints).
 * @param commandsShown  commands printed.
 * @param eventsShown    decisions printed.
 * @param firstTimestampNs time of the first command (0 if none).
 * @param lastTimestampNs  time of the last command (0 if none).
 * @param stateHash      the engine's state hash after the last command.
 */
public record AuditSummary(ReplayResult replay, long commandsShown, long eventsShown, long firstTimestampNs,
    long lastTimestampNs, long stateHash)
{
}
