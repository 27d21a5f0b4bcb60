package dev.vyuha.app.timer;

import dev.vyuha.engine.runtime.CommandFrames;
import org.HdrHistogram.Recorder;
import org.HdrHistogram.Histogram;
import org.agrona.ExpandableArrayBuffer;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * One of the engine's producers: a thread that publishes a Timer command at each instant the engine has asked for
 * (its next deadline: an entry or exit time, a retry, a timeout), and a heartbeat Timer every second so engine time
 * moves on a quiet market. It sleeps until shortly before a deadline, then spins to it, and measures how late each
 * deadline timer was published (wall clock minus the deadline).
 */
public final class DeadlineTimer implements AutoCloseable
{
    /** Heartbeat when nothing is due. */
    public static final long HEARTBEAT_NS = TimeUnit.SECONDS.toNanos(1);
    private static final long SPIN_NS = TimeUnit.MICROSECONDS.toNanos(200);
    private static final long POLL_NS = TimeUnit.MILLISECONDS.toNanos(5);

    /** Where timer frames go (the ring). */
    @FunctionalInterface
    public interface Publisher
    {
        /**
         * @param frame       the Timer frame.
         * @param length      its length.
         * @param timestampNs its time.
         */
        void publish(ExpandableArrayBuffer frame, int length, long timestampNs);
    }

    private final LongSupplier nextDeadline;
    private final LongSupplier epochNanosClock;
    private final Publisher publisher;
    private final Recorder lateness = new Recorder(3);
    private final Thread thread;
    private volatile boolean running = true;
    private long timers;

    /**
     * @param nextDeadline    the engine's next deadline (epoch ns, MAX_VALUE for none), read from any thread.
     * @param epochNanosClock the wall clock in epoch nanoseconds.
     * @param publisher       puts frames into the ring.
     */
    public DeadlineTimer(final LongSupplier nextDeadline, final LongSupplier epochNanosClock, final Publisher publisher)
    {
        this.nextDeadline = nextDeadline;
        this.epochNanosClock = epochNanosClock;
        this.publisher = publisher;
        this.thread = new Thread(this::run, "vyuha-timer");
        this.thread.setDaemon(true);
    }

    /** @return this, started. */
    public DeadlineTimer start()
    {
        thread.start();
        return this;
    }

    private void run()
    {
        final CommandFrames frames = new CommandFrames();
        final ExpandableArrayBuffer frame = new ExpandableArrayBuffer(128);
        long lastHeartbeat = epochNanosClock.getAsLong();
        long lastDeadlineFired = Long.MIN_VALUE;
        while (running)
        {
            final long deadline = nextDeadline.getAsLong();
            final long now = epochNanosClock.getAsLong();
            if (deadline != Long.MAX_VALUE && deadline != lastDeadlineFired && now >= deadline)
            {
                publisher.publish(frame, frames.timer(frame, 0, deadline, deadline), now);
                lateness.recordValue(Math.max(0, Math.min(now - deadline, TimeUnit.SECONDS.toNanos(60))));
                lastDeadlineFired = deadline;
                lastHeartbeat = now;
                timers++;
                continue;
            }
            if (now - lastHeartbeat >= HEARTBEAT_NS)
            {
                publisher.publish(frame, frames.timer(frame, 0, 0, now), now);
                lastHeartbeat = now;
                continue;
            }
            final long untilDeadline = deadline == Long.MAX_VALUE || deadline == lastDeadlineFired ? Long.MAX_VALUE :
                deadline - now;
            if (untilDeadline <= SPIN_NS)
            {
                Thread.onSpinWait();
            }
            else
            {
                LockSupport.parkNanos(Math.min(Math.min(untilDeadline - SPIN_NS, POLL_NS),
                    lastHeartbeat + HEARTBEAT_NS - now));
            }
        }
    }

    /**
     * @return lateness of deadline timers since the last call (nanoseconds).
     */
    public Histogram latenessSinceLastCall()
    {
        return lateness.getIntervalHistogram();
    }

    /** @return deadline timers published. */
    public long timers()
    {
        return timers;
    }

    @Override
    public void close()
    {
        running = false;
        LockSupport.unpark(thread);
        try
        {
            thread.join(TimeUnit.SECONDS.toMillis(2));
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
