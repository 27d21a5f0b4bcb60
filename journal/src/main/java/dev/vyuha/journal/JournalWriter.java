package dev.vyuha.journal;

import com.lmax.disruptor.EventHandler;
import dev.vyuha.engine.runtime.CommandSlot;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.zip.CRC32C;

/**
 * Appends every command the ring delivers to a Chronicle Queue on disk, in {@link JournalRecordFormat}, as a journal
 * handler of the engine ring: it runs beside the business logic, and the outbound stage waits for it, so no order
 * leaves before its cause is here. Continues the record index and the hash chain of an existing journal. Files roll
 * daily at 00:00 UTC, which is 05:30 IST, hours before the market opens (time-zone rollover is a Chronicle Enterprise
 * feature).
 *
 * <p>The appender is thread-confined: it is created on the first command, on the journal's ring thread.
 */
public final class JournalWriter implements EventHandler<CommandSlot>, AutoCloseable
{
    private final ChronicleQueue queue;
    private final JournalSync sync;
    private final byte[] header = new byte[JournalRecordFormat.HEADER_LENGTH];
    private final UnsafeBuffer headerView = new UnsafeBuffer(header);
    private final CRC32C crc = new CRC32C();
    private final JournalChain chain = new JournalChain();
    private byte[] frame = new byte[4096];
    private ExcerptAppender appender;
    private long nextIndex;
    private volatile long lastSequence = -1;
    private volatile long recordsWritten;

    /**
     * Open (or create) the journal and position after its last complete record.
     *
     * @param context configuration.
     */
    public JournalWriter(final JournalContext context)
    {
        context.conclude();
        try
        {
            Files.createDirectories(context.directory());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create journal directory " + context.directory(), ex);
        }
        queue = open(context, false);
        sync = context.sync();
        final JournalTail tail = JournalReader.tail(queue);
        nextIndex = tail.nextIndex();
        chain.reset(tail.chain());
        lastSequence = tail.lastSequence();
    }

    static ChronicleQueue open(final JournalContext context, final boolean readOnly)
    {
        return SingleChronicleQueueBuilder.binary(context.directory())
            .rollCycle(RollCycles.FAST_DAILY)
            .timeoutMS(context.lockTimeoutMillis())
            .readOnly(readOnly)
            .build();
    }

    @Override
    public void onEvent(final CommandSlot slot, final long ringSequence, final boolean endOfBatch)
    {
        append(slot.frame(), 0, slot.frameLength(), slot.sequence(), slot.timestampNs());
        if (endOfBatch && sync == JournalSync.SYNC_PER_BATCH)
        {
            appender.sync();
        }
    }

    /**
     * Append one stamped frame.
     *
     * @param buffer      holding the frame.
     * @param offset      where it starts.
     * @param length      its length.
     * @param sequence    its sequence.
     * @param timestampNs its timestamp.
     * @return the record index it got.
     */
    public long append(final DirectBuffer buffer, final int offset, final int length, final long sequence,
        final long timestampNs)
    {
        if (null == appender)
        {
            appender = queue.createAppender();
        }
        if (frame.length < length)
        {
            frame = new byte[Math.max(length, frame.length * 2)];
        }
        buffer.getBytes(offset, frame, 0, length);
        crc.reset();
        crc.update(frame, 0, length);
        final long index = nextIndex;
        headerView.putInt(0, JournalRecordFormat.MAGIC, ByteOrder.LITTLE_ENDIAN);
        headerView.putInt(JournalRecordFormat.FRAME_LENGTH_OFFSET, length, ByteOrder.LITTLE_ENDIAN);
        headerView.putLong(JournalRecordFormat.INDEX_OFFSET, index, ByteOrder.LITTLE_ENDIAN);
        headerView.putLong(JournalRecordFormat.SEQUENCE_OFFSET, sequence, ByteOrder.LITTLE_ENDIAN);
        headerView.putLong(JournalRecordFormat.TIMESTAMP_OFFSET, timestampNs, ByteOrder.LITTLE_ENDIAN);
        headerView.putInt(JournalRecordFormat.CRC_OFFSET, (int)crc.getValue(), ByteOrder.LITTLE_ENDIAN);
        headerView.putInt(JournalRecordFormat.CRC_OFFSET + 4, 0, ByteOrder.LITTLE_ENDIAN);
        final byte[] next = chain.advance(header, frame, length);
        System.arraycopy(next, 0, header, JournalRecordFormat.CHAIN_OFFSET, JournalRecordFormat.CHAIN_LENGTH);
        try (DocumentContext document = appender.writingDocument())
        {
            final Bytes<?> bytes = document.wire().bytes();
            bytes.write(header, 0, JournalRecordFormat.HEADER_LENGTH);
            bytes.write(frame, 0, length);
        }
        nextIndex = index + 1;
        lastSequence = sequence;
        recordsWritten = recordsWritten + 1;
        return index;
    }

    /** @return the sequence of the last command journaled (-1 if none yet). */
    public long lastSequence()
    {
        return lastSequence;
    }

    /** @return the index the next record will get. */
    public long nextIndex()
    {
        return nextIndex;
    }

    /** @return records written by this writer. */
    public long recordsWritten()
    {
        return recordsWritten;
    }

    @Override
    public void close()
    {
        if (null != appender)
        {
            appender.close();
        }
        queue.close();
    }
}
