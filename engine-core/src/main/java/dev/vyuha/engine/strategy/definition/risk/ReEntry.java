package dev.vyuha.engine.strategy.definition.risk;

import dev.vyuha.engine.strategy.definition.ModelInvariants;

import java.time.LocalTime;
import java.util.Optional;

/**
 * Re-entry of a leg after one kind of exit (stop loss or target).
 *
 * @param type           how the leg re-enters.
 * @param maxCount       most re-entries per day for this kind of exit; 1..{@link #MAX_COUNT}.
 * @param noReEntryAfter no re-entry after this IST time; empty to use the schedule's no_re_entry_after (and, without
 *                       one, the exit time).
 */
public record ReEntry(ReEntryType type, int maxCount, Optional<LocalTime> noReEntryAfter)
{
    /** Most re-entries a leg may make per day for one kind of exit. */
    public static final int MAX_COUNT = 20;

    /**
     * Validates the components.
     */
    public ReEntry
    {
        ModelInvariants.nonNull(type, "type");
        ModelInvariants.range(maxCount, 1, MAX_COUNT, "maxCount");
        ModelInvariants.optional(noReEntryAfter, "noReEntryAfter");
    }
}
