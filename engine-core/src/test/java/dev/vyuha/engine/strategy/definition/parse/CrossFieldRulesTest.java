package dev.vyuha.engine.strategy.definition.parse;

import dev.vyuha.engine.strategy.definition.Basket;
import dev.vyuha.engine.strategy.definition.Leg;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rules that span fields, legs and strategies, and the warnings that do not reject a document.
 */
class CrossFieldRulesTest
{
    private static final String STRATEGY = "/strategies/0";
    private static final String LEG0 = "/strategies/0/legs/0";
    private static final String LEG1 = "/strategies/0/legs/1";
    private static final String BUY_CE_HEDGE = "{\"option_type\": \"CE\", \"side\": \"BUY\", \"lots\": 1, "
        + "\"expiry\": \"WEEKLY\", \"strike\": {\"method\": \"OTM\", \"steps\": 5}, \"is_hedge\": true}";

    @Test
    void shouldRejectDuplicateLegIdsAndLegNumbers()
    {
        assertErrors(BaseDocument.create().set(LEG0 + "/id", "\"a\"").set(LEG1 + "/id", "\"a\""),
            "strategies[0].legs[1].id: duplicate leg id \"a\", also used by strategies[0].legs[0]");
        assertErrors(BaseDocument.create().set(LEG0 + "/leg_number", "2"),
            "strategies[0].legs[1].leg_number: duplicate leg_number 2, also used by strategies[0].legs[0]");
    }

    @Test
    void shouldRejectDuplicateStrategyIdsAndWarnOnDuplicateNames()
    {
        final BaseDocument document = BaseDocument.create();
        document.set("/strategies/1", document.tree().at(STRATEGY).toString());
        assertWarnings(document, "strategies[1].name: same name as strategies[0]: reports and audit will be hard to "
            + "read");
        document.set("/strategies/1/id", "\"S1\"");
        assertErrors(document, "strategies[1].id: duplicate strategy id \"S1\", also used by strategies[0]");
    }

    @Test
    void shouldRejectAStrategyOfHedgesOnly()
    {
        assertErrors(BaseDocument.create().set(STRATEGY + "/legs", "[" + BUY_CE_HEDGE + "]"),
            "strategies[0].legs: needs at least one leg that is not a hedge");
    }

    @Test
    void shouldRejectHedgesThatWaitOrReEnterReversed()
    {
        final BaseDocument document = BaseDocument.create().set("/strategies/0/legs/2", BUY_CE_HEDGE)
            .set("/strategies/0/legs/2/wait_and_trade", "{\"move\": \"POINTS_UP\", \"value\": 5}")
            .set("/strategies/0/legs/2/re_entry_on_target", "{\"type\": \"RE_ASAP_REVERSE\", \"max_count\": 1, "
                + "\"no_re_entry_after\": \"14:00\"}");
        assertErrors(document,
            "strategies[0].legs[2].wait_and_trade: a hedge leg enters first and cannot wait_and_trade",
            "strategies[0].legs[2].re_entry_on_target.type: a hedge leg cannot re-enter reversed (it would SELL), "
                + "was RE_ASAP_REVERSE");
    }

    @Test
    void shouldNotLetHedgesInheritTheStrategyReEntry()
    {
        final Basket basket = valid(BaseDocument.create().set("/strategies/0/legs/2", BUY_CE_HEDGE)
            .set(STRATEGY + "/re_entry", "{\"on_sl\": {\"type\": \"RE_ASAP\", \"max_count\": 2, "
                + "\"no_re_entry_after\": \"14:00\"}}"));

        final List<Leg> legs = basket.strategies().get(0).legs();
        assertTrue(legs.get(0).reEntryOnStopLoss().isPresent());
        assertTrue(legs.get(2).reEntryOnStopLoss().isEmpty());
    }

