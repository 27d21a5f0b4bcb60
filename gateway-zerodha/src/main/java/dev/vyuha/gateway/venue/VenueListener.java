package dev.vyuha.gateway.venue;

/**
 * Receives a venue's outcomes. Implementations must be thread safe: venues call from their own threads.
 */
public interface VenueListener
{
    /**
     * @param event what happened to an order.
     */
    void onExecution(ExecutionEvent event);

    /**
     * @param event the broker session changed state.
     */
    void onSession(SessionEvent event);

    /**
     * @param snapshot the broker's orders, trades and positions.
     */
    void onReconciliation(ReconciliationSnapshot snapshot);
}
