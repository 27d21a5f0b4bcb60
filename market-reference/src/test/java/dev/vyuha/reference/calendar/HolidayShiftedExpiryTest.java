package dev.vyuha.reference.calendar;

import dev.vyuha.reference.ReferenceData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The official NSE F&amp;O bhavcopies list real expiry dates. Every one of them inside the calendar's coverage must be
 * a trading day, and every one that is not on the regime's weekday at the bhavcopy's date (Thursday in January 2025,
 * Tuesday in 2026) must be the previous trading day of a holiday: the exchange's rule, which the calendar has to
 * reproduce (Wednesday 24 December 2025 for Christmas; Mondays 2 March, 30 March and 13 April 2026).
 */
class HolidayShiftedExpiryTest
{
    private final TradingCalendar calendar = TradingCalendar.nse();

    @ParameterizedTest
    @CsvSource({
        "NIFTY_fo_bhavcopy_2025-01-02.csv, THURSDAY, 1",
        "BANKNIFTY_fo_bhavcopy_2025-01-02.csv, THURSDAY, 1",
        "NIFTY_fo_bhavcopy_2026-02-17.csv, TUESDAY, 2",
        "NIFTY_fo_bhavcopy_2026-03-27.csv, TUESDAY, 2",
        "BANKNIFTY_fo_bhavcopy_2026-02-17.csv, TUESDAY, 1",
        "BANKNIFTY_fo_bhavcopy_2026-03-27.csv, TUESDAY, 1"})
    void shouldShiftExpiriesFromHolidaysToThePreviousTradingDayAsTheBhavcopyShows(
        final String file, final DayOfWeek regimeDay, final int expectedShifted)
    {
        final Set<LocalDate> expiries = new TreeSet<>();
        for (final Map<String, String> row : ReferenceData.csv("1_option_chain/nse_fo_bhavcopy_eod/" + file))
        {
            expiries.add(LocalDate.parse(row.get("XpryDt")));
        }
        int shifted = 0;
        for (final LocalDate expiry : expiries)
        {
            if (!calendar.covers(expiry))
            {
                continue;
            }
            assertTrue(calendar.isTradingDay(expiry), file + ": expiry " + expiry + " must be a trading day");
            if (expiry.getDayOfWeek() != regimeDay)
            {
                LocalDate scheduled = expiry;
                while (scheduled.getDayOfWeek() != regimeDay)
                {
                    scheduled = scheduled.plusDays(1);
                }
                assertFalse(calendar.isTradingDay(scheduled), file + ": " + scheduled + " should be a holiday");
                assertEquals(calendar.previousTradingDay(scheduled), expiry, file + ": shifted from " + scheduled);
                shifted++;
            }
        }
        assertEquals(expectedShifted, shifted, file);
    }
}