    @Test
    void shouldRequireWaitAndTradeForMomentumReEntries()
    {
        assertErrors(BaseDocument.create().set(LEG0 + "/re_entry_on_sl", "{\"type\": \"RE_MOMENTUM\", "
                + "\"max_count\": 1, \"no_re_entry_after\": \"14:00\"}"),
            "strategies[0].legs[0].re_entry_on_sl.type: RE_MOMENTUM needs the leg's wait_and_trade (the momentum to "
                + "wait for)");
        assertErrors(BaseDocument.create().set(STRATEGY + "/re_entry", "{\"on_target\": {\"type\": "
                + "\"RE_MOMENTUM_REVERSE\", \"max_count\": 1, \"no_re_entry_after\": \"14:00\"}}")
                .set(LEG0 + "/wait_and_trade", "{\"move\": \"POINTS_UP\", \"value\": 5}"),
            "strategies[0].re_entry.on_target.type: RE_MOMENTUM_REVERSE needs the leg's wait_and_trade (the momentum "
                + "to wait for), which strategies[0].legs[1] inheriting it does not have");
    }

    @Test
    void shouldKeepReEntryCutOffsInsideTheSchedule()
    {
        assertErrors(BaseDocument.create().set(LEG0 + "/re_entry_on_sl", "{\"type\": \"RE_ASAP\", "
                + "\"max_count\": 1, \"no_re_entry_after\": \"15:20\"}"),
            "strategies[0].legs[0].re_entry_on_sl.no_re_entry_after: must be after entry_time 09:30 and at or "
                + "before exit_time 15:15, was 15:20");
    }

    @Test
    void shouldWarnAboutReEntriesWithoutACutOffUnlessTheScheduleHasOne()
    {
        final BaseDocument document = BaseDocument.create()
            .set(LEG0 + "/re_entry_on_sl", "{\"type\": \"RE_COST\", \"max_count\": 2}");
        assertWarnings(document, "strategies[0].legs[0].re_entry_on_sl: re-entry without a cut-off: set "
            + "no_re_entry_after here or in the schedule, or re-entries may happen until exit_time 15:15");
        assertWarnings(document.set(STRATEGY + "/schedule/no_re_entry_after", "\"14:00\""));
    }

    @Test
    void shouldOnlyLetLegsWaitAndTradeUnderAnImmediateTrigger()
    {
        assertErrors(BaseDocument.create()
                .set(LEG0 + "/wait_and_trade", "{\"move\": \"POINTS_UP\", \"value\": 5}")
                .set(STRATEGY + "/entry", "{\"trigger\": {\"type\": \"OVERALL_MOMENTUM\", \"move\": \"POINTS_DOWN\", "
                    + "\"value\": 10}}"),
            "strategies[0].legs[0].wait_and_trade: a leg cannot wait_and_trade when the strategy's entry trigger is "
                + "not IMMEDIATE");
    }

    @Test
    void shouldRejectTimeoutsEndingAtTheExitAndWarnAboutTimeoutsAfterTheLastEntry()
    {
        assertErrors(BaseDocument.create().set(LEG0 + "/wait_and_trade", "{\"move\": \"POINTS_UP\", \"value\": 5, "
                + "\"timeout_minutes\": 345}"),
            "strategies[0].legs[0].wait_and_trade.timeout_minutes: must end before exit_time 15:15 (entry_time "
                + "09:30 + timeout ends at 15:15), was 345");
        assertWarnings(BaseDocument.create()
                .set(STRATEGY + "/schedule/no_entry_after", "\"10:00\"")
                .set(STRATEGY + "/entry", "{\"trigger\": {\"type\": \"OVERALL_MOMENTUM\", \"move\": \"PERCENT_DOWN\", "
                    + "\"value\": 5, \"timeout_minutes\": 60, \"fallback\": \"EXECUTE_ANYWAY\"}}"),
            "strategies[0].entry.trigger.timeout_minutes: the timeout ends at 10:30, after no_entry_after 10:00: "
                + "entries stop before it can fire");
    }

    @Test
    void shouldEndTheBreakoutRangeBeforeTheLastEntry()
    {
        assertErrors(BaseDocument.create()
                .set(STRATEGY + "/schedule/no_entry_after", "\"10:00\"")
                .set(STRATEGY + "/entry", "{\"trigger\": {\"type\": \"RANGE_BREAKOUT\", \"range_start\": \"09:15\", "
                    + "\"range_end\": \"10:15\", \"direction\": \"EITHER\", \"instrument\": \"OPTION\"}}"),
            "strategies[0].entry.trigger.range_end: must be at or before no_entry_after 10:00, was 10:15");
    }

