package dev.vyuha.feed.instrument;

import dev.vyuha.reference.csv.CsvLine;
import dev.vyuha.sbe.Underlying;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.io.StringWriter;

/**
 * Kite's instruments dump ({@code GET /instruments}, KITE.md §6): exactly 12 columns under the header
 * {@value #HEADER}, no spaces, no quoting. Reads the index derivatives (NFO/BFO futures and options) of chosen
 * underlyings and their indices; writes instruments back in the same format, byte for byte as Kite lays it out
 * ({@code 11547650,45108,NIFTY2681824450CE,NIFTY,0.0,2026-08-18,24450.0,0.05,65,CE,NFO-OPT,NFO}).
 */
public final class KiteInstrumentsCsv
{
    /** The exact header Kite sends. */
    public static final String HEADER = "instrument_token,exchange_token,tradingsymbol,name,last_price,expiry,strike,"
        + "tick_size,lot_size,instrument_type,segment,exchange";

    private static final int COLUMNS = 12;

    /**
     * What reading a dump gave.
     *
     * @param instruments the instruments kept, in file order.
     * @param skipped     rows of other segments or underlyings.
     * @param rejected    malformed rows, with line numbers (at most 20 listed).
     */
    public record Result(List<Instrument> instruments, int skipped, List<String> rejected)
    {
    }

    private KiteInstrumentsCsv()
    {
    }

