package dev.vyuha.engine.strategy.definition;

import dev.vyuha.engine.market.ExpirySelector;
import dev.vyuha.engine.market.OptionType;
import dev.vyuha.engine.order.Side;
import dev.vyuha.engine.strategy.definition.entry.WaitAndTrade;
import dev.vyuha.engine.strategy.definition.execution.OrderPolicy;
import dev.vyuha.engine.strategy.definition.risk.LegExitLevel;
import dev.vyuha.engine.strategy.definition.risk.ReEntry;
import dev.vyuha.engine.strategy.definition.risk.TrailingStop;
import dev.vyuha.engine.strategy.definition.strike.StrikeCriterion;

import java.util.List;
import java.util.Optional;

/**
 * One option position of a strategy, with its strategy's defaults already applied (order policy, re-entries).
 *
 * @param id               unique within the strategy; {@code L<legNumber>} unless set.
 * @param legNumber        execution order within the strategy (hedges always enter first and exit last); unique;
 *                         1..99.
 * @param optionType       CE or PE.
 * @param side             BUY or SELL.
 * @param lots             lots per unit of the strategy, before sizing and account multipliers; 1..{@link #MAX_LOTS}.
 * @param expiry           which listed expiry.
 * @param strike           how the strike is chosen.
 * @param order            how orders are placed.
 * @param stopLoss         the leg's stop loss; empty for none.
 * @param target           the leg's target; empty for none.
 * @param trailingStop     trailing of the stop loss; empty for none (needs a premium-based stop loss).
 * @param waitAndTrade     simple-momentum entry; empty to enter with the strategy's trigger.
 * @param reEntryOnStopLoss re-entry after a stop-loss exit; empty for none.
 * @param reEntryOnTarget  re-entry after a target exit; empty for none.
 * @param hedge            a protective leg: always BUY, enters first and exits last (margin benefit).
 * @param tags             free labels; unique.
 */
public record Leg(
    String id,
    int legNumber,
    OptionType optionType,
    Side side,
    int lots,
    ExpirySelector expiry,
    StrikeCriterion strike,
    OrderPolicy order,
    Optional<LegExitLevel> stopLoss,
    Optional<LegExitLevel> target,
    Optional<TrailingStop> trailingStop,
    Optional<WaitAndTrade> waitAndTrade,
    Optional<ReEntry> reEntryOnStopLoss,
    Optional<ReEntry> reEntryOnTarget,
    boolean hedge,
    List<String> tags)
{
    /** Most lots a leg may name (freeze limits are applied later by slicing orders). */
    public static final int MAX_LOTS = 5_000;
    /** Largest leg number. */
    public static final int MAX_LEG_NUMBER = 99;

    /**
     * Validates the components.
     */
    public Leg
    {
        ModelInvariants.nonNull(id, "id");
        ModelInvariants.range(legNumber, 1, MAX_LEG_NUMBER, "legNumber");
        ModelInvariants.nonNull(optionType, "optionType");
        ModelInvariants.nonNull(side, "side");
        ModelInvariants.range(lots, 1, MAX_LOTS, "lots");
        ModelInvariants.nonNull(expiry, "expiry");
        ModelInvariants.nonNull(strike, "strike");
        ModelInvariants.nonNull(order, "order");
        ModelInvariants.optional(stopLoss, "stopLoss");
        ModelInvariants.optional(target, "target");
        ModelInvariants.optional(trailingStop, "trailingStop");
        ModelInvariants.optional(waitAndTrade, "waitAndTrade");
        ModelInvariants.optional(reEntryOnStopLoss, "reEntryOnStopLoss");
        ModelInvariants.optional(reEntryOnTarget, "reEntryOnTarget");
        tags = ModelInvariants.list(tags, "tags");
        ModelInvariants.check(!hedge || side == Side.BUY, "a hedge leg must be BUY");
        ModelInvariants.check(trailingStop.isEmpty() || stopLoss.filter(sl -> !sl.type().isOnUnderlying()).isPresent(),
            "a trailing stop needs a premium-based stop loss");
    }
}
