package dev.vyuha.feed.source;

import org.agrona.MutableDirectBuffer;

/**
 * A source of market-data frames ({@code IndexTick}, {@code DerivativeTick}, {@code FeedState}) in SBE, pulled one
 * at a time: {@link #next} encodes the next frame into the caller's buffer and says how long it is, and
 * {@link #frameTimeNs()} says when it happened (data time, epoch nanoseconds). Historical and synthetic sources return
 * frames in data-time order as fast as they are pulled, so a backtest can drive an engine directly, without Aeron or
 * threads; the {@code FeedAgent} paces them onto Aeron in real time, ×N or as fast as possible. A live source returns
 * {@link #NO_FRAME} until something arrives.
 *
 * <p>Frames leave the {@code CommandHeader} zero (the engine stamps it) and are valid per the schema's
 * {@code FrameValidator}. One consumer thread: {@link #next} is not thread safe.
 */
public interface MarketDataSource extends AutoCloseable
{
    /** Returned by {@link #next} when the source has nothing more, ever. */
    int END_OF_DATA = -1;
    /** Returned by {@link #next} when a live source has nothing right now. */
    int NO_FRAME = 0;
    /** Every frame fits in this many bytes: give {@link #next} at least this much room after the offset. */
    int MAX_FRAME_LENGTH = 1024;

    /**
     * Encode the next frame.
     *
     * @param buffer to write into, with at least {@link #MAX_FRAME_LENGTH} bytes from {@code offset}.
     * @param offset where the frame's SBE message header goes.
     * @return the frame's length, {@link #NO_FRAME} or {@link #END_OF_DATA}.
     */
    int next(MutableDirectBuffer buffer, int offset);

    /**
     * @return data time of the frame {@link #next} last returned, epoch nanoseconds (a live source: when it was
     * received).
     */
    long frameTimeNs();

    /**
     * @return true if frames arrive in real time (publish at once, never pace); false for replayed or generated data.
     */
    boolean isLive();

    /**
     * Start background work, if the source has any (a live connection). Pull-only sources do nothing.
     */
    default void start()
    {
    }

    /**
     * @param listener told, from within {@link #next}, which instruments the source expects to tick (its
     * subscriptions) as they change; replaces any previous listener.
     */
    void subscriptions(SubscriptionListener listener);

    /**
     * @return a one-line description for logs.
     */
    String description();

    /**
     * Release files, sockets and threads. Never throws.
     */
    @Override
    void close();
}