    @Test
    void shouldRejectLegExitsThatCanNeverTrigger()
    {
        assertErrors(BaseDocument.create().set(LEG0 + "/side", "\"BUY\"").set(LEG0 + "/stop_loss/value", "100"),
            "strategies[0].legs[0].stop_loss.value: a BUY leg's PERCENT stop_loss must be < 100 (a premium cannot "
                + "fall below zero), was 100");
        assertErrors(BaseDocument.create().set(LEG1 + "/target", "{\"type\": \"PERCENT\", \"value\": 100}"),
            "strategies[0].legs[1].target.value: a SELL leg's PERCENT target must be < 100 (a premium cannot fall "
                + "below zero), was 100");
        assertTrue(BaseDocument.create().set(LEG1 + "/stop_loss/value", "150").read().valid(),
            "a SELL leg's stop loss may be above 100%");
    }

    @Test
    void shouldTrailOnlyAPremiumStopLoss()
    {
        final String trailing = "{\"unit\": \"POINTS\", \"every\": 10, \"move_by\": 5}";
        assertErrors(BaseDocument.create().set(LEG0 + "/stop_loss", BaseDocument.REMOVE)
                .set(LEG0 + "/trailing_stop", trailing),
            "strategies[0].legs[0].trailing_stop: needs a stop_loss to trail");
        assertErrors(BaseDocument.create().set(LEG0 + "/stop_loss", "{\"type\": \"UNDERLYING_POINTS\", "
                + "\"value\": 50}").set(LEG0 + "/trailing_stop", trailing),
            "strategies[0].legs[0].trailing_stop: needs a premium-based stop_loss (POINTS, PERCENT or PREMIUM), "
                + "was UNDERLYING_POINTS");
    }

    @Test
    void shouldRequireAStopLossForMoveSlToCost()
    {
        assertErrors(BaseDocument.create().set(LEG0 + "/stop_loss", BaseDocument.REMOVE)
                .set(LEG1 + "/stop_loss", BaseDocument.REMOVE)
                .set(STRATEGY + "/risk", "{\"mtm_stop_loss\": 5000, \"move_sl_to_cost\": \"ALL_LEGS\"}"),
            "strategies[0].risk.move_sl_to_cost: no leg has a stop_loss, so nothing can trigger it");
    }

    @Test
    void shouldWarnAboutAnUnhedgedSellLegWithoutAnyStopLoss()
    {
        final BaseDocument document = BaseDocument.create().set(LEG0 + "/stop_loss", BaseDocument.REMOVE);
        assertWarnings(document, "strategies[0].legs[0]: SELL CE leg without a stop loss (leg or strategy MTM) and "
            + "without enough BUY CE lots to hedge it: its loss is unbounded");
        assertWarnings(BaseDocument.create().set(LEG0 + "/stop_loss", BaseDocument.REMOVE)
            .set(STRATEGY + "/risk", "{\"mtm_stop_loss_percent\": 50}"));
        assertWarnings(BaseDocument.create().set(LEG0 + "/stop_loss", BaseDocument.REMOVE)
            .set("/strategies/0/legs/2", BUY_CE_HEDGE));
    }

    @Test
    void shouldWarnThatACompleteSquareOffDefeatsAStopLossReEntry()
    {
        assertWarnings(BaseDocument.create()
                .set(STRATEGY + "/schedule/no_re_entry_after", "\"14:00\"")
                .set(STRATEGY + "/risk", "{\"square_off\": \"COMPLETE\"}")
                .set(LEG0 + "/re_entry_on_sl", "{\"type\": \"RE_ASAP\", \"max_count\": 1}"),
            "strategies[0].legs[0].re_entry_on_sl: with square_off COMPLETE a stop loss exits every leg, and this "
                + "re-entry brings back only this leg");
    }

    @Test
    void shouldWarnAboutRiskSettingsWithoutEffect()
    {
        assertWarnings(BaseDocument.create().set(STRATEGY + "/risk", "{\"mtm_stop_loss\": 5000, \"mtm_target\": "
                + "3000, \"combine\": \"ALL\", \"lock_and_trail\": {\"lock_at\": 3000, \"lock\": 1000, \"every\": 500, "
                + "\"raise_by\": 250}}"),
            "strategies[0].risk.combine: ALL has no effect: no stop loss or target is set in both INR and percent",
            "strategies[0].risk.lock_and_trail.lock_at: the lock never activates: lock_at 3000 is at or above "
                + "mtm_target 3000");
        assertWarnings(BaseDocument.create().set(STRATEGY + "/schedule/exit_time", "\"15:28\""),
            "strategies[0].schedule.exit_time: exit at 15:28 leaves under 5 minutes before the 15:30 close (and may "
                + "meet the broker's own square-off)");
    }

