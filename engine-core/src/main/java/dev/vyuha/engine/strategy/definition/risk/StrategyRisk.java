package dev.vyuha.engine.strategy.definition.risk;

import dev.vyuha.engine.strategy.definition.ModelInvariants;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Strategy-level exits and what a leg's stop loss does to the other legs. The MTM is the strategy's realised plus
 * unrealised P&amp;L of the day; the combined entry premium is the sum over the legs of entry premium × quantity,
 * whatever their side. The time exit is the schedule's exit time.
 *
 * @param mtmStopLossPaise        exit every leg when MTM falls to −this (paise); empty for none.
 * @param mtmStopLossBasisPoints  exit when MTM falls to −this percentage of the combined entry premium (basis
 *                                points); empty for none.
 * @param mtmTargetPaise          exit every leg when MTM reaches this (paise); empty for none.
 * @param mtmTargetBasisPoints    exit when MTM reaches this percentage of the combined entry premium (basis
 *                                points); empty for none.
 * @param combine                 whether the INR and percent rules of a kind exit on ANY or only on ALL.
 * @param profitProtection        lock, lock-and-trail or overall trailing stop loss; empty for none.
 * @param squareOff               what a leg's stop loss squares off.
 * @param moveSlToCost            after a leg's stop loss, move the other legs' stop loss to cost; empty for no.
 */
public record StrategyRisk(
    OptionalLong mtmStopLossPaise,
    OptionalLong mtmStopLossBasisPoints,
    OptionalLong mtmTargetPaise,
    OptionalLong mtmTargetBasisPoints,
    Combine combine,
    Optional<ProfitProtection> profitProtection,
    SquareOffScope squareOff,
    Optional<MoveSlToCost> moveSlToCost)
{
    /** No strategy-level exits; a leg's stop loss squares off only that leg. */
    public static final StrategyRisk NONE = new StrategyRisk(OptionalLong.empty(), OptionalLong.empty(),
        OptionalLong.empty(), OptionalLong.empty(), Combine.ANY, Optional.empty(), SquareOffScope.PARTIAL,
        Optional.empty());

    /**
     * Validates the components.
     */
    public StrategyRisk
    {
        ModelInvariants.range(mtmStopLossPaise, 1, Long.MAX_VALUE, "mtmStopLossPaise");
        ModelInvariants.range(mtmStopLossBasisPoints, 1, 100_000, "mtmStopLossBasisPoints");
        ModelInvariants.range(mtmTargetPaise, 1, Long.MAX_VALUE, "mtmTargetPaise");
        ModelInvariants.range(mtmTargetBasisPoints, 1, 100_000, "mtmTargetBasisPoints");
        ModelInvariants.nonNull(combine, "combine");
        ModelInvariants.optional(profitProtection, "profitProtection");
        ModelInvariants.nonNull(squareOff, "squareOff");
        ModelInvariants.optional(moveSlToCost, "moveSlToCost");
        ModelInvariants.check(profitProtection.filter(ProfitProtection.TrailingStopLoss.class::isInstance).isEmpty()
            || hasMtmStopLoss(mtmStopLossPaise, mtmStopLossBasisPoints), "an overall trailing SL needs an MTM SL");
        ModelInvariants.check(moveSlToCost.isEmpty() || squareOff == SquareOffScope.PARTIAL,
            "moveSlToCost needs a PARTIAL square-off");
    }

    /**
     * @return true if any MTM stop loss is set.
     */
    public boolean hasMtmStopLoss()
    {
        return hasMtmStopLoss(mtmStopLossPaise, mtmStopLossBasisPoints);
    }

    private static boolean hasMtmStopLoss(final OptionalLong paise, final OptionalLong basisPoints)
    {
        return paise.isPresent() || basisPoints.isPresent();
    }
}
