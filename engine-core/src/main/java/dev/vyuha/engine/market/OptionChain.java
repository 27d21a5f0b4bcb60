package dev.vyuha.engine.market;

/**
 * The listed strikes of one underlying and expiry with their call and put instrument ids, strikes ascending. A strike
 * listed for only one side has {@link InstrumentMaster#NOT_FOUND} on the other.
 */
public final class OptionChain
{
    private final Underlying underlying;
    private final int expiryEpochDay;
    private final boolean monthly;
    private final long[] strikes;
    private final int[] callIds;
    private final int[] putIds;

    OptionChain(final Underlying underlying, final int expiryEpochDay, final boolean monthly, final long[] strikes,
        final int[] callIds, final int[] putIds)
    {
        this.underlying = underlying;
        this.expiryEpochDay = expiryEpochDay;
        this.monthly = monthly;
        this.strikes = strikes;
        this.callIds = callIds;
        this.putIds = putIds;
    }

    /** @return the underlying. */
    public Underlying underlying()
    {
        return underlying;
    }

    /** @return expiry as days since 1970-01-01 (IST date). */
    public int expiryEpochDay()
    {
        return expiryEpochDay;
    }

    /** @return true if this is the month's monthly expiry (read from the trading symbols). */
    public boolean isMonthly()
    {
        return monthly;
    }

    /** @return number of listed strikes. */
    public int strikeCount()
    {
        return strikes.length;
    }

    /**
     * @param index 0 .. strikeCount()-1, ascending.
     * @return the strike in paise.
     */
    public long strike(final int index)
    {
        return strikes[index];
    }

    /**
     * @param index strike index.
     * @return instrument id of the call, or NOT_FOUND.
     */
    public int callId(final int index)
    {
        return callIds[index];
    }

    /**
     * @param index strike index.
     * @return instrument id of the put, or NOT_FOUND.
     */
    public int putId(final int index)
    {
        return putIds[index];
    }

    /**
     * @param index strike index.
     * @param type  CE or PE.
     * @return the option's instrument id, or NOT_FOUND.
     */
    public int optionId(final int index, final OptionType type)
    {
        return type == OptionType.CE ? callIds[index] : putIds[index];
    }

    /**
     * @param strikePaise a strike.
     * @return its index if listed exactly, else -1.
     */
    public int indexOfStrike(final long strikePaise)
    {
        final int found = java.util.Arrays.binarySearch(strikes, strikePaise);
        return found >= 0 ? found : -1;
    }

    /**
     * The listed strike nearest a price; a price exactly between two strikes resolves to the <b>lower</b> strike
     * (DOMAIN.md §2: the ATM tie rule).
     *
     * @param pricePaise the basis price.
     * @return the strike index, or -1 for an empty chain.
     */
    public int nearestStrikeIndex(final long pricePaise)
    {
        if (strikes.length == 0)
        {
            return -1;
        }
        final int found = java.util.Arrays.binarySearch(strikes, pricePaise);
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
        final long distanceBelow = pricePaise - strikes[above - 1];
        final long distanceAbove = strikes[above] - pricePaise;
        return distanceAbove < distanceBelow ? above : above - 1;
    }
}
