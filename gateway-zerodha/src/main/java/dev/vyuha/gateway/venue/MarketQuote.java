package dev.vyuha.gateway.venue;

/**
 * A mutable, reused view of one market-data tick for venues that fill against quotes: last price and up to five depth
 * levels per side, prices in paise. Valid only during the call it is passed to.
 */
public final class MarketQuote
{
    /** Depth levels carried. */
    public static final int MAX_LEVELS = 5;

    private long instrumentToken;
    private long timestampNs;
    private long lastPrice;
    private int bidLevels;
    private int askLevels;
    private final long[] bidPrices = new long[MAX_LEVELS];
    private final int[] bidQuantities = new int[MAX_LEVELS];
    private final long[] askPrices = new long[MAX_LEVELS];
    private final int[] askQuantities = new int[MAX_LEVELS];

    /**
     * Start a new quote.
     *
     * @param instrumentToken instrument.
     * @param timestampNs     epoch ns of the tick.
     * @param lastPrice       paise.
     * @return this.
     */
    public MarketQuote reset(final long instrumentToken, final long timestampNs, final long lastPrice)
    {
        this.instrumentToken = instrumentToken;
        this.timestampNs = timestampNs;
        this.lastPrice = lastPrice;
        this.bidLevels = 0;
        this.askLevels = 0;
        return this;
    }

    /**
     * @param price    paise.
     * @param quantity units.
     * @return this.
     */
    public MarketQuote addBid(final long price, final int quantity)
    {
        if (bidLevels < MAX_LEVELS && quantity > 0)
        {
            bidPrices[bidLevels] = price;
            bidQuantities[bidLevels++] = quantity;
        }
        return this;
    }

    /**
     * @param price    paise.
     * @param quantity units.
     * @return this.
     */
    public MarketQuote addAsk(final long price, final int quantity)
    {
        if (askLevels < MAX_LEVELS && quantity > 0)
        {
            askPrices[askLevels] = price;
            askQuantities[askLevels++] = quantity;
        }
        return this;
    }

    /** @return instrument token. */
    public long instrumentToken()
    {
        return instrumentToken;
    }

    /** @return epoch ns of the tick. */
    public long timestampNs()
    {
        return timestampNs;
    }

    /** @return last price in paise. */
    public long lastPrice()
    {
        return lastPrice;
    }

    /** @return bid levels carried. */
    public int bidLevels()
    {
        return bidLevels;
    }

    /** @return ask levels carried. */
    public int askLevels()
    {
        return askLevels;
    }

    /**
     * @param level 0 = best.
     * @return bid price in paise.
     */
    public long bidPrice(final int level)
    {
        return bidPrices[level];
    }

    /**
     * @param level 0 = best.
     * @return bid quantity.
     */
    public int bidQuantity(final int level)
    {
        return bidQuantities[level];
    }

    /**
     * @param level 0 = best.
     * @return ask price in paise.
     */
    public long askPrice(final int level)
    {
        return askPrices[level];
    }

    /**
     * @param level 0 = best.
     * @return ask quantity.
     */
    public int askQuantity(final int level)
    {
        return askQuantities[level];
    }
}
