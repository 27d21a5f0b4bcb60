package dev.vyuha.engine.risk;

import dev.vyuha.engine.market.InstrumentKind;
import dev.vyuha.engine.market.InstrumentMaster;
import dev.vyuha.engine.market.Underlying;
import dev.vyuha.reference.calendar.IndiaTime;
import dev.vyuha.reference.calendar.TradingCalendar;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PreTradeRiskTest
{
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    private final InstrumentMaster master = master();
    private final PreTradeRisk risk = new PreTradeRisk(new RiskLimits(10, 50_00_000_00L, 10, 400, 5000),
        TradingCalendar.nse());
    private final long tenAm = IndiaTime.epochNanos(MONDAY, LocalTime.of(10, 0));

    private static InstrumentMaster master()
    {
        final InstrumentMaster.Builder builder = InstrumentMaster.builder(MONDAY);
        builder.add(1, "NIFTY26DEC26000CE", "NFO", Underlying.NIFTY, InstrumentKind.CALL,
            (int)LocalDate.of(2026, 12, 29).toEpochDay(), 26_000_00L, 65, 5, 1800, true);
        builder.add(2, "SENSEX26DEC90000CE", "BFO", Underlying.SENSEX, InstrumentKind.CALL,
            (int)LocalDate.of(2026, 12, 24).toEpochDay(), 90_000_00L, 20, 5, 0, true);
        return builder.build();
    }

    @Test
    void shouldAcceptAWholeLotOrderInsideTheSession()
    {
        assertEquals(RiskVerdict.ACCEPTED, risk.check(master, 0, 130, 100_00L, false, tenAm));
        assertEquals(1, risk.ordersToday());
    }

    @Test
    void shouldRefuseOutsideTheWindowOnHolidaysAndWeekendsEvenForExits()
    {
        assertEquals(RiskVerdict.OUTSIDE_TRADING_WINDOW,
            risk.check(master, 0, 65, 100_00L, true, IndiaTime.epochNanos(MONDAY, LocalTime.of(9, 14, 59))));
        assertEquals(RiskVerdict.OUTSIDE_TRADING_WINDOW,
            risk.check(master, 0, 65, 100_00L, false, IndiaTime.epochNanos(MONDAY, LocalTime.of(15, 30, 1))));
        assertEquals(RiskVerdict.NOT_A_TRADING_DAY, risk.check(master, 0, 65, 100_00L, true,
            IndiaTime.epochNanos(LocalDate.of(2026, 11, 24), LocalTime.of(10, 0))));
        assertEquals(RiskVerdict.NOT_A_TRADING_DAY, risk.check(master, 0, 65, 100_00L, false,
            IndiaTime.epochNanos(LocalDate.of(2026, 11, 21), LocalTime.of(10, 0))));
    }

    @Test
    void shouldRefuseOddLotsTooManyLotsTooMuchValueAndUnknownFreeze()
    {
        assertEquals(RiskVerdict.QUANTITY_NOT_WHOLE_LOTS, risk.check(master, 0, 100, 100_00L, false, tenAm));
        assertEquals(RiskVerdict.QUANTITY_NOT_WHOLE_LOTS, risk.check(master, 0, 0, 100_00L, false, tenAm));
        assertEquals(RiskVerdict.ABOVE_MAX_LOTS_PER_ORDER, risk.check(master, 0, 65 * 11, 100_00L, false, tenAm));
        assertEquals(RiskVerdict.ABOVE_MAX_ORDER_VALUE, risk.check(master, 0, 650, 1_000_000_00L, false, tenAm));
        assertEquals(RiskVerdict.FREEZE_QUANTITY_UNKNOWN, risk.check(master, 1, 20, 100_00L, false, tenAm));
    }

    @Test
    void shouldLetAnExitFlattenAnOddOrLargePositionWhole()
    {
        assertEquals(RiskVerdict.ACCEPTED, risk.check(master, 0, 32, 100_00L, true, tenAm),
            "an odd partial fill must be closable");
        assertEquals(RiskVerdict.ACCEPTED, risk.check(master, 0, 65 * 11, 1_000_000_00L, true, tenAm + 1),
            "lot and value limits guard entries, not exits");
        assertEquals(RiskVerdict.QUANTITY_NOT_WHOLE_LOTS, risk.check(master, 0, 0, 100_00L, true, tenAm + 2));
    }

    @Test
    void shouldBlockEntriesButNotExitsWhileTheKillSwitchIsEngaged()
    {
        risk.killSwitch(true);
        assertEquals(RiskVerdict.KILL_SWITCH_ENGAGED, risk.check(master, 0, 65, 100_00L, false, tenAm));
        assertEquals(RiskVerdict.ACCEPTED, risk.check(master, 0, 65, 100_00L, true, tenAm));
        risk.killSwitch(false);
        assertEquals(RiskVerdict.ACCEPTED, risk.check(master, 0, 65, 100_00L, false, tenAm + 1));
        risk.brokerSessionExpired(true);
        assertEquals(RiskVerdict.BROKER_SESSION_EXPIRED, risk.check(master, 0, 65, 100_00L, false, tenAm + 2));
    }

    @Test
    void shouldHoldEntriesToTenPerRollingSecondInCommandTime()
    {
        for (int i = 0; i < 10; i++)
        {
            assertEquals(RiskVerdict.ACCEPTED, risk.check(master, 0, 65, 100_00L, false, tenAm + i * 50_000_000L));
        }
        assertEquals(RiskVerdict.RATE_LIMIT_PER_SECOND, risk.check(master, 0, 65, 100_00L, false, tenAm + 600_000_000L));
        assertEquals(RiskVerdict.ACCEPTED, risk.check(master, 0, 65, 100_00L, true, tenAm + 600_000_000L),
            "exits are not refused: the gateway queues them");
        assertEquals(RiskVerdict.ACCEPTED, risk.check(master, 0, 65, 100_00L, false, tenAm + 1_100_000_000L),
            "the oldest two left the window");
    }
}
