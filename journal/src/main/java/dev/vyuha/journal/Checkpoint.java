package dev.vyuha.journal;

/**
 * The engine's state hash after a command, recorded by the live engine so that a later replay can prove it reaches
 * the same state (ARCHITECTURE.md §3 invariant 4), not only the same orders.
 *
 * @param sequence    the last command applied.
 * @param stateHash   the engine's state hash after it.
 * @param timestampNs that command's timestamp.
 * @param kind        when it was taken.
 */
public record Checkpoint(long sequence, long stateHash, long timestampNs, Kind kind)
{
    /** Bytes of a checkpoint frame. */
    static final int LENGTH = 3 * Long.BYTES + Integer.BYTES;

    /** When a checkpoint is taken. */
    public enum Kind
    {
        /** After a start-up replay, before the ring starts. */
        RECOVERED,
        /** After a clean stop, once the ring drained. */
        STOPPED
    }

    /** @return a line for operators. */
    public String describe()
    {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " at #" + sequence + ", state hash "
            + String.format(java.util.Locale.ROOT, "%016x", stateHash);
    }
}
