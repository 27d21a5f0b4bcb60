package dev.vyuha.engine.strategy.definition.parse;

import dev.vyuha.engine.market.ExpiryCycle;
import dev.vyuha.engine.market.OptionType;
import dev.vyuha.engine.market.Underlying;
import dev.vyuha.engine.order.Side;
import dev.vyuha.engine.strategy.definition.Basket;
import dev.vyuha.engine.strategy.definition.CapitalAllocation;
import dev.vyuha.engine.strategy.definition.ExecutionMode;
import dev.vyuha.engine.strategy.definition.Leg;
import dev.vyuha.engine.strategy.definition.PositionSizing;
import dev.vyuha.engine.strategy.definition.Strategy;
import dev.vyuha.engine.strategy.definition.condition.CrossoverDirection;
import dev.vyuha.engine.strategy.definition.condition.Direction;
import dev.vyuha.engine.strategy.definition.condition.MarketCondition;
import dev.vyuha.engine.strategy.definition.entry.EntryTrigger;
import dev.vyuha.engine.strategy.definition.entry.MoveKind;
import dev.vyuha.engine.strategy.definition.entry.TimeoutFallback;
import dev.vyuha.engine.strategy.definition.entry.WatchedInstrument;
import dev.vyuha.engine.strategy.definition.execution.OrderType;
import dev.vyuha.engine.strategy.definition.risk.LegExitType;
import dev.vyuha.engine.strategy.definition.risk.MoveSlToCost;
import dev.vyuha.engine.strategy.definition.risk.ProfitProtection;
import dev.vyuha.engine.strategy.definition.risk.ReEntryType;
import dev.vyuha.engine.strategy.definition.risk.TrailingUnit;
import dev.vyuha.engine.strategy.definition.strike.StrikeCriterion;
import dev.vyuha.engine.strategy.definition.strike.StrikeDistance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every example basket is valid, with exactly the warnings listed here, and reads into the model it describes.
 */
class ExampleBasketsTest
{
    /** Expected warnings per example; an example not listed has none. */
    private static final Map<String, List<String>> EXPECTED_WARNINGS = Map.of();

    private static final String SCHEMA_REFERENCE = "\"$schema\": \"../engine-core/src/main/resources/schema/"
        + "basket.schema.json\"";

