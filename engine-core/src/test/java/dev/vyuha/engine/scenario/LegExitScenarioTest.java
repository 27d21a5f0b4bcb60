package dev.vyuha.engine.scenario;

import dev.vyuha.engine.event.EngineEvent;
import dev.vyuha.engine.market.Underlying;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LegExitScenarioTest
{
    private static final String ATM = "{ \"method\": \"ATM\" }";

    /** A straddle sold at 09:20 and filled CE at 100.00, PE at 90.00. */
    private static TradingDay soldStraddle(final String legFields, final String strategyFields)
    {
        final TradingDay day = TradingDay.on("2026-08-17");
        day.at("09:00").load(Baskets.basket(Baskets.straddle(legFields, strategyFields)));
        day.at("09:19:59").nifty("24010").at("09:20").timer();
        day.fill(day.order("NIFTY2681824000CE"), "100.00").fill(day.order("NIFTY2681824000PE"), "90.00");
        assertEquals("ACTIVE", day.state("straddle"), day.describeEvents());
        return day;
    }

    private static TradingDay boughtCall(final String legFields)
    {
        final TradingDay day = TradingDay.on("2026-08-17");
        day.at("09:00").load(Baskets.basket("{ \"id\": \"long\", \"name\": \"long\", \"underlying\": \"NIFTY\", "
            + "\"schedule\": { \"entry_time\": \"09:20\", \"exit_time\": \"15:15\" }, \"legs\": [ "
            + Baskets.leg("ce", "CE", "BUY", ATM, legFields) + " ] }"));
        day.at("09:19:59").nifty("24010").at("09:20").timer();
        day.fill(day.lastOrder(), "100.00");
        return day;
    }

    @Test
    void shouldExitAShortLegWhenItsPremiumReachesThePercentStopExactly()
    {
        final TradingDay day = soldStraddle("\"stop_loss\": { \"type\": \"PERCENT\", \"value\": 25 }", "");
        assertEquals(125_00, day.leg("straddle", "ce").stopLevelPaise());
        day.at("10:00").option("24000CE", "124.95");
        assertEquals(2, day.orders.size(), "just below the stop");
        day.at("10:01").option("24000CE", "125.00");
        assertEquals(3, day.orders.size(), day.describeEvents());
        assertEquals("BUY", day.lastOrder().side());
        assertEquals("NIFTY2681824000CE", day.lastOrder().symbol());
        final EngineEvent.ConditionMet stop = day.last(EngineEvent.ConditionMet.class);
        assertEquals("leg stop loss PERCENT 2500", stop.rule());
        assertEquals(125_00, stop.thresholdPaise());
        assertEquals(125_00, stop.observedPaise());
        assertTrue(stop.trigger().contains("NIFTY2681824000CE 125.00"));
        // PARTIAL square-off: the put stays open.
        day.fill(day.lastOrder(), "125.50");
        assertEquals("CLOSED", day.leg("straddle", "ce").state());
        assertEquals("OPEN", day.leg("straddle", "pe").state());
        assertEquals("ACTIVE", day.state("straddle"));
        assertEquals(-25_50 * 65, day.leg("straddle", "ce").realisedPaise());
    }

    @Test
    void shouldSquareOffEveryLegWhenOneStopsAndTheScopeIsComplete()
    {
        final TradingDay day = soldStraddle("\"stop_loss\": { \"type\": \"POINTS\", \"value\": 30 }",
            "\"risk\": { \"square_off\": \"COMPLETE\" },");
        day.at("10:00").option("24000CE", "130.00");
        assertEquals(4, day.orders.size(), day.describeEvents());
        assertEquals("EXITING", day.state("straddle"));
        day.fillAllSince(2);
        assertEquals("DONE", day.state("straddle"), day.describeEvents());
    }

    @Test
    void shouldTakeALongLegsPointsTargetAndItsPremiumStop()
    {
        final TradingDay target = boughtCall("\"stop_loss\": { \"type\": \"PREMIUM\", \"value\": 70 }, "
            + "\"target\": { \"type\": \"POINTS\", \"value\": 45 }");
        assertEquals(70_00, target.leg("long", "ce").stopLevelPaise());
        assertEquals(145_00, target.leg("long", "ce").targetLevelPaise());
        target.at("10:00").option("24000CE", "145.00");
        assertEquals("SELL", target.lastOrder().side());
        assertEquals("leg target POINTS 4500", target.last(EngineEvent.ConditionMet.class).rule());

        final TradingDay stop = boughtCall("\"stop_loss\": { \"type\": \"PREMIUM\", \"value\": 70 }, "
            + "\"target\": { \"type\": \"POINTS\", \"value\": 45 }");
        stop.at("10:00").option("24000CE", "70.05");
        assertEquals(1, stop.orders.size());
        stop.at("10:01").option("24000CE", "69.00");
        assertEquals("SELL", stop.lastOrder().side());
        assertEquals(70_00, stop.last(EngineEvent.ConditionMet.class).thresholdPaise());
    }

    @Test
    void shouldStopALongCallOnTheUnderlyingFallingByItsPoints()
    {
        final TradingDay day = boughtCall("\"stop_loss\": { \"type\": \"UNDERLYING_POINTS\", \"value\": 80 }");
        assertEquals(23_930_00, day.leg("long", "ce").stopLevelPaise());
        day.at("10:00").spot(Underlying.NIFTY, "23930.05");
        assertEquals(1, day.orders.size());
        day.at("10:01").spot(Underlying.NIFTY, "23930.00");
        assertEquals(2, day.orders.size(), day.describeEvents());
        final EngineEvent.ConditionMet stop = day.last(EngineEvent.ConditionMet.class);
        assertEquals(23_930_00, stop.thresholdPaise());
        assertTrue(stop.trigger().contains("NIFTY 50") || stop.trigger().contains("NIFTY"), stop.trigger());
    }

    @Test
    void shouldTrailAShortLegsStopOnlyAfterActivationAndNeverLoosenIt()
    {
        final TradingDay day = soldStraddle("\"stop_loss\": { \"type\": \"POINTS\", \"value\": 20 }, "
            + "\"trailing_stop\": { \"unit\": \"POINTS\", \"activate_at\": 10, \"every\": 5, \"move_by\": 5 }", "");
        assertEquals(120_00, day.leg("straddle", "ce").stopLevelPaise());
        day.at("10:00").option("24000CE", "92.00");
        assertEquals(120_00, day.leg("straddle", "ce").stopLevelPaise(), "8 of profit: not active yet");
        day.at("10:01").option("24000CE", "90.00");
        assertEquals(120_00, day.leg("straddle", "ce").stopLevelPaise(), "activated, no step yet");
        day.at("10:02").option("24000CE", "85.00");
        assertEquals(115_00, day.leg("straddle", "ce").stopLevelPaise());
        day.at("10:03").option("24000CE", "80.00");
        assertEquals(110_00, day.leg("straddle", "ce").stopLevelPaise());
        day.at("10:04").option("24000CE", "95.00");
        assertEquals(110_00, day.leg("straddle", "ce").stopLevelPaise(), "a stop never loosens");
        assertEquals(2, day.orders.size());
        day.at("10:05").option("24000CE", "110.00");
        assertEquals(3, day.orders.size(), day.describeEvents());
        assertEquals(2, day.events(EngineEvent.ConditionMet.class).stream()
            .filter(e -> e.rule().equals("trailing stop moved")).count());
    }

    @Test
    void shouldMoveTheOtherLegsStopToCostWhenOneLegStops()
    {
        final TradingDay day = soldStraddle("\"stop_loss\": { \"type\": \"PERCENT\", \"value\": 30 }",
            "\"risk\": { \"move_sl_to_cost\": \"ALL_LEGS\" },");
        assertEquals(117_00, day.leg("straddle", "pe").stopLevelPaise());
        day.at("10:00").option("24000CE", "130.00");
        assertEquals(90_00, day.leg("straddle", "pe").stopLevelPaise(), day.describeEvents());
        assertTrue(day.saw("stop moved to cost after ce stop loss"));
        day.fill(day.lastOrder(), "130.00");
        day.at("10:05").option("24000PE", "89.95");
        assertEquals(3, day.orders.size());
        day.at("10:06").option("24000PE", "90.00");
        assertEquals(4, day.orders.size(), day.describeEvents());
        assertTrue(day.last(EngineEvent.ConditionMet.class).rule().contains("(moved to cost)"));
    }

    @Test
    void shouldMoveOnlyStopLossLegsToCostWithSlLegs()
    {
        final TradingDay day = TradingDay.on("2026-08-17");
        day.at("09:00").load(Baskets.basket("{ \"id\": \"mixed\", \"name\": \"mixed\", \"underlying\": \"NIFTY\", "
            + "\"schedule\": { \"entry_time\": \"09:20\", \"exit_time\": \"15:15\" }, "
            + "\"risk\": { \"move_sl_to_cost\": \"SL_LEGS\" }, \"legs\": [ "
            + Baskets.leg("ce", "CE", "SELL", ATM, "\"stop_loss\": { \"type\": \"POINTS\", \"value\": 30 }") + ", "
            + Baskets.leg("pe", "PE", "SELL", ATM, "\"stop_loss\": { \"type\": \"POINTS\", \"value\": 30 }") + ", "
            + Baskets.leg("far", "PE", "SELL", "{ \"method\": \"OTM\", \"steps\": 4 }", "") + " ] }"));
        day.at("09:19:59").nifty("24010").at("09:20").timer();
        day.fillAllSince(0);
        day.at("10:00").option("24000CE", TradingDay.rupees(day.order("NIFTY2681824000CE").referencePaise() + 30_00));
        final List<String> moved = day.events(EngineEvent.ConditionMet.class).stream().map(EngineEvent.ConditionMet::rule)
            .filter(rule -> rule.startsWith("stop moved to cost")).toList();
        assertEquals(1, moved.size(), day.describeEvents());
        assertEquals(0, day.leg("mixed", "far").stopLevelPaise(), "a leg without a stop gets none");
    }
}
