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
    REJECTED,
    /**
     * Still working at the session close of its contract's expiry day: the exchange cancelled it at the close and the
     * engine settled the position at expiry instead. Final; later broker reports for it change nothing.
     */
    EXPIRED;

    /**
     * @return true if nothing more will happen to the order.
     */
    public boolean isFinal()
    {
        return this == FILLED || this == CANCELLED || this == REJECTED || this == EXPIRED;
    }
}
