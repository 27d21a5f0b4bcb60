package dev.vyuha.journal;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Reads a journal in record order. Checks every record's magic, length, index and sequence order and CRC32C, and,
 * when asked, the hash chain; stops at the first problem and reports it with the record index (see
 * {@link JournalCursor}). Never modifies the journal: it can run beside the engine that writes it.
 */
public final class JournalReader implements AutoCloseable
{
    private final ChronicleQueue queue;
    private final Path directory;

    /**
     * Open a journal for reading.
     *
     * @param context where it is.
     * @throws IllegalArgumentException if there is no journal there.
     */
    public JournalReader(final JournalContext context)
    {
        context.conclude();
        this.directory = context.directory();
        requireJournal(directory);
        this.queue = JournalWriter.open(context, true);
    }

    /**
     * @param directory a path.
     * @return true if it holds a journal (a Chronicle queue's metadata or cycle files).
     */
    public static boolean isJournal(final Path directory)
    {
        if (!Files.isDirectory(directory))
        {
            return false;
        }
        try (Stream<Path> files = Files.list(directory))
        {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".cq4"));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot list " + directory, ex);
        }
    }

    static void requireJournal(final Path directory)
    {
        if (!Files.exists(directory))
        {
            throw new IllegalArgumentException(directory + ": no such directory");
        }
        if (!isJournal(directory))
        {
            throw new IllegalArgumentException(directory + ": not a journal (no Chronicle Queue .cq4 files)");
        }
    }

    /**
     * @param verifyChain also recompute the hash chain (slower; for audit).
     * @return a cursor over the records from the first.
     */
    public JournalCursor cursor(final boolean verifyChain)
    {
        return new JournalCursor(queue, directory, verifyChain);
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
        try (JournalCursor cursor = cursor(verifyChain))
        {
            while (cursor.next())
            {
                listener.onRecord(cursor.index(), cursor.sequence(), cursor.timestampNs(), cursor.frame(), 0,
                    cursor.frameLength());
            }
            return cursor.scan();
        }
    }

    /**
     * The end of a journal: the last complete record, read backwards (a torn record is invisible here).
     */
    static JournalTail tail(final ChronicleQueue queue)
    {
        try (ExcerptTailer tailer = queue.createTailer().direction(TailerDirection.BACKWARD).toEnd())
        {
            try (DocumentContext document = tailer.readingDocument())
            {
                if (!document.isPresent())
                {
                    return new JournalTail(0, null, -1, 0);
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
                    chainValue, last.getLong(JournalRecordFormat.SEQUENCE_OFFSET, ByteOrder.LITTLE_ENDIAN),
                    last.getLong(JournalRecordFormat.TIMESTAMP_OFFSET, ByteOrder.LITTLE_ENDIAN));
            }
        }
    }

    /**
     * @return the sequence of the last complete record (a torn record after it does not count), -1 if none.
     */
    public long lastSequence()
    {
        return tail(queue).lastSequence();
    }

    /** @return the journal directory. */
    public Path directory()
    {
        return directory;
    }

    @Override
    public void close()
    {
        queue.close();
    }
}
