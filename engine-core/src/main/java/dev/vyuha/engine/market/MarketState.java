package dev.vyuha.engine.market;

import java.util.Arrays;

/**
 * The last quote of every instrument of the master, in flat primitive arrays indexed by instrument id: last price,
 * best bid and ask with their quantities, volume, open interest, and when the engine last heard of it (command time).
 * Updating a quote is a handful of array stores; nothing allocates. Also holds the feed's staleness flags, per
 * instrument and per underlying, and answers whether a quote is usable for a decision at a given instant.
 *
 * <p>Owned by the business-logic thread. Prices are paise, 0 meaning "none".
 */
public final class MarketState
{
    /** Value of an absent time. */
    public static final long NEVER = Long.MIN_VALUE;

    private final InstrumentMaster master;
    private final long[] lastPrice;
    private final long[] bidPrice;
    private final long[] askPrice;
    private final int[] bidQuantity;
    private final int[] askQuantity;
    private final long[] volume;
    private final long[] openInterest;
    private final long[] updatedNs;
    private final long[] exchangeTimeNs;
    private final boolean[] instrumentStale;
    private final boolean[] underlyingStale = new boolean[Underlying.values().length];
    private boolean feedStale;
    private long ticksApplied;
    private long unknownInstrumentTicks;

    /**
     * @param master the instruments whose quotes are kept.
     */
    public MarketState(final InstrumentMaster master)
    {
        this.master = master;
        final int count = master.count();
        lastPrice = new long[count];
        bidPrice = new long[count];
        askPrice = new long[count];
        bidQuantity = new int[count];
        askQuantity = new int[count];
        volume = new long[count];
        openInterest = new long[count];
        updatedNs = new long[count];
        exchangeTimeNs = new long[count];
        instrumentStale = new boolean[count];
        Arrays.fill(updatedNs, NEVER);
        Arrays.fill(exchangeTimeNs, NEVER);
    }

    /** @return the master these quotes belong to. */
    public InstrumentMaster master()
    {
        return master;
    }

    /**
     * Apply a tick's last price (every mode carries it).
     *
     * @param token     Kite instrument token.
     * @param price     last price, paise.
     * @param commandNs command timestamp.
     * @return the instrument id, or NOT_FOUND (counted) for a token the master does not know.
     */
    public int onLastPrice(final long token, final long price, final long commandNs)
    {
        final int id = master.idOfToken(token);
        if (id == InstrumentMaster.NOT_FOUND)
        {
            unknownInstrumentTicks++;
            return id;
        }
        lastPrice[id] = price;
        updatedNs[id] = commandNs;
        ticksApplied++;
        return id;
    }

    /**
     * Apply the best bid and offer of a quote or full tick.
     *
     * @param id          instrument id from {@link #onLastPrice}.
     * @param bid         best bid, paise (0 none).
     * @param bidQuantity units at the best bid.
     * @param ask         best ask, paise (0 none).
     * @param askQuantity units at the best ask.
     */
    public void onTopOfBook(final int id, final long bid, final int bidQuantity, final long ask, final int askQuantity)
    {
        bidPrice[id] = bid;
        this.bidQuantity[id] = bidQuantity;
        askPrice[id] = ask;
        this.askQuantity[id] = askQuantity;
    }

    /**
     * @param id             instrument id.
     * @param volume         traded volume, or a negative value if absent.
     * @param openInterest   open interest, or a negative value if absent.
     * @param exchangeTimeNs exchange timestamp, or NEVER.
     */
    public void onStatistics(final int id, final long volume, final long openInterest, final long exchangeTimeNs)
    {
        if (volume >= 0)
        {
            this.volume[id] = volume;
        }
        if (openInterest >= 0)
        {
            this.openInterest[id] = openInterest;
        }
        if (exchangeTimeNs != NEVER)
        {
            this.exchangeTimeNs[id] = exchangeTimeNs;
        }
    }

    /**
     * Mark an instrument stale or recovered (feed-state command).
     *
     * @param token Kite instrument token.
     * @param stale true when stale.
     * @return false if the token is unknown.
     */
    public boolean markInstrument(final long token, final boolean stale)
    {
        final int id = master.idOfToken(token);
        if (id == InstrumentMaster.NOT_FOUND)
        {
            return false;
        }
        instrumentStale[id] = stale;
        return true;
    }

    /**
     * @param underlying an underlying.
     * @param stale      true when its market data is stale.
     */
    public void markUnderlying(final Underlying underlying, final boolean stale)
    {
        underlyingStale[underlying.ordinal()] = stale;
    }

    /**
     * @param stale true when the whole feed is stale (disconnected).
     */
    public void markFeed(final boolean stale)
    {
        feedStale = stale;
    }

    /** @param id instrument id. @return last price in paise, 0 if never traded. */
    public long lastPrice(final int id)
    {
        return lastPrice[id];
    }

    /** @param id instrument id. @return best bid in paise, 0 if none. */
    public long bidPrice(final int id)
    {
        return bidPrice[id];
    }

    /** @param id instrument id. @return best ask in paise, 0 if none. */
    public long askPrice(final int id)
    {
        return askPrice[id];
    }

    /** @param id instrument id. @return units at the best bid. */
    public int bidQuantity(final int id)
    {
        return bidQuantity[id];
    }

    /** @param id instrument id. @return units at the best ask. */
    public int askQuantity(final int id)
    {
        return askQuantity[id];
    }

    /** @param id instrument id. @return traded volume. */
    public long volume(final int id)
    {
        return volume[id];
    }

    /** @param id instrument id. @return open interest. */
    public long openInterest(final int id)
    {
        return openInterest[id];
    }

    /** @param id instrument id. @return command time of its last tick, or NEVER. */
    public long updatedNs(final int id)
    {
        return updatedNs[id];
    }

    /**
     * @param id instrument id.
     * @return the mid of a two-sided book in paise, else 0.
     */
    public long midPrice(final int id)
    {
        final long bid = bidPrice[id];
        final long ask = askPrice[id];
        return bid > 0 && ask >= bid ? (bid + ask) / 2 : 0;
    }

    /**
     * Whether a quote can drive a decision now: it has a positive last price, the feed has not flagged it, its
     * underlying or the feed as stale, and it is not older than {@code maxAgeNs} at {@code nowNs}.
     *
     * @param id       instrument id.
     * @param nowNs    command time of the decision.
     * @param maxAgeNs oldest acceptable quote age; non-positive disables the age test.
     * @return true if usable.
     */
    public boolean isUsable(final int id, final long nowNs, final long maxAgeNs)
    {
        if (lastPrice[id] <= 0 || instrumentStale[id] || feedStale
            || underlyingStale[master.underlying(id).ordinal()] || updatedNs[id] == NEVER)
        {
            return false;
        }
        return maxAgeNs <= 0 || nowNs - updatedNs[id] <= maxAgeNs;
    }

    /** @return true while the whole feed is marked stale. */
    public boolean isFeedStale()
    {
        return feedStale;
    }

    /**
     * @param underlying an underlying.
     * @return true if the feed flagged it (or the whole feed) stale.
     */
    public boolean isStale(final Underlying underlying)
    {
        return feedStale || underlyingStale[underlying.ordinal()];
    }

    /** @return ticks applied since start. */
    public long ticksApplied()
    {
        return ticksApplied;
    }

    /** @return ticks for tokens the master does not know. */
    public long unknownInstrumentTicks()
    {
        return unknownInstrumentTicks;
    }
}
