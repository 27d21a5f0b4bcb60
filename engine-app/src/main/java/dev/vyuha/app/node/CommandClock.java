package dev.vyuha.app.node;

import dev.vyuha.sbe.DerivativeTickDecoder;
import dev.vyuha.sbe.IndexTickDecoder;
import dev.vyuha.sbe.MessageHeaderDecoder;
import dev.vyuha.wire.FrameValidator;
import dev.vyuha.wire.FrameVerdict;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.SystemEpochNanoClock;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The time stamped on commands as they enter the engine ring. Live, it is the wall clock. Replaying a recorded or
 * synthetic day faster than real time it is <em>data time</em>: the latest exchange timestamp carried by a tick, so
 * that the schedule, quote ages and every other time rule of the engine see the day as it happened, whatever the
 * replay speed; commands that carry no time (reports, timers, admin requests) get the latest data time.
 *
 * <p>Thread-safe: any producer may read it; {@link #stamp} (one thread) and {@link #advanceTo} move data time forward.
 */
public final class CommandClock implements EpochNanoClock
{
    private final EpochNanoClock wall;
    private final AtomicLong dataTime;
    private final FrameValidator validator = new FrameValidator();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final IndexTickDecoder indexTick = new IndexTickDecoder();
    private final DerivativeTickDecoder derivativeTick = new DerivativeTickDecoder();

    private CommandClock(final EpochNanoClock wall, final long initialDataTimeNs)
    {
        this.wall = wall;
        this.dataTime = null == wall ? new AtomicLong(initialDataTimeNs) : null;
    }

    /**
     * @return the wall clock.
     */
    public static CommandClock wall()
    {
        return new CommandClock(new SystemEpochNanoClock(), 0);
    }

    /**
     * @param initialNs data time before the first tick (the morning of the replayed day).
     * @return a clock that follows the ticks' exchange timestamps.
     */
    public static CommandClock dataTime(final long initialNs)
    {
        return new CommandClock(null, initialNs);
    }

    /** @return true when following data time. */
    public boolean isDataTime()
    {
        return null == wall;
    }

    @Override
    public long nanoTime()
    {
        return null == wall ? dataTime.get() : wall.nanoTime();
    }

    /**
     * The timestamp for a frame arriving now; in data time a tick's exchange timestamp moves the clock forward (never
     * back). Called by one thread only.
     *
     * @param buffer holding an SBE frame.
     * @param offset where it starts.
     * @param length its length: only a valid frame's timestamp is read (a frame arrives here before the ring
     *               validates it, and one garbage timestamp would move data time forward for good).
     * @return epoch nanoseconds to stamp.
     */
    public long stamp(final DirectBuffer buffer, final int offset, final int length)
    {
        if (null != wall)
        {
            return wall.nanoTime();
        }
        if (validator.validate(buffer, offset, length) != FrameVerdict.VALID)
        {
            return dataTime.get();
        }
        final int templateId = header.wrap(buffer, offset).templateId();
        long exchangeNs = Long.MIN_VALUE;
        if (templateId == IndexTickDecoder.TEMPLATE_ID)
        {
            indexTick.wrapAndApplyHeader(buffer, offset, header);
            exchangeNs = indexTick.exchangeTimestampNs();
            exchangeNs = exchangeNs == IndexTickDecoder.exchangeTimestampNsNullValue() ? Long.MIN_VALUE : exchangeNs;
        }
        else if (templateId == DerivativeTickDecoder.TEMPLATE_ID)
        {
            derivativeTick.wrapAndApplyHeader(buffer, offset, header);
            exchangeNs = derivativeTick.exchangeTimestampNs();
            exchangeNs = exchangeNs == DerivativeTickDecoder.exchangeTimestampNsNullValue() ?
                Long.MIN_VALUE : exchangeNs;
        }
        return exchangeNs == Long.MIN_VALUE ? dataTime.get() : dataTime.accumulateAndGet(exchangeNs, Math::max);
    }

    /**
     * Move data time forward (the end of a replayed day, so its last time rules fire).
     *
     * @param epochNs a later time; earlier times are ignored.
     */
    public void advanceTo(final long epochNs)
    {
        if (null != dataTime)
        {
            dataTime.accumulateAndGet(epochNs, Math::max);
        }
    }
}
