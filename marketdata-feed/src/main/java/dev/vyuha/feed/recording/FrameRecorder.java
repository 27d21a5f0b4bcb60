package dev.vyuha.feed.recording;

import dev.vyuha.sbe.MessageHeaderEncoder;
import org.agrona.DirectBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Appends frames to a {@link FrameRecording} file through a 256 KiB buffer (written when full, on {@link #flush()}
 * and on {@link #close()}; durability is the page cache's, like the engine's journal on its hot path). Single
 * writer. Allocation free per frame.
 */
public final class FrameRecorder implements AutoCloseable
{
    private static final int BUFFER_BYTES = 256 * 1024;

    private final Path file;
    private final FileChannel channel;
    private final ByteBuffer out = ByteBuffer.allocateDirect(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private final CRC32C crc = new CRC32C();
    private byte[] copy = new byte[1024];
    private long frames;

    private FrameRecorder(final Path file, final FileChannel channel)
    {
        this.file = file;
        this.channel = channel;
    }

    /**
     * Create (or replace) a recording.
     *
     * @param file the file.
     * @return the recorder, file header written.
     * @throws UncheckedIOException if the file cannot be created.
     */
    public static FrameRecorder create(final Path file)
    {
        try
        {
            final Path parent = file.toAbsolutePath().getParent();
            if (null != parent)
            {
                Files.createDirectories(parent);
            }
            final FrameRecorder recorder = new FrameRecorder(file, FileChannel.open(file, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE));
            recorder.out.putInt(FrameRecording.MAGIC)
                .putShort(FrameRecording.VERSION)
                .putShort((short)MessageHeaderEncoder.SCHEMA_ID)
                .putShort((short)MessageHeaderEncoder.SCHEMA_VERSION)
                .putShort((short)0)
                .putInt(0);
            return recorder;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create the recording " + file, ex);
        }
    }

    /**
     * @param buffer      holding the frame.
     * @param offset      of the frame.
     * @param length      of the frame.
     * @param timestampNs when to replay it (epoch ns).
     */
    public void record(final DirectBuffer buffer, final int offset, final int length, final long timestampNs)
    {
        if (length <= 0 || length > FrameRecording.MAX_FRAME_LENGTH)
        {
            throw new IllegalArgumentException("frame length " + length + " outside 1.." + FrameRecording.MAX_FRAME_LENGTH);
        }
        if (copy.length < length)
        {
            copy = new byte[Math.max(length, copy.length * 2)];
        }
        buffer.getBytes(offset, copy, 0, length);
        crc.reset();
        crc.update(copy, 0, length);
        ensure(FrameRecording.RECORD_HEADER_LENGTH);
        out.putInt(length).putInt((int)crc.getValue()).putLong(timestampNs);
        int written = 0;
        while (written < length)
        {
            ensure(1);
            final int chunk = Math.min(out.remaining(), length - written);
            out.put(copy, written, chunk);
            written += chunk;
        }
        frames++;
    }

    /** @return frames recorded. */
    public long frames()
    {
        return frames;
    }

    /** @return the file. */
    public Path file()
    {
        return file;
    }

    /**
     * Write what is buffered to the file (the page cache).
     */
    public void flush()
    {
        try
        {
            out.flip();
            while (out.hasRemaining())
            {
                channel.write(out);
            }
            out.clear();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write the recording " + file, ex);
        }
    }

    private void ensure(final int bytes)
    {
        if (out.remaining() < bytes)
        {
            flush();
        }
    }

    @Override
    public void close()
    {
        try
        {
            flush();
        }
        finally
        {
            try
            {
                channel.close();
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException("cannot close the recording " + file, ex);
            }
        }
    }
}
