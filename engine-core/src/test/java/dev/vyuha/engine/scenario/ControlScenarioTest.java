package dev.vyuha.engine.scenario;

import dev.vyuha.engine.event.EngineEvent;
import dev.vyuha.engine.market.Underlying;
import dev.vyuha.sbe.StrategyAction;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ControlScenarioTest
{
    private static final String STRADDLE = Baskets.basket(Baskets.straddle("", ""));

    private static TradingDay filledStraddle(final String basket)
    {
        final TradingDay day = TradingDay.on("2026-08-17");
        day.at("09:00").load(basket);
        day.at("09:19:59").nifty("24010").option("24000CE", "100.00").option("24000PE", "90.00").at("09:20").timer();
        day.fill(day.order("NIFTY2681824000CE"), "100.00").fill(day.order("NIFTY2681824000PE"), "90.00");
        return day;
    }

    @Test
    void shouldHoldEntriesWhilePausedAndEnterOnResume()
    {
        final TradingDay day = TradingDay.on("2026-08-17");
        final long basket = day.at("09:00").load(STRADDLE);
        day.control(basket, 1, StrategyAction.PAUSE);
        day.at("09:19:59").nifty("24010").at("09:20").timer();
        assertEquals(0, day.orders.size());
        assertTrue(day.saw("entry waits: strategy paused"), day.describeEvents());
        day.at("09:25").nifty("24010");
        day.control(basket, 1, StrategyAction.RESUME);
        day.at("09:25:01").nifty("24010");
        assertEquals(2, day.orders.size(), day.describeEvents());
    }

    @Test
    void shouldKeepExitsWorkingWhilePaused()
    {
        final TradingDay day = filledStraddle(Baskets.basket(Baskets.straddle(
            "\"stop_loss\": { \"type\": \"POINTS\", \"value\": 20 }", "")));
        day.control(1, 1, StrategyAction.PAUSE);
        day.at("10:00").option("24000CE", "120.00");
        assertEquals(3, day.orders.size(), day.describeEvents());
    }

    @Test
    void shouldSquareOffOneStrategyOnRequest()
    {
        final TradingDay day = filledStraddle(STRADDLE);
        final EngineEvent.BasketChanged answer = day.at("11:00").control(1, 1, StrategyAction.SQUARE_OFF);
        assertTrue(answer.errors().isEmpty(), answer.errors().toString());
        assertEquals(4, day.orders.size(), day.describeEvents());
        assertEquals("EXITING", day.state("straddle"));
        day.fillAllSince(2);
        assertEquals("DONE", day.state("straddle"));
    }

    @Test
    void shouldRefuseAControlForAStrategyTheBasketDoesNotHave()
    {
        final TradingDay day = TradingDay.on("2026-08-17");
        final long basket = day.at("09:00").load(STRADDLE);
        final EngineEvent.BasketChanged answer = day.control(basket, 7, StrategyAction.PAUSE);
        assertEquals("basket basket-1 has no strategy number 7 (it has 1)", answer.errors().get(0));
        assertEquals(java.util.List.of("no basket number 9"), day.control(9, 0, StrategyAction.PAUSE).errors());
    }

    @Test
    void shouldSquareOffEverythingAndBlockEntriesWhileTheKillSwitchIsEngaged()
    {
        final TradingDay day = filledStraddle(STRADDLE + "");
        day.load(Baskets.basket(Baskets.straddle("", "").replace("\"id\": \"straddle\"", "\"id\": \"late\"")
            .replace("09:20", "11:00")));
        day.at("10:30").killSwitch(true);
        assertEquals(4, day.orders.size(), day.describeEvents());
        assertTrue(day.saw("kill switch ENGAGED: by risk-desk: scenario"));
        assertEquals("DONE", day.state("late"), "a scheduled strategy is stopped for the day");
        day.at("11:00").nifty("24010").timer();
        assertEquals(4, day.orders.size());
        day.killSwitch(false);
        assertTrue(day.saw("kill switch CLEARED"));
    }

    @Test
    void shouldHaltTheBasketAtItsMaxDailyLoss()
    {
        final String basket = Baskets.basket("\"max_daily_loss\": 1300,", Baskets.straddle("", ""));
        final TradingDay day = filledStraddle(basket);
        day.at("10:00").option("24000CE", "119.95");
        assertEquals(2, day.orders.size());
        day.at("10:01").option("24000CE", "120.00");
        assertEquals(4, day.orders.size(), day.describeEvents());
        final EngineEvent.ConditionMet halt = day.last(EngineEvent.ConditionMet.class);
        assertEquals("basket max daily loss 1300.00", halt.rule());
        assertEquals("basket MTM", halt.trigger());
        assertEquals("basket max daily loss 1300.00 hit: square-off, no entries today",
            day.snapshot().baskets().get(0).haltReason());
    }

    @Test
    void shouldRefuseAnEntryAboveTheBasketsMaxOpenLots()
    {
        final String basket = Baskets.basket("\"max_open_lots\": 2,", Baskets.straddle("", "") + ", "
            + Baskets.straddle("", "").replace("\"id\": \"straddle\"", "\"id\": \"second\""));
        final TradingDay day = TradingDay.on("2026-08-17");
        final EngineEvent.BasketChanged loaded = day.at("09:00").loadExpecting(basket);
        assertTrue(loaded.warnings().stream().anyMatch(w -> w.contains("max_open_lots")), loaded.warnings().toString());
        day.at("09:19:59").nifty("24010").at("09:20").timer();
        assertEquals(2, day.orders.size(), day.describeEvents());
        assertTrue(day.saw("above the basket's max open lots"), day.describeEvents());
    }

    @Test
    void shouldHoldEntriesWhileTheBrokerSessionIsExpired()
    {
        final TradingDay day = TradingDay.on("2026-08-17");
        day.at("09:00").load(STRADDLE);
        day.brokerSession(false);
        day.at("09:19:59").nifty("24010").at("09:20").timer();
        assertEquals(0, day.orders.size());
        assertTrue(day.saw("entry waits: broker session expired"), day.describeEvents());
        day.at("09:30").brokerSession(true).nifty("24010");
        assertEquals(2, day.orders.size(), day.describeEvents());
    }

    @Test
    void shouldHoldEntriesOnAStaleUnderlyingUntilItRecovers()
    {
        final TradingDay day = TradingDay.on("2026-08-17");
        day.at("09:00").load(STRADDLE);
        day.at("09:19").feed(Underlying.NIFTY, true);
        day.at("09:19:59").nifty("24010").at("09:20").timer();
        assertEquals(0, day.orders.size());
        assertTrue(day.saw("entry waits: NIFTY market data is stale"), day.describeEvents());
        day.at("09:21").feed(Underlying.NIFTY, false).nifty("24010");
        assertEquals(2, day.orders.size(), day.describeEvents());
        assertFalse(day.snapshot().feedStale());
    }
}
