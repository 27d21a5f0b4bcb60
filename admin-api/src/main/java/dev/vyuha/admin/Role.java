package dev.vyuha.admin;

/**
 * What a bearer token may do. Each role includes the ones below it.
 */
public enum Role
{
    /** Reads: baskets, orders, positions, P&amp;L, chains, analytics, metrics. */
    VIEWER,
    /** Also trades: loads, updates and removes baskets, pauses, resumes and squares off, subscribes. */
    TRADER,
    /** Also engages and clears the kill switch and publishes marketplace templates. */
    ADMIN;

    /**
     * @param required the role an action needs.
     * @return true if this role may do it.
     */
    public boolean allows(final Role required)
    {
        return ordinal() >= required.ordinal();
    }
}
