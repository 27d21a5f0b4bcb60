package dev.vyuha.engine.order;

/**
 * Where an order intent is in its life.
 */
public enum OrderState
{
    /** Sent to the gateway, not yet acknowledged by the broker. */
    PENDING,
    /** Accepted by the broker and resting. */
    OPEN,
    /** Partly filled and still working. */
    PARTIALLY_FILLED,
    /** Completely filled. Final. */
    FILLED,
    /** Cancelled (or lapsed), possibly after partial fills. Final. */
    CANCELLED,
    /** Refused by risk, the gateway, the broker or the exchange. Final. */
    REJECTED;

    /**
     * @return true if nothing more will happen to the order.
     */
    public boolean isFinal()
    {
        return this == FILLED || this == CANCELLED || this == REJECTED;
    }
}
