package dev.vyuha.engine.scenario;

import dev.vyuha.engine.event.EngineEvent;
import dev.vyuha.engine.runtime.CommandFrames;
import dev.vyuha.sbe.StrategyAction;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BasketLifecycleScenarioTest
{
    private static final String STRADDLE = Baskets.basket(Baskets.straddle("", ""));

    @Test
    void shouldRefuseAnInvalidDocumentWithPathQualifiedErrorsAndChangeNothing()
    {
        final TradingDay day = TradingDay.on("2026-08-17");
        day.at("09:00").timer();
        final long before = day.engine.stateHash();
        final EngineEvent.BasketChanged refused = day.loadExpecting(STRADDLE.replace("\"lots\": 1", "\"lots\": 0")
            .replace("\"09:20\"", "\"9.20\""));
        assertEquals(0, refused.basketNumber());
        assertTrue(refused.action().startsWith("refused"), refused.action());
        assertTrue(refused.errors().stream().anyMatch(e -> e.startsWith("strategies[0].legs[0].lots")),
            refused.errors().toString());
        assertTrue(refused.errors().stream().anyMatch(e -> e.startsWith("strategies[0].schedule.entry_time")),
            refused.errors().toString());
        assertEquals(before, day.engine.stateHash());
        assertEquals(0, day.snapshot().baskets().size());
    }

    @Test
    void shouldRefuseABasketOfAnotherExecutionModeAndADuplicateId()
    {
        final TradingDay day = TradingDay.on("2026-08-17");
        final EngineEvent.BasketChanged live = day.at("09:00").loadExpecting(STRADDLE.replace("\"PAPER\"",
            "\"LIVE\", \"broker_account\": \"AB1234\""));
        assertEquals(List.of("execution_mode: LIVE, but this engine runs PAPER (a basket only trades in an engine of "
            + "its own mode)"), live.errors());
        final String withId = STRADDLE.replace("\"name\": \"scenario\"", "\"id\": \"income\", \"name\": \"scenario\"");
        day.load(withId);
        final EngineEvent.BasketChanged duplicate = day.loadExpecting(withId);
        assertTrue(duplicate.errors().get(0).startsWith("id: basket id income is already loaded as basket number 1"),
            duplicate.errors().toString());
    }

    @Test
    void shouldUpdateABasketThatIsNotTradingAndRefuseAStaleVersion()
    {
        final TradingDay day = TradingDay.on("2026-08-17");
        final long basket = day.at("09:00").load(STRADDLE);
        final EngineEvent.BasketChanged stale = day.update(basket, 3, STRADDLE);
        assertEquals(List.of("version conflict: basket basket-1 is at version 1, the update expected 3"),
            stale.errors());
        final EngineEvent.BasketChanged updated = day.update(basket, 1, STRADDLE.replace("09:20", "09:30"));
        assertTrue(updated.errors().isEmpty(), updated.errors().toString());
        assertEquals(2, updated.version());
        day.at("09:20").nifty("24010").timer();
        assertEquals(0, day.orders.size(), "the new entry time applies");
        day.at("09:29:59").nifty("24010").at("09:30").timer();
        assertEquals(2, day.orders.size(), day.describeEvents());
        final EngineEvent.BasketChanged busy = day.update(basket, 2, STRADDLE);
        assertTrue(busy.errors().get(0).contains("has strategies trading today"), busy.errors().toString());
    }

    @Test
    void shouldSquareOffAndArchiveARemovedBasket()
    {
        final TradingDay day = TradingDay.on("2026-08-17");
        final long basket = day.at("09:00").load(STRADDLE);
        day.at("09:19:59").nifty("24010").at("09:20").timer();
        day.fillAllSince(0);
        final EngineEvent.BasketChanged removed = day.at("10:00").remove(basket);
        assertTrue(removed.errors().isEmpty());
        assertEquals(4, day.orders.size(), day.describeEvents());
        assertEquals("ARCHIVED", day.snapshot().baskets().get(0).status());
        assertEquals(List.of("basket basket-1 is removed"), day.control(basket, 0, StrategyAction.RESUME).errors());
        // The next day the archived basket is gone.
        day.fillAllSince(2);
        day.nextDate("2026-08-18").at("09:00").timer();
        assertEquals(0, day.snapshot().baskets().size());
    }

    @Test
    void shouldTradeOneInstancePerBrokerAccountWithItsMultiplier()
    {
        final TradingDay day = TradingDay.on("2026-08-17");
        day.at("09:00").load(STRADDLE.replace("\"initial_capital\"", "\"broker_accounts\": [ { \"account\": \"AB1234\" },"
            + " { \"account\": \"CD5678\", \"multiplier\": 2 } ], \"initial_capital\""));
        day.at("09:19:59").nifty("24010").at("09:20").timer();
        assertEquals(4, day.orders.size(), day.describeEvents());
        assertEquals(65, day.orders.get(0).quantity());
        assertEquals("AB1234", day.orders.get(0).account());
        assertEquals(130, day.orders.get(2).quantity());
        assertEquals("CD5678", day.orders.get(2).account());
        assertTrue(day.saw("basket-1/straddle@CD5678"), day.describeEvents());
    }

    @Test
    void shouldSizeFromAllocatedCapitalAndTheMarginPerLot()
    {
        final TradingDay day = TradingDay.on("2026-08-17");
        // 5 lakh x 80 % deployable = 4 lakh; 50 % of it = 2 lakh; 2 lakh / 60,000 a unit = 3 units.
        day.at("09:00").load(STRADDLE.replace("\"initial_capital\": 500000,", "\"initial_capital\": 500000, "
            + "\"deployable_percentage\": 80,").replace("\"legs\"", "\"capital_allocation\": { \"type\": \"PERCENT\", "
            + "\"value\": 50 }, \"position_sizing\": { \"type\": \"CAPITAL_BASED\", \"margin_per_lot\": 60000 }, \"legs\""));
        day.at("09:19:59").nifty("24010").at("09:20").timer();
        assertEquals(3 * 65, day.lastOrder().quantity(), day.describeEvents());
    }

    @Test
    void shouldEstimateTheMarginWhenCapitalBasedSizingHasNone()
    {
        final TradingDay day = TradingDay.on("2026-08-17");
        // 2 lakh allocated; a short straddle unit needs about 2 x 15 % x 24,010 x 65 = 4.68 lakh: no unit fits.
        day.at("09:00").load(STRADDLE.replace("\"legs\"", "\"capital_allocation\": { \"type\": \"INR\", "
            + "\"value\": 200000 }, \"position_sizing\": { \"type\": \"CAPITAL_BASED\" }, \"legs\""));
        day.at("09:19:59").nifty("24010").at("09:20").timer();
        assertEquals(0, day.orders.size());
        assertTrue(day.saw("capital-based sizing: allocated 200000.00 buys no unit"), day.describeEvents());
    }

    @Test
    void shouldRefuseANewInstrumentMasterWhileStrategiesTradeAndAcceptTheSameOneAsUnchanged()
    {
        final TradingDay day = TradingDay.on("2026-08-17");
        day.at("09:00").load(STRADDLE);
        day.at("09:19:59").nifty("24010").at("09:20").timer();
        final CommandFrames frames = new CommandFrames();
        final org.agrona.ExpandableArrayBuffer buffer = new org.agrona.ExpandableArrayBuffer();
        final String csv = day.market.csv();
        day.raw(buffer, frames.instrumentMaster(buffer, 0, (int)day.date.toEpochDay(), "again", csv));
        assertTrue(day.last(EngineEvent.InstrumentMasterLoaded.class).summary().startsWith("unchanged"));
        final String changed = csv.replace(",65,CE,", ",75,CE,");
        day.raw(buffer, frames.instrumentMaster(buffer, 0, (int)day.date.toEpochDay(), "changed", changed));
        final EngineEvent.InstrumentMasterLoaded refused = day.last(EngineEvent.InstrumentMasterLoaded.class);
        assertEquals(false, refused.loaded());
        assertTrue(refused.summary().contains("cannot replace the current one while strategy"), refused.summary());
    }

    @Test
    void shouldRefuseAMasterWhoseContentDoesNotMatchItsHash()
    {
        final TradingDay day = TradingDay.on("2026-08-17");
        final CommandFrames frames = new CommandFrames();
        final org.agrona.ExpandableArrayBuffer buffer = new org.agrona.ExpandableArrayBuffer();
        final int length = frames.instrumentMaster(buffer, 0, (int)day.date.toEpochDay(), "tampered", day.market.csv());
        // Flip one digit of a strike inside the CSV text at the end of the frame.
        buffer.putByte(length - 30, (byte)(buffer.getByte(length - 30) ^ 1));
        day.raw(buffer, length);
        final EngineEvent.InstrumentMasterLoaded refused = day.last(EngineEvent.InstrumentMasterLoaded.class);
        assertEquals(false, refused.loaded());
        assertTrue(refused.summary().contains("corrupted in transit"), refused.summary());
    }

    @Test
    void shouldCountAMalformedFrameAndCarryOn()
    {
        final TradingDay day = TradingDay.on("2026-08-17");
        final org.agrona.ExpandableArrayBuffer garbage = new org.agrona.ExpandableArrayBuffer();
        garbage.putLong(0, 0x0102030405060708L);
        garbage.putLong(8, -1L);
        day.raw(garbage, 16);
        assertEquals(1, day.snapshot().counters().rejectedFrames());
        day.at("09:00").load(STRADDLE);
        day.at("09:19:59").nifty("24010").at("09:20").timer();
        assertEquals(2, day.orders.size());
    }

    @Test
    void shouldTradeAgainOnTheNextDayWithFreshBooks()
    {
        final TradingDay day = TradingDay.on("2026-08-17");
        day.at("09:00").load(STRADDLE);
        day.at("09:19:59").nifty("24010").at("09:20").timer();
        day.fillAllSince(0);
        day.at("15:14:59").nifty("24010").at("15:15").timer();
        day.fillAllSince(2);
        assertEquals("DONE", day.state("straddle"));
        day.nextDate("2026-08-18").at("09:19:59").nifty("24110").at("09:20").timer();
        assertEquals(6, day.orders.size(), day.describeEvents());
        assertEquals("NIFTY2681824100CE", day.orders.get(4).symbol());
        assertEquals(2, day.snapshot().orders().size(), "yesterday's orders were cleared with the day");
        assertEquals(0, day.strategy("straddle").mtmPaise(), "a new day starts at zero MTM");
    }
}
