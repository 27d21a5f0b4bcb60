package dev.vyuha.kitesim;

/**
 * One level of a simulated order book.
 *
 * @param price    in paise (hundredths of the quote currency).
 * @param quantity units at this price.
 * @param orders   number of orders at this price.
 */
public record DepthLevel(long price, int quantity, int orders)
{
    /** An empty level, as Kite sends for missing depth. */
    public static final DepthLevel EMPTY = new DepthLevel(0, 0, 0);

    /**
     * @return true if the level carries neither price nor quantity.
     */
    public boolean isEmpty()
    {
        return 0 == price && 0 == quantity;
    }
}
