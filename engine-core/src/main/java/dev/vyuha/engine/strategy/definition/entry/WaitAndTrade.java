package dev.vyuha.engine.strategy.definition.entry;

import dev.vyuha.engine.strategy.definition.ModelInvariants;

import java.util.Optional;

/**
 * A leg's simple-momentum entry: after the entry time, the leg enters only once the watched price has moved from its
 * value at the entry time. A RE_MOMENTUM re-entry waits for the same move from a new reference.
 *
 * @param move       the move that triggers the entry.
 * @param instrument the leg's option premium or the underlying.
 * @param timeout    an optional limit on the wait; without one the leg waits until the schedule's last entry time.
 */
public record WaitAndTrade(Move move, WatchedInstrument instrument, Optional<EntryTimeout> timeout)
{
    /**
     * Validates the components.
     */
    public WaitAndTrade
    {
        ModelInvariants.nonNull(move, "move");
        ModelInvariants.nonNull(instrument, "instrument");
        ModelInvariants.optional(timeout, "timeout");
    }
}
