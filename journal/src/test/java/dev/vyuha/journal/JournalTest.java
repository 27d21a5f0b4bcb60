package dev.vyuha.journal;

import dev.vyuha.engine.runtime.CommandHandler;
import dev.vyuha.engine.runtime.EngineRuntime;
import dev.vyuha.engine.runtime.OrderSink;
import dev.vyuha.sbe.KillSwitchAction;
import dev.vyuha.sbe.KillSwitchEncoder;
import dev.vyuha.sbe.MessageHeaderEncoder;
import dev.vyuha.wire.CommandStamp;
import dev.vyuha.wire.FrameReader;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.impl.TableStore;
import net.openhft.chronicle.queue.impl.single.TableStoreWriteLock;
import net.openhft.chronicle.queue.impl.table.Metadata;
import net.openhft.chronicle.queue.impl.table.SingleTableBuilder;
import net.openhft.chronicle.threads.Pauser;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class JournalTest
{
    /** Queues left mid-document, as a killed writer leaves them; referenced so nothing closes them. */
    private static final List<Object> ABANDONED = new ArrayList<>();

    @TempDir
    Path directory;

    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[512]);

    @Test
    void shouldJournalEveryRingCommandAndReadItBackIntactWithItsStamps() throws Exception
    {
        final JournalContext context = new JournalContext().directory(directory);
        try (JournalWriter writer = new JournalWriter(context))
        {
            final EngineRuntime runtime = new EngineRuntime(new EngineRuntime.Context().ringSize(256).firstSequence(10),
                new IgnoringHandler(), (buffer, offset, length, cause) -> { }, List.of(writer));
            runtime.start();
            for (int i = 0; i < 1_000; i++)
            {
                runtime.publish(frame, 0, killSwitch("reason " + i), 1_000_000L + i);
            }
            assertTrue(runtime.drainAndStop(20, TimeUnit.SECONDS));
            assertEquals(1_009, writer.lastSequence());
        }
        final List<String> reasons = new ArrayList<>();
        final List<Long> sequences = new ArrayList<>();
        final JournalScan scan;
        try (JournalReader reader = new JournalReader(context))
        {
            scan = reader.read((index, sequence, timestampNs, buffer, offset, length) ->
            {
                assertEquals(sequence, CommandStamp.sequence(buffer, offset), "the frame keeps its stamp");
                assertEquals(1_000_000L + index, timestampNs);
                sequences.add(sequence);
                final FrameReader frames = new FrameReader();
                frames.read(buffer, offset, length);
                frames.killSwitch().skipRequestedBy();
                reasons.add(frames.killSwitch().reason());
            }, true);
        }
        assertTrue(scan.intact(), scan.summary());
        assertEquals(1_000, scan.records());
        assertEquals(999, scan.lastIndex());
        assertEquals("reason 0", reasons.get(0));
        assertEquals("reason 999", reasons.get(999));
        assertEquals(10L, sequences.get(0));
    }

    @Test
    void shouldContinueTheIndexAndTheHashChainAfterReopening() throws Exception
    {
        final JournalContext context = new JournalContext().directory(directory);
        for (int session = 0; session < 3; session++)
        {
            try (JournalWriter writer = new JournalWriter(context))
            {
                assertEquals(session * 5L, writer.nextIndex());
                for (int i = 0; i < 5; i++)
                {
                    final long sequence = session * 5L + i + 1;
                    writer.append(frame, 0, stamped(killSwitch("s" + session + "r" + i), sequence), sequence, sequence);
                }
            }
        }
        try (JournalReader reader = new JournalReader(context))
        {
            final JournalScan scan = reader.read((index, sequence, timestampNs, buffer, offset, length) -> { }, true);
            assertTrue(scan.intact(), scan.summary());
            assertEquals(15, scan.records());
            assertEquals(15, scan.lastSequence());
        }
    }

    @Test
    void shouldReportAModifiedFrameAsACrcMismatchAtItsRecordIndex() throws Exception
    {
        writeTwentyRecords();
        overwrite("MARKER-13", "MARKER-99", false);
        try (JournalReader reader = new JournalReader(new JournalContext().directory(directory)))
        {
            final JournalScan scan = reader.read((index, sequence, timestampNs, buffer, offset, length) -> { }, false);
            assertEquals(JournalProblem.CRC_MISMATCH, scan.problem());
            assertEquals(13, scan.problemIndex());
            assertEquals(13, scan.records(), "the 13 records before it were delivered");
            assertEquals("13 intact records, then at record 13: frame bytes do not match their CRC32C", scan.summary());
        }
    }

    @Test
    void shouldCatchATamperThatAlsoFixesTheCrcThroughTheHashChain() throws Exception
    {
        writeTwentyRecords();
        overwrite("MARKER-07", "MARKER-77", true);
        try (JournalReader reader = new JournalReader(new JournalContext().directory(directory)))
        {
            final JournalScan fast = reader.read((index, sequence, timestampNs, buffer, offset, length) -> { }, false);
            assertTrue(fast.intact(), "the CRC alone cannot see a careful tamper");
            final JournalScan audit = reader.read((index, sequence, timestampNs, buffer, offset, length) -> { }, true);
            assertEquals(JournalProblem.CHAIN_MISMATCH, audit.problem());
            assertEquals(7, audit.problemIndex());
        }
    }

    @Test
    void shouldReportATornTailAtTheIndexItWouldHaveHadTheSameWayEveryTime()
    {
        writeRecords(5);
        tear(5, 6, 30);
        final List<JournalScan> scans = new ArrayList<>();
        for (int i = 0; i < 3; i++)
        {
            try (JournalReader reader = new JournalReader(new JournalContext().directory(directory)))
            {
                final List<Long> delivered = new ArrayList<>();
                scans.add(reader.read((index, sequence, timestampNs, buffer, offset, length) -> delivered.add(sequence),
                    true));
                assertEquals(List.of(1L, 2L, 3L, 4L, 5L), delivered, "the torn record is never delivered");
            }
        }
        final JournalScan scan = scans.get(0);
        assertEquals(JournalProblem.TORN_TAIL, scan.problem());
        assertEquals(5, scan.problemIndex());
        assertEquals(5, scan.records());
        assertTrue(scan.tornTail() && scan.recoverable() && !scan.intact());
        assertEquals("5 intact records, then at record 5: the last record is incomplete (writer stopped mid-record) "
            + "(sequence 6, a 349-byte frame partly written; never acknowledged or acted on, and the next writer writes "
            + "over it)", scan.summary());
        assertEquals(scans.get(0), scans.get(1));
        assertEquals(scans.get(1), scans.get(2));
    }

    @Test
    void shouldWriteOverATornTailWhenTheNextWriterOpensAndKeepIndexAndChainContinuous()
    {
        writeRecords(5);
        tear(5, 6, 60);
        try (JournalWriter writer = new JournalWriter(new JournalContext().directory(directory).lockTimeoutMillis(500)))
        {
            assertEquals(5, writer.nextIndex(), "the torn record's index is reused");
            assertEquals(5, writer.lastSequence());
            for (int i = 6; i <= 8; i++)
            {
                writer.append(frame, 0, stamped(killSwitch("after " + i), i), i, i);
            }
        }
        // A second crash, a longer torn record, then a shorter one written over it.
        tear(8, 9, 250);
        try (JournalWriter writer = new JournalWriter(new JournalContext().directory(directory).lockTimeoutMillis(500)))
        {
            writer.append(frame, 0, stamped(killSwitch("x"), 9), 9, 9);
        }
        try (JournalReader reader = new JournalReader(new JournalContext().directory(directory)))
        {
            final List<String> reasons = new ArrayList<>();
            final JournalScan scan = reader.read((index, sequence, timestampNs, buffer, offset, length) ->
            {
                final FrameReader frames = new FrameReader();
                frames.read(buffer, offset, length);
                frames.killSwitch().skipRequestedBy();
                reasons.add(frames.killSwitch().reason());
            }, true);
            assertTrue(scan.intact(), scan.summary());
            assertEquals(9, scan.records());
            assertEquals(List.of("MARKER-00", "MARKER-01", "MARKER-02", "MARKER-03", "MARKER-04", "after 6", "after 7",
                "after 8", "x"), reasons);
        }
    }

    @Test
    void shouldTreatARecordALiveWriterIsWritingAsInProgressNotTorn()
    {
        writeRecords(3);
        try (JournalWriter writer = new JournalWriter(new JournalContext().directory(directory)))
        {
            tear(3, 4, 10);
            try (JournalReader reader = new JournalReader(new JournalContext().directory(directory)))
            {
                final JournalScan live = reader.read((index, sequence, timestampNs, buffer, offset, length) -> { },
                    false);
                assertTrue(live.intact(), live.summary());
                assertEquals(3, live.records());
            }
            assertEquals(3, writer.nextIndex());
        }
        try (JournalReader reader = new JournalReader(new JournalContext().directory(directory)))
        {
            assertEquals(JournalProblem.TORN_TAIL, reader.read((index, sequence, timestampNs, buffer, offset, length)
                -> { }, false).problem(), "once its writer is gone, the same record is torn");
        }
    }

    @Test
    void shouldRecoverAChronicleWriteLockLeftByADeadWriterThatHadTheSameProcessId()
    {
        writeRecords(2);
        // A writer killed while holding the lock, whose successor got the same pid (a container's pid 1).
        try (TableStore<Metadata.NoMeta> store = SingleTableBuilder.binary(directory.resolve("metadata.cq4t"),
            Metadata.NoMeta.INSTANCE).readOnly(false).build())
        {
            final TableStoreWriteLock lock = new TableStoreWriteLock(store, Pauser::balanced, 0L);
            lock.lock();
            assertTrue(lock.locked());
        }
        try (JournalWriter writer = new JournalWriter(new JournalContext().directory(directory).lockTimeoutMillis(200)))
        {
            writer.append(frame, 0, stamped(killSwitch("after the crash"), 3), 3, 3);
            assertEquals(3, writer.lastSequence());
        }
        try (JournalReader reader = new JournalReader(new JournalContext().directory(directory)))
        {
            assertEquals(3, reader.read((index, sequence, timestampNs, buffer, offset, length) -> { }, true)
                .records());
        }
    }

    @Test
    void shouldRefuseASecondWriterWhileTheFirstIsOpen()
    {
        try (JournalWriter first = new JournalWriter(new JournalContext().directory(directory)))
        {
            final IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new JournalWriter(new JournalContext().directory(directory)));
            assertTrue(refused.getMessage().contains("is open for writing by another engine"), refused.getMessage());
            assertEquals(0, first.nextIndex());
        }
        try (JournalWriter again = new JournalWriter(new JournalContext().directory(directory)))
        {
            assertEquals(0, again.nextIndex(), "the lock goes with its writer");
        }
    }

    @Test
    void shouldNameThePathWhenThereIsNoJournalToRead() throws IOException
    {
        final Path missing = directory.resolve("nowhere");
        final IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
            () -> new JournalReader(new JournalContext().directory(missing)));
        assertEquals(missing + ": no such directory", none.getMessage());
        Files.writeString(directory.resolve("notes.txt"), "not a journal");
        final IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
            () -> new JournalReader(new JournalContext().directory(directory)));
        assertTrue(other.getMessage().startsWith(directory + ": not a journal"), other.getMessage());
        assertFalse(JournalReader.isJournal(missing));
    }

    @Test
    void shouldAcknowledgeASequenceOnlyOnceItsRecordIsWritten()
    {
        try (JournalWriter writer = new JournalWriter(new JournalContext().directory(directory)))
        {
            assertEquals(-1, writer.durableSequence());
            assertFalse(writer.awaitDurable(1, 1, TimeUnit.MILLISECONDS));
            final EngineRuntime runtime = new EngineRuntime(new EngineRuntime.Context().ringSize(64), new IgnoringHandler(),
                (buffer, offset, length, cause) -> { }, List.of(writer));
            runtime.start();
            final long sequence = runtime.publish(frame, 0, killSwitch("ack me"), 1);
            assertTrue(writer.awaitDurable(sequence, 10, TimeUnit.SECONDS));
            assertTrue(writer.durableSequence() >= sequence);
            assertTrue(runtime.drainAndStop(10, TimeUnit.SECONDS));
        }
    }

    private void writeRecords(final int count)
    {
        try (JournalWriter writer = new JournalWriter(new JournalContext().directory(directory)))
        {
            for (int i = 0; i < count; i++)
            {
                writer.append(frame, 0, stamped(killSwitch(String.format("MARKER-%02d", i)), i + 1), i + 1, i + 1);
            }
        }
    }

    /**
     * Leave record {@code index} half-written, as a writer killed inside it would: a document opened, the record's
     * header and part of its frame written, never closed.
     */
    private void tear(final long index, final long sequence, final int frameBytes)
    {
        final int length = stamped(killSwitch("TORN-" + "z".repeat(300)), sequence);
        final ChronicleQueue queue = JournalWriter.open(new JournalContext().directory(directory), false);
        ABANDONED.add(queue);
        final DocumentContext document = queue.createAppender().writingDocument();
        ABANDONED.add(document);
        final UnsafeBuffer header = new UnsafeBuffer(new byte[JournalRecordFormat.HEADER_LENGTH]);
        header.putInt(0, JournalRecordFormat.MAGIC, ByteOrder.LITTLE_ENDIAN);
        header.putInt(JournalRecordFormat.FRAME_LENGTH_OFFSET, length, ByteOrder.LITTLE_ENDIAN);
        header.putLong(JournalRecordFormat.INDEX_OFFSET, index, ByteOrder.LITTLE_ENDIAN);
        header.putLong(JournalRecordFormat.SEQUENCE_OFFSET, sequence, ByteOrder.LITTLE_ENDIAN);
        header.putLong(JournalRecordFormat.TIMESTAMP_OFFSET, sequence, ByteOrder.LITTLE_ENDIAN);
        document.wire().bytes().write(header.byteArray());
        final byte[] part = new byte[frameBytes];
        frame.getBytes(0, part);
        document.wire().bytes().write(part);
    }

    private void writeTwentyRecords()
    {
        writeRecords(20);
    }

    /** Replace a text inside the journal's data file, optionally recomputing that record's CRC like an informed forger. */
    private void overwrite(final String from, final String to, final boolean fixCrc) throws IOException
    {
        final Path file;
        try (Stream<Path> files = Files.list(directory))
        {
            file = files.filter(p -> p.toString().endsWith(".cq4")).findFirst().orElseThrow();
        }
        final byte[] bytes = Files.readAllBytes(file);
        final byte[] needle = from.getBytes(StandardCharsets.US_ASCII);
        int at = -1;
        for (int i = 0; i + needle.length <= bytes.length && at < 0; i++)
        {
            if (java.util.Arrays.equals(bytes, i, i + needle.length, needle, 0, needle.length))
            {
                at = i;
            }
        }
        assertTrue(at > 0, from + " not found in " + file);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw"))
        {
            raf.seek(at);
            raf.write(to.getBytes(StandardCharsets.US_ASCII));
            if (fixCrc)
            {
                // Find the record header before the marker: scan back for the magic.
                int header = at;
                final UnsafeBuffer view = new UnsafeBuffer(bytes);
                while (view.getInt(header, ByteOrder.LITTLE_ENDIAN) != JournalRecordFormat.MAGIC)
                {
                    header--;
                }
                final int length = view.getInt(header + JournalRecordFormat.FRAME_LENGTH_OFFSET, ByteOrder.LITTLE_ENDIAN);
                System.arraycopy(to.getBytes(StandardCharsets.US_ASCII), 0, bytes, at, needle.length);
                final CRC32C crc = new CRC32C();
                crc.update(bytes, header + JournalRecordFormat.HEADER_LENGTH, length);
                raf.seek(header + JournalRecordFormat.CRC_OFFSET);
                raf.write(new byte[]{(byte)crc.getValue(), (byte)(crc.getValue() >> 8), (byte)(crc.getValue() >> 16),
                    (byte)(crc.getValue() >> 24)});
            }
        }
    }

    private int killSwitch(final String reason)
    {
        final KillSwitchEncoder encoder = new KillSwitchEncoder().wrapAndApplyHeader(frame, 0, new MessageHeaderEncoder())
            .requestId(1).action(KillSwitchAction.ENGAGE).requestedBy("ops").reason(reason);
        return MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength();
    }

    private int stamped(final int length, final long sequence)
    {
        CommandStamp.stamp(frame, 0, sequence, sequence);
        return length;
    }

    private static final class IgnoringHandler implements CommandHandler
    {
        @Override
        public void onCommand(final FrameReader reader, final long sequence, final long timestampNs,
            final OrderSink orders)
        {
        }

        @Override
        public void onRejectedFrame(final long sequence, final long timestampNs, final String reason)
        {
        }

        @Override
        public void onEndOfBatch(final long sequence, final long timestampNs)
        {
        }
    }
}
