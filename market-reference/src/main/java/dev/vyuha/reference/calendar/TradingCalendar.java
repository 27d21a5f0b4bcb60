package dev.vyuha.reference.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The exchange's trading days and sessions in IST: weekdays are regular 09:15-15:30 sessions unless they are exchange
 * holidays; special full sessions may fall on weekends; Muhurat evening sessions happen on holidays and do not make
 * the day a trading day. Days outside the calendar's coverage years fall back to "weekdays trade" and
 * {@link #covers} says so, so callers can refuse or warn rather than trust a guess.
 *
 * <p>Immutable and thread safe after construction; lookups within coverage are array reads.
 */
public final class TradingCalendar
{
    /** Bundled NSE calendar resource. */
    public static final String NSE_RESOURCE = "/dev/vyuha/reference/calendar/nse-trading-calendar.csv";

    private static final String HEADER = "date,kind,open,close,description";

    private final int firstYear;
    private final int lastYear;
    private final long firstEpochDay;
    private final TradingSession[] sessionByDay;
    private final int[] tradingDaysBefore;
    private final Map<LocalDate, String> holidays;
    private final Map<LocalDate, TradingSession> specialSessions;
    private final Map<LocalDate, String> specialDescriptions;
    private final String source;

    private TradingCalendar(
        final String source,
        final int firstYear,
        final int lastYear,
        final Map<LocalDate, String> holidays,
        final Map<LocalDate, TradingSession> specialSessions,
        final Map<LocalDate, String> specialDescriptions)
    {
        this.source = source;
        this.firstYear = firstYear;
        this.lastYear = lastYear;
        this.holidays = Collections.unmodifiableMap(new TreeMap<>(holidays));
        this.specialSessions = Collections.unmodifiableMap(new TreeMap<>(specialSessions));
        this.specialDescriptions = Collections.unmodifiableMap(new TreeMap<>(specialDescriptions));
        this.firstEpochDay = LocalDate.of(firstYear, 1, 1).toEpochDay();
        final int days = (int)(LocalDate.of(lastYear + 1, 1, 1).toEpochDay() - firstEpochDay);
        this.sessionByDay = new TradingSession[days];
        this.tradingDaysBefore = new int[days + 1];
        for (int i = 0; i < days; i++)
        {
            final LocalDate date = LocalDate.ofEpochDay(firstEpochDay + i);
            TradingSession session = defaultSession(date);
            if (holidays.containsKey(date))
            {
                session = null;
            }
            if (specialSessions.containsKey(date))
            {
                session = specialSessions.get(date);
            }
            sessionByDay[i] = session;
            tradingDaysBefore[i + 1] = tradingDaysBefore[i] + (null != session && session.isFullSession() ? 1 : 0);
        }
    }

    /**
     * @return the NSE calendar bundled with the engine.
     */
    public static TradingCalendar nse()
    {
        try (InputStream in = TradingCalendar.class.getResourceAsStream(NSE_RESOURCE))
        {
            if (null == in)
            {
                throw new IllegalStateException("bundled calendar missing from the classpath: " + NSE_RESOURCE);
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), "classpath:" + NSE_RESOURCE);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Read a calendar in the bundled resource's format (see {@code nse-trading-calendar.csv}): comment lines start
     * with {@code #}; a {@code coverage,<first year>,<last year>} line; the header {@value #HEADER}; one row per
     * holiday or special session.
     *
     * @param reader     the calendar text.
     * @param sourceName where it came from, for error messages.
     * @return the calendar.
     * @throws IllegalArgumentException listing every bad line as {@code source:line: problem}.
     */
    public static TradingCalendar parse(final Reader reader, final String sourceName)
    {
        final List<String> errors = new ArrayList<>();
        final Map<LocalDate, String> holidays = new TreeMap<>();
        final Map<LocalDate, TradingSession> specials = new TreeMap<>();
        final Map<LocalDate, String> specialDescriptions = new TreeMap<>();
        int firstYear = -1;
        int lastYear = -1;
        boolean headerSeen = false;
        final List<String[]> rows = new ArrayList<>();
        final List<Integer> rowLines = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(reader))
        {
            String line;
            int number = 0;
            while (null != (line = lines.readLine()))
            {
                number++;
                final String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#"))
                {
                    continue;
                }
                if (trimmed.startsWith("coverage,"))
                {
                    final String[] parts = trimmed.split(",", -1);
                    try
                    {
                        firstYear = Integer.parseInt(parts[1].strip());
                        lastYear = Integer.parseInt(parts[2].strip());
                    }
                    catch (final RuntimeException ex)
                    {
                        errors.add(sourceName + ":" + number + ": coverage must be 'coverage,<first year>,<last year>'");
                    }
                    continue;
                }
                if (!headerSeen)
                {
                    if (!HEADER.equals(trimmed))
                    {
                        errors.add(sourceName + ":" + number + ": expected header '" + HEADER + "', was '" + trimmed + "'");
                    }
                    headerSeen = true;
                    continue;
                }
                rows.add(trimmed.split(",", 5));
                rowLines.add(number);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        if (firstYear < 1990 || lastYear < firstYear || lastYear > 2200)
        {
            errors.add(sourceName + ": missing or invalid 'coverage,<first year>,<last year>' line");
        }
        for (int i = 0; i < rows.size(); i++)
        {
            parseRow(rows.get(i), sourceName + ":" + rowLines.get(i), firstYear, lastYear, holidays, specials,
                specialDescriptions, errors);
        }
        if (!errors.isEmpty())
        {
            throw new IllegalArgumentException("invalid trading calendar " + sourceName + ":\n  "
                + String.join("\n  ", errors));
        }
        return new TradingCalendar(sourceName, firstYear, lastYear, holidays, specials, specialDescriptions);
    }

    private static void parseRow(
        final String[] cells,
        final String where,
        final int firstYear,
        final int lastYear,
        final Map<LocalDate, String> holidays,
        final Map<LocalDate, TradingSession> specials,
        final Map<LocalDate, String> specialDescriptions,
        final List<String> errors)
    {
        if (cells.length != 5)
        {
            errors.add(where + ": expected 5 columns (" + HEADER + "), found " + cells.length);
            return;
        }
        final LocalDate date;
        try
        {
            date = LocalDate.parse(cells[0].strip());
        }
        catch (final DateTimeParseException ex)
        {
            errors.add(where + ": date must be yyyy-MM-dd, was '" + cells[0] + "'");
            return;
        }
        if (date.getYear() < firstYear || date.getYear() > lastYear)
        {
            errors.add(where + ": " + date + " is outside the coverage " + firstYear + "-" + lastYear);
            return;
        }
        final String kind = cells[1].strip();
        final String description = cells[4].strip();
        final LocalTime open;
        final LocalTime close;
        try
        {
            open = cells[2].isBlank() ? null : LocalTime.parse(cells[2].strip());
            close = cells[3].isBlank() ? null : LocalTime.parse(cells[3].strip());
        }
        catch (final DateTimeParseException ex)
        {
            errors.add(where + ": open and close must be HH:mm, were '" + cells[2] + "' and '" + cells[3] + "'");
            return;
        }
        switch (kind)
        {
            case "HOLIDAY" ->
            {
                if (isWeekend(date))
                {
                    errors.add(where + ": holiday " + date + " falls on a " + date.getDayOfWeek()
                        + " and would change nothing");
                }
                else if (null != open || null != close)
                {
                    errors.add(where + ": a HOLIDAY has no session hours");
                }
                else if (null != holidays.put(date, description))
                {
                    errors.add(where + ": holiday " + date + " listed twice");
                }
            }
            case "SPECIAL", "MUHURAT" ->
            {
                final SessionKind sessionKind = "SPECIAL".equals(kind) ? SessionKind.SPECIAL : SessionKind.MUHURAT;
                if (sessionKind == SessionKind.SPECIAL && null == open)
                {
                    errors.add(where + ": a SPECIAL session needs open and close times");
                    return;
                }
                try
                {
                    if (null != specials.put(date, new TradingSession(sessionKind, open, close)))
                    {
                        errors.add(where + ": special session " + date + " listed twice");
                    }
                    specialDescriptions.put(date, description);
                }
                catch (final IllegalArgumentException ex)
                {
                    errors.add(where + ": " + ex.getMessage());
                }
            }
            default -> errors.add(where + ": kind must be HOLIDAY, SPECIAL or MUHURAT, was '" + kind + "'");
        }
    }

    /**
     * @return where the calendar was read from.
     */
    public String source()
    {
        return source;
    }

    /**
     * @param date a date.
     * @return true if the calendar knows the exchange's holidays for that date's year.
     */
    public boolean covers(final LocalDate date)
    {
        return date.getYear() >= firstYear && date.getYear() <= lastYear;
    }

    /**
     * @return first year with known holidays.
     */
    public int firstYear()
    {
        return firstYear;
    }

    /**
     * @return last year with known holidays.
     */
    public int lastYear()
    {
        return lastYear;
    }

    /**
     * @param date a date.
     * @return its session (regular, special or Muhurat), or null when the exchange is shut all day.
     */
    public TradingSession session(final LocalDate date)
    {
        return session(date.toEpochDay());
    }

    /**
     * @param epochDay IST date as days since 1970-01-01.
     * @return its session, or null when the exchange is shut all day.
     */
    public TradingSession session(final long epochDay)
    {
        final long index = epochDay - firstEpochDay;
        if (index >= 0 && index < sessionByDay.length)
        {
            return sessionByDay[(int)index];
        }
        return defaultSession(LocalDate.ofEpochDay(epochDay));
    }

    /**
     * @param date a date.
     * @return true if the exchange holds a full (regular or special) session that day.
     */
    public boolean isTradingDay(final LocalDate date)
    {
        return isTradingDay(date.toEpochDay());
    }

    /**
     * @param epochDay IST date as days since 1970-01-01.
     * @return true if the exchange holds a full (regular or special) session that day.
     */
    public boolean isTradingDay(final long epochDay)
    {
        final TradingSession session = session(epochDay);
        return null != session && session.isFullSession();
    }

    /**
     * The trading-window guard: is the market open for orders at this instant?
     *
     * @param epochNanos an instant.
     * @return true if it falls inside the session of its IST day (any kind, hours known).
     */
    public boolean isWithinSession(final long epochNanos)
    {
        final TradingSession session = session(IndiaTime.epochDay(epochNanos));
        return null != session && session.contains(IndiaTime.nanoOfDay(epochNanos));
    }

    /**
     * @param date a date.
     * @return true if it is a listed exchange holiday (a weekday closure).
     */
    public boolean isHoliday(final LocalDate date)
    {
        return holidays.containsKey(date);
    }

    /**
     * @param date a date.
     * @return the holiday's name, or null if it is not a listed holiday.
     */
    public String holidayName(final LocalDate date)
    {
        return holidays.get(date);
    }

    /**
     * @return every listed holiday with its name, in date order.
     */
    public Map<LocalDate, String> holidays()
    {
        return holidays;
    }

    /**
     * @return every special or Muhurat session, in date order.
     */
    public Map<LocalDate, TradingSession> specialSessions()
    {
        return specialSessions;
    }

    /**
     * @param date a date with a special session.
     * @return its description, or null.
     */
    public String specialSessionDescription(final LocalDate date)
    {
        return specialDescriptions.get(date);
    }

    /**
     * @param date any date.
     * @return the first trading day strictly after it.
     */
    public LocalDate nextTradingDay(final LocalDate date)
    {
        long day = date.toEpochDay() + 1;
        while (!isTradingDay(day))
        {
            day++;
        }
        return LocalDate.ofEpochDay(day);
    }

    /**
     * @param date any date.
     * @return the last trading day strictly before it.
     */
    public LocalDate previousTradingDay(final LocalDate date)
    {
        long day = date.toEpochDay() - 1;
        while (!isTradingDay(day))
        {
            day--;
        }
        return LocalDate.ofEpochDay(day);
    }

    /**
     * @param from start date (excluded).
     * @param to   end date (included).
     * @return the number of trading days d with from &lt; d &lt;= to; negative (the count with to &lt; d &lt;= from)
     * when to is before from.
     */
    public int tradingDaysBetween(final LocalDate from, final LocalDate to)
    {
        final long fromDay = from.toEpochDay();
        final long toDay = to.toEpochDay();
        if (toDay < fromDay)
        {
            return -tradingDaysBetween(to, from);
        }
        return (int)(tradingDaysUpTo(toDay) - tradingDaysUpTo(fromDay));
    }

    /**
     * Days to expiry.
     *
     * @param today  the trading date.
     * @param expiry the contract's expiry date.
     * @param unit   calendar or trading days.
     * @return 0 on expiry day, positive before it, negative after it.
     */
    public int daysToExpiry(final LocalDate today, final LocalDate expiry, final DteUnit unit)
    {
        return unit == DteUnit.CALENDAR_DAYS ? (int)(expiry.toEpochDay() - today.toEpochDay()) :
            tradingDaysBetween(today, expiry);
    }

    /**
     * @return number of trading days on or before the given day (relative to an arbitrary origin).
     */
    private long tradingDaysUpTo(final long epochDay)
    {
        final long index = epochDay - firstEpochDay;
        if (index < 0)
        {
            return -weekdaysBetween(epochDay, firstEpochDay - 1);
        }
        if (index < sessionByDay.length)
        {
            return tradingDaysBefore[(int)index + 1];
        }
        return tradingDaysBefore[sessionByDay.length]
            + weekdaysBetween(firstEpochDay + sessionByDay.length - 1, epochDay);
    }

    /** Weekdays d with from &lt; d &lt;= to. */
    private static long weekdaysBetween(final long from, final long to)
    {
        return weekdaysUpTo(to) - weekdaysUpTo(from);
    }

    /** Weekdays on or before the day, counted from 1970-01-05 (a Monday). */
    private static long weekdaysUpTo(final long epochDay)
    {
        final long sinceMonday = epochDay - 4;
        final long weeks = Math.floorDiv(sinceMonday, 7);
        final long remainder = Math.floorMod(sinceMonday, 7);
        return weeks * 5 + Math.min(remainder + 1, 5);
    }

    private static TradingSession defaultSession(final LocalDate date)
    {
        return isWeekend(date) ? null : TradingSession.REGULAR;
    }

    private static boolean isWeekend(final LocalDate date)
    {
        final DayOfWeek day = date.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }
}
