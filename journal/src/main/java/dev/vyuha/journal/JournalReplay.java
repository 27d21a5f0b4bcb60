package dev.vyuha.journal;

import dev.vyuha.engine.runtime.OutboundOrderPort;
import org.agrona.DirectBuffer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Re-runs an engine's journal: every intact command, in order, with its own stamps, into a fresh engine, whose orders
 * go to an {@link OrderStreamCheck} against the orders the live engine sent, while the engine's state hash is checked
 * at every checkpoint the live engine recorded. The same loop serves start-up recovery (through
 * {@code EngineRuntime.replay}, before the ring starts), the {@code replay} and {@code audit} commands and backtests
 * from a recording (through {@code InlineCommandDriver.applyStamped}).
 *
 * <pre>
 *   try (JournalReplay replay = new JournalReplay(layout, false))
 *   {
 *       InlineCommandDriver driver = new InlineCommandDriver(engine, replay.orders());
 *       ReplayResult result = replay.run(driver::applyStamped, engine::stateHash, JournalReplay.Observer.NONE);
 *   }
 * </pre>
 */
public final class JournalReplay implements AutoCloseable
{
    private final JournalLayout layout;
    private final boolean verifyChain;
    private final OrderStreamCheck orders;
    private final List<Checkpoint> checkpoints;
    private final JournalReader commands;

    /** Feeds one stamped command frame to the engine. */
    @FunctionalInterface
    public interface Applier
    {
        /**
         * @param frame  buffer holding the frame (valid during the call).
         * @param offset where it starts.
         * @param length its length.
         */
        void apply(DirectBuffer frame, int offset, int length);
    }

    /** Sees every command as it is replayed (for the audit timeline). */
    public interface Observer
    {
        /** Observes nothing. */
        Observer NONE = new Observer()
        {
        };

        /**
         * Before the command is applied.
         *
         * @param index       record index.
         * @param sequence    command sequence.
         * @param timestampNs command time.
         * @param frame       the frame (valid during the call).
         * @param length      its length (from offset 0).
         */
        default void beforeCommand(final long index, final long sequence, final long timestampNs,
            final DirectBuffer frame, final int length)
        {
        }

        /**
         * After the command and its orders.
         *
         * @param index       record index.
         * @param sequence    command sequence.
         * @param timestampNs command time.
         */
        default void afterCommand(final long index, final long sequence, final long timestampNs)
        {
        }
    }

    /**
     * A checkpoint the replay did not reach with the same state.
     *
     * @param checkpoint  what the live engine recorded.
     * @param replayHash  the replay's state hash at that sequence, or 0 if the replay never got there.
     * @param reached     false if the journal ends before the checkpoint's sequence.
     */
    public record CheckpointMismatch(Checkpoint checkpoint, long replayHash, boolean reached)
    {
        /** @return a sentence for operators. */
        public String describe()
        {
            return reached ? "state hash at #" + checkpoint.sequence() + " is "
                + String.format(java.util.Locale.ROOT, "%016x", replayHash) + ", the live engine recorded "
                + String.format(java.util.Locale.ROOT, "%016x", checkpoint.stateHash()) + " (" + checkpoint.kind()
                + ")" : "the journal ends before the live engine's checkpoint at #" + checkpoint.sequence();
        }
    }

    /**
     * @param layout      the journals.
     * @param verifyChain also check the commands' hash chain.
     */
    public JournalReplay(final JournalLayout layout, final boolean verifyChain)
    {
        this.layout = layout;
        this.verifyChain = verifyChain;
        this.checkpoints = Checkpoints.read(layout.checkpoints());
        this.commands = JournalReader.isJournal(layout.commands()) ?
            new JournalReader(new JournalContext().directory(layout.commands())) : null;
        this.orders = new OrderStreamCheck(layout.orders());
    }

    /**
     * @return the sequence of the commands journal's last complete record (-1 if none): where live commands would
     *     continue from.
     */
    public long lastSequence()
    {
        return null == commands ? -1 : commands.lastSequence();
    }

    /** @return the port to give the replaying engine: it checks every order against the live ones. */
    public OutboundOrderPort orders()
    {
        return orders;
    }

    /**
     * Replay every intact command.
     *
     * @param applier   feeds a frame to the engine (its orders must reach {@link #orders()}).
     * @param stateHash the engine's state hash, or null not to check checkpoints.
     * @param observer  sees each command.
     * @return the outcome.
     */
    public ReplayResult run(final Applier applier, final LongSupplier stateHash, final Observer observer)
    {
        final long start = System.nanoTime();
        long first = -1;
        int nextCheckpoint = 0;
        int checkpointsMatched = 0;
        CheckpointMismatch mismatch = null;
        final List<Checkpoint> due = new ArrayList<>(checkpoints);
        due.sort((a, b) -> Long.compare(a.sequence(), b.sequence()));
        if (null == commands)
        {
            final JournalScan empty = new JournalScan(0, -1, -1, JournalProblem.NONE, -1, "");
            return result(empty, -1, 0, null, due.size(), start);
        }
        final JournalScan scan;
        try (JournalCursor cursor = commands.cursor(verifyChain))
        {
            while (cursor.next())
            {
                final long sequence = cursor.sequence();
                if (first < 0)
                {
                    first = sequence;
                }
                observer.beforeCommand(cursor.index(), sequence, cursor.timestampNs(), cursor.frame(),
                    cursor.frameLength());
                applier.apply(cursor.frame(), 0, cursor.frameLength());
                observer.afterCommand(cursor.index(), sequence, cursor.timestampNs());
                while (null != stateHash && nextCheckpoint < due.size()
                    && due.get(nextCheckpoint).sequence() <= sequence)
                {
                    final Checkpoint checkpoint = due.get(nextCheckpoint++);
                    final long hash = stateHash.getAsLong();
                    if (checkpoint.sequence() == sequence && checkpoint.stateHash() == hash)
                    {
                        checkpointsMatched++;
                    }
                    else if (null == mismatch)
                    {
                        mismatch = new CheckpointMismatch(checkpoint, hash, checkpoint.sequence() == sequence);
                    }
                }
            }
            scan = cursor.scan();
        }
        if (null != stateHash && nextCheckpoint < due.size() && null == mismatch)
        {
            mismatch = new CheckpointMismatch(due.get(nextCheckpoint), 0, false);
        }
        return result(scan, first, null == stateHash ? 0 : checkpointsMatched, mismatch,
            null == stateHash ? 0 : due.size(), start);
    }

    private ReplayResult result(final JournalScan scan, final long first, final int checkpointsMatched,
        final CheckpointMismatch mismatch, final int checkpointsTotal, final long start)
    {
        orders.finish();
        return new ReplayResult(scan, first, orders.replayed(), orders.matched(), orders.liveOnly(),
            orders.difference(), List.copyOf(orders.pending()), orders.scan(), checkpointsMatched, checkpointsTotal,
            mismatch, System.nanoTime() - start);
    }

    @Override
    public void close()
    {
        orders.close();
        if (null != commands)
        {
            commands.close();
        }
    }
}
