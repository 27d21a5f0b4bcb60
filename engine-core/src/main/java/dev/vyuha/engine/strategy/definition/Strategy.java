package dev.vyuha.engine.strategy.definition;

import dev.vyuha.engine.market.StrikeBasis;
import dev.vyuha.engine.market.Underlying;
import dev.vyuha.engine.strategy.definition.entry.Entry;
import dev.vyuha.engine.strategy.definition.execution.OrderPolicy;
import dev.vyuha.engine.strategy.definition.risk.ReEntry;
import dev.vyuha.engine.strategy.definition.risk.StrategyRisk;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A multi-leg option strategy on one underlying.
 *
 * @param id                 unique within the basket; {@code S<n>} (n = position from 1) unless set.
 * @param name               display name.
 * @param description        free text; empty for none.
 * @param underlying         the index whose options the legs trade.
 * @param type               a label only; the legs are what count.
 * @param strikeBasis        the price strikes are selected against.
 * @param active             false to keep the strategy in the basket without trading it.
 * @param schedule           when it trades.
 * @param entry              how it enters.
 * @param legs               the legs, in document order; 1..{@link #MAX_LEGS}; see {@link #legsInExecutionOrder()}.
 * @param risk               strategy-level exits.
 * @param reEntryOnStopLoss  default re-entry after a stop loss for legs that set none (hedges excepted); already
 *                           applied to {@link #legs()}; empty for none.
 * @param reEntryOnTarget    default re-entry after a target, likewise.
 * @param capitalAllocation  its share of the basket's deployable capital; empty for none (it then needs no capital
 *                           of its own: fixed lots or a multiplier).
 * @param positionSizing     how many units of the legs it trades.
 * @param maxPositions       most entries (sets of legs) open at once, re-entries included; 1..50.
 * @param execution          default order policy for its legs; already applied to {@link #legs()}.
 * @param tags               free labels; unique.
 */
public record Strategy(
    String id,
    String name,
    Optional<String> description,
    Underlying underlying,
    StrategyType type,
    StrikeBasis strikeBasis,
    boolean active,
    Schedule schedule,
    Entry entry,
    List<Leg> legs,
    StrategyRisk risk,
    Optional<ReEntry> reEntryOnStopLoss,
    Optional<ReEntry> reEntryOnTarget,
    Optional<CapitalAllocation> capitalAllocation,
    PositionSizing positionSizing,
    int maxPositions,
    OrderPolicy execution,
    List<String> tags)
{
    /** Most legs in one strategy. */
    public static final int MAX_LEGS = 20;

    /**
     * Validates the components.
     */
    public Strategy
    {
        ModelInvariants.nonNull(id, "id");
        ModelInvariants.nonNull(name, "name");
        ModelInvariants.optional(description, "description");
        ModelInvariants.nonNull(underlying, "underlying");
        ModelInvariants.nonNull(type, "type");
        ModelInvariants.nonNull(strikeBasis, "strikeBasis");
        ModelInvariants.nonNull(schedule, "schedule");
        ModelInvariants.nonNull(entry, "entry");
        legs = ModelInvariants.list(legs, "legs");
        ModelInvariants.check(!legs.isEmpty() && legs.size() <= MAX_LEGS, "1.." + MAX_LEGS + " legs");
        ModelInvariants.check(legs.stream().map(Leg::id).distinct().count() == legs.size(), "leg ids must be unique");
        ModelInvariants.check(legs.stream().mapToInt(Leg::legNumber).distinct().count() == legs.size(),
            "leg numbers must be unique");
        ModelInvariants.nonNull(risk, "risk");
        ModelInvariants.optional(reEntryOnStopLoss, "reEntryOnStopLoss");
        ModelInvariants.optional(reEntryOnTarget, "reEntryOnTarget");
        ModelInvariants.optional(capitalAllocation, "capitalAllocation");
        ModelInvariants.nonNull(positionSizing, "positionSizing");
        ModelInvariants.range(maxPositions, 1, 50, "maxPositions");
        ModelInvariants.nonNull(execution, "execution");
        tags = ModelInvariants.list(tags, "tags");
    }

    /**
     * @return the legs in the order their entries are placed: hedges first, then by leg number (exits go in the
     *         reverse order).
     */
    public List<Leg> legsInExecutionOrder()
    {
        return legs.stream()
            .sorted(Comparator.comparing((final Leg leg) -> !leg.hedge()).thenComparingInt(Leg::legNumber))
            .toList();
    }

    /**
     * @return the lots of one unit of the strategy: the sum of its legs' lots.
     */
    public int lotsPerUnit()
    {
        return legs.stream().mapToInt(Leg::lots).sum();
    }
}
