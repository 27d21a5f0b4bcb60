package dev.vyuha.app.engine;

import java.util.Locale;

/**
 * What the engine rebuilt from its journal on start.
 *
 * @param commands           commands replayed.
 * @param firstSequence      the first one's sequence (-1 if the journal was empty).
 * @param lastSequence       the last one's (-1 if empty); live commands continue from the next.
 * @param ordersReplayed     orders the replay reproduced.
 * @param ordersAlreadySent  of those, orders the previous run had handed over (identical, byte for byte): not resent.
 * @param ordersResent       orders decided by journaled commands that the previous run never handed over: sent now.
 * @param tornRecordIndex    index of a torn record at the end of the commands journal (written over now), or -1.
 * @param checkpointsMatched earlier checkpoints whose state hash the replay reached.
 * @param stateHash          the engine's state hash after the replay (0 without a hash supplier).
 * @param elapsedNs          time the replay took.
 */
public record RecoveryReport(long commands, long firstSequence, long lastSequence, long ordersReplayed,
    long ordersAlreadySent, long ordersResent, long tornRecordIndex, int checkpointsMatched, long stateHash,
    long elapsedNs)
{
    /** @return a one-line summary for the log. */
    public String describe()
    {
        if (commands == 0)
        {
            return "empty journal: starting fresh";
        }
        return String.format(Locale.ROOT, "replayed %d commands (#%d..#%d) in %.1f ms: %d orders reproduced, %d "
            + "already sent (not resent), %d sent now; %d checkpoint(s) matched; state hash %016x%s", commands,
            firstSequence, lastSequence, elapsedNs / 1e6, ordersReplayed, ordersAlreadySent, ordersResent,
            checkpointsMatched, stateHash, tornRecordIndex >= 0 ? "; torn record " + tornRecordIndex + " dropped" : "");
    }
}
