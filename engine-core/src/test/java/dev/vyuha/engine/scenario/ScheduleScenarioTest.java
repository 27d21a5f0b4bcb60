package dev.vyuha.engine.scenario;

import dev.vyuha.engine.event.EngineEvent;
import dev.vyuha.sbe.StrategyAction;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScheduleScenarioTest
{
    private static String straddle(final String schedule)
    {
        return Baskets.basket("{ \"id\": \"s\", \"name\": \"s\", \"underlying\": \"NIFTY\", \"schedule\": " + schedule
            + ", \"legs\": [ " + Baskets.leg("ce", "CE", "SELL", "{ \"method\": \"ATM\" }", "") + " ] }");
    }

    @Test
    void shouldSkipADayThatIsNotAmongTheStrategysWeekdays()
    {
        final TradingDay day = TradingDay.on("2026-08-17");
        day.at("09:00").load(straddle("{ \"entry_time\": \"09:20\", \"exit_time\": \"15:15\", \"weekdays\": [\"TUE\", \"THU\"] }"));
        assertEquals("SKIPPED", day.state("s"));
        assertTrue(day.saw("MONDAY is not among the strategy's weekdays"), day.describeEvents());
        day.at("09:20").nifty("24010").timer();
        assertEquals(0, day.orders.size());
    }

    @Test
    void shouldCountDaysToExpiryInCalendarDaysOrTradingDaysAsAsked()
    {
        // Friday 2026-08-14 to the Tuesday 2026-08-18 expiry: 4 calendar days, 2 trading days (Monday, Tuesday).
        final TradingDay day = TradingDay.on("2026-08-14");
        day.at("09:00");
        day.load(straddle("{ \"entry_time\": \"09:20\", \"exit_time\": \"15:15\", \"dte\": { \"min\": 0, \"max\": 2, "
            + "\"unit\": \"TRADING_DAYS\" } }").replace("\"id\": \"s\"", "\"id\": \"trading\""));
        day.load(straddle("{ \"entry_time\": \"09:20\", \"exit_time\": \"15:15\", \"dte\": { \"min\": 0, \"max\": 2, "
            + "\"unit\": \"CALENDAR_DAYS\" } }").replace("\"id\": \"s\"", "\"id\": \"calendar\""));
        assertEquals("SCHEDULED", day.state("trading"), day.describeEvents());
        assertEquals("SKIPPED", day.state("calendar"));
        assertTrue(day.saw("DTE 4 CALENDAR_DAYS outside [0, 2]"), day.describeEvents());
    }

    @Test
    void shouldSkipAnExchangeHolidayAndTradeTheNextSession()
    {
        // Ganesh Chaturthi, Monday 2026-09-14: loaded on the Friday before, the strategy sits the holiday out.
        final SyntheticMarket september = new SyntheticMarket(LocalDate.of(2026, 9, 15), LocalDate.of(2026, 9, 29));
        final TradingDay day = TradingDay.on("2026-09-11", dev.vyuha.engine.strategy.runtime.EngineConfig.defaults(),
            september);
        day.at("15:20").load(straddle("{ \"entry_time\": \"09:20\", \"exit_time\": \"15:15\" }"));
        day.nextDate("2026-09-14").at("09:20").timer();
        assertEquals("SKIPPED", day.state("s"));
        assertTrue(day.saw("not a trading day (Ganesh Chaturthi)"), day.describeEvents());
        day.nextDate("2026-09-15").at("09:19:59").nifty("24100").at("09:20").timer();
        assertEquals(1, day.orders.size(), day.describeEvents());
        assertEquals("NIFTY2691524100CE", day.lastOrder().symbol());
    }

    @Test
    void shouldWaitForTheSessionWhenTheEntryTimeIsBeforeTheOpen()
    {
        final TradingDay day = TradingDay.on("2026-08-17");
        final EngineEvent.BasketChanged loaded = day.at("09:00").loadExpecting(
            straddle("{ \"entry_time\": \"09:10\", \"exit_time\": \"15:15\" }"));
        if (!loaded.errors().isEmpty())
        {
            // The reader refuses pre-open entry times; nothing else to check.
            assertTrue(loaded.errors().get(0).contains("entry_time"), loaded.errors().toString());
            return;
        }
        day.at("09:10").nifty("24010").timer();
        assertEquals(0, day.orders.size());
        assertTrue(day.saw("outside the trading window"), day.describeEvents());
        day.at("09:15").nifty("24010");
        assertEquals(1, day.orders.size(), day.describeEvents());
    }

    @Test
    void shouldGiveUpWhenNoEntryWasPossibleByTheLastEntryTime()
    {
        final TradingDay day = TradingDay.on("2026-08-17");
        day.at("09:00").load(straddle("{ \"entry_time\": \"09:20\", \"exit_time\": \"15:15\", "
            + "\"no_entry_after\": \"09:30\" }"));
        // The index ticks but no option is quoted: the strike cannot be chosen.
        day.at("09:20").spot(dev.vyuha.engine.market.Underlying.NIFTY, "24010").timer();
        assertEquals("WATCHING", day.state("s"));
        day.at("09:30:00.000000001").timer();
        assertEquals("DONE", day.state("s"), day.describeEvents());
        assertTrue(day.saw("no entry by 09:30"), day.describeEvents());
        day.at("09:31").nifty("24010");
        assertEquals(0, day.orders.size());
    }

    @Test
    void shouldLeaveAnInactiveStrategyAloneUntilAnOperatorActivatesIt()
    {
        final TradingDay day = TradingDay.on("2026-08-17");
        final long basket = day.at("09:00").load(straddle("{ \"entry_time\": \"09:20\", \"exit_time\": \"15:15\" }")
            .replace("\"underlying\": \"NIFTY\"", "\"underlying\": \"NIFTY\", \"is_active\": false"));
        assertEquals("SKIPPED", day.state("s"));
        assertTrue(day.saw("strategy is not active"));
        day.at("09:25").nifty("24010");
        day.control(basket, 1, StrategyAction.ACTIVATE);
        assertEquals(1, day.orders.size(), day.describeEvents());
    }
}
