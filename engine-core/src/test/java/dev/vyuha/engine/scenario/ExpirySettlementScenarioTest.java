package dev.vyuha.engine.scenario;

import dev.vyuha.engine.event.EngineEvent;
import dev.vyuha.engine.market.Underlying;
import dev.vyuha.engine.readmodel.ClosedTrade;
import dev.vyuha.engine.readmodel.OrderSnapshot;
import dev.vyuha.engine.runtime.InlineCommandDriver;
import dev.vyuha.engine.strategy.runtime.EngineConfig;
import dev.vyuha.engine.strategy.runtime.TradingEngine;
import dev.vyuha.reference.calendar.IndiaTime;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Settlement at expiry: NSE index options are European and cash-settled. Whatever a leg still holds in a contract
 * expiring today is settled at the session close at its intrinsic value against the index's last price (rounded to the
 * tick); its working orders lapse. 2026-08-18 is the synthetic NIFTY weekly expiry, 2026-08-25 the monthly.
 */
class ExpirySettlementScenarioTest
{
    private static final String EXPIRY_DAY = "2026-08-18";
    private static final String ATM = "{ \"method\": \"ATM\" }";

    /** A short iron condor: short strangle 4 strikes out, hedged 10 strikes out (hedges enter first, exit last). */
    private static String ironCondor()
    {
        return Baskets.basket("{ \"id\": \"ic\", \"name\": \"iron condor\", \"underlying\": \"NIFTY\", "
            + "\"schedule\": { \"entry_time\": \"09:20\", \"exit_time\": \"15:15\" }, \"legs\": [ "
            + Baskets.leg("sc", "CE", "SELL", "{ \"method\": \"OTM\", \"steps\": 4 }", "") + ", "
            + Baskets.leg("sp", "PE", "SELL", "{ \"method\": \"OTM\", \"steps\": 4 }", "") + ", "
            + Baskets.leg("bc", "CE", "BUY", "{ \"method\": \"OTM\", \"steps\": 10 }", "\"is_hedge\": true") + ", "
            + Baskets.leg("bp", "PE", "BUY", "{ \"method\": \"OTM\", \"steps\": 10 }", "\"is_hedge\": true")
            + " ] }");
    }

    /**
     * The condor entered on its expiry day, exited at 15:15 except its long call hedge, whose closing SELL never fills
     * (far out of the money on expiry day there is no bid), with the last index tick at 15:29:59.
     */
    private static TradingDay condorWithAnUnsoldHedge()
    {
        final TradingDay day = TradingDay.on(EXPIRY_DAY);
        day.at("09:00").load(ironCondor());
        day.at("09:19:59").nifty("24010").at("09:20").timer();
        day.fill(day.order("NIFTY2681824500CE"), "0.10").fill(day.order("NIFTY2681823500PE"), "0.15");
        day.fill(day.order("NIFTY2681824200CE"), "3.00").fill(day.order("NIFTY2681823800PE"), "2.50");
        assertEquals("ACTIVE", day.state("ic"), day.describeEvents());
        day.at("15:14:59").nifty("24010").at("15:15").timer();
        day.fill(day.order("NIFTY2681824200CE"), "0.50").fill(day.order("NIFTY2681823800PE"), "0.40");
        final TradingDay.SentOrder hedgeExit = day.order("NIFTY2681824500CE");
        assertEquals("SELL", hedgeExit.side());
        day.ack(hedgeExit).fill(day.order("NIFTY2681823500PE"), "0.05");
        assertEquals("EXITING", day.state("ic"), day.describeEvents());
        assertEquals("EXIT_PENDING", day.leg("ic", "bc").state());
        day.at("15:29:59").spot(Underlying.NIFTY, "24050.15");
        return day;
    }

