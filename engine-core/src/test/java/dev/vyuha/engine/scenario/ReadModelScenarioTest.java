package dev.vyuha.engine.scenario;

import dev.vyuha.engine.event.EngineEvent;
import dev.vyuha.engine.readmodel.ClosedTrade;
import dev.vyuha.engine.readmodel.OptionChainSnapshot;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReadModelScenarioTest
{
    @Test
    void shouldListEveryClosedRoundTripWithItsPnlAndReason()
    {
        final TradingDay day = TradingDay.on("2026-08-17");
        day.at("09:00").load(Baskets.basket(Baskets.straddle("\"stop_loss\": { \"type\": \"POINTS\", \"value\": 20 }",
            "")));
        day.at("09:19:59").nifty("24010").option("24000CE", "100.00").option("24000PE", "90.00").at("09:20").timer();
        day.fill(day.order("NIFTY2681824000CE"), "100.00").fill(day.order("NIFTY2681824000PE"), "90.00");
        day.at("10:00").option("24000CE", "120.00");
        day.fill(day.lastOrder(), "120.50");
        day.at("15:14:59").option("24000PE", "70.00").at("15:15").timer();
        day.fill(day.lastOrder(), "70.00");
        assertEquals(2, day.snapshot().trades().size(), day.describeEvents());
        final ClosedTrade stopped = day.snapshot().trades().get(0);
        assertEquals("NIFTY2681824000CE", stopped.symbol());
        assertEquals("SELL", stopped.side());
        assertEquals(100_00, stopped.entryPricePaise());
        assertEquals(120_50, stopped.exitPricePaise());
        assertEquals(-20_50 * 65, stopped.pnlPaise());
        assertEquals("leg stop loss", stopped.exitReason());
        final ClosedTrade timed = day.snapshot().trades().get(1);
        assertEquals(20_00 * 65, timed.pnlPaise());
        assertEquals("time exit at 15:15", timed.exitReason());
    }

    @Test
    void shouldPublishTheNearestChainWithItsAnalytics()
    {
        final TradingDay day = TradingDay.on("2026-08-17");
        day.at("10:00").nifty("24010");
        final OptionChainSnapshot chain = day.snapshot().chains().get(0);
        assertEquals("NIFTY", chain.underlying());
        assertEquals("2026-08-18", chain.expiry());
        assertEquals(24_000_00, chain.atmStrikePaise());
        assertEquals(81, chain.strikes().size());
        assertEquals(12.0, chain.atmImpliedVolatility(), 0.5, "the chain was quoted at 12 %");
        final OptionChainSnapshot.Row atm = chain.strikes().get(40);
        assertTrue(atm.call().delta() > 0.4 && atm.call().delta() < 0.7, atm.toString());
        assertTrue(atm.put().delta() < -0.3 && atm.put().delta() > -0.6, atm.toString());
    }

    @Test
    void shouldKeepAPublishedTemplateWithoutTradingIt()
    {
        final TradingDay day = TradingDay.on("2026-08-17");
        final String template = "{ \"id\": \"income\", \"name\": \"Income template\", \"is_template\": true, "
            + "\"initial_capital\": 500000, \"execution_mode\": \"PAPER\", \"strategies\": ["
            + Baskets.straddle("", "") + "] }";
        final EngineEvent.BasketChanged first = day.at("09:00").loadExpecting(template);
        assertTrue(first.errors().isEmpty(), first.errors().toString());
        assertTrue(first.action().startsWith("template published"));
        assertEquals(1, first.version());
        assertEquals(2, day.loadExpecting(template).version());
        assertEquals(1, day.snapshot().templates().size());
        assertEquals(0, day.snapshot().baskets().size());
        day.at("09:19:59").nifty("24010").at("09:20").timer();
        assertEquals(0, day.orders.size());
    }
}
