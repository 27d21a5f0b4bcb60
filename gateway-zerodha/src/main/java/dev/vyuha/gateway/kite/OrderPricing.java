package dev.vyuha.gateway.kite;

/**
 * Prices for Kite in paise: tick-size rounding in the protective direction (never pay more, never receive less than
 * the price asked for) and the marketable limit the gateway sends instead of a MARKET order by default.
 */
public final class OrderPricing
{
    private OrderPricing()
    {
    }

    /**
     * Round a limit price to the tick so it never becomes worse for the order: a buy rounds down, a sell rounds up.
     *
     * @param price paise.
     * @param tick  tick size in paise (&gt; 0).
     * @param buy   side.
     * @return the rounded price, at least one tick.
     */
    public static long protectiveLimit(final long price, final long tick, final boolean buy)
    {
        final long rounded = buy ? Math.floorDiv(price, tick) * tick : ceilToTick(price, tick);
        return Math.max(tick, rounded);
    }

    /**
     * A marketable limit around the reference price: buy at reference + buffer, sell at reference − buffer, rounded
     * to the tick in the protective direction (the buffer is a cap on slippage, so rounding never widens it), and
     * never less aggressive than the reference itself on the tick grid.
     *
     * @param referencePrice paise (&gt; 0).
     * @param bufferBps      buffer in basis points of the reference (&gt;= 0).
     * @param tick           tick size in paise (&gt; 0).
     * @param buy            side.
     * @return the limit price in paise.
     */
    public static long marketableLimit(final long referencePrice, final double bufferBps, final long tick,
        final boolean buy)
    {
        final double factor = bufferBps / 10_000.0;
        if (buy)
        {
            final long bound = (long)Math.floor(referencePrice * (1.0 + factor));
            final long limit = Math.floorDiv(bound, tick) * tick;
            return Math.max(limit, ceilToTick(referencePrice, tick));
        }
        final long bound = (long)Math.ceil(referencePrice * (1.0 - factor));
        final long limit = ceilToTick(bound, tick);
        return Math.max(tick, Math.min(limit, Math.floorDiv(referencePrice, tick) * tick));
    }

    /**
     * Round a trigger price to the nearest tick (half up).
     *
     * @param price paise.
     * @param tick  tick size in paise.
     * @return the rounded trigger, at least one tick.
     */
    public static long nearestTick(final long price, final long tick)
    {
        return Math.max(tick, Math.floorDiv(price + tick / 2, tick) * tick);
    }

    /**
     * @param paise an amount in paise.
     * @return rupees as the SDK sends them ({@code Double.toString}, e.g. 12.35).
     */
    public static double rupees(final long paise)
    {
        return paise / 100.0;
    }

    /**
     * @param rupees an amount as Kite returns it (e.g. "12.35", "72").
     * @return paise, rounded to the nearest.
     */
    public static long paise(final double rupees)
    {
        return Math.round(rupees * 100.0);
    }

    private static long ceilToTick(final long price, final long tick)
    {
        return Math.floorDiv(price + tick - 1, tick) * tick;
    }
}
