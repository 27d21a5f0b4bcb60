package dev.vyuha.engine.strategy.definition.risk;

import dev.vyuha.engine.order.Side;

/**
 * How a leg re-enters after its stop loss or target exit (../shared/DOMAIN.md §6).
 */
public enum ReEntryType
{
    /** Select the strike again now and enter on the same side. */
    RE_ASAP(false),
    /** Select the strike again now and enter on the opposite side. */
    RE_ASAP_REVERSE(true),
    /** Re-enter the same instrument, same side, when its price returns to the original entry price. */
    RE_COST(false),
    /** Re-enter the same instrument, opposite side, when its price returns to the original entry price. */
    RE_COST_REVERSE(true),
    /** Select a new strike, then wait for the leg's wait-and-trade move from a new reference; same side. */
    RE_MOMENTUM(false),
    /** As {@link #RE_MOMENTUM}, on the opposite side. */
    RE_MOMENTUM_REVERSE(true);

    private final boolean reverses;

    ReEntryType(final boolean reverses)
    {
        this.reverses = reverses;
    }

    /**
     * @return true if the re-entry trades the opposite side of the leg.
     */
    public boolean reverses()
    {
        return reverses;
    }

    /**
     * @param legSide the leg's configured side.
     * @return the side the re-entry trades.
     */
    public Side sideFor(final Side legSide)
    {
        return reverses ? legSide.opposite() : legSide;
    }

    /**
     * @return true for RE_MOMENTUM and RE_MOMENTUM_REVERSE, which need the leg's wait-and-trade move.
     */
    public boolean needsMomentum()
    {
        return this == RE_MOMENTUM || this == RE_MOMENTUM_REVERSE;
    }
}
