package dev.vyuha.engine.runtime;

import dev.vyuha.wire.CommandStamp;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableDirectByteBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * One entry of the command ring, created once and reused. It holds a copy of the command's SBE frame (stamped with
 * its sequence and timestamp) and, after the business-logic handler has run, the order frames the command caused,
 * which the outbound stage sends only once the journaller has also seen the command.
 *
 * <p>Buffers are direct and grow only when a frame is larger than any before in this slot (a basket document or an
 * instrument master), so steady-state ticks never allocate.
 */
public final class CommandSlot
{
    static final int INITIAL_FRAME_CAPACITY = 1024;
    static final int INITIAL_OUTBOUND_CAPACITY = 1024;

    private final ExpandableDirectByteBuffer frame = new ExpandableDirectByteBuffer(INITIAL_FRAME_CAPACITY);
    private final ExpandableDirectByteBuffer outbound = new ExpandableDirectByteBuffer(INITIAL_OUTBOUND_CAPACITY);
    private int frameLength;
    private int outboundLength;
    private int outboundCount;
    private long sequence;
    private long timestampNs;
    private boolean replay;

    void load(final DirectBuffer source, final int offset, final int length, final long sequence,
        final long timestampNs, final boolean replay)
    {
        frame.putBytes(0, source, offset, length);
        frameLength = length;
        if (!replay && length >= CommandStamp.STAMPED_FRAME_MIN_LENGTH)
        {
            // Live commands are stamped on entry; journaled ones keep their original stamps.
            CommandStamp.stamp(frame, 0, sequence, timestampNs);
        }
        this.sequence = sequence;
        this.timestampNs = timestampNs;
        this.replay = replay;
        outboundLength = 0;
        outboundCount = 0;
    }

    /** @return the stamped command frame (valid for {@link #frameLength()} bytes from offset 0). */
    public DirectBuffer frame()
    {
        return frame;
    }

    /** @return length of the command frame. */
    public int frameLength()
    {
        return frameLength;
    }

    /** @return the command's sequence. */
    public long sequence()
    {
        return sequence;
    }

    /** @return the command's timestamp, nanoseconds since the epoch. */
    public long timestampNs()
    {
        return timestampNs;
    }

    /** @return true if the command is being replayed from a journal: its orders must not be sent. */
    public boolean isReplay()
    {
        return replay;
    }

    /**
     * Reserve room for an outbound frame of up to {@code maxLength} bytes; the caller encodes it at the returned
     * offset of {@link #outboundBuffer()} and then calls {@link #commitOutbound}.
     *
     * @param maxLength most bytes the frame can take.
     * @return the offset to encode at.
     */
    int claimOutbound(final int maxLength)
    {
        frameSizeCheck(maxLength);
        outbound.checkLimit(outboundLength + Integer.BYTES + maxLength);
        return outboundLength + Integer.BYTES;
    }

    /**
     * @param length bytes the encoded frame actually took.
     */
    void commitOutbound(final int length)
    {
        outbound.putInt(outboundLength, length);
        outboundLength += Integer.BYTES + length;
        outboundCount++;
    }

    /** @return the buffer outbound frames are encoded into. */
    MutableDirectBuffer outboundBuffer()
    {
        return outbound;
    }

    /** @return number of order frames the command caused. */
    public int outboundCount()
    {
        return outboundCount;
    }

    /**
     * Hand every outbound frame of this command to a port, in the order they were produced.
     *
     * @param port where they go.
     */
    void drainOutbound(final OutboundOrderPort port)
    {
        int position = 0;
        while (position < outboundLength)
        {
            final int length = outbound.getInt(position);
            port.send(outbound, position + Integer.BYTES, length, sequence);
            position += Integer.BYTES + length;
        }
    }

    private static void frameSizeCheck(final int length)
    {
        if (length <= 0 || length > 1 << 20)
        {
            throw new IllegalArgumentException("outbound frame length out of range: " + length);
        }
    }
}
