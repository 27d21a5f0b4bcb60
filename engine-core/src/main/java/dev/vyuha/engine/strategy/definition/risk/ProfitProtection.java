package dev.vyuha.engine.strategy.definition.risk;

import dev.vyuha.engine.strategy.definition.ModelInvariants;

/**
 * How a strategy protects MTM profit (../shared/DOMAIN.md §5). Amounts are strategy MTM in paise; at most one kind
 * per strategy.
 */
public sealed interface ProfitProtection
{
    /**
     * When MTM reaches lockAt, lock lock: exit every leg if MTM falls back to it.
     *
     * @param lockAtPaise MTM that activates the lock; positive.
     * @param lockPaise   MTM locked; 0..lockAtPaise-1.
     */
    record Lock(long lockAtPaise, long lockPaise) implements ProfitProtection
    {
        /**
         * Validates the components.
         */
        public Lock
        {
            ModelInvariants.range(lockAtPaise, 1, Long.MAX_VALUE, "lockAtPaise");
            ModelInvariants.range(lockPaise, 0, lockAtPaise - 1, "lockPaise");
        }
    }

    /**
     * A {@link Lock}, then for every further everyPaise of MTM the lock rises by raiseByPaise.
     *
     * @param lockAtPaise  MTM that activates the lock; positive.
     * @param lockPaise    MTM locked at activation; 0..lockAtPaise-1.
     * @param everyPaise   further MTM per step; positive.
     * @param raiseByPaise rise of the lock per step; 1..everyPaise.
     */
    record LockAndTrail(long lockAtPaise, long lockPaise, long everyPaise, long raiseByPaise)
        implements ProfitProtection
    {
        /**
         * Validates the components.
         */
        public LockAndTrail
        {
            ModelInvariants.range(lockAtPaise, 1, Long.MAX_VALUE, "lockAtPaise");
            ModelInvariants.range(lockPaise, 0, lockAtPaise - 1, "lockPaise");
            ModelInvariants.range(everyPaise, 1, Long.MAX_VALUE, "everyPaise");
            ModelInvariants.range(raiseByPaise, 1, everyPaise, "raiseByPaise");
        }
    }

    /**
     * Overall trailing stop loss: for every everyPaise of MTM profit, the strategy's MTM stop loss rises by
     * raiseByPaise (a loss limit becomes a smaller loss, then a locked profit); it never loosens. Needs an MTM stop
     * loss.
     *
     * @param everyPaise   MTM profit per step; positive.
     * @param raiseByPaise rise of the stop loss per step; 1..everyPaise.
     */
    record TrailingStopLoss(long everyPaise, long raiseByPaise) implements ProfitProtection
    {
        /**
         * Validates the components.
         */
        public TrailingStopLoss
        {
            ModelInvariants.range(everyPaise, 1, Long.MAX_VALUE, "everyPaise");
            ModelInvariants.range(raiseByPaise, 1, everyPaise, "raiseByPaise");
        }
    }
}
