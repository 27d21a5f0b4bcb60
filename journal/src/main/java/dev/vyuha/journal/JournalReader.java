package dev.vyuha.journal;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Reads a journal in record order, zero-copy: each record's frame is handed out as a view of the memory-mapped file.
 * Checks every record's magic, length, index and sequence order and CRC32C, and, when asked, the hash chain; stops
 * at the first problem and reports it with the record index.
 */
public final class JournalReader implements AutoCloseable
{
    private final ChronicleQueue queue;
    private final boolean ownsQueue;
    private final UnsafeBuffer view = new UnsafeBuffer(0, 0);
    private final byte[] header = new byte[JournalRecordFormat.HEADER_LENGTH];
    private final JournalChain chain = new JournalChain();
    private final CRC32C crc = new CRC32C();
    private byte[] frameCopy = new byte[4096];

    /**
     * Open a journal for reading (never modifies it).
     *
     * @param context where it is.
     */
    public JournalReader(final JournalContext context)
    {
        context.conclude();
        this.queue = JournalWriter.open(context, true);
        this.ownsQueue = true;
    }

    /**
     * Read every record.
     *
     * @param listener    receives the intact records, in order.
     * @param verifyChain also recompute the hash chain (slower; for audit).
     * @return what was read and the first problem, if any.
     */
    public JournalScan read(final JournalRecordListener listener, final boolean verifyChain)
    {
        chain.reset(null);
        long records = 0;
        long expectedIndex = 0;
        long lastSequence = -1;
        try (ExcerptTailer tailer = queue.createTailer())
        {
            while (true)
            {
                try (DocumentContext document = tailer.readingDocument())
                {
                    if (!document.isPresent())
                    {
                        break;
                    }
                    final Bytes<?> bytes = document.wire().bytes();
                    final long remaining = bytes.readRemaining();
                    if (remaining < JournalRecordFormat.HEADER_LENGTH)
                    {
                        return scan(records, expectedIndex, lastSequence, JournalProblem.TRUNCATED,
                            remaining + " bytes, header needs " + JournalRecordFormat.HEADER_LENGTH);
                    }
                    view.wrap(bytes.addressForRead(bytes.readPosition()), (int)remaining);
                    if (view.getInt(0, ByteOrder.LITTLE_ENDIAN) != JournalRecordFormat.MAGIC)
                    {
                        return scan(records, expectedIndex, lastSequence, JournalProblem.BAD_MAGIC, "");
                    }
                    final int length = view.getInt(JournalRecordFormat.FRAME_LENGTH_OFFSET, ByteOrder.LITTLE_ENDIAN);
                    if (length < 0 || JournalRecordFormat.HEADER_LENGTH + (long)length != remaining)
                    {
                        return scan(records, expectedIndex, lastSequence, JournalProblem.TRUNCATED,
                            "frame length " + length + ", record holds " + (remaining - JournalRecordFormat.HEADER_LENGTH));
                    }
                    final long index = view.getLong(JournalRecordFormat.INDEX_OFFSET, ByteOrder.LITTLE_ENDIAN);
                    if (index != expectedIndex)
                    {
                        return scan(records, expectedIndex, lastSequence, JournalProblem.INDEX_GAP,
                            "found index " + index);
                    }
                    final long sequence = view.getLong(JournalRecordFormat.SEQUENCE_OFFSET, ByteOrder.LITTLE_ENDIAN);
                    if (sequence <= lastSequence)
                    {
                        return scan(records, expectedIndex, lastSequence, JournalProblem.SEQUENCE_NOT_INCREASING,
                            "sequence " + sequence + " after " + lastSequence);
                    }
                    if (frameCopy.length < length)
                    {
                        frameCopy = new byte[Math.max(length, frameCopy.length * 2)];
                    }
                    view.getBytes(JournalRecordFormat.HEADER_LENGTH, frameCopy, 0, length);
                    crc.reset();
                    crc.update(frameCopy, 0, length);
                    if ((int)crc.getValue() != view.getInt(JournalRecordFormat.CRC_OFFSET, ByteOrder.LITTLE_ENDIAN))
                    {
                        return scan(records, expectedIndex, lastSequence, JournalProblem.CRC_MISMATCH, "");
                    }
                    if (verifyChain)
                    {
                        view.getBytes(0, header, 0, JournalRecordFormat.HEADER_LENGTH);
                        final byte[] expected = chain.advance(header, frameCopy, length);
                        if (!Arrays.equals(expected, 0, JournalRecordFormat.CHAIN_LENGTH, header,
                            JournalRecordFormat.CHAIN_OFFSET, JournalRecordFormat.HEADER_LENGTH))
                        {
                            return scan(records, expectedIndex, lastSequence, JournalProblem.CHAIN_MISMATCH, "");
                        }
                    }
                    listener.onRecord(index, sequence,
                        view.getLong(JournalRecordFormat.TIMESTAMP_OFFSET, ByteOrder.LITTLE_ENDIAN), view,
                        JournalRecordFormat.HEADER_LENGTH, length);
                    records++;
                    expectedIndex = index + 1;
                    lastSequence = sequence;
                }
            }
        }
        return new JournalScan(records, expectedIndex - 1, lastSequence, JournalProblem.NONE, -1, "");
    }

    private static JournalScan scan(final long records, final long problemIndex, final long lastSequence,
        final JournalProblem problem, final String detail)
    {
        return new JournalScan(records, problemIndex - 1, lastSequence, problem, problemIndex, detail);
    }

    /**
     * The end of a journal: the last complete record, read backwards.
     */
    static JournalTail tail(final ChronicleQueue queue)
    {
        try (ExcerptTailer tailer = queue.createTailer().direction(TailerDirection.BACKWARD).toEnd())
        {
            try (DocumentContext document = tailer.readingDocument())
            {
                if (!document.isPresent())
                {
                    return new JournalTail(0, null, -1);
                }
                final Bytes<?> bytes = document.wire().bytes();
                if (bytes.readRemaining() < JournalRecordFormat.HEADER_LENGTH)
                {
                    throw new IllegalStateException("the journal's last record is truncated: run audit --verify");
                }
                final UnsafeBuffer last = new UnsafeBuffer(bytes.addressForRead(bytes.readPosition()),
                    JournalRecordFormat.HEADER_LENGTH);
                if (last.getInt(0, ByteOrder.LITTLE_ENDIAN) != JournalRecordFormat.MAGIC)
                {
                    throw new IllegalStateException("the journal's last record is not a journal record");
                }
                final byte[] chainValue = new byte[JournalRecordFormat.CHAIN_LENGTH];
                last.getBytes(JournalRecordFormat.CHAIN_OFFSET, chainValue);
                return new JournalTail(last.getLong(JournalRecordFormat.INDEX_OFFSET, ByteOrder.LITTLE_ENDIAN) + 1,
                    chainValue, last.getLong(JournalRecordFormat.SEQUENCE_OFFSET, ByteOrder.LITTLE_ENDIAN));
            }
        }
    }

    @Override
    public void close()
    {
        if (ownsQueue)
        {
            queue.close();
        }
    }
}
