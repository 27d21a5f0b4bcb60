package dev.vyuha.engine.market;

/**
 * A leg's choice of expiry: a cycle, plus the offset n for {@link ExpiryCycle#OFFSET}.
 *
 * @param cycle  which expiry.
 * @param offset for {@link ExpiryCycle#OFFSET}: 0 is the nearest listed expiry, 1 the next, and so on; 0 otherwise.
 */
public record ExpirySelector(ExpiryCycle cycle, int offset)
{
    /** The nearest expiry. */
    public static final ExpirySelector WEEKLY = new ExpirySelector(ExpiryCycle.WEEKLY, 0);
    /** The expiry after the nearest. */
    public static final ExpirySelector NEXT_WEEKLY = new ExpirySelector(ExpiryCycle.NEXT_WEEKLY, 0);
    /** The nearest monthly expiry. */
    public static final ExpirySelector MONTHLY = new ExpirySelector(ExpiryCycle.MONTHLY, 0);
    /** The monthly expiry after the nearest monthly. */
    public static final ExpirySelector NEXT_MONTHLY = new ExpirySelector(ExpiryCycle.NEXT_MONTHLY, 0);

    /**
     * @param cycle  which expiry; not null.
     * @param offset non-negative; must be 0 unless cycle is OFFSET.
     */
    public ExpirySelector
    {
        if (null == cycle)
        {
            throw new IllegalArgumentException("cycle must not be null");
        }
        if (offset < 0 || (cycle != ExpiryCycle.OFFSET && offset != 0))
        {
            throw new IllegalArgumentException("offset must be >= 0 and only set for OFFSET: " + cycle + " " + offset);
        }
    }

    /**
     * @param n 0 for the nearest listed expiry, 1 for the next, ...
     * @return the n-th listed expiry.
     */
    public static ExpirySelector offset(final int n)
    {
        return new ExpirySelector(ExpiryCycle.OFFSET, n);
    }
}
