package dev.vyuha.journal;

import com.lmax.disruptor.EventHandler;
import dev.vyuha.engine.runtime.CommandSlot;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.bytes.SyncMode;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.zip.CRC32C;

/**
 * Appends every command the ring delivers to a Chronicle Queue on disk, in {@link JournalRecordFormat}, as a journal
 * handler of the engine ring: it runs beside the business logic, and the outbound stage waits for it, so no order
 * leaves before its cause is here. Continues the record index and the hash chain of an existing journal. Files roll
 * daily at 00:00 UTC, which is 05:30 IST, hours before the market opens (time-zone rollover is a Chronicle Enterprise
 * feature).
 *
 * <p><b>Acknowledgement.</b> {@link #durableSequence()} is the highest sequence whose record is complete in the journal
 * at the configured {@link JournalSync} level: with {@code PAGE_CACHE} as soon as the record's document is closed
 * (it survives the death of the process), with {@code SYNC_PER_BATCH} once the batch holding it is msync'd (it
 * survives a power loss). A command is <em>acknowledged</em> when its sequence is at or below it
 * ({@link #awaitDurable}); an acknowledged command is replayed after any crash.
 *
 * <p><b>Fail-stop.</b> If an append fails (disk full, I/O error), the writer records the failure, logs it and writes
 * nothing more: a journal with a gap could not be replayed. {@link #failure()} tells whoever sends orders to withhold
 * them from then on; acknowledgements stop. Restarting the engine recovers from the journal as it is.
 *
 * <p>One writer per journal: the constructor takes the directory's {@link WriterGuard} and fails if another writer
 * holds it. The appender is thread-confined: it is created on the first append, on the thread that appends.
 */
