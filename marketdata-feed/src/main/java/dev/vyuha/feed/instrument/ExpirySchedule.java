package dev.vyuha.feed.instrument;

import dev.vyuha.reference.calendar.TradingCalendar;
import dev.vyuha.sbe.Underlying;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * NSE's index-option expiry days (KITE.md §10): from September 2025 every NSE expiry is on a Tuesday (NIFTY weekly
 * every Tuesday, monthlies on the month's last Tuesday); before that on Thursday. NIFTY has weeklies and monthlies;
 * BANKNIFTY, FINNIFTY and MIDCPNIFTY have monthlies only (their weeklies ended in November 2024 and are not
 * modelled). An expiry that falls on a holiday moves to the previous trading day of the {@link TradingCalendar}; the
 * contract carries the actual date (Mon 2 Mar 2026, Mon 30 Mar 2026, Mon 13 Apr 2026).
 */
public final class ExpirySchedule
{
    /** First expiry day of the Tuesday regime (the first Tuesday weekly, 2 September 2025). */
    public static final LocalDate TUESDAY_REGIME_FROM = LocalDate.of(2025, 9, 1);

    private final TradingCalendar calendar;

    /**
     * @param calendar trading days and holidays.
     */
    public ExpirySchedule(final TradingCalendar calendar)
    {
        this.calendar = calendar;
    }

    /**
     * @param underlying an index.
     * @return true if it has weekly options (NIFTY only).
     */
    public static boolean hasWeeklies(final Underlying underlying)
    {
        return underlying == Underlying.NIFTY;
    }

    /**
     * @param date a scheduled (unshifted) expiry day.
     * @return the weekday NSE expiries fall on at that date.
     */
    public static DayOfWeek expiryWeekday(final LocalDate date)
    {
        return date.isBefore(TUESDAY_REGIME_FROM) ? DayOfWeek.THURSDAY : DayOfWeek.TUESDAY;
    }

    /**
     * @param month a month.
     * @return its monthly expiry: the last expiry weekday of the month, moved back over holidays.
     */
    public LocalDate monthlyExpiry(final YearMonth month)
    {
        final LocalDate end = month.atEndOfMonth();
        return shift(end.with(TemporalAdjusters.previousOrSame(expiryWeekday(end))));
    }

    /**
     * @param date a date.
     * @return true if it is the monthly expiry of its month.
     */
    public boolean isMonthlyExpiry(final LocalDate date)
    {
        return monthlyExpiry(YearMonth.from(date)).equals(date);
    }

    /**
     * The option expiries of an underlying alive on a trading date (expiring on it or later), nearest first.
     *
     * @param underlying an index.
     * @param today      the trading date.
     * @param weeklies   how many weekly expiries that are not monthly dates (NSE lists four), for underlyings with
     *                   weeklies.
     * @param monthlies  how many monthly expiries (NSE lists three, then quarterlies, not modelled).
     * @return distinct expiry dates, ascending.
     */
    public List<LocalDate> optionExpiries(final Underlying underlying, final LocalDate today, final int weeklies,
        final int monthlies)
    {
        final List<LocalDate> expiries = new ArrayList<>();
        if (hasWeeklies(underlying))
        {
            LocalDate day = today.minusDays(7);
            while (expiries.size() < weeklies)
            {
                day = day.plusDays(1);
                if (day.getDayOfWeek() == expiryWeekday(day))
                {
                    final LocalDate actual = shift(day);
                    if (!actual.isBefore(today) && !expiries.contains(actual) && !isMonthlyExpiry(actual))
                    {
                        expiries.add(actual);
                    }
                }
            }
        }
        for (final LocalDate monthly : monthlyExpiries(today, monthlies))
        {
            if (!expiries.contains(monthly))
            {
                expiries.add(monthly);
            }
        }
        expiries.sort(null);
        return List.copyOf(expiries);
    }

    /**
     * @param today a trading date.
     * @param count how many.
     * @return the next monthly expiries on or after today, ascending.
     */
    public List<LocalDate> monthlyExpiries(final LocalDate today, final int count)
    {
        final List<LocalDate> monthlies = new ArrayList<>();
        YearMonth month = YearMonth.from(today);
        while (monthlies.size() < count)
        {
            final LocalDate expiry = monthlyExpiry(month);
            if (!expiry.isBefore(today))
            {
                monthlies.add(expiry);
            }
            month = month.plusMonths(1);
        }
        return monthlies;
    }

    private LocalDate shift(final LocalDate scheduled)
    {
        return calendar.isTradingDay(scheduled) ? scheduled : calendar.previousTradingDay(scheduled);
    }
}
