package dev.vyuha.app;

import dev.vyuha.feed.FeedContext;
import dev.vyuha.feed.FeedSources;
import dev.vyuha.feed.instrument.KiteInstrumentsCsv;
import dev.vyuha.feed.recording.FrameRecorder;
import dev.vyuha.feed.source.MarketDataSource;
import dev.vyuha.feed.synthetic.SyntheticMarket;
import dev.vyuha.feed.synthetic.SyntheticSettings;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code vyuha backtest} over synthetic days (at a fifth of the full tick rate or less, so the suite stays fast; every
 * ticking option still quotes at least every 10 s, within the engine's 15 s quote age), a recording, and bad input.
 */
@Timeout(120)
class BacktestCommandTest
{
    /** Indices every second, the future and ATM options twice less often than the full day, far options at 0.1/s. */
    private static final UnaryOperator<SyntheticSettings> LIGHT =
        settings -> settings.tickRates(1_000, 0.5, 0.5, 0.1, 10_000);
    private static final Pattern TD = Pattern.compile("<td[^>]*>(.*?)</td>");

    @TempDir
    Path directory;

    private record Run(int exitCode, String output, String errors)
    {
    }

    private static Run run(final String... args)
    {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final CommandLine command = new CommandLine(new BacktestCommand(LIGHT));
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        final int exitCode = command.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void shouldBacktestTheExampleBasketsOverTwoSyntheticDaysAndWriteTheReport() throws Exception
    {
        final Path report = directory.resolve("report.html");

        final Run run = run("--examples=../examples", "--from", "2026-08-17", "--to", "2026-08-18", "--report",
            report.toString());

        assertEquals(0, run.exitCode(), run.output() + run.errors());
        final String out = run.output();
        assertTrue(out.startsWith("backtest of 9 basket(s), "), out);
        assertTrue(out.contains("over 2 trading days, 2026-08-17 to 2026-08-18, synthetic (seed 1)\n"), out);
        assertTrue(out.contains("marketplace-template.yaml is a marketplace template: published, not traded"), out);
        assertTrue(out.contains("\ndays 2, frames "), out);
        assertTrue(Pattern.compile("elapsed [0-9.]+ s: [0-9.]+ trading days/s, [0-9,]+ frames/s\n").matcher(out)
            .find(), out);
        assertTrue(out.contains("report: " + report.toAbsolutePath().normalize()), out);
        assertFalse(out.contains("refused"), out);
        assertTrue(run.errors().contains("backtest: 100 %"), run.errors());

        final String html = Files.readString(report);
        assertTrue(html.contains("<h2>Equity curve</h2><svg") && html.contains("<polyline"), "equity chart");
        for (final String column : new String[] {"win rate", "profit factor", "max drawdown", "Sharpe", "Sortino",
            "Calmar", "streaks W/L", "avg duration"})
        {
            assertTrue(html.contains("<th>" + column + "</th>"), column);
        }
        final List<List<String>> trades = rows(html.substring(html.indexOf("<h2>Trades</h2>")));
        assertFalse(trades.isEmpty(), "trades");
        long sum = 0;
        for (final List<String> trade : trades)
        {
            sum += paise(trade.get(8));
        }
        final List<String> portfolio = rows(html.substring(html.indexOf("<h2>Statistics</h2>"),
            html.indexOf("<h2>Trades</h2>"))).get(0);
        assertEquals("portfolio", portfolio.get(0));
        assertEquals(trades.size(), Integer.parseInt(portfolio.get(1)));
        assertEquals(sum, paise(portfolio.get(3)), "portfolio P&L = the trades' P&L");
        final Matcher summary = Pattern.compile("trades ([0-9,]+)\nportfolio: P&L (-?[0-9]+\\.[0-9]{2}) INR")
            .matcher(out);
        assertTrue(summary.find(), out);
        assertEquals(trades.size(), Integer.parseInt(summary.group(1).replace(",", "")));
        assertEquals(sum, paise(summary.group(2)), "the summary's P&L = the trades' P&L");
        long strategies = 0;
        final Matcher perStrategy = Pattern.compile("\n  [^:]+: P&L (-?[0-9]+\\.[0-9]{2}) INR").matcher(out);
        while (perStrategy.find())
        {
            strategies += paise(perStrategy.group(1));
        }
        assertEquals(sum, strategies, "the strategies' P&L add up to the portfolio's");
    }

    @Test
    void shouldTradeABasketOnEveryDayOfTheRange() throws Exception
    {
        final Path report = directory.resolve("days.html");

        // Friday 14 August 2026, then (over the weekend) Monday 17 August: two days, two instrument masters.
        final Run run = run("../examples/straddle-0920-move-sl-to-cost.json", "--from", "2026-08-14", "--to",
            "2026-08-17", "--seed", "3", "--report", report.toString(), "--no-progress");

        assertEquals(0, run.exitCode(), run.output() + run.errors());
        assertTrue(run.output().contains("over 2 trading days, 2026-08-14 to 2026-08-17, synthetic (seed 3)\n"),
            run.output());
        assertEquals("", run.errors());
        final String html = Files.readString(report);
        final TreeSet<String> exitDays = new TreeSet<>();
        for (final List<String> trade : rows(html.substring(html.indexOf("<h2>Trades</h2>"))))
        {
            exitDays.add(trade.get(0).substring(0, 10));
            assertEquals("basket-1/straddle-0920", trade.get(1));
        }
        assertEquals(List.of("2026-08-14", "2026-08-17"), new ArrayList<>(exitDays), html);
    }

    @Test
    void shouldBacktestARecordingAgainstItsMaster() throws Exception
    {
        final LocalDate day = LocalDate.of(2026, 8, 17);
        final FeedContext context = new FeedContext().date(day);
        final SyntheticMarket market = new SyntheticMarket(LIGHT.apply(FeedSources.syntheticSettings(context)));
        final Path recording = directory.resolve("day.vyfr");
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[MarketDataSource.MAX_FRAME_LENGTH]);
        try (FrameRecorder recorder = FrameRecorder.create(recording))
        {
            int length;
            while ((length = market.next(buffer, 0)) != MarketDataSource.END_OF_DATA)
            {
                recorder.record(buffer, 0, length, market.frameTimeNs());
            }
        }
        final Path master = directory.resolve("instruments.csv");
        Files.writeString(master, KiteInstrumentsCsv.toCsv(market.instrumentMaster().derivatives()));
        final Path report = directory.resolve("recording.html");

        final Run run = run("../examples/straddle-0920-move-sl-to-cost.json", "--source", "recording",
            "--recording", recording.toString(), "--master", master.toString(), "--report", report.toString());

        assertEquals(0, run.exitCode(), run.output() + run.errors());
        assertTrue(run.output().contains("over the recording " + recording + " (from 2026-08-17)\n"), run.output());
        assertTrue(run.output().contains("\ndays 1, frames "), run.output());
        assertTrue(run.errors().contains("backtest: 100 %"), run.errors());
        assertFalse(rows(Files.readString(report).substring(Files.readString(report).indexOf("<h2>Trades</h2>")))
            .isEmpty(), "the straddle traded");
    }

    @Test
    void shouldRefuseBadInputNamingThePathAndWriteNothing() throws Exception
    {
        final Path report = directory.resolve("never.html");
        final Path invalid = directory.resolve("invalid.json");
        final String straddle = "../examples/straddle-0920-move-sl-to-cost.json";
        Files.writeString(invalid, Files.readString(Path.of(straddle)).replaceFirst("\"lots\": 1", "\"lots\": 0"));
        final Path missing = directory.resolve("missing.yaml");
        final Path missingBars = directory.resolve("bars.txt");
        final Path nifty1 = directory.resolve("nifty-1.txt");
        final Path nifty2 = directory.resolve("nifty-2.txt");
        Files.writeString(nifty1, "NIFTY,20210611,09:16,15727.95,15728.20,15700.45,15702.65,0,0\n");
        Files.writeString(nifty2, "NIFTY,20210614,09:16,15727.95,15728.20,15700.45,15702.65,0,0\n");
        final Path first = directory.resolve("first.json");
        final Path second = directory.resolve("second.yaml");
        Files.writeString(first, Files.readString(Path.of(straddle))
            .replaceFirst("\"name\":", "\"id\": \"same\", \"name\":"));
        Files.writeString(second, Files.readString(Path.of("../examples/wait-and-trade-atm-buy.yaml"))
            .replaceFirst("\nname:", "\nid: same\nname:"));
        final String[][] cases = {
            {second + ": id: basket id same is also the id of " + first, first.toString(), second.toString()},
            {missing + ": no such file", missing.toString()},
            {invalid + ": strategies[0].legs[0].lots: must be >= 1, was 0", invalid.toString()},
            {"--to 2026-08-17 is before --from 2026-08-18", straddle, "--from", "2026-08-18", "--to", "2026-08-17"},
            {"--from 2026-13-01: not a date, expected YYYY-MM-DD", straddle, "--from", "2026-13-01"},
            {"2026-08-15 (SATURDAY) is not a trading day; the next one is 2026-08-17", straddle, "--from",
                "2026-08-15"},
            {"--bars " + missingBars + ": no such file or directory", straddle, "--source", "bars", "--bars",
                missingBars.toString()},
            {"--bars: NIFTY 50 appears in two sources (again in " + nifty2, straddle, "--source", "bars", "--bars",
                nifty1 + "," + nifty2},
            {"--source recording needs --recording FILE and --master FILE", straddle, "--source", "recording"},
            {"--source must be synthetic, bars or recording, not tape", straddle, "--source", "tape"},
            {"no basket: give basket files, or --examples"},
            {"--examples " + missing + ": no such directory", "--examples=" + missing},
        };
        for (final String[] input : cases)
        {
            final List<String> args = new ArrayList<>(List.of(input).subList(1, input.length));
            args.add("--report");
            args.add(report.toString());

            final Run run = run(args.toArray(new String[0]));

            assertEquals(1, run.exitCode(), args + ": " + run.output() + run.errors());
            assertTrue(run.errors().startsWith("vyuha backtest: ") && run.errors().contains(input[0]),
                args + ": " + run.errors());
            assertEquals("", run.output(), args.toString());
            assertFalse(Files.exists(report), args + ": nothing written");
        }
        final Path nowhere = directory.resolve("no-such-directory").resolve("report.html");
        final Run run = run(straddle, "--report", nowhere.toString());
        assertEquals(1, run.exitCode(), run.output() + run.errors());
        assertTrue(run.errors().contains("--report " + nowhere + ": no such directory "), run.errors());
    }

    @Test
    void shouldBeAVyuhaCommand()
    {
        final StringWriter out = new StringWriter();
        final CommandLine vyuha = VyuhaMain.newCommandLine();
        vyuha.setOut(new PrintWriter(out));

        assertEquals(0, vyuha.execute("backtest", "--help"));
        assertTrue(out.toString().startsWith("Usage: vyuha backtest "), out.toString());
        assertTrue(out.toString().contains("--slippage-bps"), out.toString());
    }

    private static List<List<String>> rows(final String table)
    {
        final List<List<String>> rows = new ArrayList<>();
        final String[] parts = table.split("<tr>");
        for (int i = 2; i < parts.length; i++)
        {
            final List<String> cells = new ArrayList<>();
            final Matcher cell = TD.matcher(parts[i]);
            while (cell.find())
            {
                cells.add(cell.group(1));
            }
            rows.add(cells);
        }
        return rows;
    }

    private static long paise(final String rupees)
    {
        return Math.round(Double.parseDouble(rupees) * 100);
    }
}