    @Test
    void shouldSettleAnUnsellableExpiringHedgeAtZeroAtTheCloseAndEndFlat()
    {
        final TradingDay day = condorWithAnUnsoldHedge();
        final long close = IndiaTime.epochNanos(LocalDate.parse(EXPIRY_DAY), LocalTime.of(15, 30));
        assertEquals(close, day.engine.nextDeadlineNs(), "the close is a deadline while the hedge is open");
        final int sent = day.orders.size();

        day.at("15:30").timer();

        assertEquals("DONE", day.state("ic"), day.describeEvents());
        assertEquals("CLOSED", day.leg("ic", "bc").state());
        assertEquals(0, day.leg("ic", "bc").netQuantity());
        assertEquals(sent, day.orders.size(), "settlement sends no order");
        final TradingDay.SentOrder hedgeExit = day.order("NIFTY2681824500CE");
        assertEquals("EXPIRED", order(day, hedgeExit.clientOrderId()).state());
        final EngineEvent.ExpirySettled settled = day.last(EngineEvent.ExpirySettled.class);
        assertEquals("NIFTY2681824500CE", settled.symbol());
        assertEquals(65, settled.netQuantity());
        assertEquals(0, settled.settlementPricePaise());
        assertEquals(24_050_15, settled.underlyingPaise());
        assertEquals(-6_50, settled.pnlPaise(), "bought at 0.10, settled at 0");
        assertEquals(1, day.events(EngineEvent.ExpirySettled.class).size(), "only the hedge was still open");
        assertTrue(day.saw("order " + hedgeExit.tag() + " SELL 65 NIFTY2681824500CE EXPIRED"), day.describeEvents());

        final ClosedTrade trade = trade(day, "bc");
        assertEquals("settled at expiry (intrinsic 0.00 at spot 24,050.15)", trade.exitReason());
        assertEquals(0, trade.exitPricePaise());
        assertEquals(10, trade.entryPricePaise());
        assertEquals(-6_50, trade.pnlPaise());
        assertEquals(close, trade.exitNs());
        assertEquals(4, day.snapshot().trades().size());

        // P&L is the fills plus the settlement: short call 3.00 -> 0.50, short put 2.50 -> 0.40, put hedge
        // 0.15 -> 0.05, call hedge 0.10 -> 0 (settled), 65 units each.
        final long expected = (3_00 - 50) * 65 + (2_50 - 40) * 65 + (5 - 15) * 65 + (0 - 10) * 65;
        assertEquals(expected, day.strategy("ic").mtmPaise());
        long traded = 0;
        for (final ClosedTrade closed : day.snapshot().trades())
        {
            traded += closed.pnlPaise();
        }
        assertEquals(expected, traded);
        assertEquals(expected, day.snapshot().baskets().get(0).mtmPaise());
        assertEquals(Long.MAX_VALUE, day.engine.nextDeadlineNs(), "nothing left to settle");
        assertTrue(day.events(EngineEvent.CommandRejected.class).isEmpty(), day.describeEvents());
        assertEquals(0, day.snapshot().counters().failedCommands());
    }

