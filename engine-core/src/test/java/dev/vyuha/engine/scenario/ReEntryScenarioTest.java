package dev.vyuha.engine.scenario;

import dev.vyuha.engine.market.Underlying;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReEntryScenarioTest
{
    private static final String STOP = "\"stop_loss\": { \"type\": \"POINTS\", \"value\": 25 }";

    private static TradingDay stoppedOut(final String reEntry, final String extraLeg)
    {
        final TradingDay day = TradingDay.on("2026-08-17");
        day.at("09:00").load(Baskets.basket("{ \"id\": \"re\", \"name\": \"re\", \"underlying\": \"NIFTY\", "
            + "\"schedule\": { \"entry_time\": \"09:20\", \"exit_time\": \"15:15\", \"no_re_entry_after\": \"14:00\" }, "
            + "\"legs\": [ " + Baskets.leg("ce", "CE", "SELL", "{ \"method\": \"ATM\" }", STOP
            + ", \"re_entry_on_sl\": " + reEntry + extraLeg) + " ] }"));
        day.at("09:19:59").nifty("24010").option("24000CE", "100.00").at("09:20").timer();
        day.fill(day.lastOrder(), "100.00");
        day.at("10:00").option("24000CE", "125.00");
        assertEquals("BUY", day.lastOrder().side());
        day.fill(day.lastOrder(), "125.00");
        return day;
    }

    @Test
    void shouldReEnterTheSameInstrumentWhenItsPriceComesBackToCost()
    {
        final TradingDay day = stoppedOut("{ \"type\": \"RE_COST\", \"max_count\": 1 }", "");
        assertEquals("WAITING_COST", day.leg("re", "ce").state(), day.describeEvents());
        day.at("10:30").option("24000CE", "100.05");
        assertEquals(2, day.orders.size());
        day.at("10:31").option("24000CE", "100.00");
        assertEquals(3, day.orders.size(), day.describeEvents());
        assertEquals("SELL", day.lastOrder().side());
        assertEquals("NIFTY2681824000CE", day.lastOrder().symbol());
        day.fill(day.lastOrder(), "100.00");
        // Second stop: the one re-entry is used up.
        day.at("11:00").option("24000CE", "125.00");
        day.fill(day.lastOrder(), "125.00");
        assertTrue(day.saw("no RE_COST: re-entries used up (1)"), day.describeEvents());
        // Realised over both cycles: 2 x -25 x 65.
        assertEquals(-2 * 25_00 * 65, day.strategy("re").mtmPaise());
    }

    @Test
    void shouldSelectTheStrikeAgainAndReEnterAtOnceWithReAsap()
    {
        final TradingDay day = TradingDay.on("2026-08-17");
        day.at("09:00").load(Baskets.basket("{ \"id\": \"re\", \"name\": \"re\", \"underlying\": \"NIFTY\", "
            + "\"schedule\": { \"entry_time\": \"09:20\", \"exit_time\": \"15:15\" }, \"legs\": [ "
            + Baskets.leg("ce", "CE", "SELL", "{ \"method\": \"ATM\" }", STOP
            + ", \"re_entry_on_sl\": { \"type\": \"RE_ASAP_REVERSE\", \"max_count\": 2 }") + " ] }"));
        day.at("09:19:59").nifty("24010").option("24000CE", "100.00").at("09:20").timer();
        day.fill(day.lastOrder(), "100.00");
        // The market rallies: the chain is requoted around 24120 and the short call stops out.
        day.at("10:00").nifty("24120").option("24000CE", "125.00");
        day.fill(day.lastOrder(), "125.00");
        assertEquals(3, day.orders.size(), day.describeEvents());
        assertEquals("NIFTY2681824100CE", day.lastOrder().symbol(), "ATM again, at the new spot");
        assertEquals("BUY", day.lastOrder().side(), "reversed");
    }

    @Test
    void shouldWaitForMomentumFromANewReferenceWithReMomentum()
    {
        final TradingDay day = TradingDay.on("2026-08-17");
        day.at("09:00").load(Baskets.basket("{ \"id\": \"re\", \"name\": \"re\", \"underlying\": \"NIFTY\", "
            + "\"schedule\": { \"entry_time\": \"09:20\", \"exit_time\": \"15:15\" }, \"legs\": [ "
            + Baskets.leg("ce", "CE", "SELL", "{ \"method\": \"ATM\" }", STOP
            + ", \"wait_and_trade\": { \"move\": \"POINTS_DOWN\", \"value\": 10, \"instrument\": \"OPTION\" }"
            + ", \"re_entry_on_sl\": { \"type\": \"RE_MOMENTUM\", \"max_count\": 1 }") + " ] }"));
        day.at("09:19:59").nifty("24010").option("24000CE", "100.00").at("09:20").timer();
        assertEquals(0, day.orders.size());
        day.at("09:25").option("24000CE", "90.00");
        day.fill(day.lastOrder(), "90.00");
        assertEquals(115_00, day.leg("re", "ce").stopLevelPaise());
        day.at("10:00").spot(Underlying.NIFTY, "24010").option("24000CE", "115.00");
        day.fill(day.lastOrder(), "115.00");
        assertEquals("WAITING_MOMENTUM", day.leg("re", "ce").state(), day.describeEvents());
        assertTrue(day.saw("RE_MOMENTUM: POINTS_DOWN 10.00 from 115.00 on the option"), day.describeEvents());
        day.at("10:05").option("24000CE", "105.05");
        assertEquals(2, day.orders.size());
        day.at("10:06").option("24000CE", "105.00");
        assertEquals(3, day.orders.size(), day.describeEvents());
        assertEquals("SELL", day.lastOrder().side());
    }

    @Test
    void shouldNotReEnterAfterTheCutOff()
    {
        final TradingDay day = TradingDay.on("2026-08-17");
        day.at("09:00").load(Baskets.basket("{ \"id\": \"re\", \"name\": \"re\", \"underlying\": \"NIFTY\", "
            + "\"schedule\": { \"entry_time\": \"09:20\", \"exit_time\": \"15:15\", \"no_re_entry_after\": \"14:00\" }, "
            + "\"legs\": [ " + Baskets.leg("ce", "CE", "SELL", "{ \"method\": \"ATM\" }", STOP
            + ", \"re_entry_on_sl\": { \"type\": \"RE_ASAP\", \"max_count\": 3 }") + " ] }"));
        day.at("09:19:59").nifty("24010").option("24000CE", "100.00").at("09:20").timer();
        day.fill(day.lastOrder(), "100.00");
        day.at("14:00").spot(Underlying.NIFTY, "24010").option("24000CE", "125.00");
        day.fill(day.lastOrder(), "125.00");
        assertEquals(2, day.orders.size(), day.describeEvents());
        assertTrue(day.saw("past the re-entry cut-off"), day.describeEvents());
        assertEquals("DONE", day.state("re"));
    }
}
