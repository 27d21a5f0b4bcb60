package dev.vyuha.admin;

import dev.vyuha.engine.readmodel.EngineSnapshot;
import org.agrona.DirectBuffer;

/**
 * What the admin API needs from a running engine: a way to submit commands into its ring (they are journaled and
 * applied in order like any other input) and the read models the business-logic thread publishes. Implementations
 * are thread-safe: HTTP handlers call them concurrently.
 */
public interface EngineAccess
{
    /**
     * Submit a command frame; the engine stamps its sequence and time.
     *
     * @param frame  holding the frame.
     * @param offset where it starts.
     * @param length its length.
     * @return the sequence the command got.
     */
    long submit(DirectBuffer frame, int offset, int length);

    /** @return the latest published read model. */
    EngineSnapshot snapshot();

    /** Ask for a fresh read model at the end of the engine's next batch. */
    void requestSnapshot();

    /** @return commands published but not yet through every stage of the ring. */
    long ringBacklog();

    /** @return commands published but not yet journaled (0 without a journal). */
    long journalLag();

    /** @return how long the business logic takes per command. */
    LatencySummary decisionLatency();
}
