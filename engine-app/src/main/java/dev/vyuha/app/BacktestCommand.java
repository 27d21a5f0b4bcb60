package dev.vyuha.app;

import dev.vyuha.app.backtest.Backtest;
import dev.vyuha.app.backtest.BacktestReportWriter;
import dev.vyuha.app.backtest.BacktestResult;
import dev.vyuha.app.backtest.FeedFrameSource;
import dev.vyuha.app.backtest.FrameSource;
import dev.vyuha.app.backtest.RecordingFrameSource;
import dev.vyuha.engine.analytics.TradeStatistics;
import dev.vyuha.engine.market.InstrumentLoadReport;
import dev.vyuha.engine.market.InstrumentMasterSettings;
import dev.vyuha.engine.market.KiteInstrumentsCsv;
import dev.vyuha.engine.money.Paise;
import dev.vyuha.engine.strategy.definition.Basket;
import dev.vyuha.engine.strategy.definition.parse.BasketReader;
import dev.vyuha.engine.strategy.definition.parse.BasketValidation;
import dev.vyuha.engine.strategy.definition.parse.DocumentFormat;
import dev.vyuha.engine.strategy.runtime.EngineConfig;
import dev.vyuha.feed.FeedContext;
import dev.vyuha.feed.FeedSourceKind;
import dev.vyuha.feed.FeedSources;
import dev.vyuha.feed.bars.BarReplay;
import dev.vyuha.feed.bars.BarSeries;
import dev.vyuha.feed.bars.MinuteBar;
import dev.vyuha.feed.bars.MinuteBarFiles;
import dev.vyuha.feed.synthetic.SyntheticMarket;
import dev.vyuha.feed.synthetic.SyntheticSettings;
import dev.vyuha.reference.calendar.IndiaTime;
import dev.vyuha.reference.calendar.TradingCalendar;
import dev.vyuha.sbe.BasketFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.DoubleConsumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * {@code vyuha backtest BASKET... [--examples]}: runs baskets over synthetic trading days, bar files or a frame
 * recording, in-process through the same engine and the paper venue's fill model, as fast as the CPU allows. Draws a
 * progress bar on stderr, prints a summary on stdout (days, frames, orders, fills, trades, portfolio statistics,
 * trading days and frames per second) and writes an HTML report with the equity curve, the statistics per strategy
 * and portfolio, and every trade. Exit code 0 when the backtest ran (what the engine refused during the run, such as a
 * day's instrument master while a strategy still held positions, is listed and warned about), 1 on bad input (nothing
 * is run or written) or when the run stopped, 2 for a usage error.
 */
@Command(name = "backtest", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Backtest baskets over synthetic days, bar files or a recording, through the same engine and the "
        + "paper venue's fill model, as fast as possible; write an HTML report (equity curve, statistics, trades).",
        "Example: vyuha backtest --examples --from 2026-08-17 --to 2026-08-21"})
