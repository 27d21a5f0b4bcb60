package dev.vyuha.feed;

import dev.vyuha.feed.recording.FrameRecorder;
import dev.vyuha.feed.source.MarketDataSource;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.util.Locale;

/**
 * The feed's duty cycle on one thread: pull frames from the source, hold each until it is due (replays are paced at
 * the configured speed; live frames go at once), publish it, record it if asked. A frame that meets back-pressure is
 * held and tried again next cycle: a replay loses nothing and simply falls behind. With no subscriber a replay waits
 * (and restarts its pacing when one arrives) while a live feed drops the tick. At most {@code framesPerCycle} frames
 * per cycle, so a burst never starves the idle strategy's view of work.
 */
public final class FeedAgent implements Agent
{
    private static final Logger LOG = LoggerFactory.getLogger(FeedAgent.class);

    private final MarketDataSource source;
    private final TickPublication publication;
    private final FrameRecorder recorder;
    private final ReplayPacer pacer;
    private final NanoClock clock;
    private final int framesPerCycle;
    private final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(MarketDataSource.MAX_FRAME_LENGTH));
    private int pendingLength;
    private long pendingTimeNs;
    private boolean waitingForSubscriber;
    private volatile boolean ended;
    private volatile long published;
    private volatile long droppedWithoutSubscriber;
    private long startedNs;

    FeedAgent(
        final MarketDataSource source,
        final TickPublication publication,
        final FrameRecorder recorder,
        final ReplayPacer pacer,
        final NanoClock clock,
        final int framesPerCycle)
    {
        this.source = source;
        this.publication = publication;
        this.recorder = recorder;
        this.pacer = pacer;
        this.clock = clock;
        this.framesPerCycle = framesPerCycle;
    }

    @Override
    public String roleName()
    {
        return "vyuha-feed";
    }

    @Override
    public void onStart()
    {
        startedNs = clock.nanoTime();
        source.start();
        LOG.info("feed publishing {}", source.description());
    }

    @Override
    public int doWork()
    {
        if (ended)
        {
            return 0;
        }
        final boolean live = source.isLive();
        int work = 0;
        for (int i = 0; i < framesPerCycle; i++)
        {
            if (pendingLength == 0)
            {
                final int length = source.next(buffer, 0);
                if (length == MarketDataSource.END_OF_DATA)
                {
                    finish();
                    break;
                }
                if (length == MarketDataSource.NO_FRAME)
                {
                    break;
                }
                pendingLength = length;
                pendingTimeNs = source.frameTimeNs();
            }
            if (!live && !pacer.isDue(pendingTimeNs, clock.nanoTime()))
            {
                break;
            }
            final int result = publication.offer(buffer, 0, pendingLength);
            if (result == TickPublication.PUBLISHED)
            {
                if (waitingForSubscriber)
                {
                    waitingForSubscriber = false;
                    LOG.info("subscriber connected; publishing");
                }
                if (null != recorder)
                {
                    recorder.record(buffer, 0, pendingLength, pendingTimeNs);
                }
                published++;
                pendingLength = 0;
                work++;
            }
            else if (result == TickPublication.NOT_CONNECTED)
            {
                if (live)
                {
                    droppedWithoutSubscriber++;
                    pendingLength = 0;
                    continue;
                }
                if (!waitingForSubscriber)
                {
                    waitingForSubscriber = true;
                    LOG.info("no subscriber on the market-data stream; the replay waits");
                }
                pacer.restart();
                break;
            }
            else
            {
                break;
            }
        }
        return work;
    }

    private void finish()
    {
        ended = true;
        if (null != recorder)
        {
            recorder.flush();
        }
        final double seconds = (clock.nanoTime() - startedNs) / 1e9;
        LOG.info("{} finished: {} frames published in {} s", source.description(), published,
            String.format(Locale.ROOT, "%.1f", seconds));
    }

    /** @return true once the source has no more data and everything has been published. */
    public boolean isFinished()
    {
        return ended;
    }

    /** @return frames published. */
    public long published()
    {
        return published;
    }

    /** @return live frames dropped because nobody subscribed. */
    public long droppedWithoutSubscriber()
    {
        return droppedWithoutSubscriber;
    }

    /** @return offers that met back-pressure. */
    public long backPressured()
    {
        return publication.backPressured();
    }
}
