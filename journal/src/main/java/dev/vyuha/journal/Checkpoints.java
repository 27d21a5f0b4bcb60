package dev.vyuha.journal;

import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes the checkpoints journal: one record per {@link Checkpoint}, its record sequence a running count.
 */
public final class Checkpoints
{
    private Checkpoints()
    {
    }

    /**
     * Append one checkpoint (opens and closes the writer: checkpoints are rare).
     *
     * @param directory  the checkpoints journal directory.
     * @param checkpoint what to record.
     */
    public static void append(final Path directory, final Checkpoint checkpoint)
    {
        final UnsafeBuffer frame = new UnsafeBuffer(new byte[Checkpoint.LENGTH]);
        frame.putLong(0, checkpoint.sequence(), ByteOrder.LITTLE_ENDIAN);
        frame.putLong(Long.BYTES, checkpoint.stateHash(), ByteOrder.LITTLE_ENDIAN);
        frame.putLong(2 * Long.BYTES, checkpoint.timestampNs(), ByteOrder.LITTLE_ENDIAN);
        frame.putInt(3 * Long.BYTES, checkpoint.kind().ordinal(), ByteOrder.LITTLE_ENDIAN);
        try (JournalWriter writer = new JournalWriter(new JournalContext().directory(directory)
            .sync(JournalSync.SYNC_PER_BATCH)))
        {
            writer.append(frame, 0, Checkpoint.LENGTH, Math.max(0, writer.lastSequence()) + 1,
                checkpoint.timestampNs());
            writer.sync();
        }
    }

    /**
     * @param directory the checkpoints journal directory (absent: none).
     * @return every intact checkpoint, in the order taken.
     */
    public static List<Checkpoint> read(final Path directory)
    {
        final List<Checkpoint> checkpoints = new ArrayList<>();
        if (!JournalReader.isJournal(directory))
        {
            return checkpoints;
        }
        final Checkpoint.Kind[] kinds = Checkpoint.Kind.values();
        try (JournalReader reader = new JournalReader(new JournalContext().directory(directory)))
        {
            reader.read((index, sequence, timestampNs, buffer, offset, length) ->
            {
                if (length == Checkpoint.LENGTH)
                {
                    final int kind = buffer.getInt(offset + 3 * Long.BYTES, ByteOrder.LITTLE_ENDIAN);
                    checkpoints.add(new Checkpoint(buffer.getLong(offset, ByteOrder.LITTLE_ENDIAN),
                        buffer.getLong(offset + Long.BYTES, ByteOrder.LITTLE_ENDIAN),
                        buffer.getLong(offset + 2 * Long.BYTES, ByteOrder.LITTLE_ENDIAN),
                        kinds[Math.floorMod(kind, kinds.length)]));
                }
            }, false);
        }
        return checkpoints;
    }
}
