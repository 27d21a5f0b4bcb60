package dev.vyuha.engine.scenario;

import dev.vyuha.engine.market.Underlying;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ShortStraddleScenarioTest
{
    @Test
    void shouldSellTheAtmStraddleAtEntryTimeAndBuyItBackAtTheTimeExit()
    {
        final TradingDay day = TradingDay.on("2026-08-17");
        day.at("09:15:00").chain(Underlying.NIFTY, SyntheticMarket.NIFTY_WEEKLY, "24012.35", 0.12);
        day.load(Baskets.basket(Baskets.straddle("", "")));
        day.at("09:19:59").chain(Underlying.NIFTY, SyntheticMarket.NIFTY_WEEKLY, "24012.35", 0.12).timer();
        assertEquals(0, day.orders.size(), day.describeEvents());

        day.at("09:20:00").timer();
        assertEquals(2, day.orders.size(), day.describeEvents());
        final TradingDay.SentOrder ce = day.order("NIFTY2681824000CE");
        final TradingDay.SentOrder pe = day.order("NIFTY2681824000PE");
        assertEquals("SELL", ce.side());
        assertEquals(65, ce.quantity());
        assertEquals("MARKET", ce.orderType());
        day.fill(ce, "100.00").fill(pe, "90.00");
        assertEquals("ACTIVE", day.strategy("straddle").state(), day.describeEvents());

        day.at("12:00").option("24000CE", "80.00").option("24000PE", "85.00");
        // Short 65 CE from 100 to 80 = +1300; short 65 PE from 90 to 85 = +325.
        assertEquals(1_625_00, day.strategy("straddle").mtmPaise());

        day.at("15:15:00").timer();
        assertEquals(4, day.orders.size(), day.describeEvents());
        day.fill(day.order("NIFTY2681824000CE"), "79.00").fill(day.order("NIFTY2681824000PE"), "86.00");
        assertEquals("DONE", day.strategy("straddle").state(), day.describeEvents());
        // Realised: (100 - 79) * 65 + (90 - 86) * 65 = 1365 + 260 = 1625.
        assertEquals(1_625_00, day.strategy("straddle").mtmPaise());
    }
}
