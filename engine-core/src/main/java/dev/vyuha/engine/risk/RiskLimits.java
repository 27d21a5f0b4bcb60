package dev.vyuha.engine.risk;

/**
 * Account-wide per-order limits and order-rate budgets (DOMAIN.md §5, KITE.md §9: 10 orders per second, 400 per
 * minute, 5000 per day).
 *
 * @param maxLotsPerOrder    most lots one intent may carry (before the gateway slices by freeze quantity).
 * @param maxOrderValuePaise most value (price times quantity) of one intent, paise.
 * @param ordersPerSecond    entry intents per rolling second.
 * @param ordersPerMinute    entry intents per rolling minute.
 * @param ordersPerDay       intents per day (entries and exits).
 */
public record RiskLimits(int maxLotsPerOrder, long maxOrderValuePaise, int ordersPerSecond, int ordersPerMinute,
    int ordersPerDay)
{
    /**
     * @param maxLotsPerOrder    &gt; 0.
     * @param maxOrderValuePaise &gt; 0.
     * @param ordersPerSecond    &gt; 0.
     * @param ordersPerMinute    &gt; 0.
     * @param ordersPerDay       &gt; 0.
     */
    public RiskLimits
    {
        if (maxLotsPerOrder <= 0 || maxOrderValuePaise <= 0 || ordersPerSecond <= 0 || ordersPerMinute <= 0
            || ordersPerDay <= 0)
        {
            throw new IllegalArgumentException("every limit must be > 0: " + maxLotsPerOrder + ", "
                + maxOrderValuePaise + ", " + ordersPerSecond + ", " + ordersPerMinute + ", " + ordersPerDay);
        }
    }

    /**
     * Kite's budgets, 100 lots and 2 crore rupees per order.
     *
     * @return default limits.
     */
    public static RiskLimits defaults()
    {
        return new RiskLimits(100, 2_00_00_000_00L, 10, 400, 5000);
    }
}
