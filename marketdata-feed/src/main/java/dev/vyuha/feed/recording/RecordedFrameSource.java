package dev.vyuha.feed.recording;

import dev.vyuha.feed.source.MarketDataSource;
import dev.vyuha.feed.source.SubscriptionListener;
import dev.vyuha.sbe.DerivativeTickDecoder;
import dev.vyuha.sbe.FeedStateDecoder;
import dev.vyuha.sbe.IndexTickDecoder;
import dev.vyuha.sbe.MessageHeaderDecoder;
import dev.vyuha.wire.FrameValidator;
import dev.vyuha.wire.FrameVerdict;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Replays a {@link FrameRecording}: each record's frame at its recorded timestamp, in file order. By default only the
 * market-data frames ({@code IndexTick}, {@code DerivativeTick}, {@code FeedState}) are replayed, so a recording of a
 * whole engine journal can feed the market-data stream; other frames are skipped and counted. Frames are checked
 * with the schema's {@link FrameValidator} (invalid ones are skipped and counted) and, unless asked to keep them,
 * their command headers are zeroed as a producer's would be. Streams through a 1 MiB buffer, so files of any size
 * replay. A truncated last record ends the replay quietly ({@link #truncatedTail()}); a checksum mismatch ends it with
 * {@link #problem()} set.
 */
public final class RecordedFrameSource implements MarketDataSource
{
    private static final int READ_BUFFER = 1024 * 1024;

    private final Path file;
    private final FileChannel channel;
    private final boolean marketDataOnly;
    private final boolean keepHeaders;
    private final ByteBuffer in = ByteBuffer.allocateDirect(READ_BUFFER).order(ByteOrder.LITTLE_ENDIAN);
    private final UnsafeBuffer inView = new UnsafeBuffer(in);
    private final CRC32C crc = new CRC32C();
    private final FrameValidator validator = new FrameValidator(FrameRecording.MAX_FRAME_LENGTH);
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private ByteBuffer large;
    private boolean eof;
    private boolean ended;
    private long frameTimeNs;
    private long replayed;
    private long skipped;
    private long invalid;
    private boolean truncatedTail;
    private String problem;

    private RecordedFrameSource(final Path file, final FileChannel channel, final boolean marketDataOnly,
        final boolean keepHeaders)
    {
        this.file = file;
        this.channel = channel;
        this.marketDataOnly = marketDataOnly;
        this.keepHeaders = keepHeaders;
        in.limit(0);
    }

    /**
     * @param file           a recording.
     * @param marketDataOnly replay only IndexTick, DerivativeTick and FeedState frames.
     * @param keepHeaders    keep the recorded command headers (otherwise zeroed).
     * @return the source.
     * @throws IllegalArgumentException if the file is not a recording of this schema.
     */
    public static RecordedFrameSource open(final Path file, final boolean marketDataOnly, final boolean keepHeaders)
    {
        final FileChannel channel;
        try
        {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot open the recording " + file, ex);
        }
        final RecordedFrameSource source = new RecordedFrameSource(file, channel, marketDataOnly, keepHeaders);
        try
        {
            if (!source.fill(FrameRecording.FILE_HEADER_LENGTH) || source.in.getInt() != FrameRecording.MAGIC)
            {
                throw new IllegalArgumentException(file + " is not a frame recording (no VYFR header)");
            }
            final short version = source.in.getShort();
            final short schemaId = source.in.getShort();
            source.in.getShort();
            source.in.getShort();
            source.in.getInt();
            if (version != FrameRecording.VERSION || schemaId != MessageHeaderDecoder.SCHEMA_ID)
            {
                throw new IllegalArgumentException(file + ": recording version " + version + " of schema " + schemaId
                    + ", expected version " + FrameRecording.VERSION + " of schema " + MessageHeaderDecoder.SCHEMA_ID);
            }
        }
        catch (final RuntimeException ex)
        {
            source.close();
            throw ex;
        }
        return source;
    }

    @Override
    public int next(final MutableDirectBuffer buffer, final int offset)
    {
        while (!ended)
        {
            if (!fill(FrameRecording.RECORD_HEADER_LENGTH))
            {
                endOfFile();
                break;
            }
            final int length = in.getInt();
            final int checksum = in.getInt();
            final long timestampNs = in.getLong();
            if (length <= 0 || length > FrameRecording.MAX_FRAME_LENGTH)
            {
                fail("record with length " + length);
                break;
            }
            final ByteBuffer frame = frameBytes(length);
            if (null == frame)
            {
                endOfFile();
                break;
            }
            final ByteBuffer bytes = frame.duplicate();
            bytes.limit(bytes.position() + length);
            crc.reset();
            crc.update(bytes);
            if ((int)crc.getValue() != checksum)
            {
                fail("checksum mismatch in the record of " + length + " bytes at " + timestampNs);
                break;
            }
            final UnsafeBuffer view = frame == in ? inView : new UnsafeBuffer(frame);
            final int at = frame.position();
            if (FrameVerdict.VALID != validator.validate(view, at, length))
            {
                invalid++;
                skip(frame, length);
                continue;
            }
            header.wrap(view, at);
            final int template = header.templateId();
            if (marketDataOnly && template != IndexTickDecoder.TEMPLATE_ID
                && template != DerivativeTickDecoder.TEMPLATE_ID && template != FeedStateDecoder.TEMPLATE_ID)
            {
                skipped++;
                skip(frame, length);
                continue;
            }
            if (length > MarketDataSource.MAX_FRAME_LENGTH)
            {
                skipped++;
                skip(frame, length);
                continue;
            }
            buffer.putBytes(offset, view, at, length);
            skip(frame, length);
            if (!keepHeaders)
            {
                buffer.putLong(offset + MessageHeaderDecoder.ENCODED_LENGTH, 0, ByteOrder.LITTLE_ENDIAN);
                buffer.putLong(offset + MessageHeaderDecoder.ENCODED_LENGTH + 8, 0, ByteOrder.LITTLE_ENDIAN);
            }
            frameTimeNs = timestampNs;
            replayed++;
            return length;
        }
        return END_OF_DATA;
    }

    private void skip(final ByteBuffer frame, final int length)
    {
        if (frame == in)
        {
            in.position(in.position() + length);
        }
    }

    private ByteBuffer frameBytes(final int length)
    {
        if (length <= READ_BUFFER)
        {
            return fill(length) ? in : null;
        }
        if (null == large || large.capacity() < length)
        {
            large = ByteBuffer.allocateDirect(length).order(ByteOrder.LITTLE_ENDIAN);
        }
        large.clear().limit(length);
        while (in.hasRemaining() && large.hasRemaining())
        {
            large.put(in.get());
        }
        try
        {
            while (large.hasRemaining())
            {
                if (channel.read(large) < 0)
                {
                    return null;
                }
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read the recording " + file, ex);
        }
        large.flip();
        return large;
    }

    private boolean fill(final int bytes)
    {
        if (in.remaining() >= bytes)
        {
            return true;
        }
        in.compact();
        try
        {
            while (in.position() < bytes && !eof)
            {
                if (channel.read(in) < 0)
                {
                    eof = true;
                }
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read the recording " + file, ex);
        }
        in.flip();
        return in.remaining() >= bytes;
    }

    private void endOfFile()
    {
        ended = true;
        truncatedTail = in.hasRemaining();
    }

    private void fail(final String what)
    {
        ended = true;
        problem = file + ": " + what + " after " + replayed + " frames; the rest of the recording is not replayed";
    }

    /** @return frames replayed. */
    public long replayed()
    {
        return replayed;
    }

    /** @return frames skipped because they are not market data (or too large for a market-data frame). */
    public long skipped()
    {
        return skipped;
    }

    /** @return frames skipped because the schema's validator refused them. */
    public long invalid()
    {
        return invalid;
    }

    /** @return true if the file ended inside a record (a writer stopped mid-append). */
    public boolean truncatedTail()
    {
        return truncatedTail;
    }

    /** @return why the replay stopped early, or null. */
    public String problem()
    {
        return problem;
    }

    @Override
    public long frameTimeNs()
    {
        return frameTimeNs;
    }

    @Override
    public boolean isLive()
    {
        return false;
    }

    @Override
    public void subscriptions(final SubscriptionListener listener)
    {
        // A recording carries the feed-state frames that were live when it was made; it announces nothing.
    }

    @Override
    public String description()
    {
        return "recording " + file + (marketDataOnly ? " (market data)" : "");
    }

    @Override
    public void close()
    {
        ended = true;
        try
        {
            channel.close();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot close " + file, ex);
        }
    }
}
