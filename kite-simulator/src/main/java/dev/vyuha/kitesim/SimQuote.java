package dev.vyuha.kitesim;

import java.util.Arrays;
import java.util.List;

/**
 * An immutable market snapshot of one instrument, as the simulator serves it over REST ({@code /quote}) and the
 * ticker (ltp, quote and full packets), and as its matching engine trades against. Prices are in paise; times are
 * epoch seconds (as the ticker carries them). Build with {@link #builder(long)}.
 */
public final class SimQuote
{
    /** Depth levels per side, as Kite sends them. */
    public static final int DEPTH = 5;

    private final long instrumentToken;
    private final long lastPrice;
    private final int lastQuantity;
    private final long averagePrice;
    private final long volume;
    private final long totalBuyQuantity;
    private final long totalSellQuantity;
    private final long open;
    private final long high;
    private final long low;
    private final long close;
    private final long lastTradeTimeSeconds;
    private final long openInterest;
    private final long openInterestDayHigh;
    private final long openInterestDayLow;
    private final long exchangeTimeSeconds;
    private final long lowerCircuit;
    private final long upperCircuit;
    private final DepthLevel[] bids;
    private final DepthLevel[] asks;

    private SimQuote(final Builder builder)
    {
        instrumentToken = builder.instrumentToken;
        lastPrice = builder.lastPrice;
        lastQuantity = builder.lastQuantity;
        averagePrice = builder.averagePrice;
        volume = builder.volume;
        totalBuyQuantity = builder.totalBuyQuantity;
        totalSellQuantity = builder.totalSellQuantity;
        open = builder.open;
        high = builder.high;
        low = builder.low;
        close = builder.close;
        lastTradeTimeSeconds = builder.lastTradeTimeSeconds;
        openInterest = builder.openInterest;
        openInterestDayHigh = builder.openInterestDayHigh;
        openInterestDayLow = builder.openInterestDayLow;
        exchangeTimeSeconds = builder.exchangeTimeSeconds;
        lowerCircuit = builder.lowerCircuit;
        upperCircuit = builder.upperCircuit;
        bids = builder.bids.clone();
        asks = builder.asks.clone();
    }

    /**
     * @param instrumentToken Kite instrument token.
     * @return a builder with empty depth and zero fields.
     */
    public static Builder builder(final long instrumentToken)
    {
        return new Builder(instrumentToken);
    }

    /**
     * A two-sided quote with one level each side: the simplest book tests need.
     *
     * @param instrumentToken Kite instrument token.
     * @param bid             best bid in paise.
     * @param bidQuantity     units at the best bid.
     * @param ask             best ask in paise.
     * @param askQuantity     units at the best ask.
     * @return the quote, last price at the ask.
     */
    public static SimQuote twoSided(
        final long instrumentToken, final long bid, final int bidQuantity, final long ask, final int askQuantity)
    {
        return builder(instrumentToken)
            .lastPrice(ask)
            .ohlc(ask, ask, bid, ask)
            .bid(0, bid, bidQuantity, 1)
            .ask(0, ask, askQuantity, 1)
            .build();
    }

    /**
     * @return a builder starting from this quote.
     */
    public Builder toBuilder()
    {
        final Builder builder = new Builder(instrumentToken);
        builder.lastPrice = lastPrice;
        builder.lastQuantity = lastQuantity;
        builder.averagePrice = averagePrice;
        builder.volume = volume;
        builder.totalBuyQuantity = totalBuyQuantity;
        builder.totalSellQuantity = totalSellQuantity;
        builder.open = open;
        builder.high = high;
        builder.low = low;
        builder.close = close;
        builder.lastTradeTimeSeconds = lastTradeTimeSeconds;
        builder.openInterest = openInterest;
        builder.openInterestDayHigh = openInterestDayHigh;
        builder.openInterestDayLow = openInterestDayLow;
        builder.exchangeTimeSeconds = exchangeTimeSeconds;
        builder.lowerCircuit = lowerCircuit;
        builder.upperCircuit = upperCircuit;
        System.arraycopy(bids, 0, builder.bids, 0, DEPTH);
        System.arraycopy(asks, 0, builder.asks, 0, DEPTH);
        return builder;
    }

    /** @return Kite instrument token. */
    public long instrumentToken()
    {
        return instrumentToken;
    }

    /** @return last traded price in paise. */
    public long lastPrice()
    {
        return lastPrice;
    }

    /** @return last traded quantity. */
    public int lastQuantity()
    {
        return lastQuantity;
    }

    /** @return volume-weighted average price in paise. */
    public long averagePrice()
    {
        return averagePrice;
    }

    /** @return volume traded today. */
    public long volume()
    {
        return volume;
    }

    /** @return total quantity bid. */
    public long totalBuyQuantity()
    {
        return totalBuyQuantity;
    }

    /** @return total quantity offered. */
    public long totalSellQuantity()
    {
        return totalSellQuantity;
    }

    /** @return day open in paise. */
    public long open()
    {
        return open;
    }

    /** @return day high in paise. */
    public long high()
    {
        return high;
    }

    /** @return day low in paise. */
    public long low()
    {
        return low;
    }

    /** @return previous close in paise. */
    public long close()
    {
        return close;
    }

    /** @return last trade time, epoch seconds (0 if unknown). */
    public long lastTradeTimeSeconds()
    {
        return lastTradeTimeSeconds;
    }

    /** @return open interest. */
    public long openInterest()
    {
        return openInterest;
    }

    /** @return open interest day high. */
    public long openInterestDayHigh()
    {
        return openInterestDayHigh;
    }

