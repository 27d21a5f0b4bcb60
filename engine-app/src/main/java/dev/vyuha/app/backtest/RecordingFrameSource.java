package dev.vyuha.app.backtest;

import dev.vyuha.engine.runtime.CommandFrames;
import dev.vyuha.feed.recording.FrameRecording;
import dev.vyuha.feed.recording.RecordedFrameSource;
import dev.vyuha.feed.source.MarketDataSource;
import dev.vyuha.reference.calendar.IndiaTime;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * A backtest's market data from a frame recording (marketdata-feed's {@code *.vyfr}: what a feed recorded, or an
 * engine journal's market data exported to that format): first the instrument master it was recorded against
 * (Kite's CSV, dated by the recording's first frame and stamped just before it), then the recording's market-data
 * frames ({@code IndexTick}, {@code DerivativeTick}, {@code FeedState}) in file order at their recorded times.
 * Progress is the share of the file read. A damaged record ends the replay with an {@link IllegalStateException}
 * rather than a silently shorter backtest.
 */
public final class RecordingFrameSource implements FrameSource, AutoCloseable
{
    private final Path file;
    private final RecordedFrameSource recording;
    private final String masterCsv;
    private final long fileBytes;
    private final ExpandableArrayBuffer first = new ExpandableArrayBuffer(MarketDataSource.MAX_FRAME_LENGTH);
    private final int firstLength;
    private final long firstTimeNs;
    private int state;
    private long bytesRead = FrameRecording.FILE_HEADER_LENGTH;
    private long timestampNs;

    /**
     * Open the recording and read its first frame (which dates the master).
     *
     * @param file      the recording.
     * @param masterCsv the instrument master, Kite's CSV.
     * @throws IllegalArgumentException if the file is not a recording or holds no market data.
     * @throws UncheckedIOException     if it cannot be read.
     */
    public RecordingFrameSource(final Path file, final String masterCsv)
    {
        this.file = file;
        this.masterCsv = masterCsv;
        try
        {
            this.fileBytes = Math.max(1, Files.size(file));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(file + ": cannot read: " + ex.getMessage(), ex);
        }
        this.recording = RecordedFrameSource.open(file, true, false);
        this.firstLength = recording.next(first, 0);
        if (firstLength <= 0)
        {
            final String problem = recording.problem();
            recording.close();
            throw new IllegalArgumentException(null != problem ? problem : file + ": no market data in the recording");
        }
        this.firstTimeNs = recording.frameTimeNs();
        this.timestampNs = firstTimeNs;
    }

    /** @return the IST date of the recording's first frame: the master's trading date. */
    public LocalDate firstDate()
    {
        return IndiaTime.date(firstTimeNs);
    }

    @Override
    public int next(final MutableDirectBuffer buffer)
    {
        if (state == 0)
        {
            state = 1;
            timestampNs = firstTimeNs;
            return new CommandFrames().instrumentMaster(buffer, 0, (int)firstDate().toEpochDay(),
                "recording " + file.getFileName(), masterCsv);
        }
        if (state == 1)
        {
            state = 2;
            buffer.putBytes(0, first, 0, firstLength);
            bytesRead += FrameRecording.RECORD_HEADER_LENGTH + firstLength;
            return firstLength;
        }
        final int length = recording.next(buffer, 0);
        if (length > 0)
        {
            timestampNs = recording.frameTimeNs();
            bytesRead += FrameRecording.RECORD_HEADER_LENGTH + length;
            return length;
        }
        if (null != recording.problem())
        {
            throw new IllegalStateException(recording.problem());
        }
        bytesRead = fileBytes;
        return 0;
    }

    @Override
    public long timestampNs()
    {
        return timestampNs;
    }

    /** @return bytes of the file read so far over its size; records that are not market data are not counted. */
    @Override
    public double progress()
    {
        return Math.min(1.0, (double)bytesRead / fileBytes);
    }

    @Override
    public void close()
    {
        recording.close();
    }
}