    @Test
    void shouldWarnAboutStrikesThatMayNotExistOrNotFallBack()
    {
        assertWarnings(BaseDocument.create().set(LEG0 + "/strike", "{\"method\": \"ABSOLUTE\", \"strike\": 24500}"),
            "strategies[0].legs[0].strike: an ABSOLUTE strike does not follow the market: it may be far from the "
                + "money, or not listed, on the days the strategy runs");
        assertWarnings(BaseDocument.create().set(LEG0 + "/strike", "{\"method\": \"PREMIUM_RANGE\", \"min\": 40, "
                + "\"max\": 60}"),
            "strategies[0].legs[0].strike: no fallback: on days without a strike priced in range the strategy does "
                + "not enter");
    }

    @Test
    void shouldKeepAllocationsWithinTheDeployableCapital()
    {
        assertErrors(BaseDocument.create()
                .set(STRATEGY + "/capital_allocation", "{\"type\": \"PERCENT\", \"value\": 60}")
                .set("/strategies/1", strategyCopy("S2"))
                .set("/strategies/1/capital_allocation", "{\"type\": \"INR\", \"value\": 200000}"),
            "strategies[1].capital_allocation: allocations total 440000 INR up to here, more than the deployable "
                + "capital 400000 INR (initial_capital x deployable_percentage)");
        valid(BaseDocument.create()
            .set(STRATEGY + "/capital_allocation", "{\"type\": \"PERCENT\", \"value\": 50}")
            .set("/strategies/1", strategyCopy("S2"))
            .set("/strategies/1/capital_allocation", "{\"type\": \"INR\", \"value\": 200000}"));
    }

    @Test
    void shouldRejectCapitalBasedSizingThatBuysNothing()
    {
        assertErrors(BaseDocument.create()
                .set(STRATEGY + "/capital_allocation", "{\"type\": \"INR\", \"value\": 100000}")
                .set(STRATEGY + "/position_sizing", "{\"type\": \"CAPITAL_BASED\", \"margin_per_lot\": 150000}"),
            "strategies[0].position_sizing.margin_per_lot: the allocated capital 100000 INR buys 0 lots at this "
                + "margin, was 150000");
    }

    @Test
    void shouldRejectAStrategyLargerThanMaxOpenLotsAndWarnWhenTheBasketIs()
    {
        assertErrors(BaseDocument.create().set("/max_open_lots", "3")
                .set(STRATEGY + "/position_sizing", "{\"type\": \"MULTIPLIER\", \"multiplier\": 2}"),
            "strategies[0].legs: one entry needs 4 lots (legs x sizing x account multiplier), more than the "
                + "basket's max_open_lots 3: it could never enter");
        assertWarnings(BaseDocument.create().set("/max_open_lots", "3").set("/strategies/1", strategyCopy("S2")),
            "max_open_lots: the strategies together need 4 lots at once, more than 3: some entries will be refused");
        assertErrors(BaseDocument.create().set("/max_open_lots", "3").set("/broker_account", BaseDocument.REMOVE)
                .set("/broker_accounts", "[{\"account\": \"A1\"}, {\"account\": \"A2\", \"multiplier\": 2}]"),
            "strategies[0].legs: one entry needs 4 lots (legs x sizing x account multiplier), more than the "
                + "basket's max_open_lots 3: it could never enter");
    }

    @Test
    void shouldCheckBrokerAccountsAgainstModeAndMarketplaceRole()
    {
        assertErrors(BaseDocument.create().set("/execution_mode", "\"LIVE\"").set("/broker_account",
            BaseDocument.REMOVE), "broker_account: is required for a LIVE basket (or broker_accounts)");
        assertErrors(BaseDocument.create().set("/broker_accounts", "[{\"account\": \"A1\"}]"),
            "$: only one of broker_account, broker_accounts may be set, found broker_account, broker_accounts");
        assertErrors(BaseDocument.create().set("/broker_account", BaseDocument.REMOVE)
                .set("/broker_accounts", "[{\"account\": \"A1\"}, {\"account\": \"A1\", \"multiplier\": 2}]"),
            "broker_accounts[1].account: duplicate account \"A1\", also in broker_accounts[0]");
        assertErrors(BaseDocument.create().set("/is_template", "true"),
            "broker_account: a marketplace template must not name a broker account: subscribers bring their own");
        assertErrors(BaseDocument.create().set("/is_template", "true").set("/broker_account", BaseDocument.REMOVE)
                .set("/subscription", "{\"template_id\": \"T1\"}"),
            "subscription: a marketplace template cannot itself be a subscription");
        assertTrue(BaseDocument.create().set("/broker_account", BaseDocument.REMOVE).read().valid(),
            "a PAPER basket needs no account");
    }

