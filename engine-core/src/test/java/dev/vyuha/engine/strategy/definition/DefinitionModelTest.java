package dev.vyuha.engine.strategy.definition;

import dev.vyuha.engine.market.ExpirySelector;
import dev.vyuha.engine.market.OptionType;
import dev.vyuha.engine.market.StrikeBasis;
import dev.vyuha.engine.market.Underlying;
import dev.vyuha.engine.order.Side;
import dev.vyuha.engine.strategy.definition.condition.MarketCondition;
import dev.vyuha.engine.strategy.definition.condition.ThresholdBounds;
import dev.vyuha.engine.strategy.definition.entry.Entry;
import dev.vyuha.engine.strategy.definition.entry.Move;
import dev.vyuha.engine.strategy.definition.entry.MoveKind;
import dev.vyuha.engine.strategy.definition.execution.GiveUpAction;
import dev.vyuha.engine.strategy.definition.execution.OrderPolicy;
import dev.vyuha.engine.strategy.definition.execution.RetryPolicy;
import dev.vyuha.engine.strategy.definition.risk.LegExitLevel;
import dev.vyuha.engine.strategy.definition.risk.LegExitType;
import dev.vyuha.engine.strategy.definition.risk.ProfitProtection;
import dev.vyuha.engine.strategy.definition.risk.ReEntryType;
import dev.vyuha.engine.strategy.definition.risk.StrategyRisk;
import dev.vyuha.engine.strategy.definition.risk.TrailingStop;
import dev.vyuha.engine.strategy.definition.risk.TrailingUnit;
import dev.vyuha.engine.strategy.definition.strike.DynamicStrikeRule;
import dev.vyuha.engine.strategy.definition.strike.PriceSource;
import dev.vyuha.engine.strategy.definition.strike.StrikeCriterion;
import dev.vyuha.reference.calendar.DteUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The definition records enforce their invariants and compute their derived values exactly.
 */
class DefinitionModelTest
{
    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    @Test
    void shouldRejectSchedulesOutsideTheSessionOrOutOfOrder()
    {
        assertThrows(IllegalArgumentException.class, () -> schedule("09:14", "15:00"));
        assertThrows(IllegalArgumentException.class, () -> schedule("09:30", "15:31"));
        assertThrows(IllegalArgumentException.class, () -> schedule("10:00", "10:00"));
        assertThrows(IllegalArgumentException.class, () -> new Schedule(LocalTime.of(9, 30), LocalTime.of(15, 0),
            EnumSet.of(DayOfWeek.SATURDAY), Optional.empty(), Optional.empty(), Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new Schedule(LocalTime.of(9, 30), LocalTime.of(15, 0),
            WEEKDAYS, Optional.empty(), Optional.of(LocalTime.of(15, 0)), Optional.empty()));
        assertEquals(LocalTime.of(15, 0), schedule("09:30", "15:00").lastEntryTime());
    }

    @Test
    void shouldIterateWeekdaysMondayFirstWhateverTheInputOrder()
    {
        final Set<DayOfWeek> days = new LinkedHashSet<>(List.of(DayOfWeek.FRIDAY, DayOfWeek.MONDAY));

        final Schedule schedule = new Schedule(LocalTime.of(9, 30), LocalTime.of(15, 0), days, Optional.empty(),
            Optional.empty(), Optional.empty());

        assertEquals(List.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), List.copyOf(schedule.weekdays()));
        assertThrows(UnsupportedOperationException.class, () -> schedule.weekdays().add(DayOfWeek.TUESDAY));
    }

    @ParameterizedTest
    @CsvSource({"0,4,0,true", "0,4,4,true", "0,4,5,false", "2,3,1,false"})
    void shouldAcceptDaysToExpiryInsideTheInclusiveRange(final int min, final int max, final int dte,
        final boolean accepted)
    {
        assertEquals(accepted, new DteFilter(min, max, DteUnit.TRADING_DAYS).accepts(dte));
    }

    @ParameterizedTest
    @CsvSource({"1,500", "2,1000", "3,2000", "4,4000", "5,5000", "30,5000"})
    void shouldDoubleTheRetryBackoffUpToItsCap(final int retry, final long expectedMillis)
    {
        final RetryPolicy policy = new RetryPolicy(10, 500, 5_000, GiveUpAction.SQUARE_OFF_STRATEGY);

        assertEquals(expectedMillis, policy.backoffBeforeRetry(retry));
    }

    @Test
    void shouldResolveCapitalAllocationsInPaiseRoundingDown()
    {
        assertEquals(1_234_567L, new CapitalAllocation.Amount(1_234_567L).resolvePaise(99));
        assertEquals(3_333_333L, new CapitalAllocation.Percent(3_333).resolvePaise(10_001_000L));
        assertThrows(IllegalArgumentException.class, () -> new CapitalAllocation.Percent(10_001));
    }

    @Test
    void shouldOrderHedgesFirstThenByLegNumber()
    {
        final Strategy strategy = strategy(List.of(leg("a", 2, Side.SELL, false), leg("b", 1, Side.SELL, false),
            leg("c", 9, Side.BUY, true)));

        assertEquals(List.of("c", "b", "a"), strategy.legsInExecutionOrder().stream().map(Leg::id).toList());
        assertEquals(3, strategy.lotsPerUnit());
    }

