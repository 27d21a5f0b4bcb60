package dev.vyuha.engine.strategy.definition.entry;

import dev.vyuha.engine.strategy.definition.ModelInvariants;
import dev.vyuha.engine.strategy.definition.condition.Direction;

import java.time.LocalTime;
import java.util.Optional;

/**
 * What a strategy waits for, from its entry time, before its legs enter.
 */
public sealed interface EntryTrigger
{
    /**
     * Enter at the entry time.
     */
    record Immediate() implements EntryTrigger
    {
    }

    /**
     * Opening-range breakout: the high and low of the watched price over [rangeStart, rangeEnd) form the range;
     * the legs enter at the first break of it (in the given direction) after rangeEnd and not before the entry
     * time. With {@link WatchedInstrument#OPTION} each leg watches its own option, whose strike is selected at
     * rangeStart; with {@link WatchedInstrument#UNDERLYING} strikes are selected at the break.
     *
     * @param rangeStart first instant of the range window; at or after 09:15.
     * @param rangeEnd   end of the range window (exclusive); after rangeStart.
     * @param instrument the price whose range is taken.
     * @param direction  UP (a trade above the high), DOWN (below the low) or EITHER.
     */
    record RangeBreakout(LocalTime rangeStart, LocalTime rangeEnd, WatchedInstrument instrument, Direction direction)
        implements EntryTrigger
    {
        /**
         * Validates the components.
         */
        public RangeBreakout
        {
            ModelInvariants.nonNull(rangeStart, "rangeStart");
            ModelInvariants.nonNull(rangeEnd, "rangeEnd");
            ModelInvariants.nonNull(instrument, "instrument");
            ModelInvariants.nonNull(direction, "direction");
            ModelInvariants.check(rangeStart.isBefore(rangeEnd), "rangeStart must be before rangeEnd");
        }
    }

    /**
     * Overall momentum: every leg's strike is selected at the entry time and all legs enter together once their
     * combined premium (the sum of the legs' premiums, each times its lots) has moved by the given amount from its
     * value at the entry time.
     *
     * @param move    the move of the combined premium (points are premium points per unit, in paise).
     * @param timeout an optional limit on the wait.
     */
    record OverallMomentum(Move move, Optional<EntryTimeout> timeout) implements EntryTrigger
    {
        /**
         * Validates the components.
         */
        public OverallMomentum
        {
            ModelInvariants.nonNull(move, "move");
            ModelInvariants.optional(timeout, "timeout");
        }
    }
}
