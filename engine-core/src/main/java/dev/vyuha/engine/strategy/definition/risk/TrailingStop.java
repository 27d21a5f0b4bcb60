package dev.vyuha.engine.strategy.definition.risk;

import dev.vyuha.engine.strategy.definition.ModelInvariants;

import java.util.Optional;

/**
 * A leg's trailing stop loss. Once the leg's profit reaches activateAt, for every further favourable move of the
 * premium by {@code every}, the stop loss moves by {@code moveBy} in the same direction; it never loosens. The leg
 * must have a premium-based stop loss to trail. All amounts are in {@link #unit()}: paise for POINTS, basis points of
 * the entry premium for PERCENT.
 *
 * @param unit        unit of every amount.
 * @param activateAt  profit (favourable move from the entry premium) before trailing starts; 0 for at once.
 * @param every       favourable move per step; positive.
 * @param moveBy      stop-loss move per step; positive, at most every.
 * @param lockProfit  optional profit lock: when profit reaches its {@code at}, the stop loss moves to lock in its
 *                    {@code lock} (entry ∓ lock) unless it is already tighter.
 */
public record TrailingStop(TrailingUnit unit, long activateAt, long every, long moveBy, Optional<ProfitLock> lockProfit)
{
    /**
     * Validates the components.
     */
    public TrailingStop
    {
        ModelInvariants.nonNull(unit, "unit");
        ModelInvariants.range(activateAt, 0, Long.MAX_VALUE, "activateAt");
        ModelInvariants.range(every, 1, Long.MAX_VALUE, "every");
        ModelInvariants.range(moveBy, 1, every, "moveBy");
        ModelInvariants.optional(lockProfit, "lockProfit");
    }

    /**
     * When the leg's profit reaches {@code at}, lock in {@code lock} of it.
     *
     * @param at   profit that triggers the lock, in the trailing stop's unit; positive.
     * @param lock profit locked, in the trailing stop's unit; below at (0 locks the entry price: cost).
     */
    public record ProfitLock(long at, long lock)
    {
        /**
         * Validates the components.
         */
        public ProfitLock
        {
            ModelInvariants.range(at, 1, Long.MAX_VALUE, "at");
            ModelInvariants.range(lock, 0, at - 1, "lock");
        }
    }
}