    @Test
    void shouldSettleAnInTheMoneyOptionHeldToExpiryAtItsIntrinsicValueAgainstTheLastSpot()
    {
        final TradingDay day = TradingDay.on(EXPIRY_DAY);
        // Held to the close: the time exit is the close itself, where settlement comes first.
        day.at("09:00").load(Baskets.basket("{ \"id\": \"held\", \"name\": \"held\", \"underlying\": \"NIFTY\", "
            + "\"schedule\": { \"entry_time\": \"09:20\", \"exit_time\": \"15:30\" }, \"legs\": [ "
            + Baskets.leg("call", "CE", "BUY", "{ \"method\": \"ABSOLUTE\", \"strike\": 24000 }", "") + ", "
            + Baskets.leg("put", "PE", "SELL", "{ \"method\": \"ABSOLUTE\", \"strike\": 24200 }", "") + " ] }"));
        day.at("09:19:59").nifty("24010").at("09:20").timer();
        day.fill(day.order("NIFTY2681824000CE"), "100.00").fill(day.order("NIFTY2681824200PE"), "150.00");
        assertEquals("ACTIVE", day.state("held"), day.describeEvents());
        day.at("15:29:58").spot(Underlying.NIFTY, "24200.00").at("15:29:59.5").spot(Underlying.NIFTY, "24123.47");

        day.at("15:30").timer();

        assertEquals("DONE", day.state("held"), day.describeEvents());
        assertEquals(2, day.orders.size(), "no exit order for a contract at its expiry");
        // Call: 24,123.47 - 24,000 = 123.47, to the 0.05 tick 123.45 (2 paise past a tick round down).
        final EngineEvent.ExpirySettled call = settlement(day, "NIFTY2681824000CE");
        assertEquals(123_45, call.settlementPricePaise());
        assertEquals(24_123_47, call.underlyingPaise());
        assertEquals(24_000_00, call.strikePaise());
        assertEquals((123_45 - 100_00) * 65, call.pnlPaise());
        assertTrue(call.basis().contains("max(0, 24123.47 - 24000.00) = 123.47, rounded to the 0.05 tick"),
            call.basis());
        // Put: 24,200 - 24,123.47 = 76.53, to the tick 76.55 (3 paise past a tick round up).
        final EngineEvent.ExpirySettled put = settlement(day, "NIFTY2681824200PE");
        assertEquals(76_55, put.settlementPricePaise());
        assertEquals(-65, put.netQuantity());
        assertEquals((150_00 - 76_55) * 65, put.pnlPaise());
        assertEquals(1_524_25 + 4_774_25, day.strategy("held").mtmPaise());
        assertEquals("settled at expiry (intrinsic 123.45 at spot 24,123.47)", trade(day, "call").exitReason());
        assertEquals(123_45, trade(day, "call").exitPricePaise());
        assertEquals(76_55, trade(day, "put").exitPricePaise());
        assertTrue(day.saw("expiry settlement basket-1/held/put: short 65 NIFTY2681824200PE expired 2026-08-18, "
            + "settled at 76.55"), day.describeEvents());
    }

    @Test
    void shouldNotSettleAPositionInALaterExpiry()
    {
        final TradingDay day = TradingDay.on(EXPIRY_DAY);
        day.at("09:00").load(Baskets.basket("{ \"id\": \"calendar\", \"name\": \"calendar\", \"underlying\": "
            + "\"NIFTY\", \"schedule\": { \"entry_time\": \"09:20\", \"exit_time\": \"15:15\" }, \"legs\": [ "
            + Baskets.leg("near", "CE", "SELL", ATM, "") + ", "
            + Baskets.leg("far", "CE", "BUY", ATM, "").replace("WEEKLY", "MONTHLY") + " ] }"));
        day.at("09:19:59").chain(Underlying.NIFTY, day.market.monthly, "24010", 0.12).nifty("24010").at("09:20")
            .timer();
        day.fill(day.order("NIFTY2681824000CE"), "40.00").fill(day.order("NIFTY26AUG24000CE"), "180.00");
        assertEquals("ACTIVE", day.state("calendar"), day.describeEvents());
        // The time exit's orders are acknowledged but never fill.
        day.at("15:14:59").nifty("24010").at("15:15").timer();
        final TradingDay.SentOrder nearExit = day.order("NIFTY2681824000CE");
        final TradingDay.SentOrder farExit = day.order("NIFTY26AUG24000CE");
        day.ack(nearExit).ack(farExit);
        day.at("15:29:59").spot(Underlying.NIFTY, "24050.00");

        day.at("15:30").timer();

        assertEquals("CLOSED", day.leg("calendar", "near").state(), day.describeEvents());
        assertEquals("EXPIRED", order(day, nearExit.clientOrderId()).state());
        assertEquals(-(50_00 - 40_00) * 65, settlement(day, "NIFTY2681824000CE").pnlPaise());
        // The monthly is carried, as before: its position, its order and its strategy are untouched.
        assertEquals("EXIT_PENDING", day.leg("calendar", "far").state());
        assertEquals(65, day.leg("calendar", "far").netQuantity());
        assertEquals("OPEN", order(day, farExit.clientOrderId()).state());
        assertEquals("EXITING", day.state("calendar"));
        assertEquals(1, day.events(EngineEvent.ExpirySettled.class).size());
        assertEquals(Long.MAX_VALUE, day.engine.nextDeadlineNs(), day.describeEvents());

        day.nextDate("2026-08-19").at("09:00").timer();
        assertEquals("ACTIVE", day.state("calendar"), day.describeEvents());
        assertEquals(65, day.leg("calendar", "far").netQuantity());
        assertEquals("OPEN", order(day, farExit.clientOrderId()).state());
        assertEquals(1, day.events(EngineEvent.ExpirySettled.class).size());
    }

