package dev.vyuha.engine.scenario;

import dev.vyuha.engine.event.EngineEvent;
import dev.vyuha.engine.market.Underlying;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EntryScenarioTest
{
    private static final String ATM = "{ \"method\": \"ATM\" }";

    private static String strategy(final String id, final String fields, final String legs)
    {
        return "{ \"id\": \"" + id + "\", \"name\": \"" + id + "\", \"underlying\": \"NIFTY\", "
            + "\"schedule\": { \"entry_time\": \"09:20\", \"exit_time\": \"15:15\" }, " + fields + " \"legs\": [ " + legs
            + " ] }";
    }

    private static String waitAndTrade(final String fallback)
    {
        return Baskets.basket(strategy("wt", "", Baskets.leg("ce", "CE", "BUY", ATM,
            "\"wait_and_trade\": { \"move\": \"PERCENT_UP\", \"value\": 10, \"instrument\": \"OPTION\", "
            + "\"timeout_minutes\": 30, \"fallback\": \"" + fallback + "\" }")));
    }

    @Test
    void shouldBuyOnlyOnceThePremiumHasRisenByTheWaitAndTradeMove()
    {
        final TradingDay day = TradingDay.on("2026-08-17");
        day.at("09:00").load(waitAndTrade("CANCEL"));
        day.at("09:19:59").nifty("24010").option("24000CE", "100.00").at("09:20").timer();
        assertEquals(0, day.orders.size(), day.describeEvents());
        assertTrue(day.saw("PERCENT_UP 10.0 % from 100.00 on the option"), day.describeEvents());
        day.at("09:25").option("24000CE", "109.95");
        assertEquals(0, day.orders.size());
        // Exactly 10 % up is the move: a price at the threshold triggers.
        day.at("09:26").option("24000CE", "110.00");
        assertEquals(1, day.orders.size(), day.describeEvents());
        assertEquals("BUY", day.lastOrder().side());
        final EngineEvent.ConditionMet met = day.last(EngineEvent.ConditionMet.class);
        assertEquals(110_00, met.thresholdPaise());
        assertEquals(110_00, met.observedPaise());
        assertTrue(met.trigger().contains("NIFTY2681824000CE 110.00"), met.trigger());
    }

    @Test
    void shouldEnterAnywayWhenTheWaitTimesOutWithExecuteAnyway()
    {
        final TradingDay day = TradingDay.on("2026-08-17");
        day.at("09:00").load(waitAndTrade("EXECUTE_ANYWAY"));
        day.at("09:19:59").nifty("24010").option("24000CE", "100.00").at("09:20").timer();
        day.at("09:49:59").option("24000CE", "101.00").timer();
        assertEquals(0, day.orders.size());
        day.at("09:50").timer();
        assertEquals(1, day.orders.size(), day.describeEvents());
        assertTrue(day.saw("wait and trade timeout: EXECUTE_ANYWAY"));
    }

    @Test
    void shouldCancelTheLegWhenTheWaitTimesOutWithCancel()
    {
        final TradingDay day = TradingDay.on("2026-08-17");
        day.at("09:00").load(waitAndTrade("CANCEL"));
        day.at("09:19:59").nifty("24010").option("24000CE", "100.00").at("09:20").timer();
        day.at("09:50").timer();
        assertEquals(0, day.orders.size());
        assertTrue(day.saw("wait and trade timed out"), day.describeEvents());
        day.at("09:51").option("24000CE", "150.00");
        assertEquals(0, day.orders.size());
        assertEquals("FAILED", day.leg("wt", "ce").state());
    }

    @Test
    void shouldEnterOnTheFirstBreakOfTheOpeningRange()
    {
        final TradingDay day = TradingDay.on("2026-08-17");
        day.at("09:00").load(Baskets.basket(strategy("orb", "\"entry\": { \"trigger\": { \"type\": \"RANGE_BREAKOUT\", "
            + "\"range_start\": \"09:15\", \"range_end\": \"09:20\", \"instrument\": \"UNDERLYING\", "
            + "\"direction\": \"UP\" } },", Baskets.leg("ce", "CE", "BUY", ATM, ""))));
        day.at("09:15").spot(Underlying.NIFTY, "24000").at("09:17").spot(Underlying.NIFTY, "24060.50")
            .at("09:19").spot(Underlying.NIFTY, "23990");
        day.at("09:20:30").nifty("24050");
        assertEquals(0, day.orders.size(), "inside the range: " + day.describeEvents());
        day.at("09:21").nifty("24060.50");
        assertEquals(0, day.orders.size(), "at the high is not above it");
        day.at("09:22").nifty("24060.55");
        assertEquals(1, day.orders.size(), day.describeEvents());
        assertEquals("NIFTY2681824050CE", day.lastOrder().symbol());
        final EngineEvent.ConditionMet breakout = day.events(EngineEvent.ConditionMet.class).get(0);
        assertEquals("range breakout above high", breakout.rule());
        assertEquals(24_060_50, breakout.thresholdPaise());
    }

    @Test
    void shouldEnterAllLegsWhenTheirCombinedPremiumMoves()
    {
        final TradingDay day = TradingDay.on("2026-08-17");
        day.at("09:00").load(Baskets.basket(strategy("momentum", "\"entry\": { \"trigger\": { \"type\": "
            + "\"OVERALL_MOMENTUM\", \"move\": \"POINTS_DOWN\", \"value\": 10 } },",
            Baskets.leg("ce", "CE", "SELL", ATM, "") + ", " + Baskets.leg("pe", "PE", "SELL", ATM, ""))));
        day.at("09:19:59").nifty("24000").option("24000CE", "100.00").option("24000PE", "100.00").at("09:20").timer();
        assertEquals(0, day.orders.size(), day.describeEvents());
        day.at("09:30").option("24000CE", "95.00").option("24000PE", "95.05");
        assertEquals(0, day.orders.size(), "combined 190.05: not yet 10 down");
        day.at("09:31").option("24000PE", "95.00");
        assertEquals(2, day.orders.size(), day.describeEvents());
    }

    @Test
    void shouldSkipTheDayWhenAnEntryFilterDoesNotHoldAtTheEntryTime()
    {
        final TradingDay day = TradingDay.on("2026-08-17");
        final String vixBelow15 = "\"entry\": { \"filters\": [ { \"type\": \"VIX\", \"max\": 15 } ] },";
        day.at("09:00").load(Baskets.basket(strategy("calm", vixBelow15, Baskets.leg("ce", "CE", "SELL", ATM, ""))));
        day.at("09:19:59").vix("16.20").nifty("24010").at("09:20").timer();
        assertEquals(0, day.orders.size());
        assertEquals("SKIPPED", day.state("calm"));
        assertTrue(day.saw("entry filter VIX does not hold (VIX 16.2)"), day.describeEvents());
    }

    @Test
    void shouldEnterWhenTheEntryFilterHoldsAndRecordIt()
    {
        final TradingDay day = TradingDay.on("2026-08-17");
        final String vixBelow15 = "\"entry\": { \"filters\": [ { \"type\": \"VIX\", \"max\": 15 } ] },";
        day.at("09:00").load(Baskets.basket(strategy("calm", vixBelow15, Baskets.leg("ce", "CE", "SELL", ATM, ""))));
        day.at("09:19:59").vix("13.10").nifty("24010").at("09:20").timer();
        assertEquals(1, day.orders.size(), day.describeEvents());
        assertTrue(day.saw("entry filter VIX"), day.describeEvents());
    }

    @Test
    void shouldEnterHedgesFirstAndTheShortLegsOnlyOnceTheHedgesFill()
    {
        final TradingDay day = TradingDay.on("2026-08-17");
        day.at("09:00").load(Baskets.basket(strategy("condor", "",
            Baskets.leg("sc", "CE", "SELL", ATM, "") + ", "
                + Baskets.leg("bc", "CE", "BUY", "{ \"method\": \"OTM\", \"steps\": 4 }", "\"is_hedge\": true"))));
        day.at("09:19:59").nifty("24010").at("09:20").timer();
        assertEquals(1, day.orders.size(), day.describeEvents());
        assertEquals("NIFTY2681824200CE", day.lastOrder().symbol());
        assertEquals("BUY", day.lastOrder().side());
        assertEquals("AWAITING_HEDGES", day.leg("condor", "sc").state());
        day.fill(day.lastOrder());
        assertEquals(2, day.orders.size(), day.describeEvents());
        assertEquals("NIFTY2681824000CE", day.lastOrder().symbol());
        assertEquals("SELL", day.lastOrder().side());
    }
}
