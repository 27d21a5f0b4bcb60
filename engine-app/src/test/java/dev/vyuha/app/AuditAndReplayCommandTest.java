package dev.vyuha.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vyuha.engine.scenario.RandomTradingSession;
import dev.vyuha.engine.strategy.runtime.EngineConfig;
import dev.vyuha.journal.JournalLayout;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code vyuha audit} and {@code vyuha replay} on journals written by the engine.
 */
@Timeout(120)
class AuditAndReplayCommandTest
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Object> ABANDONED = new ArrayList<>();

    @TempDir
    static Path journals;

    @TempDir
    Path directory;

    private static Path straddle;
    private static Path busy;

    private record Run(int exitCode, String output, String errors)
    {
    }

    @BeforeAll
    static void writeJournals()
    {
        straddle = journals.resolve("straddle");
        SampleJournals.write(straddle, SampleJournals.straddleDay(), EngineConfig.defaults());
        busy = journals.resolve("busy");
        SampleJournals.write(busy, RandomTradingSession.run(20260817L, 1),
            EngineConfig.defaults().withMaxQuoteAge(90_000_000_000L));
    }

    @Test
    void shouldPrintTheDaysDecisionsWithTheirReasonsOrdersFillsAndPnl()
    {
        final Run run = run("audit", straddle.toString());

        assertEquals(0, run.exitCode(), run.output() + run.errors());
        final String text = run.output();
        assertTrue(text.startsWith("== 2026-08-17 (IST) ==\n08:45:00.000  #1        instrument master for 2026-08-17, "
            + "488 rows from synthetic\n"), text);
        for (final String expected : new String[] {
            "  load basket (request 1, JSON, ",
            "basket #1 basket-1 loaded with 1 strategy instance(s) (requested by test) (version 1)",
            "strike basket-1/straddle/ce: Atm[offset=0] on SPOT 24012.35, ATM 24000.00 -> NIFTY2681824000CE (ATM 24000.00 "
                + "offset 0)",
            "order VY00000000078QO SELL 65 NIFTY2681824000CE SENT filled 0 @ 76.65 (entry: timer 09:20) "
                + "[basket-1/straddle/ce]",
            "execution report FILL VY00000000078QO SELL 65/65, this fill 65 @ 100.00, average 100.00, leaves 0",
            "strategy basket-1/straddle/ce: entering -> open (filled 65 @ 100.00, stop 130.00)",
            "10:30:00.000  #333      tick 10000081 FULL LTP 131.00 bid 130.95 ask 131.05\n"
                + "                        basket-1/straddle/ce: leg stop loss PERCENT 3000 (threshold 130.00, observed "
                + "131.00) on tick NIFTY2681824000CE 131.00\n",
            "strategy basket-1/straddle/ce: exiting -> closed (P&L -2047.50)",
            "basket-1/straddle: time exit 15:15 (threshold 0.00, observed 0.00) on timer 15:15",
            "strategy basket-1/straddle: EXITING -> DONE (time exit at 15:15)",
            "-- P&L at the end of 2026-08-17 (IST), after #338 --",
            "   #1 basket-1            straddle               DONE             -97.50         0.00       -97.50      0\n",
            "orders: 4 reproduced, identical to the 4 the live engine sent, byte for byte, in order\n",
            "checkpoints: 1 of 1 reached with the live engine's state hash\n"})
        {
            assertTrue(text.contains(expected), "missing: " + expected + "\n" + text);
        }
        assertTrue(text.endsWith("every outcome matches\n"), text);
        assertFalse(text.contains("index tick"), "ticks that caused nothing are not shown");
    }

    @Test
    void shouldWriteEveryDecisionWithItsNumbersAsJsonLines() throws IOException
    {
        final Run run = run("audit", "--json", straddle.toString());

        assertEquals(0, run.exitCode(), run.errors());
        final List<JsonNode> lines = new ArrayList<>();
        for (final String line : run.output().split("\n"))
        {
            lines.add(JSON.readTree(line));
        }
        assertEquals(8, lines.stream().filter(n -> "OrderChanged".equals(n.path("event").asText())).count());
        final JsonNode stop = lines.stream().filter(n -> "ConditionMet".equals(n.path("event").asText())).findFirst()
            .orElseThrow();
        assertEquals(13000, stop.get("thresholdPaise").asLong());
        assertEquals(13100, stop.get("observedPaise").asLong());
        assertEquals("ce", stop.get("scope").get("legId").asText());
        assertEquals("2026-08-17T10:30:00.000+05:30", stop.get("time").asText());
        final JsonNode strike = lines.stream().filter(n -> "StrikeChosen".equals(n.path("event").asText())).findFirst()
            .orElseThrow();
        assertEquals("24000.00 CE LTP 76.65", strike.get("candidates").get(0).asText());
        final JsonNode pnl = lines.stream().filter(n -> "pnl".equals(n.path("type").asText())).findFirst().orElseThrow();
        // CE sold at 100.00, bought back at 131.50; PE sold at 90.00, bought back at 60.00; 65 units each.
        assertEquals((100_00 - 131_50) * 65 + (90_00 - 60_00) * 65, pnl.get("realisedPaise").asLong());
        assertEquals(-97_50, pnl.get("mtmPaise").asLong());
        final JsonNode summary = lines.get(lines.size() - 1);
        assertEquals("summary", summary.get("type").asText());
        assertTrue(summary.get("matches").asBoolean());
        assertEquals(338, summary.get("lastSequence").asLong());
    }

    @Test
    void shouldNarrowTheTimelineToOneBasketOrStrategyAndKeepAccountWideDecisions() throws IOException
    {
        final Run basket = run("audit", "--json", "--basket", "basket-3", "--max-quote-age-seconds", "90",
            busy.toString());
        assertEquals(0, basket.exitCode(), basket.errors());
        int scoped = 0;
        for (final String line : basket.output().split("\n"))
        {
            final JsonNode node = JSON.readTree(line);
            if (node.has("scope"))
            {
                assertEquals("basket-3", node.get("scope").get("basketId").asText(), line);
                scoped++;
            }
            if ("pnl".equals(node.path("type").asText()))
            {
                assertEquals("basket-3", node.get("basketId").asText());
            }
        }
        assertTrue(scoped > 10, scoped + " scoped events");

        final Run byNumber = run("audit", "--json", "--basket", "3", "--max-quote-age-seconds", "90", busy.toString());
        assertEquals(basket.output(), byNumber.output(), "a basket by its number");

        final Run strategy = run("audit", "--strategy", "fanout", "--max-quote-age-seconds", "90", busy.toString());
        assertEquals(0, strategy.exitCode());
        assertTrue(strategy.output().contains("basket-7/fanout@AB1234"), strategy.output());
        assertTrue(strategy.output().contains("basket-7/fanout@CD5678"), strategy.output());
        assertFalse(strategy.output().contains("/straddle"), strategy.output());

        final Run otherDay = run("audit", "--date", "2026-08-18", "--max-quote-age-seconds", "90", busy.toString());
        assertTrue(otherDay.output().startsWith("-- 0 commands shown, 0 decisions"), otherDay.output());
    }

    @Test
    void shouldSayThatEveryOutcomeMatchesTheLiveRun()
    {
        final Run run = run("replay", "--verify-chain", "--max-quote-age-seconds", "90", busy.toString());

        assertEquals(0, run.exitCode(), run.output() + run.errors());
        final String[] lines = run.output().split("\n");
        assertEquals("journal " + busy.toAbsolutePath().normalize(), lines[0]);
        assertTrue(lines[1].startsWith("commands: 67596 replayed (#1..#67596) in "), lines[1]);
        assertTrue(lines[2].matches("orders: (\\d+) reproduced, identical to the \\1 the live engine sent, byte for "
            + "byte, in order"), lines[2]);
        assertEquals("checkpoints: 1 of 1 reached with the live engine's state hash", lines[3]);
        assertTrue(lines[4].matches("state hash after #67596: [0-9a-f]{16}"), lines[4]);
        assertEquals("every outcome matches", lines[5]);
    }

    @Test
    void shouldPointAtTheFirstDifferenceWhenReplayedUnderAnotherConfiguration()
    {
        final Run run = run("replay", busy.toString());

        assertEquals(1, run.exitCode());
        assertTrue(run.output().contains("orders: DIFFERENT at order #1 (caused by #"), run.output());
        assertTrue(run.output().contains("checkpoints: DIFFERENT: state hash at #67596 is "), run.output());
        assertTrue(run.output().endsWith("the replay does NOT match the live engine\n"), run.output());
    }

    @Test
    void shouldVerifyEveryRecordAndReportTheFirstDamagedOneByIndex() throws IOException
    {
        final Run intact = run("audit", "--verify", straddle.toString());
        assertEquals(0, intact.exitCode(), intact.output());
        assertEquals(straddle.toAbsolutePath().normalize() + "\n"
            + "  commands     338 records, intact, last sequence 338 (CRC32C and hash chain verified)\n"
            + "  orders       4 records, intact, last sequence 4 (CRC32C and hash chain verified)\n"
            + "  checkpoints  1 records, intact, last sequence 1 (CRC32C and hash chain verified)\n"
            + "journal intact\n", intact.output());

        final Path copy = copy(straddle, directory.resolve("tampered"));
        overwrite(copy.resolve("commands"), "NIFTY short straddle", "NIFTY short strangle");
        final Run damaged = run("audit", "--verify", copy.toString());
        assertEquals(1, damaged.exitCode(), damaged.output());
        assertTrue(damaged.output().contains("  commands     164 intact records, then at record 164: frame bytes do "
            + "not match their CRC32C\n"), damaged.output());
        assertTrue(damaged.output().endsWith("journal DAMAGED at commands record 164 (frame bytes do not match their "
            + "CRC32C)\n"), damaged.output());
    }

    @Test
    void shouldReportATornLastRecordApartFromDamage() throws IOException
    {
        final Path copy = copy(straddle, directory.resolve("torn"));
        tear(copy.resolve("commands"));
        final Run torn = run("audit", "--verify", copy.toString());
        assertEquals(3, torn.exitCode(), torn.output());
        assertTrue(torn.output().contains("  commands     338 intact records, then at record 338: the last record is "
            + "incomplete (writer stopped mid-record) (sequence 339, "), torn.output());
        assertTrue(torn.output().endsWith("journal intact up to a torn last record, commands record 338: the engine "
            + "died while writing it; it was never acknowledged or acted on, and the next start writes over it\n"),
            torn.output());
        final Run replay = run("replay", copy.toString());
        assertEquals(0, replay.exitCode(), "a torn tail is not a difference: " + replay.output());
    }

    @Test
    void shouldNameThePathWhenThereIsNoJournal()
    {
        final Path missing = directory.resolve("nowhere");
        final Run replay = run("replay", missing.toString());
        assertEquals(1, replay.exitCode());
        assertEquals("vyuha replay: " + missing + ": no such directory\n", replay.errors());
        final Run audit = run("audit", directory.toString());
        assertEquals(1, audit.exitCode());
        assertEquals("vyuha audit: " + directory + ": not a Vyuha journal (expected commands/ with Chronicle Queue .cq4 "
            + "files inside)\n", audit.errors());
        assertEquals(2, run("audit", "--date", "17-08-2026", straddle.toString()).exitCode());
    }

    private static Run run(final String... args)
    {
        final StringWriter output = new StringWriter();
        final StringWriter errors = new StringWriter();
        final CommandLine commandLine = VyuhaMain.newCommandLine();
        commandLine.setOut(new PrintWriter(output));
        commandLine.setErr(new PrintWriter(errors));
        final int exitCode = commandLine.execute(args);
        return new Run(exitCode, output.toString(), errors.toString());
    }

    private static Path copy(final Path from, final Path to) throws IOException
    {
        try (Stream<Path> files = Files.walk(from))
        {
            for (final Path file : files.sorted(Comparator.naturalOrder()).toList())
            {
                final Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file))
                {
                    Files.createDirectories(target);
                }
                else if (!file.getFileName().toString().endsWith(".lock"))
                {
                    Files.copy(file, target);
                }
            }
        }
        return JournalLayout.locate(to).root();
    }

    private static void overwrite(final Path journal, final String from, final String to) throws IOException
    {
        final Path file;
        try (Stream<Path> files = Files.list(journal))
        {
            file = files.filter(f -> f.toString().endsWith(".cq4")).findFirst().orElseThrow();
        }
        final byte[] bytes = Files.readAllBytes(file);
        final byte[] needle = from.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + needle.length <= bytes.length; i++)
        {
            if (Arrays.equals(bytes, i, i + needle.length, needle, 0, needle.length))
            {
                try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw"))
                {
                    raf.seek(i);
                    raf.write(to.getBytes(StandardCharsets.US_ASCII));
                }
                return;
            }
        }
        throw new AssertionError(from + " not found in " + file);
    }

    /** Leave a half-written record 338 (sequence 339) at the end, as an engine killed while writing it would. */
    private static void tear(final Path journal)
    {
        final ChronicleQueue queue = SingleChronicleQueueBuilder.binary(journal).rollCycle(RollCycles.FAST_DAILY).build();
        ABANDONED.add(queue);
        final DocumentContext document = queue.createAppender().writingDocument();
        ABANDONED.add(document);
        final java.nio.ByteBuffer header = java.nio.ByteBuffer.allocate(72).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        header.putInt(0, dev.vyuha.journal.JournalRecordFormat.MAGIC).putInt(4, 200).putLong(8, 338).putLong(16, 339);
        document.wire().bytes().write(header.array());
        document.wire().bytes().write(new byte[50]);
    }
}
