package dev.vyuha.gateway.venue;

/**
 * A broker as the gateway's Aeron agent sees it. Every method is called on the agent thread and must not block: a venue
 * that talks to a remote broker queues the work for its own thread. Outcomes go to the {@link VenueListener} given to
 * {@link #start}, from any thread.
 */
public interface BrokerVenue extends AutoCloseable
{
    /**
     * Start the venue: open sessions, reconcile, start its threads.
     *
     * @param listener where execution, session and reconciliation events go.
     */
    void start(VenueListener listener);

    /**
     * @param intent a new order from the engine.
     */
    void onNewOrder(OrderIntent intent);

    /**
     * @param amendment a modification of an order.
     */
    void onModifyOrder(OrderAmendment amendment);

    /**
     * @param cancellation a cancellation of an order.
     */
    void onCancelOrder(OrderCancellation cancellation);

    /**
     * @param request a request for the broker's orders, trades and positions.
     */
    void onReconciliationRequest(ReconciliationQuery request);

    /**
     * A market quote from the market-data stream (used by venues that fill against quotes).
     *
     * @param quote the quote; valid only during the call (the agent reuses it).
     */
    default void onQuote(final MarketQuote quote)
    {
    }

    /**
     * Periodic work on the agent thread, e.g. fills whose latency has elapsed.
     *
     * @param nowNs epoch nanoseconds.
     * @return work done (0 when idle).
     */
    default int doWork(final long nowNs)
    {
        return 0;
    }

    /**
     * @return the venue's name for logs.
     */
    String name();

    @Override
    void close();
}
