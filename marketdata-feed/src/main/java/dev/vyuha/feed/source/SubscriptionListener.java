package dev.vyuha.feed.source;

/**
 * Told which instruments a source subscribes to, so silence can be told from "not subscribed". Called on the
 * consumer's thread from within {@code MarketDataSource.next}, in data-time order with the frames.
 */
public interface SubscriptionListener
{
    /** A listener that ignores everything. */
    SubscriptionListener NONE = new SubscriptionListener()
    {
        @Override
        public void onSubscribed(final long token, final long timeNs)
        {
        }

        @Override
        public void onUnsubscribed(final long token, final long timeNs)
        {
        }
    };

    /**
     * @param token  instrument now expected to tick.
     * @param timeNs since when (epoch ns, data time).
     */
    void onSubscribed(long token, long timeNs);

    /**
     * @param token  instrument no longer expected to tick.
     * @param timeNs since when.
     */
    void onUnsubscribed(long token, long timeNs);
}
