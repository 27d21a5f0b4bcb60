package dev.vyuha.journal;

import java.util.List;

/**
 * What a replay of an engine's journal found.
 *
 * @param commands           the commands journal's scan: records replayed and how it ends.
 * @param firstSequence      the first command's sequence (-1 if none).
 * @param ordersReplayed     orders the replay produced.
 * @param ordersMatched      of those, identical to the live engine's, byte for byte.
 * @param ordersLiveOnly     live orders the replay did not produce.
 * @param orderDifference    the first order that differs, or null.
 * @param pendingOrders      orders decided by journaled commands but never handed over by the live engine.
 * @param ordersScan         the orders journal's scan (null if there is none).
 * @param checkpointsMatched checkpoints reached with the live engine's state hash.
 * @param checkpointsTotal   checkpoints checked.
 * @param checkpointMismatch the first checkpoint not matched, or null.
 * @param elapsedNs          time the replay took.
 */
public record ReplayResult(JournalScan commands, long firstSequence, long ordersReplayed, long ordersMatched,
    long ordersLiveOnly, OrderStreamCheck.OrderDifference orderDifference,
    List<OrderStreamCheck.PendingOrder> pendingOrders, JournalScan ordersScan, int checkpointsMatched,
    int checkpointsTotal, JournalReplay.CheckpointMismatch checkpointMismatch, long elapsedNs)
{
    /** @return the last command's sequence (-1 if none). */
    public long lastSequence()
    {
        return commands.lastSequence();
    }

    /**
     * @return true if every outcome matches: the journals are readable to their end (a torn tail allowed), every order
     *     the live engine sent was reproduced byte for byte and in order, and every checkpoint's state hash was
     *     reached. Pending orders do not count against it: the live engine stopped before sending them.
     */
    public boolean matches()
    {
        return commands.recoverable() && (null == ordersScan || ordersScan.recoverable()) && null == orderDifference
            && ordersLiveOnly == 0 && null == checkpointMismatch;
    }

    /** @return commands replayed per second. */
    public double commandsPerSecond()
    {
        return elapsedNs <= 0 ? 0 : commands.records() * 1e9 / elapsedNs;
    }
}
