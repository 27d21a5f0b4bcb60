package dev.vyuha.wire;

import dev.vyuha.sbe.CommandHeaderEncoder;
import dev.vyuha.sbe.MessageHeaderDecoder;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * Reads and writes the {@code CommandHeader} (sequence, timestamp) that every message of the schema carries at offset 0
 * of its root block, whatever its template: a producer stamps a frame as it enters the engine ring without decoding it.
 * {@code MessageLayoutsTest} proves every message starts with the header.
 */
public final class CommandStamp
{
    /** Offset of the sequence from the start of a frame (after the SBE message header). */
    public static final int SEQUENCE_OFFSET = MessageHeaderDecoder.ENCODED_LENGTH;
    /** Offset of the timestamp from the start of a frame. */
    public static final int TIMESTAMP_OFFSET = SEQUENCE_OFFSET + Long.BYTES;
    /** Bytes a frame needs to carry a stamp. */
    public static final int STAMPED_FRAME_MIN_LENGTH = MessageHeaderDecoder.ENCODED_LENGTH + CommandHeaderEncoder.ENCODED_LENGTH;

    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private CommandStamp()
    {
    }

    /**
     * Stamp a frame with its ring sequence and entry timestamp.
     *
     * @param buffer      holding the frame.
     * @param frameOffset offset of the frame's SBE message header.
     * @param sequence    ring sequence of the command.
     * @param timestampNs nanoseconds since the Unix epoch.
     */
    public static void stamp(
        final MutableDirectBuffer buffer, final int frameOffset, final long sequence, final long timestampNs)
    {
        buffer.putLong(frameOffset + SEQUENCE_OFFSET, sequence, ORDER);
        buffer.putLong(frameOffset + TIMESTAMP_OFFSET, timestampNs, ORDER);
    }

    /**
     * @param buffer      holding the frame.
     * @param frameOffset offset of the frame's SBE message header.
     * @return the stamped sequence.
     */
    public static long sequence(final DirectBuffer buffer, final int frameOffset)
    {
        return buffer.getLong(frameOffset + SEQUENCE_OFFSET, ORDER);
    }

    /**
     * @param buffer      holding the frame.
     * @param frameOffset offset of the frame's SBE message header.
     * @return the stamped timestamp in nanoseconds since the Unix epoch.
     */
    public static long timestampNs(final DirectBuffer buffer, final int frameOffset)
    {
        return buffer.getLong(frameOffset + TIMESTAMP_OFFSET, ORDER);
    }
}