    @Test
    void shouldWarnAboutPortfolioLimitsThatAreMissingOrLoose()
    {
        assertWarnings(BaseDocument.create().set("/execution_mode", "\"LIVE\"").set("/max_daily_loss",
            BaseDocument.REMOVE), "$: a LIVE basket without max_daily_loss has no portfolio loss limit");
        assertWarnings(BaseDocument.create().set("/max_daily_loss", "450000"),
            "max_daily_loss: larger than the deployable capital 400000 INR");
        assertWarnings(BaseDocument.create().set(STRATEGY + "/risk", "{\"mtm_stop_loss\": 20000}"),
            "strategies[0].risk.mtm_stop_loss: larger than the basket's max_daily_loss 15000: the basket limit acts "
                + "first");
        assertWarnings(BaseDocument.create().set("/order_rate_limit", "{\"per_second\": 20}"),
            "order_rate_limit: above Kite's limits of 10 orders/s, 400/min, 5000/day: the broker will reject the "
                + "excess");
    }

    @Test
    void shouldApplyStrategyExecutionDefaultsFieldByField()
    {
        final Basket basket = valid(BaseDocument.create()
            .set(STRATEGY + "/execution", "{\"order_type\": {\"type\": \"LIMIT\", \"buffer_percent\": 1.5}, "
                + "\"max_slippage_percent\": 3, \"retry\": {\"max_retries\": 5, \"backoff_millis\": 8000}}")
            .set(LEG1 + "/order_type", "{\"type\": \"MARKET\"}"));

        final List<Leg> legs = basket.strategies().get(0).legs();
        assertEquals("Limit[bufferBasisPoints=150]", legs.get(0).order().orderType().toString());
        assertEquals("Market[protectionBasisPoints=OptionalLong.empty]", legs.get(1).order().orderType().toString());
        assertEquals(300, legs.get(1).order().maxSlippageBasisPoints().getAsLong());
        assertEquals(5, legs.get(1).order().retry().maxRetries());
        assertEquals(8_000, legs.get(1).order().retry().maxBackoffMillis(), "max backoff grows with the backoff");
    }

    @Test
    void shouldNumberAndNameLegsAndStrategiesByPositionUnlessSet()
    {
        final Basket basket = valid(BaseDocument.create().set(LEG1 + "/id", "\"put\""));

        assertEquals("S1", basket.strategies().get(0).id());
        assertEquals(List.of("L1", "put"), basket.strategies().get(0).legs().stream().map(Leg::id).toList());
        assertEquals(List.of(1, 2), basket.strategies().get(0).legs().stream().map(Leg::legNumber).toList());
    }

    private static String strategyCopy(final String id)
    {
        final BaseDocument copy = BaseDocument.create();
        copy.set(STRATEGY + "/name", "\"Straddle " + id + "\"").set(STRATEGY + "/id", "\"" + id + "\"");
        return copy.tree().at(STRATEGY).toString();
    }

    private static Basket valid(final BaseDocument document)
    {
        final BasketValidation validation = document.read();
        assertEquals(List.of(), validation.errors());
        return validation.basket().orElseThrow();
    }

    private static void assertErrors(final BaseDocument document, final String... expected)
    {
        final BasketValidation validation = document.read();
        assertEquals(List.of(expected), validation.errors().stream().map(Issue::toString).collect(Collectors.toList()));
        assertFalse(validation.basket().isPresent());
    }

    private static void assertWarnings(final BaseDocument document, final String... expected)
    {
        final BasketValidation validation = document.read();
        assertEquals(List.of(), validation.errors());
        assertEquals(List.of(expected), validation.warnings().stream().map(Issue::toString)
            .collect(Collectors.toList()));
    }
}
