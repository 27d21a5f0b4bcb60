package dev.vyuha.feed.recording;

import dev.vyuha.feed.source.MarketDataSource;
import dev.vyuha.feed.synthetic.SyntheticMarket;
import dev.vyuha.feed.synthetic.SyntheticSettings;
import dev.vyuha.sbe.KillSwitchAction;
import dev.vyuha.sbe.KillSwitchEncoder;
import dev.vyuha.sbe.MessageHeaderEncoder;
import dev.vyuha.wire.FrameReader;
import dev.vyuha.wire.FrameVerdict;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Frame recordings: what is recorded replays byte for byte at its timestamps; stamped command headers are zeroed
 * unless kept; non-market-data frames of an engine journal are skipped; a cut tail is tolerated and a corrupt record
 * stops the replay.
 */
class FrameRecordingTest
{
    private final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(4096));

    @Test
    void shouldReplayEveryRecordedFrameAtItsTimestamp(@TempDir final Path directory)
    {
        final Path file = directory.resolve("day.vyfr");
        final List<byte[]> frames = new ArrayList<>();
        final List<Long> times = new ArrayList<>();
        try (SyntheticMarket market = new SyntheticMarket(new SyntheticSettings().tradingDate(LocalDate.of(2026, 8,
            17))); FrameRecorder recorder = FrameRecorder.create(file))
        {
            for (int n = 0; n < 20_000; n++)
            {
                final int length = market.next(buffer, 0);
                final byte[] bytes = new byte[length];
                buffer.getBytes(0, bytes);
                frames.add(bytes);
                times.add(market.frameTimeNs());
                recorder.record(buffer, 0, length, market.frameTimeNs());
            }
            assertEquals(20_000, recorder.frames());
        }

        try (RecordedFrameSource source = RecordedFrameSource.open(file, true, false))
        {
            for (int n = 0; n < frames.size(); n++)
            {
                final int length = source.next(buffer, 8);
                final byte[] bytes = new byte[length];
                buffer.getBytes(8, bytes);
                assertArrayEquals(frames.get(n), bytes);
                assertEquals(times.get(n), source.frameTimeNs());
            }
            assertEquals(MarketDataSource.END_OF_DATA, source.next(buffer, 0));
            assertFalse(source.truncatedTail());
            assertNull(source.problem());
            assertEquals(20_000, source.replayed());
        }
    }

    @Test
    void shouldZeroStampedHeadersUnlessKeptAndSkipFramesThatAreNotMarketData(@TempDir final Path directory)
    {
        final Path file = directory.resolve("journal.vyfr");
        final long stamped;
        try (SyntheticMarket market = new SyntheticMarket(new SyntheticSettings().tradingDate(LocalDate.of(2026, 8,
            17))); FrameRecorder recorder = FrameRecorder.create(file))
        {
            final int tick = market.next(buffer, 0);
            buffer.putLong(MessageHeaderEncoder.ENCODED_LENGTH, 41);
            stamped = market.frameTimeNs() + 1234;
            buffer.putLong(MessageHeaderEncoder.ENCODED_LENGTH + 8, stamped);
            recorder.record(buffer, 0, tick, stamped);
            final KillSwitchEncoder kill = new KillSwitchEncoder().wrapAndApplyHeader(buffer, 0,
                new MessageHeaderEncoder());
            kill.commandHeader().sequence(42).timestampNs(stamped + 1);
            kill.requestId(1).action(KillSwitchAction.ENGAGE).requestedBy("ops").reason("test");
            recorder.record(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + kill.encodedLength(), stamped + 1);
        }

        try (RecordedFrameSource source = RecordedFrameSource.open(file, true, false))
        {
            final int length = source.next(buffer, 0);
            final FrameReader reader = new FrameReader();
            assertEquals(FrameVerdict.VALID, reader.read(buffer, 0, length));
            assertEquals(0, reader.indexTick().commandHeader().sequence());
            assertEquals(0, reader.indexTick().commandHeader().timestampNs());
            assertEquals(stamped, source.frameTimeNs());
            assertEquals(MarketDataSource.END_OF_DATA, source.next(buffer, 0));
            assertEquals(1, source.skipped());
        }
        try (RecordedFrameSource source = RecordedFrameSource.open(file, false, true))
        {
            source.next(buffer, 0);
            assertEquals(41, buffer.getLong(MessageHeaderEncoder.ENCODED_LENGTH));
            assertTrue(source.next(buffer, 0) > 0);
            assertEquals(stamped + 1, source.frameTimeNs());
        }
    }

    @Test
    void shouldIgnoreARecordCutShortAtTheEnd(@TempDir final Path directory) throws IOException
    {
        final Path file = recordTen(directory);
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw"))
        {
            raw.setLength(raw.length() - 7);
        }

        try (RecordedFrameSource source = RecordedFrameSource.open(file, true, false))
        {
            int frames = 0;
            while (source.next(buffer, 0) != MarketDataSource.END_OF_DATA)
            {
                frames++;
            }
            assertEquals(9, frames);
            assertTrue(source.truncatedTail());
            assertNull(source.problem());
        }
    }

    @Test
    void shouldStopAtACorruptRecord(@TempDir final Path directory) throws IOException
    {
        final Path file = recordTen(directory);
        final byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x40;
        Files.write(file, bytes);

        try (RecordedFrameSource source = RecordedFrameSource.open(file, true, false))
        {
            int frames = 0;
            while (source.next(buffer, 0) != MarketDataSource.END_OF_DATA)
            {
                frames++;
            }
            assertTrue(frames < 10);
            assertNotNull(source.problem());
            assertTrue(source.problem().contains("checksum") || source.problem().contains("length"), source.problem());
        }
    }

    @Test
    void shouldRefuseAFileThatIsNotARecording(@TempDir final Path directory) throws IOException
    {
        final Path file = directory.resolve("x.csv");
        Files.write(file, Arrays.copyOf("instrument_token,exchange_token".getBytes(), 40));

        assertThrows(IllegalArgumentException.class, () -> RecordedFrameSource.open(file, true, false));
    }

    private Path recordTen(final Path directory)
    {
        final Path file = directory.resolve("ten.vyfr");
        try (SyntheticMarket market = new SyntheticMarket(new SyntheticSettings().tradingDate(LocalDate.of(2026, 8,
            17))); FrameRecorder recorder = FrameRecorder.create(file))
        {
            for (int n = 0; n < 10; n++)
            {
                final int length = market.next(buffer, 0);
                recorder.record(buffer, 0, length, market.frameTimeNs());
            }
        }
        return file;
    }
}