    /**
     * @param reader      the dump (closed when done).
     * @param source      where it came from, for messages.
     * @param underlyings the underlyings to keep.
     * @return the instruments kept and what was skipped or rejected.
     * @throws IllegalArgumentException if the header is not Kite's.
     */
    public static Result read(final Reader reader, final String source, final Set<Underlying> underlyings)
    {
        final List<Instrument> instruments = new ArrayList<>();
        final List<String> rejected = new ArrayList<>();
        int skipped = 0;
        try (BufferedReader lines = new BufferedReader(reader))
        {
            final String header = lines.readLine();
            final String clean = null == header ? null : header.startsWith("\uFEFF") ? header.substring(1) : header;
            if (null == clean || !HEADER.equals(clean.strip()))
            {
                throw new IllegalArgumentException(source + ": not a Kite instruments dump (header '" + header + "')");
            }
            String line;
            int number = 1;
            while (null != (line = lines.readLine()))
            {
                number++;
                if (line.isBlank())
                {
                    continue;
                }
                final List<String> cells = CsvLine.split(line);
                if (cells.size() != COLUMNS)
                {
                    reject(rejected, source, number, "expected " + COLUMNS + " columns, found " + cells.size());
                    continue;
                }
                try
                {
                    final Instrument instrument = row(cells, underlyings);
                    if (null == instrument)
                    {
                        skipped++;
                    }
                    else
                    {
                        instruments.add(instrument);
                    }
                }
                catch (final RuntimeException ex)
                {
                    reject(rejected, source, number, ex.getMessage());
                }
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(source + ": read failed", ex);
        }
        return new Result(List.copyOf(instruments), skipped, List.copyOf(rejected));
    }

    /**
     * Write instruments as a Kite dump: the header, then one row per instrument in the given order.
     *
     * @param instruments futures and options (indices are written as Kite's INDICES rows).
     * @param out         where to write (not closed).
     * @throws UncheckedIOException if writing fails.
     */
    public static void write(final Collection<Instrument> instruments, final Writer out)
    {
        try
        {
            out.write(HEADER);
            out.write('\n');
            final StringBuilder row = new StringBuilder(128);
            for (final Instrument instrument : instruments)
            {
                row.setLength(0);
                appendRow(instrument, row);
                out.append(row).append('\n');
            }
            out.flush();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("writing the instruments dump failed", ex);
        }
    }

    /**
     * @param instruments instruments.
     * @return the dump as text.
     */
    public static String toCsv(final Collection<Instrument> instruments)
    {
        final StringWriter out = new StringWriter(64 + 96 * instruments.size());
        write(instruments, out);
        return out.toString();
    }

    private static void appendRow(final Instrument instrument, final StringBuilder row)
    {
        final boolean index = instrument.kind() == InstrumentKind.INDEX;
        row.append(instrument.token()).append(',')
            .append(instrument.exchangeToken()).append(',')
            .append(instrument.tradingSymbol()).append(',')
            .append(index ? instrument.tradingSymbol() : instrument.underlying().name()).append(',')
            .append("0.0").append(',')
            .append(null == instrument.expiry() ? "" : instrument.expiry().toString()).append(',')
            .append(instrument.isOption() ? KiteSymbols.dumpStrike(instrument.strikePaise()) : "0.0").append(',')
            .append(index ? "0.0" : tick(instrument.tickSizePaise())).append(',')
            .append(index ? 0 : instrument.lotSize()).append(',')
            .append(instrument.kind().kiteType()).append(',')
            .append(instrument.segment()).append(',')
            .append(instrument.exchange());
    }

    private static String tick(final long paise)
    {
        if (paise % 100 == 0)
        {
            return paise / 100 + ".0";
        }
        final String fraction = paise % 10 == 0 ? Long.toString((paise % 100) / 10) :
            ((paise % 100) < 10 ? "0" : "") + (paise % 100);
        return paise / 100 + "." + fraction;
    }

    private static Instrument row(final List<String> cells, final Set<Underlying> underlyings)
    {
        final String segment = cells.get(10).strip();
        final String exchange = cells.get(11).strip();
        final String symbol = cells.get(2).strip();
        final long token = Long.parseLong(cells.get(0).strip());
        final long exchangeToken = Long.parseLong(cells.get(1).strip());
        if ("INDICES".equals(segment))
        {
            for (final Underlying underlying : underlyings)
            {
                if (IndexFacts.indexSymbol(underlying).equals(symbol))
                {
                    return Instrument.index(token, symbol, underlying, exchange);
                }
            }
            return null;
        }
        final boolean option = segment.endsWith("-OPT");
        final boolean future = segment.endsWith("-FUT");
        if (!(option || future) || !(segment.startsWith("NFO-") || segment.startsWith("BFO-")))
        {
            return null;
        }
        final String name = cells.get(3).strip();
        Underlying underlying = name.isEmpty() ? null : IndexFacts.fromName(name);
        if (name.isEmpty())
        {
            final KiteSymbols.Parsed parsed = KiteSymbols.parse(symbol);
            underlying = null == parsed ? null : parsed.underlying();
        }
        if (null == underlying || !underlyings.contains(underlying))
        {
            return null;
        }
        final LocalDate expiry;
        try
        {
            expiry = LocalDate.parse(cells.get(5).strip());
        }
        catch (final DateTimeParseException ex)
        {
            throw new IllegalArgumentException("expiry must be yyyy-MM-dd, was '" + cells.get(5) + "'", ex);
        }
        final String type = cells.get(9).strip();
        final InstrumentKind kind = switch (type)
        {
            case "CE" -> InstrumentKind.CALL;
            case "PE" -> InstrumentKind.PUT;
            case "FUT" -> InstrumentKind.FUTURE;
            default -> throw new IllegalArgumentException("instrument_type must be CE, PE or FUT, was '" + type + "'");
        };
        final long strike = kind.isOption() ? KiteSymbols.rupeesToPaise(cells.get(6)) : 0;
        final long tick = KiteSymbols.rupeesToPaise(cells.get(7));
        if (kind.isOption() && strike <= 0)
        {
            throw new IllegalArgumentException("strike must be a positive amount in paise, was '" + cells.get(6) + "'");
        }
        if (tick <= 0)
        {
            throw new IllegalArgumentException("tick_size must be a positive amount in paise, was '" + cells.get(7)
                + "'");
        }
        return new Instrument(token, exchangeToken, symbol, underlying, kind, expiry, strike,
            Integer.parseInt(cells.get(8).strip()), tick, segment, exchange);
    }

    private static void reject(final List<String> rejected, final String source, final int line, final String why)
    {
        if (rejected.size() < 20)
        {
            rejected.add(source + ":" + line + ": " + why);
        }
    }
}