    @Test
    void shouldAcceptTheNextDaysMasterAfterSettlementAndTradeOnDayTwo()
    {
        final TradingDay day = condorWithAnUnsoldHedge();
        day.at("15:30").timer();
        assertEquals("DONE", day.state("ic"));

        day.nextDate("2026-08-19");
        final EngineEvent.InstrumentMasterLoaded loaded = day.master(nextWeek());
        assertTrue(loaded.loaded(), loaded.summary());
        assertTrue(day.snapshot().orders().isEmpty(), "a flat day starts with empty books");
        assertEquals("SCHEDULED", day.state("ic"), day.describeEvents());
        final int before = day.orders.size();
        day.at("09:19:59").nifty("24010").at("09:20").timer();
        assertEquals(before + 2, day.orders.size(), day.describeEvents());
        assertEquals("NIFTY2682524500CE", day.orders.get(before).symbol(), "the new weekly's hedges enter first");
        assertEquals("ENTERING", day.state("ic"));
    }

    @Test
    void shouldSettleAtTheFirstCommandOfALaterDayWhenNoCommandCameAfterTheClose()
    {
        final TradingDay day = condorWithAnUnsoldHedge();
        // No timer at the close (a backtest's data ends before it): the next day's master is the next command.
        day.nextDate("2026-08-19");
        final EngineEvent.InstrumentMasterLoaded loaded = day.master(nextWeek());
        assertTrue(loaded.loaded(), loaded.summary() + "\n" + day.describeEvents());
        final EngineEvent.ExpirySettled settled = day.last(EngineEvent.ExpirySettled.class);
        assertEquals(loaded.sequence(), settled.sequence(), "settled by the master's command, before the master");
        assertTrue(indexOf(day, settled) < indexOf(day, loaded));
        assertEquals(24_050_15, settled.underlyingPaise(), "against the expiry day's last index price");
        final ClosedTrade trade = trade(day, "bc");
        assertEquals(IndiaTime.epochNanos(LocalDate.parse(EXPIRY_DAY), LocalTime.of(15, 30)), trade.exitNs());
        assertEquals(1, day.snapshot().trades().size(), "the settled trade is listed with the new day's");
        assertEquals(4, day.engine.closedTradesRecorded());
        assertEquals("SCHEDULED", day.state("ic"), day.describeEvents());
        assertTrue(day.events(EngineEvent.CommandRejected.class).isEmpty(), day.describeEvents());
    }

