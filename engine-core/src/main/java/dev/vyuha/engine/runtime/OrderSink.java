package dev.vyuha.engine.runtime;

import org.agrona.MutableDirectBuffer;

/**
 * Collects the order frames one command causes, in the command's ring slot, so that they leave only after the command
 * is journaled. Claim room, encode the frame there, commit its length.
 */
public final class OrderSink
{
    private CommandSlot slot;

    void bind(final CommandSlot slot)
    {
        this.slot = slot;
    }

    /**
     * @param maxLength most bytes the frame will take.
     * @return offset in {@link #buffer()} to encode the frame at.
     */
    public int claim(final int maxLength)
    {
        return slot.claimOutbound(maxLength);
    }

    /**
     * @return the buffer to encode into.
     */
    public MutableDirectBuffer buffer()
    {
        return slot.outboundBuffer();
    }

    /**
     * @param length bytes the frame took.
     */
    public void commit(final int length)
    {
        slot.commitOutbound(length);
    }

    /**
     * @return order frames committed for the current command so far.
     */
    public int count()
    {
        return slot.outboundCount();
    }
}
