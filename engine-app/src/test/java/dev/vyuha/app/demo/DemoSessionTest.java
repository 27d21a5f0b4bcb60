package dev.vyuha.app.demo;

import dev.vyuha.app.VyuhaMain;
import dev.vyuha.app.config.BasketDocuments;
import dev.vyuha.engine.readmodel.ClosedTrade;
import dev.vyuha.engine.readmodel.LegSnapshot;
import dev.vyuha.engine.readmodel.OrderSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole product in one JVM, as {@code bin/vyuha demo} runs it: engine, paper gateway and synthetic feed over
 * aeron:ipc, the example baskets through a synthetic Wednesday as fast as the machine allows.
 */
class DemoSessionTest
{
    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void shouldTradeTheExampleBasketsThroughASyntheticDayAndEndFlatWithPnlEqualToTheFills(@TempDir final Path temp)
    {
        final Path journal = temp.resolve("journal");
        final ByteArrayOutputStream progress = new ByteArrayOutputStream();
        final DemoSession.Outcome outcome = DemoSession.run(new DemoSession.Options(LocalDate.of(2026, 8, 19), 1,
            "max", journal, BasketDocuments.readDirectory(Path.of("../examples")), -1, null, 0.5),
            new PrintStream(progress, true, StandardCharsets.UTF_8));

        assertTrue(outcome.refusals().isEmpty(), "every example basket loads: " + outcome.refusals());
        assertEquals(8, outcome.last().baskets().size(), "baskets");
        assertEquals(1, outcome.last().templates().size(), "the marketplace template is published, not traded");
        assertTrue(outcome.framesFed() > 500_000, "a whole day of ticks: " + outcome.framesFed());

        // Orders were placed, every one reached the paper venue and was answered.
        assertTrue(outcome.ordersSent() >= 20, "orders sent " + outcome.ordersSent());
        assertEquals(outcome.last().orders().size(), outcome.ordersSent(), "every order decided went out");
        for (final OrderSnapshot order : outcome.last().orders())
        {
            assertEquals("FILLED", order.state(), order.toString());
        }

        // Flat at the end, and the P&L is what the fills say.
        long realised = 0;
        for (final LegSnapshot leg : outcome.legs())
        {
            assertEquals(0, leg.netQuantity(), "leg still open at the end: " + leg);
            realised += leg.realisedPaise();
        }
        assertEquals(outcome.fillCashFlowPaise(), realised, "realised P&L = sells - buys over every fill");
        long trades = 0;
        for (final ClosedTrade trade : outcome.last().trades())
        {
            trades += trade.pnlPaise();
        }
        assertEquals(realised, trades, "closed trades add up to the realised P&L");
        assertTrue(outcome.summary().contains("total"), outcome.summary());
        assertTrue(outcome.decisionNs().count() >= outcome.framesFed(), "every command timed: " + outcome.decisionNs());
        assertTrue(progress.toString(StandardCharsets.UTF_8).contains("IST  orders"), "live progress lines");

        // The journal it leaves replays to the same orders and state (what the closing lines tell the user to do).
        assertTrue(Files.isDirectory(journal.resolve("commands")));
        final StringWriter replayOut = new StringWriter();
        final int replayExit = VyuhaMain.newCommandLine().setOut(new PrintWriter(replayOut))
            .setErr(new PrintWriter(replayOut)).execute("replay", journal.toString());
        assertEquals(0, replayExit, replayOut.toString());
        assertTrue(replayOut.toString().contains("every outcome matches"), replayOut.toString());
    }

    @Test
    void shouldRefuseADateThatIsNotATradingDayWithoutStartingAnything()
    {
        final StringWriter err = new StringWriter();
        final int exit = VyuhaMain.newCommandLine().setErr(new PrintWriter(err))
            .execute("demo", "--date", "2026-08-15", "--baskets", "../examples");
        assertEquals(2, exit);
        assertTrue(err.toString().contains("--date: 2026-08-15 is not an NSE trading day"), err.toString());
    }

    @Test
    void shouldRefuseAMissingBasketDirectoryNamingIt()
    {
        final StringWriter err = new StringWriter();
        final int exit = VyuhaMain.newCommandLine().setErr(new PrintWriter(err))
            .execute("demo", "--date", "2026-08-19", "--baskets", "no-such-dir");
        assertEquals(2, exit);
        assertTrue(err.toString().contains("--baskets: no-such-dir: not a directory of basket files"), err.toString());
    }
}
