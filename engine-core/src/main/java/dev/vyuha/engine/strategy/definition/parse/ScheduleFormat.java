package dev.vyuha.engine.strategy.definition.parse;

import dev.vyuha.engine.strategy.definition.DteFilter;
import dev.vyuha.engine.strategy.definition.Schedule;
import dev.vyuha.reference.calendar.DteUnit;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A strategy's schedule (../shared/DOMAIN.md §3).
 */
final class ScheduleFormat
{
    /** An exit after this leaves little time before the close. */
    private static final LocalTime LATE_EXIT = LocalTime.of(15, 25);

    static final Field<Integer> DTE_MIN = Field.required("min", IntegerSpec.range(0, DteFilter.MAX_DAYS),
        "Smallest days-to-expiry (0 is expiry day).");
    static final Field<Integer> DTE_MAX = Field.required("max", IntegerSpec.range(0, DteFilter.MAX_DAYS),
        "Largest days-to-expiry; at least min.");
    static final Field<DteUnit> DTE_UNIT = Field.required("unit", EnumSpec.of(DteUnit.class),
        "CALENDAR_DAYS or TRADING_DAYS (exchange sessions).");
    static final ObjectSpec<DteFilter> DTE = ObjectSpec
        .named("DteFilter", "Enter only on days whose days-to-expiry (to the nearest expiry of the legs) is in "
            + "[min, max].")
        .fields(DTE_MIN, DTE_MAX, DTE_UNIT)
        .rule((values, context) ->
        {
            if (values.hasAll(DTE_MIN, DTE_MAX) && values.get(DTE_MIN) > values.get(DTE_MAX))
            {
                context.error(DTE_MAX, "must be >= min " + values.get(DTE_MIN) + ", was " + values.get(DTE_MAX));
            }
        })
        .build((values, context) -> new DteFilter(values.get(DTE_MIN), values.get(DTE_MAX), values.get(DTE_UNIT)));

    static final Field<LocalTime> ENTRY_TIME = Field.required("entry_time", Scalars.TIME,
        "When strikes are selected and entry is attempted, or waiting starts (IST, 09:15 to 15:30).");
    static final Field<LocalTime> EXIT_TIME = Field.required("exit_time", Scalars.TIME,
        "When every open leg is squared off (IST); after entry_time, at or before 15:30.");
    static final Field<List<Weekday>> WEEKDAYS = Field.withDefault("weekdays",
        new ListSpec<>(EnumSpec.of(Weekday.class), 1, 5, true), List.of(Weekday.values()),
        "Days the strategy may enter; MON to FRI unless set (holidays are skipped from the trading calendar).");
    static final Field<DteFilter> DTE_FIELD = Field.optional("dte", DTE, "Days-to-expiry filter.");
    static final Field<LocalTime> NO_ENTRY_AFTER = Field.optional("no_entry_after", Scalars.TIME,
        "No first entry after this time (IST); conditional entries still waiting are cancelled.");
    static final Field<LocalTime> NO_RE_ENTRY_AFTER = Field.optional("no_re_entry_after", Scalars.TIME,
        "No re-entry after this time (IST).");
    static final ObjectSpec<Schedule> SCHEDULE = ObjectSpec
        .named("Schedule", "When the strategy trades; times are IST wall-clock times.")
        .fields(ENTRY_TIME, EXIT_TIME, WEEKDAYS, DTE_FIELD, NO_ENTRY_AFTER, NO_RE_ENTRY_AFTER)
        .rule(ScheduleFormat::checkTimes)
        .build((values, context) -> new Schedule(values.get(ENTRY_TIME), values.get(EXIT_TIME),
            days(values.get(WEEKDAYS)), values.optional(DTE_FIELD), values.optional(NO_ENTRY_AFTER),
            values.optional(NO_RE_ENTRY_AFTER)));

    private ScheduleFormat()
    {
    }

    private static Set<DayOfWeek> days(final List<Weekday> weekdays)
    {
        final Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        weekdays.forEach(day -> days.add(day.dayOfWeek()));
        return days;
    }

    private static void checkTimes(final FieldValues values, final RuleContext context)
    {
        boolean entryValid = false;
        if (values.has(ENTRY_TIME))
        {
            final LocalTime entry = values.get(ENTRY_TIME);
            if (entry.isBefore(Schedule.MARKET_OPEN))
            {
                context.error(ENTRY_TIME, "must be at or after market open 09:15, was " + ValueText.time(entry));
            }
            else if (!entry.isBefore(Schedule.MARKET_CLOSE))
            {
                context.error(ENTRY_TIME, "must be before market close 15:30, was " + ValueText.time(entry));
            }
            else
            {
                entryValid = true;
            }
        }
        if (!values.has(EXIT_TIME))
        {
            return;
        }
        final LocalTime exit = values.get(EXIT_TIME);
        if (exit.isAfter(Schedule.MARKET_CLOSE))
        {
            context.error(EXIT_TIME, "must be at or before market close 15:30, was " + ValueText.time(exit));
        }
        else if (!exit.isAfter(Schedule.MARKET_OPEN))
        {
            context.error(EXIT_TIME, "must be after market open 09:15, was " + ValueText.time(exit));
        }
        else if (entryValid)
        {
            final LocalTime entry = values.get(ENTRY_TIME);
            if (!exit.isAfter(entry))
            {
                context.error(EXIT_TIME, "must be after entry_time " + ValueText.time(entry) + ", was "
                    + ValueText.time(exit));
                return;
            }
            if (exit.isAfter(LATE_EXIT))
            {
                context.warning(EXIT_TIME, "exit at " + ValueText.time(exit) + " leaves under 5 minutes before "
                    + "the 15:30 close (and may meet the broker's own square-off)");
            }
            checkWithin(values, context, NO_ENTRY_AFTER, entry, false, exit, true);
            checkWithin(values, context, NO_RE_ENTRY_AFTER, entry, true, exit, false);
        }
    }

    /**
     * Checks that a time lies between entry and exit, each bound exclusive or not.
     */
    private static void checkWithin(final FieldValues values, final RuleContext context, final Field<LocalTime> field,
        final LocalTime entry, final boolean entryExclusive, final LocalTime exit, final boolean exitExclusive)
    {
        if (!values.has(field))
        {
            return;
        }
        final LocalTime time = values.get(field);
        final boolean afterEntry = entryExclusive ? time.isAfter(entry) : !time.isBefore(entry);
        final boolean beforeExit = exitExclusive ? time.isBefore(exit) : !time.isAfter(exit);
        if (!afterEntry)
        {
            context.error(field, "must be " + (entryExclusive ? "after" : "at or after") + " entry_time "
                + ValueText.time(entry) + ", was " + ValueText.time(time));
        }
        else if (!beforeExit)
        {
            context.error(field, "must be " + (exitExclusive ? "before" : "at or before") + " exit_time "
                + ValueText.time(exit) + ", was " + ValueText.time(time));
        }
    }
}