final class BacktestCommand implements Callable<Integer>
{
    private static final String NAME = "vyuha backtest: ";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "BASKET", description = "Basket files (.json, .yaml, .yml).")
    private List<Path> basketFiles = new ArrayList<>();

    @Option(names = "--examples", arity = "0..1", paramLabel = "DIR", fallbackValue = "",
        description = "Also every basket in the examples directory: DIR, or else ./examples or ../examples.")
    private String examples;

    @Option(names = "--source", paramLabel = "KIND", defaultValue = "synthetic",
        description = "Market data: synthetic (default), bars or recording.")
    private String source;

    @Option(names = "--from", paramLabel = "DATE",
        description = "First day, YYYY-MM-DD (synthetic: default today in IST or the next trading day; bars: the "
            + "first day in the files).")
    private String from;

    @Option(names = "--to", paramLabel = "DATE",
        description = "Last day, inclusive (default: --from for synthetic, the last day in the files for bars). "
            + "Every trading day of the NSE calendar in between is replayed.")
    private String to;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
        description = "Seed of the synthetic days (with each date it decides every draw; default ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--bars", paramLabel = "FILE", split = ",",
        description = "Bar files or directories (--source bars), comma separated or repeated.")
    private List<Path> barsFiles = new ArrayList<>();

    @Option(names = "--recording", paramLabel = "FILE", description = "A frame recording, *.vyfr (--source recording).")
    private Path recording;

    @Option(names = "--master", paramLabel = "FILE",
        description = "The recording's instrument master, Kite's instruments CSV (--source recording).")
    private Path master;

    @Option(names = "--report", paramLabel = "FILE", defaultValue = "backtest-report.html",
        description = "Where to write the HTML report (default: ${DEFAULT-VALUE} in the current directory).")
    private Path report;

    @Option(names = "--slippage-bps", paramLabel = "BPS", defaultValue = "0",
        description = "Adverse slippage per fill in basis points (default ${DEFAULT-VALUE}, as the paper venue).")
    private double slippageBps;

    @Option(names = "--latency-ms", paramLabel = "MS", defaultValue = "0",
        description = "From a decision to its order's first chance to fill (default ${DEFAULT-VALUE}, as the paper "
            + "venue).")
    private long latencyMs;

    @Option(names = "--no-progress", description = "No progress bar.")
    private boolean noProgress;

    private final UnaryOperator<SyntheticSettings> syntheticTuning;

    /** The command as the launcher runs it. */
    BacktestCommand()
    {
        this(UnaryOperator.identity());
    }

    /**
     * @param syntheticTuning adjusts each synthetic day's settings (tests: lower tick rates).
     */
    BacktestCommand(final UnaryOperator<SyntheticSettings> syntheticTuning)
    {
        this.syntheticTuning = syntheticTuning;
    }

    /** The baskets to run, read and validated. */
    private record Baskets(List<String> documents, List<BasketFormat> formats, List<String> notes, int strategies)
    {
    }

    /** The market data to run them over. */
    private record Market(FrameSource frames, Runnable close, String description)
    {
    }

    @Override
    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final Baskets baskets;
        final Market market;
        try
        {
            baskets = baskets();
            checkReport();
            market = market();
        }
        catch (final IllegalArgumentException | UncheckedIOException ex)
        {
            err.println(NAME + ex.getMessage());
            err.flush();
            return 1;
        }
        final Backtest backtest = new Backtest(EngineConfig.defaults(), baskets.documents(), baskets.formats(),
            slippageBps, latencyMs * 1_000_000L);
        final BacktestResult result;
        try
        {
            result = backtest.run(market.frames(), noProgress ? fraction -> { } : new ProgressBar(err));
        }
        catch (final RuntimeException ex)
        {
            err.println();
            err.println(NAME + "stopped, no report written: " + (null == ex.getMessage() ? ex : ex.getMessage()));
            err.flush();
            return 1;
        }
        finally
        {
            market.close().run();
        }
        final String title = "Backtest: " + baskets.documents().size() + " basket(s) over " + market.description();
        try
        {
            BacktestReportWriter.write(result, title, report);
        }
        catch (final IOException ex)
        {
            err.println(NAME + report + ": cannot write the report: " + ex.getMessage());
            err.flush();
            return 1;
        }
        summary(out, result, baskets, market);
        if (!result.refusals().isEmpty())
        {
            // The run is complete and reported; what the engine refused is listed in the summary and the report.
            err.println(NAME + "warning: the engine refused " + result.refusals().size() + " document(s) or "
                + "instrument master(s) during the run (listed above and in the report)");
            err.flush();
        }
        return 0;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Input
    // ---------------------------------------------------------------------------------------------------------------

    private Baskets baskets()
    {
        final List<Path> files = new ArrayList<>(basketFiles);
        if (null != examples)
        {
            files.addAll(exampleFiles());
        }
        if (files.isEmpty())
        {
            throw new IllegalArgumentException("no basket: give basket files, or --examples");
        }
        final List<String> errors = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        final List<String> documents = new ArrayList<>();
        final List<BasketFormat> formats = new ArrayList<>();
        final Map<String, Path> ids = new HashMap<>();
        int strategies = 0;
        for (final Path file : files)
        {
            final Optional<DocumentFormat> format = DocumentFormat.forFileName(file.toString());
            if (format.isEmpty())
            {
                errors.add(file + ": unknown format, expected a .json, .yaml or .yml file");
                continue;
            }
            final String text;
            try
            {
                text = Files.readString(file);
            }
            catch (final NoSuchFileException ex)
            {
                errors.add(file + ": no such file");
                continue;
            }
            catch (final IOException | SecurityException ex)
            {
                errors.add(file + ": cannot read: " + (Files.isDirectory(file) ? "is a directory" : ex.getMessage()));
                continue;
            }
            final BasketValidation validation = BasketReader.read(text, format.get());
            if (!validation.valid())
            {
                validation.errors().forEach(issue -> errors.add(file + ": " + issue));
                continue;
            }
            final Basket basket = validation.basket().orElseThrow();
            if (basket.template())
            {
                notes.add(file + " is a marketplace template: published, not traded");
            }
            if (basket.id().isPresent())
            {
                final Path other = ids.putIfAbsent(basket.id().get(), file);
                if (null != other)
                {
                    errors.add(file + ": id: basket id " + basket.id().get() + " is also the id of " + other);
                    continue;
                }
            }
            strategies += basket.template() ? 0 : basket.strategies().size();
            documents.add(text);
            formats.add(format.get() == DocumentFormat.YAML ? BasketFormat.YAML : BasketFormat.JSON);
        }
        if (!errors.isEmpty())
        {
            throw new IllegalArgumentException("invalid basket input, nothing was run:" + System.lineSeparator()
                + "  " + String.join(System.lineSeparator() + "  ", errors));
        }
        return new Baskets(documents, formats, notes, strategies);
    }

    private List<Path> exampleFiles()
    {
        final Path directory;
        if (!examples.isEmpty())
        {
            directory = Path.of(examples);
            if (!Files.isDirectory(directory))
            {
                throw new IllegalArgumentException("--examples " + directory + ": no such directory");
            }
        }
        else if (Files.isDirectory(Path.of("examples")))
        {
            directory = Path.of("examples");
        }
        else if (Files.isDirectory(Path.of("..", "examples")))
        {
            directory = Path.of("..", "examples");
        }
        else
        {
            throw new IllegalArgumentException("--examples: no examples directory in " + Path.of("").toAbsolutePath()
                + " or its parent; give one: --examples=DIR");
        }
        try (Stream<Path> list = Files.list(directory))
        {
            final List<Path> files = list.filter(file -> DocumentFormat.forFileName(file.toString()).isPresent())
                .sorted().toList();
            if (files.isEmpty())
            {
                throw new IllegalArgumentException("--examples " + directory + ": no .json, .yaml or .yml file");
            }
            return files;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("--examples " + directory + ": cannot list: " + ex.getMessage(), ex);
        }
    }

    private void checkReport()
    {
        final Path parent = report.toAbsolutePath().getParent();
        if (Files.isDirectory(report))
        {
            throw new IllegalArgumentException("--report " + report + ": is a directory");
        }
        if (null == parent || !Files.isDirectory(parent))
        {
            throw new IllegalArgumentException("--report " + report + ": no such directory " + parent);
        }
        if (!Files.isWritable(parent) || (Files.exists(report) && !Files.isWritable(report)))
        {
            throw new IllegalArgumentException("--report " + report + ": not writable");
        }
    }

    private Market market()
    {
        final FeedSourceKind kind;
        try
        {
            kind = FeedSourceKind.of(source);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException("--source must be synthetic, bars or recording, not " + source, ex);
        }
        if (kind != FeedSourceKind.BARS && !barsFiles.isEmpty())
        {
            throw new IllegalArgumentException("--bars needs --source bars");
        }
        if (kind != FeedSourceKind.RECORDING && (null != recording || null != master))
        {
            throw new IllegalArgumentException("--recording and --master need --source recording");
        }
        final TradingCalendar calendar = TradingCalendar.nse();
        return switch (kind)
        {
            case SYNTHETIC -> synthetic(calendar);
            case BARS -> bars(calendar);
            case RECORDING -> recording();
            default -> throw new IllegalArgumentException("--source kite is live; a backtest replays synthetic days, "
                + "bars or a recording");
        };
    }

    private Market synthetic(final TradingCalendar calendar)
    {
        final LocalDate first;
        if (null == from)
        {
            final LocalDate today = LocalDate.now(IndiaTime.IST);
            first = calendar.isTradingDay(today) ? today : calendar.nextTradingDay(today);
        }
        else
        {
            first = date("--from", from);
        }
        final LocalDate last = null == to ? first : date("--to", to);
        final List<LocalDate> days = tradingDays(calendar, first, last);
        final FeedFrameSource frames = new FeedFrameSource(days, day ->
        {
            final FeedContext context = new FeedContext().sourceKind(FeedSourceKind.SYNTHETIC).date(day).seed(seed);
            final SyntheticSettings settings = syntheticTuning.apply(FeedSources.syntheticSettings(context));
            return FeedSources.open(context.source(new SyntheticMarket(settings)));
        }, calendar, "synthetic seed " + seed);
        return new Market(frames, frames::close, describe(days) + ", synthetic (seed " + seed + ")");
    }

    private Market bars(final TradingCalendar calendar)
    {
        if (barsFiles.isEmpty())
        {
            throw new IllegalArgumentException("--source bars needs --bars FILE[,FILE...]");
        }
        final List<BarSeries> series = new ArrayList<>();
        final TreeSet<LocalDate> dates = new TreeSet<>();
        for (final Path path : barsFiles)
        {
            if (!Files.exists(path))
            {
                throw new IllegalArgumentException("--bars " + path + ": no such file or directory");
            }
            try
            {
                for (final MinuteBarFiles.Read read : MinuteBarFiles.readAll(List.of(path), calendar))
                {
                    series.add(read.series());
                    for (final MinuteBar bar : read.series().bars())
                    {
                        dates.add(IndiaTime.date(bar.startNs()));
                    }
                }
            }
            catch (final IllegalArgumentException | UncheckedIOException ex)
            {
                throw new IllegalArgumentException("--bars " + path + ": " + ex.getMessage(), ex);
            }
        }
        final LocalDate first = null == from ? dates.first() : date("--from", from);
        final LocalDate last = null == to ? dates.last() : date("--to", to);
        if (last.isBefore(first))
        {
            throw new IllegalArgumentException("--to " + last + " is before --from " + first);
        }
        final List<LocalDate> days = new ArrayList<>(dates.subSet(first, true, last, true));
        if (days.isEmpty())
        {
            throw new IllegalArgumentException("--bars: no bar between " + first + " and " + last + " (the files hold "
                + dates.first() + " to " + dates.last() + ")");
        }
        try
        {
            // Checked now, so a conflict between the files is bad input rather than a backtest stopped midway.
            new BarReplay(series, days.get(0), 0, 1).close();
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException("--bars: " + ex.getMessage(), ex);
        }
        final FeedFrameSource frames = new FeedFrameSource(days, day ->
        {
            final FeedContext context = new FeedContext().sourceKind(FeedSourceKind.BARS).date(day);
            return FeedSources.open(context.source(new BarReplay(series, day, context.barsBookTicks(),
                context.barsBookLots())));
        }, calendar, "bars");
        return new Market(frames, frames::close, describe(days) + ", bars from " + barsFiles);
    }

    private Market recording()
    {
        if (null == recording || null == master)
        {
            throw new IllegalArgumentException("--source recording needs --recording FILE and --master FILE (the "
                + "instrument master it was recorded against, Kite's CSV)");
        }
        if (null != from || null != to)
        {
            throw new IllegalArgumentException("--from and --to choose synthetic or bar days; a recording is "
                + "replayed whole");
        }
        final String csv;
        try
        {
            csv = Files.readString(master);
        }
        catch (final NoSuchFileException ex)
        {
            throw new IllegalArgumentException("--master " + master + ": no such file", ex);
        }
        catch (final IOException ex)
        {
            throw new IllegalArgumentException("--master " + master + ": cannot read: " + ex.getMessage(), ex);
        }
        if (!Files.isRegularFile(recording))
        {
            throw new IllegalArgumentException("--recording " + recording + ": no such file");
        }
        final RecordingFrameSource frames;
        try
        {
            frames = new RecordingFrameSource(recording, csv);
        }
        catch (final IllegalArgumentException | UncheckedIOException ex)
        {
            throw new IllegalArgumentException("--recording " + ex.getMessage(), ex);
        }
        final InstrumentLoadReport loaded = KiteInstrumentsCsv.read(new StringReader(csv), master.toString(),
            InstrumentMasterSettings.defaults(frames.firstDate())).report();
        if (null != loaded.fatal())
        {
            frames.close();
            throw new IllegalArgumentException("--master " + master + ": " + loaded.fatal());
        }
        return new Market(frames, frames::close, "the recording " + recording + " (from " + frames.firstDate() + ")");
    }

    private static LocalDate date(final String option, final String text)
    {
        try
        {
            return LocalDate.parse(text.strip());
        }
        catch (final DateTimeParseException ex)
        {
            throw new IllegalArgumentException(option + " " + text + ": not a date, expected YYYY-MM-DD", ex);
        }
    }

    private static List<LocalDate> tradingDays(final TradingCalendar calendar, final LocalDate first,
        final LocalDate last)
    {
        if (last.isBefore(first))
        {
            throw new IllegalArgumentException("--to " + last + " is before --from " + first);
        }
        final List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1))
        {
            if (calendar.isTradingDay(day))
            {
                days.add(day);
            }
        }
        if (days.isEmpty())
        {
            final String why = first.equals(last) ? first + " (" + first.getDayOfWeek()
                + (calendar.isHoliday(first) ? ", " + calendar.holidayName(first) : "") + ") is not a trading day" :
                "no trading day from " + first + " to " + last;
            throw new IllegalArgumentException(why + "; the next one is " + calendar.nextTradingDay(last));
        }
        return days;
    }

    private static String describe(final List<LocalDate> days)
    {
        return days.size() + (days.size() == 1 ? " trading day, " + days.get(0) :
            " trading days, " + days.get(0) + " to " + days.get(days.size() - 1));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Output
    // ---------------------------------------------------------------------------------------------------------------

    private void summary(final PrintWriter out, final BacktestResult result, final Baskets baskets,
        final Market market)
    {
        out.printf(Locale.ROOT, "backtest of %d basket(s), %d strategies, over %s%n", baskets.documents().size(),
            baskets.strategies(), market.description());
        baskets.notes().forEach(note -> out.println("note: " + note));
        out.printf(Locale.ROOT, "days %d, frames %,d, orders %,d, fills %,d, trades %,d%n", result.tradingDays(),
            result.frames(), result.orders(), result.fills(), result.trades().size());
        final TradeStatistics p = result.portfolio();
        out.printf(Locale.ROOT, "portfolio: P&L %s INR on capital %s INR; %s%n", Paise.toRupees(p.totalPnlPaise()),
            Paise.toRupees(result.capitalPaise()), statistics(p));
        for (final Map.Entry<String, TradeStatistics> strategy : result.perStrategy().entrySet())
        {
            final TradeStatistics s = strategy.getValue();
            out.printf(Locale.ROOT, "  %s: P&L %s INR; %s%n", strategy.getKey(), Paise.toRupees(s.totalPnlPaise()),
                statistics(s));
        }
        result.refusals().forEach(refusal -> out.println("refused: " + refusal));
        out.printf(Locale.ROOT, "elapsed %.2f s: %.3f trading days/s, %,.0f frames/s%n", result.elapsedNs() / 1e9,
            result.tradingDaysPerSecond(), result.framesPerSecond());
        out.println("report: " + report.toAbsolutePath().normalize());
        out.flush();
    }

    private static String statistics(final TradeStatistics s)
    {
        return String.format(Locale.ROOT, "%d trades, win rate %.1f %%, profit factor %s, max drawdown %s INR "
                + "(%.2f %%), Sharpe %s, Sortino %s, Calmar %s, streaks %d won / %d lost, average duration %.0f min",
            s.trades(), s.winRate() * 100, ratio(s.profitFactor()), Paise.toRupees(s.maxDrawdownPaise()),
            s.maxDrawdownPercent(), ratio(s.sharpe()), ratio(s.sortino()), ratio(s.calmar()),
            s.longestWinningStreak(), s.longestLosingStreak(), s.averageDurationSeconds() / 60);
    }

    private static String ratio(final double value)
    {
        return Double.isNaN(value) ? "n/a" : Double.isInfinite(value) ? (value > 0 ? "inf" : "-inf") :
            String.format(Locale.ROOT, "%.2f", value);
    }

    /**
     * The progress bar on stderr: redrawn in place on a terminal, a plain line every 10 % otherwise (logs, pipes).
     */
    private static final class ProgressBar implements DoubleConsumer
    {
        private static final int WIDTH = 40;

        private final PrintWriter err;
        private final boolean terminal = null != System.console();
        private final long started = System.nanoTime();
        private int lastTenth = -1;

        ProgressBar(final PrintWriter err)
        {
            this.err = err;
        }

        @Override
        public void accept(final double fraction)
        {
            final double seconds = (System.nanoTime() - started) / 1e9;
            final int percent = (int)Math.floor(fraction * 100);
            if (terminal)
            {
                final int filled = (int)Math.round(fraction * WIDTH);
                err.printf(Locale.ROOT, "\r[%s%s] %3d %%  %.1f s", "#".repeat(filled), ".".repeat(WIDTH - filled),
                    percent, seconds);
                if (fraction >= 1.0)
                {
                    err.println();
                }
                err.flush();
            }
            else if (percent / 10 > lastTenth)
            {
                lastTenth = percent / 10;
                err.printf(Locale.ROOT, "backtest: %3d %%  %.1f s%n", percent, seconds);
                err.flush();
            }
        }
    }
}