public final class JournalWriter implements EventHandler<CommandSlot>, AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(JournalWriter.class);
    /** An acknowledgement waiter spins this many times, then yields for up to {@link #YIELD_NS}, then parks. */
    private static final int SPINS = 256;
    private static final long YIELD_NS = 200_000;
    private static final long PARK_NS = 20_000;

    private final WriterGuard guard;
    private final ChronicleQueue queue;
    private final JournalContext context;
    private final JournalSync sync;
    private final byte[] header = new byte[JournalRecordFormat.HEADER_LENGTH];
    private final UnsafeBuffer headerView = new UnsafeBuffer(header);
    private final CRC32C crc = new CRC32C();
    private final JournalChain chain = new JournalChain();
    private byte[] frame = new byte[4096];
    private ExcerptAppender appender;
    private long nextIndex;
    private volatile long lastSequence;
    private volatile long lastTimestampNs;
    private volatile long durableSequence;
    private volatile long recordsWritten;
    private volatile Throwable failure;

    /**
     * Open (or create) the journal and position after its last complete record.
     *
     * @param context configuration.
     * @throws IllegalStateException if another writer has the journal open.
     */
    public JournalWriter(final JournalContext context)
    {
        context.conclude();
        this.context = context;
        try
        {
            Files.createDirectories(context.directory());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create journal directory " + context.directory(), ex);
        }
        guard = WriterGuard.acquire(context.directory());
        try
        {
            guard.clearStaleChronicleLocks(context.directory());
            queue = open(context, false);
            final JournalTail tail = JournalReader.tail(queue);
            nextIndex = tail.nextIndex();
            chain.reset(tail.chain());
            lastSequence = tail.lastSequence();
            lastTimestampNs = tail.lastTimestampNs();
            durableSequence = tail.lastSequence();
        }
        catch (final RuntimeException ex)
        {
            guard.close();
            throw ex;
        }
        sync = context.sync();
    }

    static ChronicleQueue open(final JournalContext context, final boolean readOnly)
    {
        // Chronicle's default sync mode is MS_ASYNC, which only schedules the write-back: sync() would return before
        // the data is on disk. SYNC_PER_BATCH needs MS_SYNC.
        return SingleChronicleQueueBuilder.binary(context.directory())
            .rollCycle(RollCycles.FAST_DAILY)
            .timeoutMS(context.lockTimeoutMillis())
            .syncMode(context.sync() == JournalSync.SYNC_PER_BATCH ? SyncMode.SYNC : SyncMode.ASYNC)
            .readOnly(readOnly)
            .build();
    }

    @Override
    public void onEvent(final CommandSlot slot, final long ringSequence, final boolean endOfBatch)
    {
        if (null != failure)
        {
            return;
        }
        try
        {
            append(slot.frame(), 0, slot.frameLength(), slot.sequence(), slot.timestampNs());
            if (sync == JournalSync.PAGE_CACHE)
            {
                durableSequence = slot.sequence();
            }
            else if (endOfBatch)
            {
                appender.sync();
                durableSequence = slot.sequence();
            }
        }
        catch (final RuntimeException | Error ex)
        {
            fail(slot.sequence(), ex);
        }
    }

    private void fail(final long sequence, final Throwable ex)
    {
        failure = ex;
        LOG.error("journal {} failed at sequence {}: nothing more is journaled and orders are withheld; restart the "
            + "engine to recover from the journal", context.directory(), sequence, ex);
    }

    /**
     * Append one stamped frame (outside the ring: the orders and checkpoint journals, tools, tests). Acknowledges it
     * at once: callers that need it on disk call {@link #sync()}.
     *
     * @param buffer      holding the frame.
     * @param offset      where it starts.
     * @param length      its length.
     * @param sequence    its sequence (greater than the last one).
     * @param timestampNs its timestamp.
     * @return the record index it got.
     * @throws IllegalStateException if the writer has failed before.
     */
    public long append(final DirectBuffer buffer, final int offset, final int length, final long sequence,
        final long timestampNs)
    {
        if (null != failure)
        {
            throw new IllegalStateException("journal " + context.directory() + " failed earlier", failure);
        }
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
        lastTimestampNs = timestampNs;
        lastSequence = sequence;
        recordsWritten = recordsWritten + 1;
        return index;
    }

    /**
     * msync what was appended so far (a no-op before the first append).
     */
    public void sync()
    {
        if (null != appender)
        {
            appender.sync();
        }
    }

    /**
     * Wait until a sequence is acknowledged: journaled at the configured durability.
     *
     * @param sequence the command's sequence.
     * @param timeout  longest wait.
     * @param unit     its unit.
     * @return true if acknowledged; false on timeout or if the journal has failed.
     */
    public boolean awaitDurable(final long sequence, final long timeout, final TimeUnit unit)
    {
        if (durableSequence >= sequence)
        {
            return true;
        }
        final long start = System.nanoTime();
        final long timeoutNs = unit.toNanos(timeout);
        int spins = 0;
        while (durableSequence < sequence)
        {
            final long waited = System.nanoTime() - start;
            if (null != failure || waited > timeoutNs)
            {
                return false;
            }
            if (++spins < SPINS)
            {
                Thread.onSpinWait();
            }
            else if (waited < YIELD_NS)
            {
                Thread.yield();
            }
            else
            {
                LockSupport.parkNanos(PARK_NS);
            }
        }
        return true;
    }

    /** @return the highest acknowledged sequence (see the class comment), -1 if none. */
    public long durableSequence()
    {
        return durableSequence;
    }

    /** @return the sequence of the last command written (-1 if none yet). */
    public long lastSequence()
    {
        return lastSequence;
    }

    /** @return the timestamp of the last command written (0 if none yet). */
    public long lastTimestampNs()
    {
        return lastTimestampNs;
    }

    /**
     * fsync every file of a journal, whoever wrote it: after a crash, what the dead writer left in the page cache
     * (records it appended but had not yet msync'd) is made durable before anything is done because of it.
     *
     * @param directory a journal directory.
     */
    public static void syncFiles(final java.nio.file.Path directory)
    {
        if (!Files.isDirectory(directory))
        {
            return;
        }
        try (java.util.stream.Stream<java.nio.file.Path> files = Files.list(directory))
        {
            for (final java.nio.file.Path file : (Iterable<java.nio.file.Path>)files::iterator)
            {
                final String name = file.getFileName().toString();
                if (name.endsWith(".cq4") || name.endsWith(".cq4t"))
                {
                    try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file,
                        java.nio.file.StandardOpenOption.WRITE))
                    {
                        channel.force(true);
                    }
                }
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot sync the journal files in " + directory, ex);
        }
    }

    /**
     * @param directory a journal directory.
     * @return true if a live process (this one included) has a writer open on it.
     */
    public static boolean writerActive(final java.nio.file.Path directory)
    {
        return WriterGuard.writerActive(directory);
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

    /** @return why the writer stopped, or null while it works. */
    public Throwable failure()
    {
        return failure;
    }

    @Override
    public void close()
    {
        try
        {
            if (null != appender)
            {
                appender.close();
            }
            queue.close();
        }
        finally
        {
            guard.close();
        }
    }
}
