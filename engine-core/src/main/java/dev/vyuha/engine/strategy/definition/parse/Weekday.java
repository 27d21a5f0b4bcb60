package dev.vyuha.engine.strategy.definition.parse;

import java.time.DayOfWeek;

/**
 * The weekdays as basket files write them.
 */
enum Weekday
{
    MON(DayOfWeek.MONDAY),
    TUE(DayOfWeek.TUESDAY),
    WED(DayOfWeek.WEDNESDAY),
    THU(DayOfWeek.THURSDAY),
    FRI(DayOfWeek.FRIDAY);

    private final DayOfWeek dayOfWeek;

    Weekday(final DayOfWeek dayOfWeek)
    {
        this.dayOfWeek = dayOfWeek;
    }

    DayOfWeek dayOfWeek()
    {
        return dayOfWeek;
    }
}
