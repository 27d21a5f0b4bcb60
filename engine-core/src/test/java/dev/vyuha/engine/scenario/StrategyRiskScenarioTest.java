package dev.vyuha.engine.scenario;

import dev.vyuha.engine.event.EngineEvent;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Strategy-level exits on the combined MTM of a NIFTY straddle sold at CE 100.00 and PE 90.00 (65 units each):
 * every rupee the CE rises costs 65 rupees of MTM.
 */
class StrategyRiskScenarioTest
{
    private static TradingDay soldStraddle(final String risk)
    {
        final TradingDay day = TradingDay.on("2026-08-17");
        day.at("09:00").load(Baskets.basket(Baskets.straddle("", "\"risk\": " + risk + ",")));
        day.at("09:19:59").nifty("24010").at("09:20").timer();
        day.option("24000CE", "100.00").option("24000PE", "90.00");
        day.fill(day.order("NIFTY2681824000CE"), "100.00").fill(day.order("NIFTY2681824000PE"), "90.00");
        assertEquals(0, day.strategy("straddle").mtmPaise());
        return day;
    }

    @Test
    void shouldExitAllLegsWhenStrategyMtmStopLossHit()
    {
        final TradingDay day = soldStraddle("{ \"mtm_stop_loss\": 1300 }");
        day.at("10:00").option("24000CE", "119.95");
        assertEquals(2, day.orders.size(), "MTM -1296.75");
        day.at("10:01").option("24000CE", "120.00");
        assertEquals(4, day.orders.size(), day.describeEvents());
        final EngineEvent.ConditionMet rule = day.last(EngineEvent.ConditionMet.class);
        assertEquals("MTM stop loss", rule.rule());
        assertEquals(-1_300_00, rule.thresholdPaise());
        assertEquals(-1_300_00, rule.observedPaise());
        day.fillAllSince(2);
        assertEquals("DONE", day.state("straddle"));
    }

    @Test
    void shouldTakeTheMtmTargetAsAPercentOfTheEntryPremium()
    {
        // Entry premium (100 + 90) x 65 = 12,350; 20 % of it = 2,470.
        final TradingDay day = soldStraddle("{ \"mtm_target_percent\": 20 }");
        day.at("10:00").option("24000CE", "62.05");
        assertEquals(2, day.orders.size(), "MTM 2466.75");
        day.at("10:01").option("24000CE", "62.00");
        assertEquals(4, day.orders.size(), day.describeEvents());
        final EngineEvent.ConditionMet rule = day.last(EngineEvent.ConditionMet.class);
        assertEquals("MTM target", rule.rule());
        assertEquals(2_470_00, rule.thresholdPaise());
    }

    @Test
    void shouldExitWhenMtmFallsBackToTheLockedProfit()
    {
        final TradingDay day = soldStraddle("{ \"profit_lock\": { \"lock_at\": 1300, \"lock\": 650 } }");
        day.at("10:00").option("24000CE", "85.00");
        assertEquals(2, day.orders.size(), "MTM 975: not reached");
        day.at("10:01").option("24000CE", "80.00");
        assertEquals(2, day.orders.size(), "MTM 1300: lock armed");
        day.at("10:02").option("24000CE", "89.95");
        assertEquals(2, day.orders.size(), "MTM 653.25");
        day.at("10:03").option("24000CE", "90.00");
        assertEquals(4, day.orders.size(), day.describeEvents());
        assertTrue(day.last(EngineEvent.ConditionMet.class).rule().startsWith("MTM lock"));
    }

    @Test
    void shouldRaiseTheLockForEveryFurtherStepOfProfit()
    {
        final TradingDay day = soldStraddle("{ \"lock_and_trail\": { \"lock_at\": 1300, \"lock\": 650, "
            + "\"every\": 650, \"raise_by\": 325 } }");
        day.at("10:00").option("24000CE", "70.00");
        // Peak 1950: floor 650 + 1 x 325 = 975 (MTM back to 15 points of profit).
        day.at("10:01").option("24000CE", "84.95");
        assertEquals(2, day.orders.size());
        day.at("10:02").option("24000CE", "85.00");
        assertEquals(4, day.orders.size(), day.describeEvents());
        assertEquals(975_00, day.last(EngineEvent.ConditionMet.class).thresholdPaise());
    }

    @Test
    void shouldTrailTheMtmStopLossUpWithProfit()
    {
        final TradingDay day = soldStraddle("{ \"mtm_stop_loss\": 1300, \"trailing_stop\": { \"every\": 650, "
            + "\"raise_by\": 650 } }");
        day.at("10:00").option("24000CE", "80.00");
        // Peak 1300: the stop rises by 2 x 650 from -1300 to 0.
        day.at("10:01").option("24000CE", "100.05");
        assertEquals(4, day.orders.size(), day.describeEvents());
        final EngineEvent.ConditionMet rule = day.last(EngineEvent.ConditionMet.class);
        assertTrue(rule.rule().startsWith("MTM stop loss (trailed up 1300.00)"), rule.rule());
        assertEquals(0, rule.thresholdPaise());
    }

    @Test
    void shouldNeedEveryRuleWhenCombineIsAll()
    {
        final TradingDay day = soldStraddle("{ \"mtm_stop_loss\": 650, \"mtm_stop_loss_percent\": 20, "
            + "\"combine\": \"ALL\" }");
        // 20 % of 12,350 = 2,470: the INR stop is hit first but ALL waits for both.
        day.at("10:00").option("24000CE", "120.00");
        assertEquals(2, day.orders.size());
        day.at("10:01").option("24000CE", "138.00");
        assertEquals(4, day.orders.size(), day.describeEvents());
    }

    @Test
    void shouldExitShortLegsBeforeTheirHedges()
    {
        final TradingDay day = TradingDay.on("2026-08-17");
        day.at("09:00").load(Baskets.basket("{ \"id\": \"spread\", \"name\": \"spread\", \"underlying\": \"NIFTY\", "
            + "\"schedule\": { \"entry_time\": \"09:20\", \"exit_time\": \"15:15\" }, \"legs\": [ "
            + Baskets.leg("short", "CE", "SELL", "{ \"method\": \"ATM\" }", "") + ", "
            + Baskets.leg("hedge", "CE", "BUY", "{ \"method\": \"OTM\", \"steps\": 4 }", "\"is_hedge\": true") + " ] }"));
        day.at("09:19:59").nifty("24010").at("09:20").timer();
        day.fill(day.lastOrder());
        day.fill(day.lastOrder());
        assertEquals("ACTIVE", day.state("spread"), day.describeEvents());
        day.at("15:14:59").nifty("24010").at("15:15").timer();
        assertEquals(3, day.orders.size(), day.describeEvents());
        assertEquals("NIFTY2681824000CE", day.lastOrder().symbol());
        assertEquals("BUY", day.lastOrder().side());
        day.fill(day.lastOrder());
        assertEquals(4, day.orders.size());
        assertEquals("NIFTY2681824200CE", day.lastOrder().symbol());
        assertEquals("SELL", day.lastOrder().side());
        assertTrue(day.saw("time exit at 15:15 (hedge last)"), day.describeEvents());
        day.fill(day.lastOrder());
        assertEquals("DONE", day.state("spread"));
    }
}
