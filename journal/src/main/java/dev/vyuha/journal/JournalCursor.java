package dev.vyuha.journal;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Reads a journal one record at a time, in order, checking each: magic, length, record index continuity, increasing
 * command sequence, the frame's CRC32C and, when asked, the SHA-256 hash chain. {@link #next()} returns false at the
 * end or at the first problem; {@link #scan()} then says which. A record whose writer died in the middle of it is never
 * delivered and is reported as {@link JournalProblem#TORN_TAIL} with the index it would have had (unless a live writer
 * holds the journal open, when the record is simply still being written).
 *
 * <p>The current record's frame is a copy owned by the cursor, valid until the next call to {@link #next()}.
 * Not thread safe.
 */
public final class JournalCursor implements AutoCloseable
{
    private final ChronicleQueue queue;
    private final Path directory;
    private final ExcerptTailer tailer;
    private final boolean verifyChain;
    private final UnsafeBuffer view = new UnsafeBuffer(0, 0);
    private final UnsafeBuffer frame = new UnsafeBuffer(0, 0);
    private final byte[] header = new byte[JournalRecordFormat.HEADER_LENGTH];
    private final JournalChain chain = new JournalChain();
    private final CRC32C crc = new CRC32C();
    private byte[] frameBytes = new byte[4096];
    private long records;
    private long expectedIndex;
    private long lastSequence = -1;
    private long sequence = -1;
    private long timestampNs;
    private int frameLength;
    private int lastCycle = Integer.MIN_VALUE;
    private long lastEnd;
    private JournalScan result;

    JournalCursor(final ChronicleQueue queue, final Path directory, final boolean verifyChain)
    {
        this.queue = queue;
        this.directory = directory;
        this.verifyChain = verifyChain;
        this.tailer = queue.createTailer();
    }

    /**
     * Move to the next intact record.
     *
     * @return true if there is one; false at the end of the journal or at a problem (see {@link #scan()}).
     */
    public boolean next()
    {
        if (null != result)
        {
            return false;
        }
        try (DocumentContext document = tailer.readingDocument())
        {
            if (!document.isPresent())
            {
                result = end();
                return false;
            }
            final Bytes<?> bytes = document.wire().bytes();
            final long remaining = bytes.readRemaining();
            if (remaining < JournalRecordFormat.HEADER_LENGTH)
            {
                return problem(JournalProblem.TRUNCATED, remaining + " bytes, header needs "
                    + JournalRecordFormat.HEADER_LENGTH);
            }
            view.wrap(bytes.addressForRead(bytes.readPosition()), (int)remaining);
            if (view.getInt(0, ByteOrder.LITTLE_ENDIAN) != JournalRecordFormat.MAGIC)
            {
                return problem(JournalProblem.BAD_MAGIC, "");
            }
            final int length = view.getInt(JournalRecordFormat.FRAME_LENGTH_OFFSET, ByteOrder.LITTLE_ENDIAN);
            if (length < 0 || JournalRecordFormat.HEADER_LENGTH + (long)length != remaining)
            {
                return problem(JournalProblem.TRUNCATED, "frame length " + length + ", record holds "
                    + (remaining - JournalRecordFormat.HEADER_LENGTH));
            }
            final long index = view.getLong(JournalRecordFormat.INDEX_OFFSET, ByteOrder.LITTLE_ENDIAN);
            if (index != expectedIndex)
            {
                return problem(JournalProblem.INDEX_GAP, "found index " + index);
            }
            final long recordSequence = view.getLong(JournalRecordFormat.SEQUENCE_OFFSET, ByteOrder.LITTLE_ENDIAN);
            if (recordSequence <= lastSequence)
            {
                return problem(JournalProblem.SEQUENCE_NOT_INCREASING, "sequence " + recordSequence + " after "
                    + lastSequence);
            }
            if (frameBytes.length < length)
            {
                frameBytes = new byte[Math.max(length, frameBytes.length * 2)];
            }
            view.getBytes(JournalRecordFormat.HEADER_LENGTH, frameBytes, 0, length);
            crc.reset();
            crc.update(frameBytes, 0, length);
            if ((int)crc.getValue() != view.getInt(JournalRecordFormat.CRC_OFFSET, ByteOrder.LITTLE_ENDIAN))
            {
                return problem(JournalProblem.CRC_MISMATCH, "");
            }
            if (verifyChain)
            {
                view.getBytes(0, header, 0, JournalRecordFormat.HEADER_LENGTH);
                final byte[] expected = chain.advance(header, frameBytes, length);
                if (!Arrays.equals(expected, 0, JournalRecordFormat.CHAIN_LENGTH, header,
                    JournalRecordFormat.CHAIN_OFFSET, JournalRecordFormat.HEADER_LENGTH))
                {
                    return problem(JournalProblem.CHAIN_MISMATCH, "");
                }
            }
            timestampNs = view.getLong(JournalRecordFormat.TIMESTAMP_OFFSET, ByteOrder.LITTLE_ENDIAN);
            sequence = recordSequence;
            frameLength = length;
            frame.wrap(frameBytes, 0, length);
            lastCycle = queue.rollCycle().toCycle(document.index());
            lastEnd = bytes.readLimit();
            records++;
            expectedIndex = index + 1;
            lastSequence = recordSequence;
            return true;
        }
        catch (final RuntimeException ex)
        {
            return problem(JournalProblem.UNREADABLE, String.valueOf(ex.getMessage()));
        }
    }

    private boolean problem(final JournalProblem problem, final String detail)
    {
        result = new JournalScan(records, expectedIndex - 1, lastSequence, problem, expectedIndex, detail);
        return false;
    }

    private JournalScan end()
    {
        final JournalScan clean = new JournalScan(records, expectedIndex - 1, lastSequence, JournalProblem.NONE, -1,
            "");
        try
        {
            final int cycle = TornTail.lastCycle(directory);
            if (cycle == Integer.MIN_VALUE || WriterGuard.writerActive(directory))
            {
                return clean;
            }
            final TornTail.Found torn = TornTail.find(directory, cycle, cycle == lastCycle ? lastEnd : 0,
                expectedIndex);
            if (null == torn)
            {
                return clean;
            }
            return new JournalScan(records, expectedIndex - 1, lastSequence, JournalProblem.TORN_TAIL, torn.index(),
                (torn.sequence() >= 0 ? "sequence " + torn.sequence() + ", " : "")
                + (torn.frameLength() >= 0 ? "a " + torn.frameLength() + "-byte frame partly written; " : "")
                + "never acknowledged or acted on, and the next writer writes over it");
        }
        catch (final IOException ex)
        {
            return clean;
        }
    }

    /** @return index of the current record. */
    public long index()
    {
        return expectedIndex - 1;
    }

    /** @return the current record's command sequence. */
    public long sequence()
    {
        return sequence;
    }

    /** @return the current record's timestamp, ns since the epoch. */
    public long timestampNs()
    {
        return timestampNs;
    }

    /** @return the current record's frame (from offset 0), valid until the next call to {@link #next()}. */
    public DirectBuffer frame()
    {
        return frame;
    }

    /** @return the current frame's length. */
    public int frameLength()
    {
        return frameLength;
    }

    /** @return records delivered so far. */
    public long records()
    {
        return records;
    }

    /**
     * @return the outcome, once {@link #next()} has returned false; until then, null.
     */
    public JournalScan scan()
    {
        return result;
    }

    @Override
    public void close()
    {
        tailer.close();
    }
}