    @Test
    void shouldRejectLegsThatBreakTheirInvariants()
    {
        assertThrows(IllegalArgumentException.class, () -> leg("h", 1, Side.SELL, true));
        assertThrows(IllegalArgumentException.class, () -> strategy(List.of(leg("a", 1, Side.SELL, false),
            leg("a", 2, Side.SELL, false))));
        assertThrows(IllegalArgumentException.class, () -> strategy(List.of(leg("a", 1, Side.SELL, false),
            leg("b", 1, Side.SELL, false))));
        assertThrows(IllegalArgumentException.class, () -> new Leg("t", 1, OptionType.CE, Side.SELL, 1,
            ExpirySelector.WEEKLY, new StrikeCriterion.Atm(0), OrderPolicy.DEFAULT,
            Optional.of(new LegExitLevel(LegExitType.UNDERLYING_POINTS, 5_000)), Optional.empty(),
            Optional.of(new TrailingStop(TrailingUnit.POINTS, 0, 1_000, 500, Optional.empty())), Optional.empty(),
            Optional.empty(), Optional.empty(), false, List.of()));
    }

    @Test
    void shouldComputeTheDeployableAndAllocatedCapital()
    {
        final Strategy strategy = strategy(List.of(leg("a", 1, Side.SELL, false)));
        final Basket basket = new Basket(Optional.empty(), "b", Optional.empty(), Optional.empty(), List.of(),
            50_000_000L, 8_000, ExecutionMode.PAPER, BasketStatus.ACTIVE, new PortfolioLimits(OptionalLong.empty(),
            OptionalLong.empty(), OptionalInt.empty(), OptionalLong.empty(), OrderRateLimit.KITE),
            OptionalLong.empty(), false, Optional.empty(), List.of(), List.of(strategy));

        assertEquals(40_000_000L, basket.deployableCapitalPaise());
        assertEquals(OptionalLong.empty(), basket.allocatedCapitalPaise(strategy));
    }

    @Test
    void shouldKnowWhichReEntriesReverseAndWhichNeedMomentum()
    {
        assertEquals(Side.BUY, ReEntryType.RE_COST_REVERSE.sideFor(Side.SELL));
        assertEquals(Side.SELL, ReEntryType.RE_ASAP.sideFor(Side.SELL));
        assertTrue(ReEntryType.RE_MOMENTUM_REVERSE.needsMomentum());
        assertFalse(ReEntryType.RE_COST.needsMomentum());
    }

    @Test
    void shouldRejectRiskSettingsThatCannotWork()
    {
        assertThrows(IllegalArgumentException.class, () -> new ProfitProtection.Lock(1_000, 1_000));
        assertThrows(IllegalArgumentException.class, () -> new ProfitProtection.LockAndTrail(1_000, 500, 100, 101));
        assertThrows(IllegalArgumentException.class, () -> new StrategyRisk(OptionalLong.empty(),
            OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), StrategyRisk.NONE.combine(),
            Optional.of(new ProfitProtection.TrailingStopLoss(100, 50)), StrategyRisk.NONE.squareOff(),
            Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new Move(MoveKind.PERCENT_DOWN, 10_000));
        assertThrows(IllegalArgumentException.class, () -> new TrailingStop.ProfitLock(100, 100));
    }

    @Test
    void shouldBoundMarketThresholdsInclusively()
    {
        final ThresholdBounds bounds = new ThresholdBounds(OptionalDouble.of(11), OptionalDouble.of(22));

        assertTrue(bounds.contains(11));
        assertTrue(bounds.contains(22));
        assertFalse(bounds.contains(22.01));
        assertTrue(new ThresholdBounds(OptionalDouble.empty(), OptionalDouble.of(25)).contains(-1));
        assertThrows(IllegalArgumentException.class, () -> new ThresholdBounds(OptionalDouble.empty(),
            OptionalDouble.empty()));
        assertThrows(IllegalArgumentException.class, () -> new ThresholdBounds(OptionalDouble.of(5),
            OptionalDouble.of(5)));
    }

    @Test
    void shouldSortDynamicRulesByPriorityAndRejectLoops()
    {
        final DynamicStrikeRule second = new DynamicStrikeRule(2, vix(), 1);
        final DynamicStrikeRule first = new DynamicStrikeRule(1, vix(), -1);

        final StrikeCriterion.Dynamic dynamic = new StrikeCriterion.Dynamic(new StrikeCriterion.Atm(0),
            List.of(second, first));

        assertEquals(List.of(first, second), dynamic.rules());
        assertThrows(IllegalArgumentException.class, () -> new StrikeCriterion.Dynamic(dynamic, List.of(first)));
        assertThrows(IllegalArgumentException.class, () -> new StrikeCriterion.PremiumRange(1_000, 2_000,
            PriceSource.LTP, Optional.of(dynamic)));
        assertThrows(IllegalArgumentException.class, () -> new StrikeCriterion.Dynamic(new StrikeCriterion.Atm(0),
            List.of(first, new DynamicStrikeRule(1, vix(), 2))));
    }

    private static MarketCondition vix()
    {
        return new MarketCondition.Vix(new ThresholdBounds(OptionalDouble.of(18), OptionalDouble.empty()));
    }

    private static Schedule schedule(final String entry, final String exit)
    {
        return new Schedule(LocalTime.parse(entry), LocalTime.parse(exit), WEEKDAYS, Optional.empty(),
            Optional.empty(), Optional.empty());
    }

    private static Leg leg(final String id, final int number, final Side side, final boolean hedge)
    {
        return new Leg(id, number, OptionType.CE, side, 1, ExpirySelector.WEEKLY, new StrikeCriterion.Atm(0),
            OrderPolicy.DEFAULT, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), hedge, List.of());
    }

    private static Strategy strategy(final List<Leg> legs)
    {
        return new Strategy("S1", "s", Optional.empty(), Underlying.NIFTY,
            StrategyType.CUSTOM, StrikeBasis.SPOT, true, schedule("09:30", "15:00"),
            Entry.IMMEDIATE, legs, StrategyRisk.NONE, Optional.empty(),
            Optional.empty(), Optional.empty(), new PositionSizing.FixedLots(), 1, OrderPolicy.DEFAULT, List.of());
    }
}