    static List<Path> examples()
    {
        return ExampleFiles.all();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void shouldAcceptEveryExampleWithExactlyItsExpectedWarnings(final Path example)
    {
        final BasketValidation validation = ExampleFiles.read(example);

        assertEquals(List.of(), validation.errors());
        assertTrue(validation.basket().isPresent());
        assertEquals(EXPECTED_WARNINGS.getOrDefault(example.getFileName().toString(), List.of()),
            validation.warnings().stream().map(Issue::toString).collect(Collectors.toList()));
    }

    @Test
    void shouldHaveAtLeastEightExamplesInBothFormats()
    {
        final List<Path> examples = examples();
        assertTrue(examples.size() >= 8, examples.toString());
        assertTrue(examples.stream().filter(file -> ExampleFiles.format(file) == DocumentFormat.YAML).count() >= 2);
        assertTrue(examples.stream().filter(file -> ExampleFiles.format(file) == DocumentFormat.JSON).count() >= 2);
    }

    @ParameterizedTest
    @MethodSource("examples")
    void shouldPointEveryJsonExampleAtThePublishedSchema(final Path example)
    {
        final String text = ExampleFiles.text(example);
        assertTrue(ExampleFiles.format(example) == DocumentFormat.JSON ? text.contains(SCHEMA_REFERENCE)
            : text.startsWith("# yaml-language-server: $schema=../engine-core/src/main/resources/schema/"
            + "basket.schema.json"), example.toString());
    }

    @Test
    void shouldAcceptTheBasketShownInTheReadme()
    {
        final String readme = ExampleFiles.text(ExampleFiles.ROOT.resolve("README.md"));
        final int section = readme.indexOf("## Baskets");
        final int start = readme.indexOf("```yaml\n", section) + "```yaml\n".length();
        final String yaml = readme.substring(start, readme.indexOf("```", start));

        final BasketValidation validation = BasketReader.read(yaml, DocumentFormat.YAML);

        assertTrue(section > 0 && yaml.contains("strategies:"), yaml);
        assertEquals(List.of(), validation.errors());
        assertEquals(List.of(), validation.warnings());
    }

    @Test
    void shouldReadTheShortStraddleWithReEntryAtCost()
    {
        final Strategy strategy = basket("short-straddle-re-cost.json").strategies().get(0);

        assertEquals(Underlying.NIFTY, strategy.underlying());
        assertEquals(LocalTime.of(14, 30), strategy.schedule().noReEntryAfter().orElseThrow());
        for (final Leg leg : strategy.legs())
        {
            assertEquals(Side.SELL, leg.side());
            assertEquals(new StrikeCriterion.Atm(0), leg.strike());
            assertEquals(LegExitType.PERCENT, leg.stopLoss().orElseThrow().type());
            assertEquals(2_500, leg.stopLoss().orElseThrow().value());
            assertEquals(ReEntryType.RE_COST, leg.reEntryOnStopLoss().orElseThrow().type());
            assertEquals(2, leg.reEntryOnStopLoss().orElseThrow().maxCount());
            assertEquals(new OrderType.Limit(100), leg.order().orderType());
            assertEquals(OptionalLong.of(200), leg.order().maxSlippageBasisPoints());
        }
        assertEquals(OptionalLong.of(450_000), strategy.risk().mtmStopLossPaise());
    }

    @Test
    void shouldReadTheTrailingStopOfTheShortStrangle()
    {
        final Strategy strategy = basket("short-strangle-trailing-sl.yaml").strategies().get(0);

        final Leg ce = strategy.legs().get(0);
        assertEquals(new StrikeCriterion.Otm(new StrikeDistance.Percent(100)), ce.strike());
        assertEquals(TrailingUnit.PERCENT, ce.trailingStop().orElseThrow().unit());
        assertEquals(2_000, ce.trailingStop().orElseThrow().activateAt());
        assertEquals(1_000, ce.trailingStop().orElseThrow().every());
        assertEquals(500, ce.trailingStop().orElseThrow().moveBy());
        assertEquals(3_000, ce.trailingStop().orElseThrow().lockProfit().orElseThrow().at());
        assertEquals(1_000, ce.trailingStop().orElseThrow().lockProfit().orElseThrow().lock());
    }

    @Test
    void shouldReadTheIronCondorWithHedgesFirstAndLockAndTrail()
    {
        final Strategy strategy = basket("iron-condor-lock-and-trail.json").strategies().get(0);

        assertEquals(List.of(3, 4, 1, 2), strategy.legsInExecutionOrder().stream().map(Leg::legNumber).toList());
        assertEquals(new ProfitProtection.LockAndTrail(300_000, 100_000, 50_000, 25_000),
            strategy.risk().profitProtection().orElseThrow());
        assertEquals(new StrikeCriterion.Otm(new StrikeDistance.Points(50_000)), strategy.legs().get(2).strike());
    }

    @Test
    void shouldReadMoveStopLossToCostAndStopLossLimitOrders()
    {
        final Strategy strategy = basket("straddle-0920-move-sl-to-cost.json").strategies().get(0);

        assertEquals(LocalTime.of(9, 20), strategy.schedule().entryTime());
        assertEquals(MoveSlToCost.SL_LEGS, strategy.risk().moveSlToCost().orElseThrow());
        assertEquals(new OrderType.StopLossLimit(500), strategy.legs().get(0).order().orderType());
        assertEquals(300, strategy.legs().get(1).order().retry().backoffMillis());
    }

    @Test
    void shouldReadWaitAndTradeWithMomentumReEntry()
    {
        final Leg leg = basket("wait-and-trade-atm-buy.yaml").strategies().get(0).legs().get(0);

        assertEquals(MoveKind.PERCENT_UP, leg.waitAndTrade().orElseThrow().move().kind());
        assertEquals(1_000, leg.waitAndTrade().orElseThrow().move().value());
        assertEquals(WatchedInstrument.OPTION, leg.waitAndTrade().orElseThrow().instrument());
        assertEquals(45, leg.waitAndTrade().orElseThrow().timeout().orElseThrow().minutes());
        assertEquals(TimeoutFallback.CANCEL, leg.waitAndTrade().orElseThrow().timeout().orElseThrow().fallback());
        assertEquals(ReEntryType.RE_MOMENTUM, leg.reEntryOnStopLoss().orElseThrow().type());
        assertEquals(new OrderType.Limit(50), leg.order().orderType());
    }

    @Test
    void shouldReadTheOpeningRangeBreakoutWithIndicatorFilters()
    {
        final Basket basket = basket("orb-breakout-buy.json");

        final EntryTrigger.RangeBreakout up = assertInstanceOf(EntryTrigger.RangeBreakout.class,
            basket.strategies().get(0).entry().trigger());
        assertEquals(new EntryTrigger.RangeBreakout(LocalTime.of(9, 15), LocalTime.of(9, 30),
            WatchedInstrument.UNDERLYING, Direction.UP), up);
        assertEquals(new MarketCondition.EmaCrossover(9, 21, 5, CrossoverDirection.BEARISH),
            basket.strategies().get(1).entry().filters().get(0));
        assertEquals(LegExitType.UNDERLYING_POINTS, basket.strategies().get(1).legs().get(0).stopLoss().orElseThrow()
            .type());
    }

    @Test
    void shouldReadDeltaCriteriaAndMarketFilters()
    {
        final Strategy strategy = basket("delta-strangle.yaml").strategies().get(0);

        assertEquals(new StrikeCriterion.DeltaTarget(0.2), strategy.legs().get(0).strike());
        assertEquals(new StrikeCriterion.DeltaRange(0.04, 0.08), strategy.legs().get(3).strike());
        assertInstanceOf(MarketCondition.Vix.class, strategy.entry().filters().get(0));
        assertEquals(OptionalLong.of(4_000), strategy.risk().mtmStopLossBasisPoints());
        assertEquals(new ProfitProtection.TrailingStopLoss(100_000, 50_000),
            strategy.risk().profitProtection().orElseThrow());
    }

    @Test
    void shouldReadThePortfolioLimitsAccountsAndCapital()
    {
        final Basket basket = basket("multi-strategy-portfolio.json");

        assertEquals(ExecutionMode.LIVE, basket.executionMode());
        assertEquals(2, basket.brokerAccounts().get(1).multiplier());
        assertEquals(OptionalLong.of(2_000_000), basket.limits().maxDailyLossPaise());
        assertEquals(OptionalLong.of(1_000), basket.limits().maxDrawdownBasisPoints());
        assertEquals(5, basket.limits().orderRate().perSecond());
        assertEquals(80_000_000, basket.deployableCapitalPaise());
        assertEquals(OptionalLong.of(32_000_000), basket.allocatedCapitalPaise(basket.strategies().get(0)));
        assertEquals(new CapitalAllocation.Amount(25_000_000), basket.strategies().get(1).capitalAllocation()
            .orElseThrow());
        assertEquals(new PositionSizing.CapitalBased(OptionalLong.of(23_000_000)),
            basket.strategies().get(0).positionSizing());
        assertEquals(ReEntryType.RE_ASAP, basket.strategies().get(0).legs().get(1).reEntryOnStopLoss().orElseThrow()
            .type());
        assertEquals(OptionalLong.of(3), basket.version());
    }

    @Test
    void shouldReadTheTemplateWithDynamicStrikesAndOverallMomentum()
    {
        final Basket basket = basket("marketplace-template.yaml");
        final Strategy strategy = basket.strategies().get(0);

        assertTrue(basket.template());
        assertEquals(List.of(), basket.brokerAccounts());
        final StrikeCriterion.Dynamic dynamic = assertInstanceOf(StrikeCriterion.Dynamic.class,
            strategy.legs().get(0).strike());
        final StrikeCriterion.PremiumRange base = assertInstanceOf(StrikeCriterion.PremiumRange.class, dynamic.base());
        assertEquals(4_000, base.minPaise());
        assertEquals(new StrikeCriterion.ClosestPremium(6_000, base.price()), base.fallback().orElseThrow());
        assertEquals(List.of(1, 2), dynamic.rules().stream().map(rule -> rule.priority()).toList());
        final EntryTrigger.OverallMomentum trigger = assertInstanceOf(EntryTrigger.OverallMomentum.class,
            strategy.entry().trigger());
        assertEquals(TimeoutFallback.EXECUTE_ANYWAY, trigger.timeout().orElseThrow().fallback());
        assertTrue(strategy.legs().get(2).reEntryOnStopLoss().isEmpty(), "a hedge inherits no re-entry");
        assertEquals(ReEntryType.RE_ASAP, strategy.legs().get(0).reEntryOnStopLoss().orElseThrow().type());
        assertEquals(new OrderType.Market(OptionalLong.of(500)), strategy.legs().get(3).order().orderType());
        assertEquals(ExpiryCycle.WEEKLY, strategy.legs().get(3).expiry().cycle());
        assertEquals(OptionType.PE, strategy.legs().get(3).optionType());
    }

    private static Basket basket(final String name)
    {
        final BasketValidation validation = ExampleFiles.read(name);
        assertEquals(List.of(), validation.errors());
        return validation.basket().orElseThrow();
    }
}
