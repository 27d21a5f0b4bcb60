package dev.vyuha.engine.scenario;

import dev.vyuha.engine.event.EngineEvent;
import dev.vyuha.engine.readmodel.LegSnapshot;
import dev.vyuha.engine.readmodel.OrderSnapshot;
import dev.vyuha.engine.risk.RiskLimits;
import dev.vyuha.engine.strategy.runtime.EngineConfig;
import dev.vyuha.sbe.RejectReason;
import dev.vyuha.wire.OrderTags;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderLifecycleScenarioTest
{
    private static final String ATM = "{ \"method\": \"ATM\" }";

    private static String single(final String legFields, final String strategyFields)
    {
        return Baskets.basket("{ \"id\": \"one\", \"name\": \"one\", \"underlying\": \"NIFTY\", "
            + "\"schedule\": { \"entry_time\": \"09:20\", \"exit_time\": \"15:15\" }, " + strategyFields
            + " \"legs\": [ " + Baskets.leg("ce", "CE", "SELL", ATM, legFields) + " ] }");
    }

    private static TradingDay entered(final String basket)
    {
        final TradingDay day = TradingDay.on("2026-08-17");
        day.at("09:00").load(basket);
        day.at("09:19:59").nifty("24010").option("24000CE", "100.00").option("24000PE", "90.00").at("09:20").timer();
        return day;
    }

    @Test
    void shouldDeriveClientOrderIdsAndTagsFromTheCommandSequence()
    {
        final TradingDay day = entered(Baskets.basket(Baskets.straddle("", "")));
        final TradingDay.SentOrder ce = day.order("NIFTY2681824000CE");
        final TradingDay.SentOrder pe = day.order("NIFTY2681824000PE");
        assertEquals(ce.causeSequence() * 1024, ce.clientOrderId());
        assertEquals(ce.clientOrderId() + 1, pe.clientOrderId());
        assertEquals(OrderTags.intentTag(ce.clientOrderId()), ce.tag());
        assertTrue(ce.tag().length() <= 20 && ce.tag().startsWith("VY"), ce.tag());
        assertEquals("PAPER", ce.account());
    }

    @Test
    void shouldBookPartialFillsAtTheirAveragePriceAndOpenTheLegWhenComplete()
    {
        final TradingDay day = entered(single("", "\"execution\": { \"order_type\": { \"type\": \"LIMIT\", "
            + "\"buffer_percent\": 1 } },"));
        final TradingDay.SentOrder order = day.lastOrder();
        assertEquals("LIMIT", order.orderType());
        assertEquals(99_00, order.limitPaise(), "a SELL crosses 1 % below the reference, on the tick");
        day.ack(order);
        assertEquals("OPEN", day.snapshot().orders().get(0).state());
        day.partialFill(order, 25, "100.00");
        assertEquals("ENTRY_PENDING", day.leg("one", "ce").state());
        assertEquals(-25, day.leg("one", "ce").netQuantity());
        // A repeated report (ticker and poll both heard it) books nothing more.
        day.partialFill(order, 25, "100.00");
        assertEquals(-25, day.leg("one", "ce").netQuantity());
        day.fill(order, "99.50");
        final LegSnapshot leg = day.leg("one", "ce");
        assertEquals("OPEN", leg.state());
        assertEquals(-65, leg.netQuantity());
        assertEquals(99_50, leg.averagePricePaise());
        final OrderSnapshot booked = day.snapshot().orders().get(0);
        assertEquals("FILLED", booked.state());
        assertEquals(65, booked.filledQuantity());
    }

    @Test
    void shouldRetryARejectedEntryAfterTheBackOffAndGiveUpBySquaringOffTheStrategy()
    {
        final TradingDay day = entered(Baskets.basket(Baskets.straddle("", "\"execution\": { \"retry\": { "
            + "\"max_retries\": 2, \"backoff_millis\": 500 } },")));
        day.fill(day.order("NIFTY2681824000PE"), "90.00");
        day.reject(day.order("NIFTY2681824000CE"), RejectReason.MARGIN);
        assertEquals("RETRY_WAIT", day.leg("straddle", "ce").state(), day.describeEvents());
        assertTrue(day.saw("entry rejected; attempt 1 in 500 ms"), day.describeEvents());
        day.at("09:20:00.499").timer();
        assertEquals(2, day.orders.size());
        day.at("09:20:00.500").timer();
        assertEquals(3, day.orders.size(), day.describeEvents());
        day.reject(day.lastOrder(), RejectReason.MARGIN);
        assertTrue(day.saw("attempt 2 in 1000 ms"), day.describeEvents());
        day.at("09:20:01.500").timer();
        day.reject(day.lastOrder(), RejectReason.MARGIN);
        // Two retries used: give up, square off the strategy (the filled put is bought back).
        assertEquals("EXITING", day.state("straddle"), day.describeEvents());
        assertEquals("NIFTY2681824000PE", day.lastOrder().symbol());
        assertEquals("BUY", day.lastOrder().side());
    }

    @Test
    void shouldRetryARejectedExitUntilItFills()
    {
        final TradingDay day = entered(single("\"stop_loss\": { \"type\": \"POINTS\", \"value\": 20 }", ""));
        day.fill(day.lastOrder(), "100.00");
        day.at("10:00").option("24000CE", "120.00");
        final TradingDay.SentOrder exit = day.lastOrder();
        day.reject(exit, RejectReason.RATE_LIMIT);
        assertEquals("EXIT_PENDING", day.leg("one", "ce").state());
        day.at("10:00:01").timer();
        assertEquals(3, day.orders.size(), day.describeEvents());
        day.fill(day.lastOrder(), "121.00");
        assertEquals("CLOSED", day.leg("one", "ce").state());
        assertEquals(-21_00 * 65, day.strategy("one").mtmPaise());
    }

    @Test
    void shouldKeepWhatFilledWhenAnEntryIsCancelledPartlyFilled()
    {
        final TradingDay day = entered(single("", ""));
        day.cancelled(day.lastOrder(), 40, "100.00");
        final LegSnapshot leg = day.leg("one", "ce");
        assertEquals("OPEN", leg.state(), day.describeEvents());
        assertEquals(-40, leg.netQuantity());
    }

    @Test
    void shouldRefuseAnOrderAboveTheMaxLotsPerOrderWithAReason()
    {
        final EngineConfig config = EngineConfig.defaults().withRiskLimits(new RiskLimits(1, 2_00_00_000_00L, 10,
            400, 5000));
        final TradingDay day = TradingDay.on("2026-08-17", config);
        day.at("09:00").load(single("", "").replace("\"lots\": 1", "\"lots\": 2"));
        day.at("09:19:59").nifty("24010").at("09:20").timer();
        assertEquals(0, day.orders.size());
        final EngineEvent.OrderChanged refused = day.last(EngineEvent.OrderChanged.class);
        assertEquals("REFUSED", refused.change());
        assertTrue(refused.detail().startsWith("above the maximum lots per order"), refused.detail());
    }

    @Test
    void shouldSpreadEntriesOverTheOrderRateBudget()
    {
        final EngineConfig config = EngineConfig.defaults().withRiskLimits(new RiskLimits(100, 2_00_00_000_00L, 2,
            400, 5000));
        final TradingDay day = TradingDay.on("2026-08-17", config);
        day.at("09:00").load(Baskets.basket("{ \"id\": \"three\", \"name\": \"three\", \"underlying\": \"NIFTY\", "
            + "\"schedule\": { \"entry_time\": \"09:20\", \"exit_time\": \"15:15\" }, \"legs\": [ "
            + Baskets.leg("a", "CE", "SELL", ATM, "") + ", " + Baskets.leg("b", "PE", "SELL", ATM, "") + ", "
            + Baskets.leg("c", "CE", "SELL", "{ \"method\": \"OTM\", \"steps\": 2 }", "") + " ] }"));
        day.at("09:19:59").nifty("24010").at("09:20").timer();
        assertEquals(2, day.orders.size());
        assertTrue(day.saw("order rate above the per-second budget"), day.describeEvents());
        day.at("09:20:00.5").timer();
        assertEquals(2, day.orders.size(), "still within the same second");
        day.at("09:20:01.5").nifty("24010").timer();
        assertEquals(3, day.orders.size(), day.describeEvents());
    }

    @Test
    void shouldRetryAnEntryRefusedByTheRateBudgetAsAnEntryOnTheDayAfterAnExit()
    {
        final EngineConfig config = EngineConfig.defaults().withRiskLimits(new RiskLimits(100, 2_00_00_000_00L, 2,
            400, 5000));
        final TradingDay day = TradingDay.on("2026-08-17", config);
        day.at("09:00").load(Baskets.basket("{ \"id\": \"three\", \"name\": \"three\", \"underlying\": \"NIFTY\", "
            + "\"schedule\": { \"entry_time\": \"09:20\", \"exit_time\": \"15:15\" }, \"legs\": [ "
            + Baskets.leg("a", "CE", "SELL", ATM, "") + ", " + Baskets.leg("b", "PE", "SELL", ATM, "") + ", "
            + Baskets.leg("c", "CE", "SELL", "{ \"method\": \"OTM\", \"steps\": 2 }", "") + " ] }"));
        day.at("09:19:59").nifty("24010").at("09:20").timer();
        day.at("09:20:01.5").nifty("24010").timer();
        assertEquals(3, day.orders.size(), day.describeEvents());
        day.fillAllSince(0);
        day.at("15:15").nifty("24010").timer();
        assertEquals(6, day.orders.size(), "three exits: " + day.describeEvents());
        day.fillAllSince(3);

        // Day two: the third leg's entry is refused by the budget again and must come back as an entry, not as an
        // exit of a position it no longer has (its last order yesterday was an exit).
        day.nextDate("2026-08-18").at("09:19:59").nifty("24010").at("09:20").timer();
        assertEquals(8, day.orders.size(), day.describeEvents());
        day.at("09:20:01.5").nifty("24010").timer();
        assertEquals(9, day.orders.size(), "the refused entry is retried as an entry: " + day.describeEvents());
        assertEquals("SELL", day.lastOrder().side());
        day.fillAllSince(6);
        assertEquals("ACTIVE", day.state("three"), day.describeEvents());
    }

    @Test
    void shouldCountAReportForAnUnknownOrderWithoutChangingAnything()
    {
        final TradingDay day = entered(single("", ""));
        final TradingDay.SentOrder real = day.lastOrder();
        final TradingDay.SentOrder stranger = new TradingDay.SentOrder(424242, OrderTags.intentTag(424242), "PAPER",
            real.symbol(), "SELL", "MARKET", 65, 0, 100_00, 0);
        final long hash = day.engine.stateHash();
        day.fill(stranger, "100.00");
        assertTrue(day.saw("for unknown order"), day.describeEvents());
        assertEquals(1, day.snapshot().counters().unknownReports());
        assertEquals(0, day.leg("one", "ce").netQuantity());
        assertEquals(hash, day.engine.stateHash(), "nothing but a counter changed");
    }

    @Test
    void shouldShowPositionsPnlAndGreeksInTheReadModel()
    {
        final TradingDay day = entered(Baskets.basket(Baskets.straddle("", "")));
        day.fill(day.order("NIFTY2681824000CE"), "100.00").fill(day.order("NIFTY2681824000PE"), "90.00");
        day.at("10:00").nifty("24050");
        final LegSnapshot ce = day.leg("straddle", "ce");
        assertTrue(ce.greeks().valued(), ce.toString());
        assertTrue(ce.greeks().delta() < 0, "a short call has negative delta: " + ce.greeks());
        assertTrue(ce.greeks().thetaPerDay() > 0, "a short option earns theta: " + ce.greeks());
        assertTrue(ce.greeks().impliedVolatility() > 5 && ce.greeks().impliedVolatility() < 30, ce.toString());
        final var strategy = day.strategy("straddle");
        assertEquals(strategy.legs().get(0).greeks().delta() + strategy.legs().get(1).greeks().delta(),
            strategy.greeks().delta(), 1e-9);
        assertEquals(strategy.mtmPaise(), ce.realisedPaise() + ce.unrealisedPaise()
            + strategy.legs().get(1).realisedPaise() + strategy.legs().get(1).unrealisedPaise());
        assertEquals(strategy.mtmPaise(), day.snapshot().baskets().get(0).mtmPaise());
        assertEquals(strategy.mtmPaise(), day.snapshot().mtmPaise());
    }
}
