package dev.vyuha.engine.chain;

import dev.vyuha.engine.market.Underlying;

import java.util.Arrays;

/**
 * One underlying and expiry at one instant: strikes ascending, and per strike the call's and put's last price, best
 * bid and ask (paise; 0 = none), open interest and volume (any consistent unit: contracts or shares). The spot and,
 * when known, the future give the ATM basis. Reusable: {@link #clear} and refill without allocating (arrays grow only
 * when a chain is longer than any before).
 */
public final class ChainSnapshot
{
    private static final int INITIAL_CAPACITY = 256;

    private Underlying underlying;
    private int expiryEpochDay;
    private long valuationEpochNanos;
    private long spotPaise;
    private long futurePaise;
    private int count;
    private long[] strikes = new long[INITIAL_CAPACITY];
    private long[] callLast = new long[INITIAL_CAPACITY];
    private long[] callBid = new long[INITIAL_CAPACITY];
    private long[] callAsk = new long[INITIAL_CAPACITY];
    private long[] callOpenInterest = new long[INITIAL_CAPACITY];
    private long[] callVolume = new long[INITIAL_CAPACITY];
    private long[] putLast = new long[INITIAL_CAPACITY];
    private long[] putBid = new long[INITIAL_CAPACITY];
    private long[] putAsk = new long[INITIAL_CAPACITY];
    private long[] putOpenInterest = new long[INITIAL_CAPACITY];
    private long[] putVolume = new long[INITIAL_CAPACITY];

    /**
     * Start a new snapshot.
     *
     * @param underlying          the underlying.
     * @param expiryEpochDay      the expiry (IST epoch day); options expire at 15:30 IST that day.
     * @param valuationEpochNanos the snapshot's instant.
     * @param spotPaise           index level in paise (0 if unknown).
     * @param futurePaise         current-month future in paise (0 if unknown).
     * @return this.
     */
    public ChainSnapshot reset(final Underlying underlying, final int expiryEpochDay, final long valuationEpochNanos,
        final long spotPaise, final long futurePaise)
    {
        this.underlying = underlying;
        this.expiryEpochDay = expiryEpochDay;
        this.valuationEpochNanos = valuationEpochNanos;
        this.spotPaise = spotPaise;
        this.futurePaise = futurePaise;
        count = 0;
        return this;
    }

    /**
     * Empty the snapshot, keeping its arrays.
     */
    public void clear()
    {
        count = 0;
    }

    /**
     * Append a strike; strikes must be added in ascending order.
     *
     * @param strikePaise the strike.
     * @return its index.
     * @throws IllegalArgumentException if not above the previous strike.
     */
    public int addStrike(final long strikePaise)
    {
        if (count > 0 && strikePaise <= strikes[count - 1])
        {
            throw new IllegalArgumentException("strikes must ascend: " + strikePaise + " after " + strikes[count - 1]);
        }
        if (count == strikes.length)
        {
            grow();
        }
        final int index = count++;
        strikes[index] = strikePaise;
        callLast[index] = 0;
        callBid[index] = 0;
        callAsk[index] = 0;
        callOpenInterest[index] = 0;
        callVolume[index] = 0;
        putLast[index] = 0;
        putBid[index] = 0;
        putAsk[index] = 0;
        putOpenInterest[index] = 0;
        putVolume[index] = 0;
        return index;
    }

    /**
     * @param index        strike index.
     * @param last         last traded price, paise.
     * @param bid          best bid, paise (0 = none).
     * @param ask          best ask, paise (0 = none).
     * @param openInterest open interest.
     * @param volume       traded volume.
     */
    public void call(final int index, final long last, final long bid, final long ask, final long openInterest,
        final long volume)
    {
        callLast[index] = last;
        callBid[index] = bid;
        callAsk[index] = ask;
        callOpenInterest[index] = openInterest;
        callVolume[index] = volume;
    }

    /**
     * @param index        strike index.
     * @param last         last traded price, paise.
     * @param bid          best bid, paise (0 = none).
     * @param ask          best ask, paise (0 = none).
     * @param openInterest open interest.
     * @param volume       traded volume.
     */
    public void put(final int index, final long last, final long bid, final long ask, final long openInterest,
        final long volume)
    {
        putLast[index] = last;
        putBid[index] = bid;
        putAsk[index] = ask;
        putOpenInterest[index] = openInterest;
        putVolume[index] = volume;
    }

    /** @return the underlying. */
    public Underlying underlying()
    {
        return underlying;
    }

    /** @return expiry as IST epoch day. */
    public int expiryEpochDay()
    {
        return expiryEpochDay;
    }

    /** @return the snapshot's instant, nanoseconds since the epoch. */
    public long valuationEpochNanos()
    {
        return valuationEpochNanos;
    }

    /** @return spot in paise, 0 if unknown. */
    public long spotPaise()
    {
        return spotPaise;
    }

    /** @return future in paise, 0 if unknown. */
    public long futurePaise()
    {
        return futurePaise;
    }

    /** @return number of strikes. */
    public int strikeCount()
    {
        return count;
    }

    /** @param i index. @return strike in paise. */
    public long strike(final int i)
    {
        return strikes[i];
    }

    /** @param i index. @return call LTP. */
    public long callLast(final int i)
    {
        return callLast[i];
    }

    /** @param i index. @return call bid. */
    public long callBid(final int i)
    {
        return callBid[i];
    }

    /** @param i index. @return call ask. */
    public long callAsk(final int i)
    {
        return callAsk[i];
    }

    /** @param i index. @return call open interest. */
    public long callOpenInterest(final int i)
    {
        return callOpenInterest[i];
    }

    /** @param i index. @return call volume. */
    public long callVolume(final int i)
    {
        return callVolume[i];
    }

    /** @param i index. @return put LTP. */
    public long putLast(final int i)
    {
        return putLast[i];
    }

    /** @param i index. @return put bid. */
    public long putBid(final int i)
    {
        return putBid[i];
    }

    /** @param i index. @return put ask. */
    public long putAsk(final int i)
    {
        return putAsk[i];
    }

    /** @param i index. @return put open interest. */
    public long putOpenInterest(final int i)
    {
        return putOpenInterest[i];
    }

    /** @param i index. @return put volume. */
    public long putVolume(final int i)
    {
        return putVolume[i];
    }

    private void grow()
    {
        final int capacity = strikes.length * 2;
        strikes = Arrays.copyOf(strikes, capacity);
        callLast = Arrays.copyOf(callLast, capacity);
        callBid = Arrays.copyOf(callBid, capacity);
        callAsk = Arrays.copyOf(callAsk, capacity);
        callOpenInterest = Arrays.copyOf(callOpenInterest, capacity);
        callVolume = Arrays.copyOf(callVolume, capacity);
        putLast = Arrays.copyOf(putLast, capacity);
        putBid = Arrays.copyOf(putBid, capacity);
        putAsk = Arrays.copyOf(putAsk, capacity);
        putOpenInterest = Arrays.copyOf(putOpenInterest, capacity);
        putVolume = Arrays.copyOf(putVolume, capacity);
    }
}
