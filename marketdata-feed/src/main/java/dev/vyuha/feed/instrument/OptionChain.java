package dev.vyuha.feed.instrument;

import dev.vyuha.sbe.Underlying;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * The listed strikes of one underlying and expiry, ascending, with the dense ids of their call and put (-1 where a
 * side is not listed). Immutable.
 */
public final class OptionChain
{
    private final Underlying underlying;
    private final LocalDate expiry;
    private final long[] strikes;
    private final int[] callIds;
    private final int[] putIds;

    OptionChain(final Underlying underlying, final LocalDate expiry, final long[] strikes, final int[] callIds,
        final int[] putIds)
    {
        this.underlying = underlying;
        this.expiry = expiry;
        this.strikes = strikes;
        this.callIds = callIds;
        this.putIds = putIds;
    }

    /** @return the underlying. */
    public Underlying underlying()
    {
        return underlying;
    }

    /** @return the expiry date. */
    public LocalDate expiry()
    {
        return expiry;
    }

    /** @return number of strikes. */
    public int size()
    {
        return strikes.length;
    }

    /**
     * @param index 0..size-1.
     * @return the strike in paise.
     */
    public long strike(final int index)
    {
        return strikes[index];
    }

    /**
     * @param index strike index.
     * @return dense id of the call, or -1.
     */
    public int callId(final int index)
    {
        return callIds[index];
    }

    /**
     * @param index strike index.
     * @return dense id of the put, or -1.
     */
    public int putId(final int index)
    {
        return putIds[index];
    }

    /**
     * The at-the-money strike: the listed strike nearest the price, the lower one on a tie (DOMAIN.md §2).
     *
     * @param pricePaise spot or forward in paise.
     * @return its strike index, or -1 for an empty chain.
     */
    public int atmIndex(final long pricePaise)
    {
        if (strikes.length == 0)
        {
            return -1;
        }
        final int found = Arrays.binarySearch(strikes, pricePaise);
        if (found >= 0)
        {
            return found;
        }
        final int above = -found - 1;
        if (above == 0)
        {
            return 0;
        }
        if (above == strikes.length)
        {
            return strikes.length - 1;
        }
        return pricePaise - strikes[above - 1] <= strikes[above] - pricePaise ? above - 1 : above;
    }

    @Override
    public String toString()
    {
        return underlying + " " + expiry + " (" + strikes.length + " strikes)";
    }
}
