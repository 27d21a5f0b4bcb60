package dev.vyuha.engine.runtime;

import org.agrona.DirectBuffer;

/**
 * Drives commands through the same business-logic step as the ring (validation, the handler, end of batch, then the
 * command's orders to a port) on the caller's thread, with no ring and no journal: for backtests, which run a
 * historical source as fast as the CPU allows, for scenario tests and for benchmarks of the business logic alone.
 * Every command is its own batch.
 *
 * <p>Not thread-safe: one caller thread.
 */
public final class InlineCommandDriver
{
    private final EngineRuntime.BusinessLogicHandler businessLogic;
    private final OutboundOrderPort port;
    private final CommandSlot slot = new CommandSlot();
    private long nextSequence;
    private long commands;

    /**
     * @param handler        the business logic.
     * @param port           receives the orders each command causes, right after it.
     * @param firstSequence  sequence stamped on the first command.
     * @param maxFrameLength largest frame accepted.
     */
    public InlineCommandDriver(final CommandHandler handler, final OutboundOrderPort port, final long firstSequence,
        final int maxFrameLength)
    {
        this.businessLogic = new EngineRuntime.BusinessLogicHandler(handler, maxFrameLength);
        this.port = port;
        this.nextSequence = firstSequence;
    }

    /**
     * @param handler the business logic.
     * @param port    receives the orders each command causes.
     */
    public InlineCommandDriver(final CommandHandler handler, final OutboundOrderPort port)
    {
        this(handler, port, 1, dev.vyuha.wire.FrameValidator.DEFAULT_MAX_FRAME_LENGTH);
    }

    /**
     * Stamp a copy of the frame with the next sequence and the given time, and apply it.
     *
     * @param buffer      holding the frame.
     * @param offset      where it starts.
     * @param length      its length.
     * @param timestampNs the command's time.
     * @return the sequence stamped on it.
     */
    public long apply(final DirectBuffer buffer, final int offset, final int length, final long timestampNs)
    {
        final long sequence = nextSequence++;
        slot.load(buffer, offset, length, sequence, timestampNs, false);
        run();
        return sequence;
    }

    /**
     * Apply a frame that already carries its stamps (from a journal or a recording), keeping them.
     *
     * @param buffer holding the frame.
     * @param offset where it starts.
     * @param length its length.
     * @return the sequence it carries.
     */
    public long applyStamped(final DirectBuffer buffer, final int offset, final int length)
    {
        final long sequence = length >= dev.vyuha.wire.CommandStamp.STAMPED_FRAME_MIN_LENGTH ?
            dev.vyuha.wire.CommandStamp.sequence(buffer, offset) : -1;
        final long timestampNs = length >= dev.vyuha.wire.CommandStamp.STAMPED_FRAME_MIN_LENGTH ?
            dev.vyuha.wire.CommandStamp.timestampNs(buffer, offset) : 0;
        slot.load(buffer, offset, length, sequence, timestampNs, true);
        nextSequence = Math.max(nextSequence, sequence + 1);
        run();
        return sequence;
    }

    private void run()
    {
        businessLogic.onEvent(slot, commands++, true);
        slot.drainOutbound(port);
    }

    /** @return the sequence the next {@link #apply} stamps. */
    public long nextSequence()
    {
        return nextSequence;
    }

    /** @return frames that failed validation. */
    public long rejectedFrames()
    {
        return businessLogic.rejectedFrames();
    }
}
