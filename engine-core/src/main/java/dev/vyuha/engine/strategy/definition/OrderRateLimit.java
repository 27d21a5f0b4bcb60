package dev.vyuha.engine.strategy.definition;

/**
 * An order-rate budget: at most this many orders (placements, modifications and cancellations) per second, minute
 * and day.
 *
 * @param perSecond orders per second, 1..perMinute.
 * @param perMinute orders per minute, perSecond..perDay.
 * @param perDay    orders per day, at least perMinute.
 */
public record OrderRateLimit(int perSecond, int perMinute, int perDay)
{
    /** Kite Connect's published limits: 10 orders per second, 400 per minute, 5000 per day. */
    public static final OrderRateLimit KITE = new OrderRateLimit(10, 400, 5000);

    /**
     * Validates the components.
     */
    public OrderRateLimit
    {
        ModelInvariants.range(perSecond, 1, Integer.MAX_VALUE, "perSecond");
        ModelInvariants.range(perMinute, perSecond, Integer.MAX_VALUE, "perMinute");
        ModelInvariants.range(perDay, perMinute, Integer.MAX_VALUE, "perDay");
    }
}
