package dev.vyuha.engine.runtime;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.EventHandlerGroup;
import com.lmax.disruptor.dsl.ProducerType;
import dev.vyuha.wire.CommandStamp;
import dev.vyuha.wire.FrameReader;
import dev.vyuha.wire.FrameVerdict;
import org.agrona.DirectBuffer;

import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The engine's Disruptor ring: producers (market data, gateway reports, admin API, timer) publish SBE frames, which
 * are copied into a ring slot and stamped with their sequence and entry timestamp; the journal handlers and the
 * business-logic handler consume each command in parallel; the outbound stage runs after both and sends the orders the
 * command caused, so no order leaves before its cause is journaled (invariant 3).
 *
 * <pre>
 *   producers --publish--> [ ring ] --> journal handler(s) --+
 *                                  \--> business logic ------+--> outbound stage --> OutboundOrderPort
 * </pre>
 *
 * Before {@link #start()}, {@link #replay} feeds journaled frames through the same business logic synchronously, with
 * their original stamps, and their orders are not sent (recovery and audit).
 */
public final class EngineRuntime implements AutoCloseable
{
    private final Context context;
    private final CommandHandler handler;
    private final Disruptor<CommandSlot> disruptor;
    private final RingBuffer<CommandSlot> ring;
    private final BusinessLogicHandler businessLogic;
    private final CommandSlot replaySlot = new CommandSlot();
    private final AtomicLong handlerErrors = new AtomicLong();
    private final AtomicLong lastStampedSequence = new AtomicLong(-1);
    private volatile boolean started;
    private long replayedCommands;

    /**
     * @param context  configuration.
     * @param handler  the business logic.
     * @param port     where orders go once journaled.
     * @param journals handlers that must see every command before its orders leave (the journal), possibly none.
     */
    public EngineRuntime(final Context context, final CommandHandler handler, final OutboundOrderPort port,
        final List<EventHandler<CommandSlot>> journals)
    {
        context.conclude();
        this.context = context;
        this.handler = handler;
        this.businessLogic = new BusinessLogicHandler(handler, context.maxFrameLength());
        this.disruptor = new Disruptor<>(CommandSlot::new, context.ringSize(), new NamedThreadFactory(),
            ProducerType.MULTI, context.waitStrategy().create());
        disruptor.setDefaultExceptionHandler(new CountingExceptionHandler());
        final EventHandler<CommandSlot> outbound = (slot, sequence, endOfBatch) ->
        {
            if (!slot.isReplay() && slot.outboundCount() > 0)
            {
                slot.drainOutbound(port);
            }
        };
        final EventHandlerGroup<CommandSlot> first;
        if (journals.isEmpty())
        {
            first = disruptor.handleEventsWith(businessLogic);
        }
        else
        {
            @SuppressWarnings({"unchecked", "rawtypes"})
            final EventHandler<CommandSlot>[] parallel = new EventHandler[journals.size() + 1];
            for (int i = 0; i < journals.size(); i++)
            {
                parallel[i] = journals.get(i);
            }
            parallel[journals.size()] = businessLogic;
            first = disruptor.handleEventsWith(parallel);
        }
        first.then(outbound);
        ring = disruptor.getRingBuffer();
    }

    /**
     * Feed one journaled command through the business logic on the calling thread, keeping its stamps; the orders it
     * causes are handed to {@code capture} (for comparison), never sent. Only before {@link #start()}.
     *
     * @param buffer  holding the frame.
     * @param offset  where it starts.
     * @param length  its length.
     * @param capture receives the orders the command causes (may ignore them).
     */
    public void replay(final DirectBuffer buffer, final int offset, final int length, final OutboundOrderPort capture)
    {
        if (started)
        {
            throw new IllegalStateException("replay only before start");
        }
        final long sequence = length >= CommandStamp.STAMPED_FRAME_MIN_LENGTH ?
            CommandStamp.sequence(buffer, offset) : -1;
        final long timestampNs = length >= CommandStamp.STAMPED_FRAME_MIN_LENGTH ?
            CommandStamp.timestampNs(buffer, offset) : 0;
        replaySlot.load(buffer, offset, length, sequence, timestampNs, true);
        try
        {
            businessLogic.onEvent(replaySlot, replayedCommands, true);
        }
        catch (final Throwable error)
        {
            handlerErrors.incrementAndGet();
            context.errorListener().onError("replay", sequence, error);
        }
        replaySlot.drainOutbound(capture);
        replayedCommands++;
        lastStampedSequence.set(Math.max(lastStampedSequence.get(), sequence));
    }

    /**
     * Start the ring's threads. Live commands are stamped from {@link Context#firstSequence()}.
     */
    public void start()
    {
        started = true;
        disruptor.start();
    }

    /**
     * Publish a command: copy the frame into the next slot and stamp it with its sequence and this timestamp. Safe
     * from any producer thread; blocks only if the ring is full (back-pressure).
     *
     * @param buffer      holding the frame.
     * @param offset      where it starts.
     * @param length      its length.
     * @param timestampNs entry time, nanoseconds since the epoch (the producer's clock).
     * @return the sequence stamped on the command.
     */
    public long publish(final DirectBuffer buffer, final int offset, final int length, final long timestampNs)
    {
        final long ringSequence = ring.next();
        final long sequence = context.firstSequence() + ringSequence;
        try
        {
            ring.get(ringSequence).load(buffer, offset, length, sequence, timestampNs, false);
        }
        finally
        {
            ring.publish(ringSequence);
        }
        lastStampedSequence.accumulateAndGet(sequence, Math::max);
        return sequence;
    }

    /** @return commands replayed before start. */
    public long replayedCommands()
    {
        return replayedCommands;
    }

    /** @return the highest sequence stamped or replayed so far (-1 if none). */
    public long lastSequence()
    {
        return lastStampedSequence.get();
    }

    /** @return frames that failed validation. */
    public long rejectedFrames()
    {
        return businessLogic.rejectedFrames();
    }

    /** @return unexpected exceptions on the ring's threads (each reported to the error listener). */
    public long handlerErrors()
    {
        return handlerErrors.get();
    }

    /** @return commands published but not yet fully processed (ring depth). */
    public long backlog()
    {
        return ring.getCursor() - ring.getMinimumGatingSequence();
    }

    /**
     * Stop accepting work once every published command has been processed (journal flushed, orders sent).
     *
     * @param timeout longest wait.
     * @param unit    its unit.
     * @return true if drained in time.
     */
    public boolean drainAndStop(final long timeout, final TimeUnit unit)
    {
        if (!started)
        {
            return true;
        }
        // Disruptor.shutdown() counts backlog only over consumers whose threads already run: right after start() it
        // can halt before anything is processed. The gating sequences exist from the start, so wait on them.
        final long pollNs = TimeUnit.MILLISECONDS.toNanos(1);
        final long polls = Math.max(1, unit.toNanos(timeout) / pollNs);
        boolean drained = false;
        for (long i = 0; i < polls && !drained; i++)
        {
            drained = ring.getMinimumGatingSequence() >= ring.getCursor();
            if (!drained)
            {
                LockSupport.parkNanos(pollNs);
            }
        }
        disruptor.halt();
        return drained;
    }

    @Override
    public void close()
    {
        drainAndStop(10, TimeUnit.SECONDS);
    }

    private final class CountingExceptionHandler implements ExceptionHandler<CommandSlot>
    {
        @Override
        public void handleEventException(final Throwable error, final long sequence, final CommandSlot slot)
        {
            handlerErrors.incrementAndGet();
            context.errorListener().onError("ring", null == slot ? sequence : slot.sequence(), error);
        }

        @Override
        public void handleOnStartException(final Throwable error)
        {
            handlerErrors.incrementAndGet();
            context.errorListener().onError("start", -1, error);
        }

        @Override
        public void handleOnShutdownException(final Throwable error)
        {
            handlerErrors.incrementAndGet();
            context.errorListener().onError("shutdown", -1, error);
        }
    }

    private static final class NamedThreadFactory implements ThreadFactory
    {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(final Runnable runnable)
        {
            final Thread thread = new Thread(runnable, "vyuha-ring-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }

    /**
     * The business-logic stage: validate, then apply, on the single business-logic thread.
     */
    static final class BusinessLogicHandler implements EventHandler<CommandSlot>
    {
        private final CommandHandler handler;
        private final FrameReader reader;
        private final OrderSink sink = new OrderSink();
        private volatile long rejectedFrames;

        BusinessLogicHandler(final CommandHandler handler, final int maxFrameLength)
        {
            this.handler = handler;
            this.reader = new FrameReader(new dev.vyuha.wire.FrameValidator(maxFrameLength));
        }

        @Override
        public void onEvent(final CommandSlot slot, final long ringSequence, final boolean endOfBatch)
        {
            try
            {
                sink.bind(slot);
                if (reader.read(slot.frame(), 0, slot.frameLength()) == FrameVerdict.VALID)
                {
                    handler.onCommand(reader, slot.sequence(), slot.timestampNs(), sink);
                }
                else
                {
                    rejectedFrames = rejectedFrames + 1;
                    handler.onRejectedFrame(slot.sequence(), slot.timestampNs(), reader.rejectionReason());
                }
            }
            finally
            {
                if (endOfBatch)
                {
                    handler.onEndOfBatch(slot.sequence(), slot.timestampNs());
                }
            }
        }

        long rejectedFrames()
        {
            return rejectedFrames;
        }
    }

    /**
     * Configuration of the runtime, Aeron-style: fluent accessors, validated in {@link #conclude()}.
     */
    public static final class Context
    {
        /** Default ring size: 16k commands. */
        public static final int DEFAULT_RING_SIZE = 1 << 14;

        private int ringSize = DEFAULT_RING_SIZE;
        private WaitStrategyKind waitStrategy = WaitStrategyKind.BLOCKING;
        private long firstSequence = 1;
        private int maxFrameLength = dev.vyuha.wire.FrameValidator.DEFAULT_MAX_FRAME_LENGTH;
        private EngineErrorListener errorListener = (stage, sequence, error) -> { };

        /** @param size power of two. @return this. */
        public Context ringSize(final int size)
        {
            ringSize = size;
            return this;
        }

        /** @return ring size. */
        public int ringSize()
        {
            return ringSize;
        }

        /** @param kind wait strategy. @return this. */
        public Context waitStrategy(final WaitStrategyKind kind)
        {
            waitStrategy = kind;
            return this;
        }

        /** @return wait strategy. */
        public WaitStrategyKind waitStrategy()
        {
            return waitStrategy;
        }

        /** @param sequence the sequence the first live command gets (after a replay: last replayed + 1). @return this. */
        public Context firstSequence(final long sequence)
        {
            firstSequence = sequence;
            return this;
        }

        /** @return first live sequence. */
        public long firstSequence()
        {
            return firstSequence;
        }

        /** @param length largest frame accepted. @return this. */
        public Context maxFrameLength(final int length)
        {
            maxFrameLength = length;
            return this;
        }

        /** @return largest frame accepted. */
        public int maxFrameLength()
        {
            return maxFrameLength;
        }

        /** @param listener told about unexpected exceptions. @return this. */
        public Context errorListener(final EngineErrorListener listener)
        {
            errorListener = listener;
            return this;
        }

        /** @return the error listener. */
        public EngineErrorListener errorListener()
        {
            return errorListener;
        }

        void conclude()
        {
            if (ringSize <= 0 || Integer.bitCount(ringSize) != 1)
            {
                throw new IllegalArgumentException("ringSize must be a power of two: " + ringSize);
            }
            if (firstSequence < 0)
            {
                throw new IllegalArgumentException("firstSequence must be >= 0: " + firstSequence);
            }
            if (null == waitStrategy || null == errorListener)
            {
                throw new IllegalArgumentException("waitStrategy and errorListener are required");
            }
        }
    }
}