    /** @return open interest day low. */
    public long openInterestDayLow()
    {
        return openInterestDayLow;
    }

    /** @return exchange timestamp, epoch seconds (0 if unknown). */
    public long exchangeTimeSeconds()
    {
        return exchangeTimeSeconds;
    }

    /** @return lower circuit limit in paise. */
    public long lowerCircuit()
    {
        return lowerCircuit;
    }

    /** @return upper circuit limit in paise. */
    public long upperCircuit()
    {
        return upperCircuit;
    }

    /**
     * @param level 0 (best) to 4.
     * @return the bid level.
     */
    public DepthLevel bid(final int level)
    {
        return bids[level];
    }

    /**
     * @param level 0 (best) to 4.
     * @return the ask level.
     */
    public DepthLevel ask(final int level)
    {
        return asks[level];
    }

    /** @return the five bid levels, best first. */
    public List<DepthLevel> bids()
    {
        return List.of(bids);
    }

    /** @return the five ask levels, best first. */
    public List<DepthLevel> asks()
    {
        return List.of(asks);
    }

    /** @return true if any depth level carries quantity. */
    public boolean hasDepth()
    {
        return Arrays.stream(bids).anyMatch(l -> l.quantity() > 0)
            || Arrays.stream(asks).anyMatch(l -> l.quantity() > 0);
    }

    @Override
    public String toString()
    {
        return "SimQuote{token=" + instrumentToken + ", ltp=" + lastPrice + ", bid=" + bids[0] + ", ask=" + asks[0]
            + '}';
    }

    /**
     * Fluent builder; unset fields are zero, unset depth levels empty.
     */
    public static final class Builder
    {
        private final long instrumentToken;
        private long lastPrice;
        private int lastQuantity;
        private long averagePrice;
        private long volume;
        private long totalBuyQuantity;
        private long totalSellQuantity;
        private long open;
        private long high;
        private long low;
        private long close;
        private long lastTradeTimeSeconds;
        private long openInterest;
        private long openInterestDayHigh;
        private long openInterestDayLow;
        private long exchangeTimeSeconds;
        private long lowerCircuit;
        private long upperCircuit;
        private final DepthLevel[] bids = new DepthLevel[DEPTH];
        private final DepthLevel[] asks = new DepthLevel[DEPTH];

        private Builder(final long instrumentToken)
        {
            this.instrumentToken = instrumentToken;
            Arrays.fill(bids, DepthLevel.EMPTY);
            Arrays.fill(asks, DepthLevel.EMPTY);
        }

        /**
         * @param price paise.
         * @return this.
         */
        public Builder lastPrice(final long price)
        {
            this.lastPrice = price;
            return this;
        }

        /**
         * @param quantity last traded quantity.
         * @return this.
         */
        public Builder lastQuantity(final int quantity)
        {
            this.lastQuantity = quantity;
            return this;
        }

        /**
         * @param price paise.
         * @return this.
         */
        public Builder averagePrice(final long price)
        {
            this.averagePrice = price;
            return this;
        }

        /**
         * @param volume traded today.
         * @return this.
         */
        public Builder volume(final long volume)
        {
            this.volume = volume;
            return this;
        }

        /**
         * @param buy  total quantity bid.
         * @param sell total quantity offered.
         * @return this.
         */
        public Builder totals(final long buy, final long sell)
        {
            this.totalBuyQuantity = buy;
            this.totalSellQuantity = sell;
            return this;
        }

        /**
         * @param open  paise.
         * @param high  paise.
         * @param low   paise.
         * @param close paise (previous session).
         * @return this.
         */
        public Builder ohlc(final long open, final long high, final long low, final long close)
        {
            this.open = open;
            this.high = high;
            this.low = low;
            this.close = close;
            return this;
        }

        /**
         * @param lastTradeTimeSeconds epoch seconds.
         * @param exchangeTimeSeconds  epoch seconds.
         * @return this.
         */
        public Builder times(final long lastTradeTimeSeconds, final long exchangeTimeSeconds)
        {
            this.lastTradeTimeSeconds = lastTradeTimeSeconds;
            this.exchangeTimeSeconds = exchangeTimeSeconds;
            return this;
        }

        /**
         * @param oi      open interest.
         * @param dayHigh open interest day high.
         * @param dayLow  open interest day low.
         * @return this.
         */
        public Builder openInterest(final long oi, final long dayHigh, final long dayLow)
        {
            this.openInterest = oi;
            this.openInterestDayHigh = dayHigh;
            this.openInterestDayLow = dayLow;
            return this;
        }

        /**
         * @param lower paise.
         * @param upper paise.
         * @return this.
         */
        public Builder circuits(final long lower, final long upper)
        {
            this.lowerCircuit = lower;
            this.upperCircuit = upper;
            return this;
        }

        /**
         * @param level    0 (best) to 4.
         * @param price    paise.
         * @param quantity units.
         * @param orders   order count.
         * @return this.
         */
        public Builder bid(final int level, final long price, final int quantity, final int orders)
        {
            bids[level] = new DepthLevel(price, quantity, orders);
            return this;
        }

        /**
         * @param level    0 (best) to 4.
         * @param price    paise.
         * @param quantity units.
         * @param orders   order count.
         * @return this.
         */
        public Builder ask(final int level, final long price, final int quantity, final int orders)
        {
            asks[level] = new DepthLevel(price, quantity, orders);
            return this;
        }

        /**
         * @return the immutable quote.
         */
        public SimQuote build()
        {
            return new SimQuote(this);
        }
    }
}
