package dev.vyuha.engine.strategy.definition;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * When a strategy trades. All times are IST wall-clock times inside the regular session
 * [{@link #MARKET_OPEN}, {@link #MARKET_CLOSE}]; orders are only ever placed on open trading days of the exchange
 * calendar, whatever the weekdays say.
 *
 * @param entryTime      when strikes are selected and entry is attempted (or, for conditional entries, when waiting
 *                       starts); at or after 09:15.
 * @param exitTime       when every open leg is squared off; after entryTime, at or before 15:30.
 * @param weekdays       the days of the week the strategy may enter, Monday to Friday; never empty; iterates Monday
 *                       first.
 * @param dte            enter only on days whose days-to-expiry is accepted; empty for every day.
 * @param noEntryAfter   no first entry after this time (conditional entries that have not triggered are cancelled);
 *                       in [entryTime, exitTime); empty for "until exitTime".
 * @param noReEntryAfter no re-entry after this time (a leg's re-entry setting may set an earlier one); in
 *                       (entryTime, exitTime]; empty for "until exitTime".
 */
public record Schedule(
    LocalTime entryTime,
    LocalTime exitTime,
    Set<DayOfWeek> weekdays,
    Optional<DteFilter> dte,
    Optional<LocalTime> noEntryAfter,
    Optional<LocalTime> noReEntryAfter)
{
    /** Start of the regular NSE/BSE equity-derivatives session, IST. */
    public static final LocalTime MARKET_OPEN = LocalTime.of(9, 15);
    /** End of the regular session, IST. */
    public static final LocalTime MARKET_CLOSE = LocalTime.of(15, 30);

    /**
     * Validates the components and makes weekdays an unmodifiable set in day order.
     */
    public Schedule
    {
        ModelInvariants.nonNull(entryTime, "entryTime");
        ModelInvariants.nonNull(exitTime, "exitTime");
        ModelInvariants.nonNull(weekdays, "weekdays");
        ModelInvariants.optional(dte, "dte");
        ModelInvariants.optional(noEntryAfter, "noEntryAfter");
        ModelInvariants.optional(noReEntryAfter, "noReEntryAfter");
        ModelInvariants.check(!entryTime.isBefore(MARKET_OPEN), "entryTime before market open: " + entryTime);
        ModelInvariants.check(entryTime.isBefore(exitTime), "exitTime not after entryTime: " + exitTime);
        ModelInvariants.check(!exitTime.isAfter(MARKET_CLOSE), "exitTime after market close: " + exitTime);
        ModelInvariants.check(!weekdays.isEmpty(), "weekdays must not be empty");
        ModelInvariants.check(!weekdays.contains(DayOfWeek.SATURDAY) && !weekdays.contains(DayOfWeek.SUNDAY),
            "weekdays must be Monday to Friday: " + weekdays);
        noEntryAfter.ifPresent(time -> ModelInvariants.check(!time.isBefore(entryTime) && time.isBefore(exitTime),
            "noEntryAfter outside [entryTime, exitTime): " + time));
        noReEntryAfter.ifPresent(time -> ModelInvariants.check(time.isAfter(entryTime) && !time.isAfter(exitTime),
            "noReEntryAfter outside (entryTime, exitTime]: " + time));
        weekdays = Collections.unmodifiableSet(EnumSet.copyOf(weekdays));
    }

    /**
     * @return the last time a first entry may happen: noEntryAfter, else exitTime.
     */
    public LocalTime lastEntryTime()
    {
        return noEntryAfter.orElse(exitTime);
    }
}
