package dev.vyuha.journal;

import net.openhft.chronicle.wire.Wires;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.stream.Stream;

/**
 * Finds a record whose writer died in the middle of it, after the last complete one.
 *
 * <p>What Chronicle Queue 2026.4 leaves when the writing process is killed inside {@code writingDocument()} (found by
 * experiment, SIGKILL at that point, then reading and appending from a new process): the document's 4-byte header is
 * still 0, exactly like the end of the data, and the bytes already written follow it. Tailers therefore stop before
 * it and never deliver it; the next appender, after recovering the dead writer's lock, writes its own document over it
 * at the same position, and zeroes the header slot after its own document, so the remains are never reachable. The
 * record index the torn record would have had is taken by the next record written. This class looks past the last
 * complete document for the start of one of our records (the magic number and the next record index) to report it.
 * Files are named by Chronicle's FAST_DAILY roll cycle ({@code yyyyMMdd'F'.cq4}, cycles are days since the epoch).
 */
final class TornTail
{
    private static final DateTimeFormatter CYCLE_NAME = DateTimeFormatter.BASIC_ISO_DATE;
    private static final int MAX_WALK = 1 << 16;

    /**
     * A torn record.
     *
     * @param index       the record index it would have had.
     * @param sequence    the command sequence in its header, or -1 if that part was not written.
     * @param frameLength the frame length in its header, or -1 if that part was not written.
     */
    record Found(long index, long sequence, int frameLength)
    {
    }

    private TornTail()
    {
    }

    static Path cycleFile(final Path directory, final int cycle)
    {
        return directory.resolve(LocalDate.ofEpochDay(cycle).format(CYCLE_NAME) + "F.cq4");
    }

    /**
     * @param directory the journal directory.
     * @return the last cycle with a file (days since the epoch), or {@link Integer#MIN_VALUE} if none.
     */
    static int lastCycle(final Path directory) throws IOException
    {
        int last = Integer.MIN_VALUE;
        try (Stream<Path> files = Files.list(directory))
        {
            for (final Path file : (Iterable<Path>)files::iterator)
            {
                final String name = file.getFileName().toString();
                if (name.length() == "yyyyMMddF.cq4".length() && name.endsWith("F.cq4"))
                {
                    try
                    {
                        last = Math.max(last, (int)LocalDate.parse(name.substring(0, 8), CYCLE_NAME).toEpochDay());
                    }
                    catch (final DateTimeParseException ex)
                    {
                        // Not a cycle file.
                    }
                }
            }
        }
        return last;
    }

    /**
     * @param directory     the journal directory.
     * @param cycle         the last cycle with a file.
     * @param start         file position to start at: just after the last complete document of that cycle, or 0.
     * @param expectedIndex the index the next record would get.
     * @return the torn record, or null if the journal ends cleanly.
     */
    static Found find(final Path directory, final int cycle, final long start, final long expectedIndex)
        throws IOException
    {
        final Path file = cycleFile(directory, cycle);
        if (!Files.isRegularFile(file))
        {
            return null;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ))
        {
            final ByteBuffer word = ByteBuffer.allocate(Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            long position = align(start);
            for (int step = 0; step < MAX_WALK; step++)
            {
                if (readFully(channel, word, position) < Integer.BYTES)
                {
                    return null;
                }
                final int header = word.getInt(0);
                if (header == Wires.END_OF_DATA)
                {
                    return null;
                }
                if (header == 0 || Wires.isNotComplete(header))
                {
                    return record(channel, position + Integer.BYTES, expectedIndex, header != 0);
                }
                position = align(position + Integer.BYTES + Wires.lengthOf(header));
            }
            return null;
        }
    }

    private static Found record(final FileChannel channel, final long position, final long expectedIndex,
        final boolean markedIncomplete) throws IOException
    {
        final ByteBuffer header = ByteBuffer.allocate(JournalRecordFormat.HEADER_LENGTH).order(ByteOrder.LITTLE_ENDIAN);
        final int read = readFully(channel, header, position);
        if (read < Integer.BYTES || header.getInt(0) != JournalRecordFormat.MAGIC)
        {
            // Nothing of ours started here; a header Chronicle marked incomplete is still a torn write.
            return markedIncomplete ? new Found(expectedIndex, -1, -1) : null;
        }
        if (read >= JournalRecordFormat.INDEX_OFFSET + Long.BYTES
            && header.getLong(JournalRecordFormat.INDEX_OFFSET) != expectedIndex)
        {
            // The remains of a record already written over after a restart, not a torn tail.
            return null;
        }
        final long sequence = read >= JournalRecordFormat.SEQUENCE_OFFSET + Long.BYTES ?
            header.getLong(JournalRecordFormat.SEQUENCE_OFFSET) : -1;
        final int frameLength = read >= JournalRecordFormat.FRAME_LENGTH_OFFSET + Integer.BYTES ?
            header.getInt(JournalRecordFormat.FRAME_LENGTH_OFFSET) : -1;
        return new Found(expectedIndex, sequence, frameLength);
    }

    private static int readFully(final FileChannel channel, final ByteBuffer buffer, final long position)
        throws IOException
    {
        buffer.clear();
        int total = 0;
        while (buffer.hasRemaining())
        {
            final int n = channel.read(buffer, position + total);
            if (n < 0)
            {
                break;
            }
            total += n;
        }
        return total;
    }

    private static long align(final long position)
    {
        return (position + 3) & ~3L;
    }
}
