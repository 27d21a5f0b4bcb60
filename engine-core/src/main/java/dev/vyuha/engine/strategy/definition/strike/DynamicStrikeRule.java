package dev.vyuha.engine.strategy.definition.strike;

import dev.vyuha.engine.strategy.definition.ModelInvariants;
import dev.vyuha.engine.strategy.definition.condition.MarketCondition;

/**
 * One adjustment of a {@link StrikeCriterion.Dynamic} criterion: when the condition holds at selection time, the
 * base criterion's strike is moved by shiftStrikes listed strikes.
 *
 * @param priority     lower is considered first; unique within the criterion.
 * @param when         the market condition.
 * @param shiftStrikes listed strikes to move: positive is further out of the money (higher for CE, lower for PE),
 *                     negative towards the money; -10..10, never 0.
 */
public record DynamicStrikeRule(int priority, MarketCondition when, int shiftStrikes)
{
    /**
     * Validates the components.
     */
    public DynamicStrikeRule
    {
        ModelInvariants.range(priority, 1, 100, "priority");
        ModelInvariants.nonNull(when, "when");
        ModelInvariants.range(shiftStrikes, -10, 10, "shiftStrikes");
        ModelInvariants.check(shiftStrikes != 0, "shiftStrikes must not be 0");
    }
}
