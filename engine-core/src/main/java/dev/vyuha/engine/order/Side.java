package dev.vyuha.engine.order;

/**
 * Buy or sell.
 */
public enum Side
{
    /** Buy: long premium. */
    BUY(1),
    /** Sell: short premium. */
    SELL(-1);

    private final int sign;

    Side(final int sign)
    {
        this.sign = sign;
    }

    /**
     * @return +1 for BUY, -1 for SELL: the sign of the position a fill of this side adds.
     */
    public int sign()
    {
        return sign;
    }

    /**
     * @return the other side.
     */
    public Side opposite()
    {
        return this == BUY ? SELL : BUY;
    }
}
