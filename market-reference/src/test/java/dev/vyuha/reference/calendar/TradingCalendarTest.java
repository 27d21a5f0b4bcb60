package dev.vyuha.reference.calendar;

import dev.vyuha.reference.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TradingCalendarTest
{
    private final TradingCalendar calendar = TradingCalendar.nse();

    @Test
    void shouldListExactlyTheNseHolidaysOfTheReferenceData()
    {
        final Set<LocalDate> expected = ReferenceData.csv("4_holidays/nse_trading_holidays_2024_2026.csv").stream()
            .map(row -> LocalDate.parse(row.get("date"))).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(47, expected.size());
        assertEquals(expected, new TreeSet<>(calendar.holidays().keySet()));
        for (final LocalDate holiday : expected)
        {
            assertFalse(calendar.isTradingDay(holiday), holiday + " is a holiday");
        }
    }

    @Test
    void shouldListExactlyTheSpecialSessionsOfTheReferenceData()
    {
        final Set<LocalDate> expected = ReferenceData.csv("4_holidays/nse_special_sessions_2024_2026.csv").stream()
            .map(row -> LocalDate.parse(row.get("date"))).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, new TreeSet<>(calendar.specialSessions().keySet()));
    }

    @Test
    void shouldIgnoreHolidaysThatFallOnWeekends()
    {
        for (final Map<String, String> row : ReferenceData.csv("4_holidays/nse_holidays_falling_on_weekends_2024_2026.csv"))
        {
            final LocalDate date = LocalDate.parse(row.get("date"));
            assertFalse(calendar.isHoliday(date), date + " is a weekend: not listed");
            assertFalse(calendar.isTradingDay(date));
        }
    }

    @Test
    void shouldCountTheTradingDaysOfEachYear()
    {
        // 2024: 262 weekdays - 17 holidays + 1 special Saturday; 2025: 261 - 14 + 1; 2026: 261 - 16.
        assertEquals(246, countTradingDays(2024));
        assertEquals(248, countTradingDays(2025));
        assertEquals(245, countTradingDays(2026));
    }

    @ParameterizedTest
    @CsvSource({
        "2026-03-02, true",   // Monday before Holi: the shifted weekly expiry
        "2026-03-03, false",  // Holi (Tuesday)
        "2026-03-30, true",   // Monday: expiry moved from Tuesday 31 March
        "2026-03-31, false",  // Shri Mahavir Jayanti
        "2026-04-13, true",   // Monday: expiry moved from Tuesday 14 April
        "2026-04-14, false",  // Dr. Baba Saheb Ambedkar Jayanti
        "2026-08-15, false",  // Independence Day falls on a Saturday
        "2025-02-01, true",   // Budget-day Saturday session
        "2024-01-20, true",   // Saturday session in lieu of 22 January
        "2024-01-22, false",  // Ram Mandir closure
        "2024-11-01, false",  // Diwali: Muhurat session only, not a trading day
        "2026-11-21, false",  // a Saturday
        "2026-11-24, false",  // Guru Nanak Jayanti (Tuesday)
        "2026-11-23, true"})
    void shouldKnowTradingDays(final LocalDate date, final boolean trading)
    {
        assertEquals(trading, calendar.isTradingDay(date), date.toString());
    }

    @Test
    void shouldOpenAt0915AndCloseAt1530InclusiveToTheNanosecond()
    {
        final LocalDate day = LocalDate.of(2026, 11, 23);
        final long open = IndiaTime.epochNanos(day, LocalTime.of(9, 15));
        final long close = IndiaTime.epochNanos(day, LocalTime.of(15, 30));
        assertFalse(calendar.isWithinSession(open - 1));
        assertTrue(calendar.isWithinSession(open));
        assertTrue(calendar.isWithinSession(close));
        assertFalse(calendar.isWithinSession(close + 1));
        assertFalse(calendar.isWithinSession(IndiaTime.epochNanos(LocalDate.of(2026, 11, 24), LocalTime.of(10, 0))),
            "holiday");
        assertFalse(calendar.isWithinSession(IndiaTime.epochNanos(LocalDate.of(2026, 11, 21), LocalTime.of(10, 0))),
            "Saturday");
        assertTrue(calendar.isWithinSession(IndiaTime.epochNanos(LocalDate.of(2025, 2, 1), LocalTime.of(10, 0))),
            "budget-day Saturday session");
        assertTrue(calendar.isWithinSession(IndiaTime.epochNanos(LocalDate.of(2024, 11, 1), LocalTime.of(18, 30))),
            "Muhurat session");
        assertFalse(calendar.isWithinSession(IndiaTime.epochNanos(LocalDate.of(2024, 11, 1), LocalTime.of(10, 0))),
            "Diwali morning");
        assertFalse(calendar.isWithinSession(IndiaTime.epochNanos(LocalDate.of(2026, 11, 8), LocalTime.of(18, 30))),
            "a session whose hours are not notified admits nothing");
    }

    @Test
    void shouldStepToTheNextAndPreviousTradingDayAcrossHolidaysAndWeekends()
    {
        assertEquals(LocalDate.of(2026, 3, 2), calendar.previousTradingDay(LocalDate.of(2026, 3, 3)));
        assertEquals(LocalDate.of(2026, 3, 4), calendar.nextTradingDay(LocalDate.of(2026, 3, 2)));
        assertEquals(LocalDate.of(2026, 4, 6), calendar.nextTradingDay(LocalDate.of(2026, 4, 2)));
        assertEquals(LocalDate.of(2026, 1, 1), calendar.nextTradingDay(LocalDate.of(2025, 12, 31)), "NSE trades on 1 January");
        assertEquals(LocalDate.of(2026, 1, 16), calendar.nextTradingDay(LocalDate.of(2026, 1, 14)), "15 Jan closure");
        assertEquals(LocalDate.of(2026, 12, 24), calendar.previousTradingDay(LocalDate.of(2026, 12, 28)));
        assertEquals(LocalDate.of(2025, 2, 1), calendar.nextTradingDay(LocalDate.of(2025, 1, 31)));
    }

    @ParameterizedTest
    @CsvSource({
        // today, expiry, calendar days, trading days
        "2026-03-30, 2026-03-30, 0, 0",   // expiry day
        "2026-03-27, 2026-03-30, 3, 1",   // Friday to the holiday-shifted Monday expiry
        "2026-03-24, 2026-03-30, 6, 3",   // Tue -> Mon, Thursday 26th is Ram Navami
        "2026-08-17, 2026-08-18, 1, 1",
        "2026-08-17, 2026-08-25, 8, 6",   // monthly expiry of the Kite dump
        "2026-11-20, 2026-11-24, 4, 1",   // expiry falls on a holiday: only Monday the 23rd counts
        "2026-12-24, 2026-12-29, 5, 2",   // Christmas on Friday
        "2026-04-01, 2026-03-30, -2, -1"}) // after expiry (31 March was a holiday)
    void shouldCountDaysToExpiryInCalendarAndTradingDays(final LocalDate today, final LocalDate expiry,
        final int calendarDays, final int tradingDays)
    {
        assertEquals(calendarDays, calendar.daysToExpiry(today, expiry, DteUnit.CALENDAR_DAYS));
        assertEquals(tradingDays, calendar.daysToExpiry(today, expiry, DteUnit.TRADING_DAYS));
    }

    @Test
    void shouldAgreeWithANaiveCountAcrossAndBeyondTheCoverage()
    {
        final Random random = new Random(2026);
        final long first = LocalDate.of(2022, 6, 1).toEpochDay();
        for (int i = 0; i < 5_000; i++)
        {
            final LocalDate a = LocalDate.ofEpochDay(first + random.nextInt(365 * 6));
            final LocalDate b = LocalDate.ofEpochDay(first + random.nextInt(365 * 6));
            int naive = 0;
            for (LocalDate d = a.plusDays(1); !d.isAfter(b); d = d.plusDays(1))
            {
                naive += calendar.isTradingDay(d) ? 1 : 0;
            }
            if (b.isBefore(a))
            {
                for (LocalDate d = b.plusDays(1); !d.isAfter(a); d = d.plusDays(1))
                {
                    naive -= calendar.isTradingDay(d) ? 1 : 0;
                }
            }
            assertEquals(naive, calendar.tradingDaysBetween(a, b), a + " -> " + b);
        }
        assertFalse(calendar.covers(LocalDate.of(2027, 1, 5)));
        assertTrue(calendar.isTradingDay(LocalDate.of(2027, 1, 5)), "beyond coverage weekdays trade");
        assertFalse(calendar.isTradingDay(LocalDate.of(2027, 1, 9)), "beyond coverage weekends do not");
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTC", "America/New_York", "Asia/Kolkata", "Pacific/Kiritimati", "Pacific/Pago_Pago"})
    void shouldUseIndianTimeWhateverTheJvmDefaultZone(final String zone)
    {
        final TimeZone original = TimeZone.getDefault();
        try
        {
            TimeZone.setDefault(TimeZone.getTimeZone(zone));
            // 2026-03-30 09:15 IST is 03:45 UTC.
            final long instant = 1_774_842_300_000_000_000L;
            assertEquals(LocalDate.of(2026, 3, 30), IndiaTime.date(instant));
            assertEquals(LocalTime.of(9, 15), IndiaTime.time(instant));
            assertEquals(instant, IndiaTime.epochNanos(LocalDate.of(2026, 3, 30), LocalTime.of(9, 15)));
            assertTrue(TradingCalendar.nse().isWithinSession(instant));
            assertFalse(TradingCalendar.nse().isWithinSession(instant - 1));
            // 23:59:59 IST on the 29th is still the 29th, whatever the JVM thinks.
            assertEquals(LocalDate.of(2026, 3, 29), IndiaTime.date(instant - (9 * 60 + 15) * 60_000_000_000L - 1));
        }
        finally
        {
            TimeZone.setDefault(original);
        }
    }

    @Test
    void shouldReportEveryBadLineOfACalendarWithItsLineNumber()
    {
        final String text = String.join("\n",
            "# operator's calendar",
            "coverage,2026,2026",
            "date,kind,open,close,description",
            "2026-01-26,HOLIDAY,,,Republic Day",
            "2026-13-01,HOLIDAY,,,No such month",
            "2026-08-15,HOLIDAY,,,Independence Day on a Saturday",
            "2026-01-26,HOLIDAY,,,Republic Day again",
            "2027-01-26,HOLIDAY,,,Outside coverage",
            "2026-02-01,SPECIAL,,,Special without hours",
            "2026-02-02,PICNIC,,,Unknown kind",
            "2026-02-03,MUHURAT,19:00,18:00,Backwards");
        final IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
            () -> TradingCalendar.parse(new StringReader(text), "ops/calendar.csv"));
        final String message = error.getMessage();
        assertTrue(message.contains("ops/calendar.csv:5: date must be yyyy-MM-dd, was '2026-13-01'"), message);
        assertTrue(message.contains("ops/calendar.csv:6: holiday 2026-08-15 falls on a SATURDAY"), message);
        assertTrue(message.contains("ops/calendar.csv:7: holiday 2026-01-26 listed twice"), message);
        assertTrue(message.contains("ops/calendar.csv:8: 2027-01-26 is outside the coverage 2026-2026"), message);
        assertTrue(message.contains("ops/calendar.csv:9: a SPECIAL session needs open and close times"), message);
        assertTrue(message.contains("ops/calendar.csv:10: kind must be HOLIDAY, SPECIAL or MUHURAT, was 'PICNIC'"),
            message);
        assertTrue(message.contains("ops/calendar.csv:11: open 19:00 must be before close 18:00"), message);
        assertThrows(IllegalArgumentException.class,
            () -> TradingCalendar.parse(new StringReader("date,kind,open,close,description\n"), "x.csv"));
        assertNull(calendar.holidayName(LocalDate.of(2026, 11, 23)));
        assertEquals("Christmas", calendar.holidayName(LocalDate.of(2026, 12, 25)));
    }

    private int countTradingDays(final int year)
    {
        int count = 0;
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1))
        {
            count += calendar.isTradingDay(d) ? 1 : 0;
        }
        return count;
    }
}
