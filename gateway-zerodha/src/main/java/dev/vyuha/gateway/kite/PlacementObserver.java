package dev.vyuha.gateway.kite;

/**
 * Observes each placement as it leaves for Kite (metrics, benchmarks): called on the broker thread just before the
 * SDK call, with the time the gateway received the intent's frame. Must be cheap and must not throw.
 */
@FunctionalInterface
public interface PlacementObserver
{
    /** Observes nothing. */
    PlacementObserver NONE = (tag, receivedNanos, sendingNanos) ->
    {
    };

    /**
     * @param tag           the Kite tag of the order (intent or slice tag).
     * @param receivedNanos {@link System#nanoTime()} when the gateway received the NewOrder frame.
     * @param sendingNanos  {@link System#nanoTime()} just before the SDK call.
     */
    void beforePlace(String tag, long receivedNanos, long sendingNanos);
}