    @Test
    void shouldChangeNothingWhenTheGatewayReportsOnAnExpiredOrderAfterwards()
    {
        final TradingDay day = condorWithAnUnsoldHedge();
        day.at("15:30").timer();
        final TradingDay.SentOrder hedgeExit = day.order("NIFTY2681824500CE");
        final long hash = day.engine.stateHash();
        final long mtm = day.strategy("ic").mtmPaise();
        final int events = day.events.size();

        // Late reports at the same instant: the exchange's cancellation, even a fill.
        day.cancelled(hedgeExit, 0, "0.05").fill(hedgeExit, "0.05");

        assertEquals(hash, day.engine.stateHash(), "nothing changed");
        assertEquals("EXPIRED", order(day, hedgeExit.clientOrderId()).state());
        assertEquals(0, day.leg("ic", "bc").netQuantity());
        assertEquals(mtm, day.strategy("ic").mtmPaise());
        assertEquals("DONE", day.state("ic"));
        assertEquals(4, day.snapshot().trades().size());
        assertEquals(2, day.events.size() - events, "each report is recorded: " + day.describeEvents());
        assertTrue(day.saw("FILL after expiry"), day.describeEvents());
        assertTrue(day.events(EngineEvent.CommandRejected.class).isEmpty(), day.describeEvents());
        assertEquals(0, day.snapshot().counters().unknownReports());

        // The next morning the books are cleared: a report about the lapsed order is still recognised.
        day.nextDate("2026-08-19").cancelled(hedgeExit, 0, "0.05");
        assertTrue(day.snapshot().orders().isEmpty());
        assertTrue(day.events(EngineEvent.CommandRejected.class).isEmpty(), day.describeEvents());
        assertEquals(0, day.snapshot().counters().unknownReports());
        assertEquals(0, day.snapshot().counters().failedCommands());
        assertTrue(day.master(nextWeek()).loaded(), day.describeEvents());
    }

    @Test
    void shouldReplaySettlementIdentically()
    {
        final TradingDay day = condorWithAnUnsoldHedge();
        day.at("15:30").timer();
        day.cancelled(day.order("NIFTY2681824500CE"), 0, "0.05");
        day.nextDate("2026-08-19").master(nextWeek());

        final List<EngineEvent> events = new ArrayList<>();
        final TradingEngine replayed = new TradingEngine(EngineConfig.defaults(), events::add);
        final ByteArrayOutputStream outbound = new ByteArrayOutputStream();
        final InlineCommandDriver driver = new InlineCommandDriver(replayed, (buffer, offset, length, cause) ->
        {
            final byte[] bytes = new byte[length];
            buffer.getBytes(offset, bytes);
            outbound.writeBytes(bytes);
        });
        for (final TradingDay.RecordedCommand command : day.recording)
        {
            driver.apply(new UnsafeBuffer(command.frame()), 0, command.frame().length, command.timestampNs());
        }
        assertEquals(day.engine.stateHash(), replayed.stateHash());
        assertArrayEquals(day.outbound.toByteArray(), outbound.toByteArray());
        assertEquals(descriptions(day.events), descriptions(events));
    }

    // -----------------------------------------------------------------------------------------------------------------

    /** The universe on 2026-08-19: the 2026-08-25 weekly and the September monthly. */
    private static SyntheticMarket nextWeek()
    {
        return new SyntheticMarket(LocalDate.of(2026, 8, 25), LocalDate.of(2026, 9, 29));
    }

    private static OrderSnapshot order(final TradingDay day, final long clientOrderId)
    {
        for (final OrderSnapshot order : day.snapshot().orders())
        {
            if (order.clientOrderId() == clientOrderId)
            {
                return order;
            }
        }
        fail("no order " + clientOrderId + " in " + day.snapshot().orders());
        return null;
    }

    private static ClosedTrade trade(final TradingDay day, final String legId)
    {
        for (final ClosedTrade trade : day.snapshot().trades())
        {
            if (trade.legId().equals(legId))
            {
                return trade;
            }
        }
        fail("no trade of leg " + legId + " in " + day.snapshot().trades());
        return null;
    }

    private static EngineEvent.ExpirySettled settlement(final TradingDay day, final String symbol)
    {
        for (final EngineEvent.ExpirySettled settled : day.events(EngineEvent.ExpirySettled.class))
        {
            if (settled.symbol().equals(symbol))
            {
                return settled;
            }
        }
        fail("no settlement of " + symbol + "; events:\n" + day.describeEvents());
        return null;
    }

    private static int indexOf(final TradingDay day, final EngineEvent event)
    {
        return day.events.indexOf(event);
    }

    private static List<String> descriptions(final List<EngineEvent> events)
    {
        final List<String> text = new ArrayList<>(events.size());
        for (final EngineEvent event : events)
        {
            text.add(event.sequence() + " " + event.timestampNs() + " " + event.describe());
        }
        return text;
    }
}
