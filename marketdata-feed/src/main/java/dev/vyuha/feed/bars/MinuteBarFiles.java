package dev.vyuha.feed.bars;

import dev.vyuha.feed.instrument.IndexFacts;
import dev.vyuha.feed.instrument.Instrument;
import dev.vyuha.feed.instrument.InstrumentKind;
import dev.vyuha.feed.instrument.KiteSymbols;
import dev.vyuha.feed.instrument.ContractSpecs;
import dev.vyuha.feed.instrument.ExpirySchedule;
import dev.vyuha.feed.instrument.GeneratedTokens;
import dev.vyuha.reference.calendar.IndiaTime;
import dev.vyuha.reference.calendar.TradingCalendar;
import dev.vyuha.sbe.Underlying;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.time.DateTimeException;

/**
 * Reads the two 1-minute bar formats of {@code ../shared/data/2_intraday} (see its README), recognised by their first
 * line, and puts every bar on its start instant:
 *
 * <ul>
 *   <li><b>index text</b> ({@code spot_1min/*.txt}): no header, {@code symbol,yyyymmdd,HH:MM,open,high,low,close,
 *   volume,oi}, stamped at the bar's END; the symbol is NIFTY or BANKNIFTY (the index). Pre-open (09:08/09:09) and
 *   post-close (15:31/15:32) rows are bars like the others.</li>
 *   <li><b>vendor CSV</b> ({@code options_1min_.../*.csv}): header {@code "TIME","Open","High","Low","Close","VOLUME",
 *   "SYMBOL","Date","TIME1"}, stamped at the bar's START; the symbol is a Kite trading symbol
 *   ({@code NIFTY2161715700CE}) or the URL-encoded index name ({@code NIFTY%2050}).</li>
 * </ul>
 *
 * Indices get their Kite tokens; options and futures get the generated tokens of {@link GeneratedTokens} (the files
 * carry no tokens) and NSE's contract terms of the time. Malformed rows are skipped and reported.
 */
