package dev.vyuha.app;

import dev.vyuha.app.config.BasketDocuments;
import dev.vyuha.app.demo.DemoSession;
import dev.vyuha.reference.calendar.TradingCalendar;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code vyuha demo}: the engine, the paper gateway and the synthetic feed in one JVM, trading the example baskets
 * through a synthetic NIFTY and BANKNIFTY day in about a minute, with live progress and a per-strategy P&amp;L summary
 * at the end. Needs nothing but a JDK: no broker account, no data files.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Trade the example baskets through a synthetic day (engine + paper gateway + synthetic feed in one "
        + "JVM over aeron:ipc), about a minute; prints progress, the P&L per strategy and the journal to audit.")
final class DemoCommand implements Callable<Integer>
{
    /** Replay speed that fits the 6 h 15 min session into about a minute. */
    static final String DEFAULT_SPEED = "375";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** The default day: a Wednesday whose session every kind of example basket trades in. */
    static final String DEFAULT_DATE = "2026-08-19";

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", defaultValue = DEFAULT_DATE,
        description = "Synthetic trading day, the same day every time for a given seed (default: ${DEFAULT-VALUE}; "
            + "'today' for today in IST or the next trading day).")
    private String date;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the synthetic day (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--speed", defaultValue = DEFAULT_SPEED,
        description = "Replay speed: a factor, or 'max' (default: ${DEFAULT-VALUE}, about a minute).")
    private String speed;

    @Option(names = "--baskets", paramLabel = "DIR",
        description = "Directory of basket files (default: the examples/ directory of the installation).")
    private Path baskets;

    @Option(names = "--journal", paramLabel = "DIR",
        description = "Journal directory, which must not exist yet (default: a new temporary directory).")
    private Path journal;

    @Option(names = "--admin-port", paramLabel = "PORT", defaultValue = "-1",
        description = "Serve the admin API on 127.0.0.1:PORT during the demo (0: any free port; prints a token).")
    private int adminPort;

    @Override
    public Integer call() throws IOException
    {
        final PrintWriter err = spec.commandLine().getErr();
        final TradingCalendar calendar = TradingCalendar.nse();
        final LocalDate day;
        try
        {
            day = "today".equalsIgnoreCase(date.strip()) ? DemoSession.defaultDate(calendar) :
                LocalDate.parse(date.strip());
        }
        catch (final DateTimeParseException ex)
        {
            err.println("--date: expected YYYY-MM-DD, was '" + date + "'");
            return 2;
        }
        if (!calendar.covers(day) || !calendar.isTradingDay(day))
        {
            err.println("--date: " + day + " is not an NSE trading day" + (calendar.covers(day) ? "" :
                " the calendar knows (it covers " + calendar.firstYear() + "-" + calendar.lastYear() + ")"));
            return 2;
        }
        if (!"max".equalsIgnoreCase(speed.strip()))
        {
            try
            {
                if (Double.parseDouble(speed.strip()) <= 0)
                {
                    throw new NumberFormatException();
                }
            }
            catch (final NumberFormatException ex)
            {
                err.println("--speed: expected a positive factor or 'max', was '" + speed + "'");
                return 2;
            }
        }
        final Path basketDirectory = null != baskets ? baskets : defaultExamples();
        final List<BasketDocuments.Document> documents;
        try
        {
            documents = BasketDocuments.readDirectory(basketDirectory);
        }
        catch (final IllegalArgumentException ex)
        {
            err.println("--baskets: " + ex.getMessage());
            return 2;
        }
        if (null != journal && Files.exists(journal))
        {
            err.println("--journal: " + journal + " already exists; the demo writes a fresh journal");
            return 2;
        }
        final Path journalDirectory = null != journal ? journal : Files.createTempDirectory("vyuha-demo-");
        final String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        final PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
            StandardCharsets.UTF_8);
        if (adminPort >= 0)
        {
            out.println("admin API on 127.0.0.1 for this demo; token (admin role): " + token);
        }
        final DemoSession.Outcome outcome = DemoSession.run(new DemoSession.Options(day, seed, speed.strip()
            .toLowerCase(Locale.ROOT), journalDirectory, documents, adminPort, token, 1.0), out);
        print(outcome, out);
        return 0;
    }

    static void print(final DemoSession.Outcome outcome, final PrintStream out)
    {
        out.println();
        out.print(outcome.summary());
        out.printf(Locale.ROOT, "%,d market-data frames, %,d orders sent, %d basket(s) refused, %.1f s%n",
            outcome.framesFed(), outcome.ordersSent(), outcome.refusals().size(), outcome.elapsedMillis() / 1000.0);
        out.printf(Locale.ROOT, "engine decision time per command: p50 %.1f µs, p99 %.1f µs, p99.9 %.1f µs, max %.1f µs "
            + "(%,d commands)%n", outcome.decisionNs().p50() / 1e3, outcome.decisionNs().p99() / 1e3,
            outcome.decisionNs().p999() / 1e3, outcome.decisionNs().max() / 1e3, outcome.decisionNs().count());
        out.println("journal: " + outcome.journal().toAbsolutePath());
        out.println("explain it:  bin/vyuha audit " + outcome.journal().toAbsolutePath());
        out.println("replay it:   bin/vyuha replay " + outcome.journal().toAbsolutePath());
    }

    private static Path defaultExamples()
    {
        final String home = System.getProperty("vyuha.home");
        return null == home ? Path.of("examples") : Path.of(home, "examples");
    }
}
