package dev.vyuha.feed.stale;

import dev.vyuha.feed.source.MarketDataFrames;
import dev.vyuha.feed.source.MarketDataSource;
import dev.vyuha.feed.source.SubscriptionListener;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A source with stale-data detection: passes the wrapped source's frames through and interleaves
 * {@code FeedState} frames from a {@link StaleDataMonitor} at the data time they happen, so a replay or a backtest
 * sees exactly what a live feed would have said. For a replayed or generated source, time is the frames' data time
 * (a STALE comes before the first frame after its instant); for a live source it is the given clock, so silence is
 * noticed even when nothing arrives.
 *
 * <p>In the common case the wrapped source writes straight into the caller's buffer; only when a scan finds something
 * is that frame set aside (copied) until the feed-state frames before it have been returned.
 */
public final class StaleDataGuard implements MarketDataSource, SubscriptionListener
{
    private final MarketDataSource source;
    private final StaleDataMonitor monitor;
    private final EpochNanoClock clock;
    private final MarketDataFrames frames = new MarketDataFrames();
    private final UnsafeBuffer heldFrame = new UnsafeBuffer(new byte[MAX_FRAME_LENGTH]);
    private SubscriptionListener downstream = SubscriptionListener.NONE;
    private int heldLength;
    private long heldTimeNs;
    private long frameTimeNs;
    private boolean ended;

    /**
     * @param source  the source to guard.
     * @param monitor decides what is stale.
     * @param clock   wall clock (epoch ns) for live sources; unused for others.
     */
    public StaleDataGuard(final MarketDataSource source, final StaleDataMonitor monitor, final EpochNanoClock clock)
    {
        this.source = source;
        this.monitor = monitor;
        this.clock = clock;
        source.subscriptions(this);
    }

    @Override
    public int next(final MutableDirectBuffer buffer, final int offset)
    {
        if (monitor.hasEvents())
        {
            return event(buffer, offset);
        }
        if (heldLength > 0)
        {
            final int length = heldLength;
            buffer.putBytes(offset, heldFrame, 0, length);
            heldLength = 0;
            frameTimeNs = heldTimeNs;
            afterFrame(buffer, offset);
            return length;
        }
        if (ended)
        {
            return END_OF_DATA;
        }
        final int length = source.next(buffer, offset);
        if (length == END_OF_DATA)
        {
            ended = true;
            return END_OF_DATA;
        }
        if (length == NO_FRAME)
        {
            if (source.isLive())
            {
                monitor.scanUntil(clock.nanoTime());
                if (monitor.hasEvents())
                {
                    return event(buffer, offset);
                }
            }
            return NO_FRAME;
        }
        final long timeNs = source.frameTimeNs();
        monitor.scanUntil(timeNs);
        if (monitor.hasEvents())
        {
            heldFrame.putBytes(0, buffer, offset, length);
            heldLength = length;
            heldTimeNs = timeNs;
            return event(buffer, offset);
        }
        frameTimeNs = timeNs;
        afterFrame(buffer, offset);
        return length;
    }

    private void afterFrame(final MutableDirectBuffer buffer, final int offset)
    {
        monitor.onFrame(buffer, offset, frameTimeNs);
    }

    private int event(final MutableDirectBuffer buffer, final int offset)
    {
        final FeedStateEvent event = monitor.pollEvent();
        frameTimeNs = event.timeNs();
        return frames.feedState(buffer, offset, event.scope(), event.status(), event.token(), event.underlying(),
            event.lastTickTimeNs(), event.reason());
    }

    @Override
    public long frameTimeNs()
    {
        return frameTimeNs;
    }

    @Override
    public boolean isLive()
    {
        return source.isLive();
    }

    @Override
    public void start()
    {
        source.start();
    }

    @Override
    public void subscriptions(final SubscriptionListener listener)
    {
        this.downstream = null == listener ? SubscriptionListener.NONE : listener;
    }

    @Override
    public void onSubscribed(final long token, final long timeNs)
    {
        monitor.onSubscribed(token, timeNs);
        downstream.onSubscribed(token, timeNs);
    }

    @Override
    public void onUnsubscribed(final long token, final long timeNs)
    {
        monitor.onUnsubscribed(token, timeNs);
        downstream.onUnsubscribed(token, timeNs);
    }

    /** @return the monitor. */
    public StaleDataMonitor monitor()
    {
        return monitor;
    }

    /** @return the guarded source. */
    public MarketDataSource source()
    {
        return source;
    }

    @Override
    public String description()
    {
        return source.description() + " with stale-data detection";
    }

    @Override
    public void close()
    {
        source.close();
    }
}