public final class MinuteBarFiles
{
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);
    private static final long MINUTE_NS = 60_000_000_000L;

    /**
     * A file read.
     *
     * @param series   its instrument's bars.
     * @param label    how the file stamped them.
     * @param rejected malformed rows with line numbers (at most 20 listed).
     */
    public record Read(BarSeries series, BarLabel label, List<String> rejected)
    {
    }

    private MinuteBarFiles()
    {
    }

    /**
     * @param paths    files, or directories whose {@code .txt} and {@code .csv} files are taken (sorted by name).
     * @param calendar for monthly expiry dates of monthly symbols.
     * @return every file read, in path order.
     */
    public static List<Read> readAll(final List<Path> paths, final TradingCalendar calendar)
    {
        final List<Read> all = new ArrayList<>();
        for (final Path path : paths)
        {
            if (Files.isDirectory(path))
            {
                try (Stream<Path> files = Files.list(path))
                {
                    for (final Path file : files.filter(MinuteBarFiles::isBarFile).sorted().toList())
                    {
                        all.add(read(file, calendar));
                    }
                }
                catch (final IOException ex)
                {
                    throw new UncheckedIOException("cannot list " + path, ex);
                }
            }
            else
            {
                all.add(read(path, calendar));
            }
        }
        return all;
    }

    private static boolean isBarFile(final Path file)
    {
        final String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(file) && (name.endsWith(".csv") || name.endsWith(".txt"))
            && !name.startsWith("readme");
    }

    /**
     * @param file     a bar file in either format.
     * @param calendar for monthly expiry dates.
     * @return its bars.
     * @throws IllegalArgumentException if the file is in neither format or holds no bar, or more than one instrument.
     */
    public static Read read(final Path file, final TradingCalendar calendar)
    {
        final List<String> lines;
        try
        {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read " + file, ex);
        }
        if (lines.isEmpty())
        {
            throw new IllegalArgumentException(file + ": empty");
        }
        final boolean vendor = lines.get(0).startsWith("\"TIME\"");
        final BarLabel label = vendor ? BarLabel.START : BarLabel.END;
        final List<MinuteBar> bars = new ArrayList<>(lines.size());
        final List<String> rejected = new ArrayList<>();
        String symbol = null;
        LocalDate firstDate = null;
        for (int i = vendor ? 1 : 0; i < lines.size(); i++)
        {
            final String line = lines.get(i);
            if (line.isBlank())
            {
                continue;
            }
            try
            {
                final String[] cells = unquote(line.split(",", -1));
                final String rowSymbol;
                final LocalDate date;
                final LocalTime time;
                final int prices;
                final long volume;
                if (vendor)
                {
                    rowSymbol = URLDecoder.decode(cells[6], StandardCharsets.UTF_8);
                    final String[] stamp = cells[0].split(" ");
                    date = LocalDate.parse(stamp[0]);
                    time = LocalTime.parse(stamp[1]);
                    prices = 1;
                    volume = Long.parseLong(cells[5]);
                }
                else
                {
                    rowSymbol = cells[0];
                    date = LocalDate.parse(cells[1], YYYYMMDD);
                    time = LocalTime.parse(cells[2]);
                    prices = 3;
                    volume = Long.parseLong(cells[7]);
                }
                if (null == symbol)
                {
                    symbol = rowSymbol;
                    firstDate = date;
                }
                else if (!symbol.equals(rowSymbol))
                {
                    throw new IllegalArgumentException(file + ":" + (i + 1) + ": a second instrument " + rowSymbol
                        + " after " + symbol);
                }
                final long stampNs = IndiaTime.epochNanos(date, time);
                final long startNs = label == BarLabel.END ? stampNs - MINUTE_NS : stampNs;
                bars.add(new MinuteBar(startNs, paise(cells[prices]), paise(cells[prices + 1]),
                    paise(cells[prices + 2]), paise(cells[prices + 3]), volume));
            }
            catch (final IllegalArgumentException | IndexOutOfBoundsException | DateTimeException ex)
            {
                if (ex.getMessage() != null && ex.getMessage().contains("a second instrument"))
                {
                    throw ex;
                }
                if (rejected.size() < 20)
                {
                    rejected.add(file.getFileName() + ":" + (i + 1) + ": " + ex.getMessage());
                }
            }
        }
        if (null == symbol || bars.isEmpty())
        {
            throw new IllegalArgumentException(file + ": no bars");
        }
        bars.sort((a, b) -> Long.compare(a.startNs(), b.startNs()));
        final List<MinuteBar> unique = new ArrayList<>(bars.size());
        for (final MinuteBar bar : bars)
        {
            if (!unique.isEmpty() && unique.get(unique.size() - 1).startNs() == bar.startNs())
            {
                if (rejected.size() < 20)
                {
                    rejected.add(file.getFileName() + ": a second bar at " + IndiaTime.dateTime(bar.startNs()));
                }
                continue;
            }
            unique.add(bar);
        }
        final Instrument instrument = instrument(symbol, firstDate, calendar, file);
        return new Read(new BarSeries(instrument, unique, file.toString()), label, List.copyOf(rejected));
    }

    private static Instrument instrument(final String symbol, final LocalDate firstDate,
        final TradingCalendar calendar, final Path file)
    {
        for (final Underlying underlying : Underlying.values())
        {
            if (underlying != Underlying.NULL_VAL && (underlying.name().equals(symbol)
                || IndexFacts.indexSymbol(underlying).equals(symbol)))
            {
                return Instrument.index(IndexFacts.indexToken(underlying), IndexFacts.indexSymbol(underlying),
                    underlying, IndexFacts.indexExchange(underlying));
            }
        }
        final KiteSymbols.Parsed parsed = KiteSymbols.parse(symbol);
        if (null == parsed)
        {
            throw new IllegalArgumentException(file + ": " + symbol + " is neither an index nor an index derivative");
        }
        final Underlying underlying = parsed.underlying();
        final LocalDate expiry = parsed.monthly() ?
            new ExpirySchedule(calendar).monthlyExpiry(YearMonth.from(parsed.expiry())) : parsed.expiry();
        final InstrumentKind kind = parsed.kind();
        final long exchangeToken = GeneratedTokens.exchangeToken(underlying, kind, expiry, parsed.strikePaise());
        return new Instrument(GeneratedTokens.instrumentToken(exchangeToken), exchangeToken, symbol, underlying, kind,
            expiry, parsed.strikePaise(), ContractSpecs.lotSize(underlying, expiry, parsed.monthly(), firstDate),
            kind == InstrumentKind.FUTURE ? ContractSpecs.futureTickPaise(underlying) : ContractSpecs.OPTION_TICK_PAISE,
            kind == InstrumentKind.FUTURE ? "NFO-FUT" : "NFO-OPT", "NFO");
    }

    private static long paise(final String text)
    {
        final long paise = KiteSymbols.rupeesToPaise(text);
        if (paise <= 0)
        {
            throw new IllegalArgumentException("not a price: '" + text + "'");
        }
        return paise;
    }

    private static String[] unquote(final String[] cells)
    {
        for (int i = 0; i < cells.length; i++)
        {
            final String cell = cells[i].strip();
            cells[i] = cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"") ?
                cell.substring(1, cell.length() - 1) : cell;
        }
        return cells;
    }
}
