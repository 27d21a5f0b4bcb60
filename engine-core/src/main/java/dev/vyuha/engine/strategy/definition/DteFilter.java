package dev.vyuha.engine.strategy.definition;

import dev.vyuha.reference.calendar.DteUnit;

/**
 * Enter only on days whose days-to-expiry lies in [min, max]. Days to expiry are counted to the nearest expiry among
 * the strategy's legs.
 *
 * @param min  smallest accepted DTE, 0..366.
 * @param max  largest accepted DTE, min..366.
 * @param unit how days are counted.
 */
public record DteFilter(int min, int max, DteUnit unit)
{
    /** The largest DTE a filter may name. */
    public static final int MAX_DAYS = 366;

    /**
     * Validates the components.
     */
    public DteFilter
    {
        ModelInvariants.range(min, 0, MAX_DAYS, "min");
        ModelInvariants.range(max, min, MAX_DAYS, "max");
        ModelInvariants.nonNull(unit, "unit");
    }

    /**
     * @param dte days to expiry, counted in {@link #unit()}.
     * @return true if a strategy may enter on a day with this DTE.
     */
    public boolean accepts(final int dte)
    {
        return dte >= min && dte <= max;
    }
}
