package dev.vyuha.engine.market;

import dev.vyuha.engine.money.Paise;
import dev.vyuha.reference.csv.CsvLine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Reads Kite's instruments dump ({@code GET /instruments}, KITE.md §6) into an {@link InstrumentMaster}: index options
 * and futures on NFO and BFO, and the indices themselves, for the underlyings the engine trades. Every row is checked:
 * exactly 12 columns, numeric tokens, an expiry for derivatives, the strike and tick size exact in paise, a positive
 * lot size, the exchange matching the segment, and the trading symbol equal to the one Kite builds from name, expiry,
 * strike and type (weekly or monthly format). Bad rows are rejected with their line number and counted; rows of other
 * segments or underlyings, and contracts that expired before the trading date, are skipped and counted. Nothing
 * here throws on bad data: the outcome is in the {@link Result}'s report.
 */
public final class KiteInstrumentsCsv
{
    /** The exact header Kite sends (no spaces). */
    public static final String HEADER =
        "instrument_token,exchange_token,tradingsymbol,name,last_price,expiry,strike,tick_size,lot_size,instrument_type,"
            + "segment,exchange";
    private static final int COLUMNS = 12;

    /**
     * The master and what loading it did.
     *
     * @param master the instruments (empty when the report is fatal).
     * @param report counts, rejections and warnings.
     */
    public record Result(InstrumentMaster master, InstrumentLoadReport report)
    {
    }

    private KiteInstrumentsCsv()
    {
    }

    /**
     * @param reader     the CSV text (closed when done).
     * @param sourceName where it came from, for messages.
     * @param settings   trading date, freeze quantities, index tokens.
     * @return the master and its load report.
     */
    public static Result read(final Reader reader, final String sourceName, final InstrumentMasterSettings settings)
    {
        final Loader loader = new Loader(sourceName, settings);
        try (BufferedReader lines = new BufferedReader(reader))
        {
            final String header = lines.readLine();
            if (null == header)
            {
                return loader.fatal("empty file: expected the header '" + HEADER + "'");
            }
            final String cleanHeader = header.startsWith("\uFEFF") ? header.substring(1) : header;
            if (!HEADER.equals(cleanHeader.strip()))
            {
                return loader.fatal("line 1: header must be exactly '" + HEADER + "', was '" + abbreviate(header) + "'");
            }
            String line;
            int number = 1;
            while (null != (line = lines.readLine()))
            {
                number++;
                if (!line.isBlank())
                {
                    loader.row(line, number);
                }
            }
        }
        catch (final IOException ex)
        {
            return loader.fatal("read failed: " + ex.getMessage());
        }
        return loader.finish();
    }

    private static final class Loader
    {
        private final String source;
        private final InstrumentMasterSettings settings;
        private final InstrumentMaster.Builder builder;
        private final long tradingEpochDay;
        private final List<String> errors = new ArrayList<>();
        private final Set<Underlying> seen = EnumSet.noneOf(Underlying.class);
        private final Set<Underlying> indicesSeen = EnumSet.noneOf(Underlying.class);
        private int rowsRead;
        private int indices;
        private int futures;
        private int options;
        private int skippedSegment;
        private int skippedUnderlying;
        private int skippedExpired;
        private int rejected;

        Loader(final String source, final InstrumentMasterSettings settings)
        {
            this.source = source;
            this.settings = settings;
            this.builder = InstrumentMaster.builder(settings.tradingDate());
            this.tradingEpochDay = settings.tradingDate().toEpochDay();
        }

        void row(final String line, final int number)
        {
            rowsRead++;
            final List<String> cells = CsvLine.split(line);
            if (cells.size() != COLUMNS)
            {
                reject(number, "expected " + COLUMNS + " columns, found " + cells.size());
                return;
            }
            final String segment = cells.get(10).strip();
            final boolean option = "NFO-OPT".equals(segment) || "BFO-OPT".equals(segment);
            final boolean future = "NFO-FUT".equals(segment) || "BFO-FUT".equals(segment);
            final boolean index = "INDICES".equals(segment);
            if (!option && !future && !index)
            {
                skippedSegment++;
                return;
            }
            final String symbol = cells.get(2).strip();
            final String exchange = cells.get(11).strip();
            final long token;
            try
            {
                token = Long.parseLong(cells.get(0).strip());
                Long.parseLong(cells.get(1).strip());
            }
            catch (final NumberFormatException ex)
            {
                reject(number, "instrument_token and exchange_token must be integers, were '" + cells.get(0) + "', '"
                    + cells.get(1) + "'");
                return;
            }
            if (token <= 0)
            {
                reject(number, "instrument_token must be > 0, was " + token);
                return;
            }
            if (symbol.isEmpty())
            {
                reject(number, "tradingsymbol is empty");
                return;
            }
            if (index)
            {
                indexRow(token, symbol, exchange, number);
                return;
            }
            final Underlying underlying = underlying(cells.get(3).strip(), symbol);
            if (null == underlying)
            {
                skippedUnderlying++;
                return;
            }
            if (!segment.startsWith(exchange + "-"))
            {
                reject(number, "exchange " + exchange + " does not match segment " + segment);
                return;
            }
            if (!exchange.equals(underlying.derivativesExchange()))
            {
                reject(number, underlying + " derivatives trade on " + underlying.derivativesExchange() + ", not "
                    + exchange);
                return;
            }
            final LocalDate expiry;
            try
            {
                expiry = LocalDate.parse(cells.get(5).strip());
            }
            catch (final DateTimeParseException ex)
            {
                reject(number, "expiry must be yyyy-MM-dd, was '" + cells.get(5) + "'");
                return;
            }
            final long tick = Paise.parseRupees(cells.get(7).strip());
            if (tick <= 0 || tick == Paise.INVALID)
            {
                reject(number, "tick_size must be a positive amount in whole paise, was '" + cells.get(7) + "'");
                return;
            }
            final int lot;
            try
            {
                lot = Integer.parseInt(cells.get(8).strip());
            }
            catch (final NumberFormatException ex)
            {
                reject(number, "lot_size must be an integer, was '" + cells.get(8) + "'");
                return;
            }
            if (lot <= 0)
            {
                reject(number, "lot_size must be > 0, was " + lot);
                return;
            }
            final String type = cells.get(9).strip();
            final String name = underlying.name();
            final InstrumentKind kind;
            long strike = 0;
            boolean monthly = false;
            if (future)
            {
                if (!"FUT".equals(type))
                {
                    reject(number, "instrument_type of a future must be FUT, was '" + type + "'");
                    return;
                }
                final String expected = TradingSymbols.future(name, expiry);
                if (!expected.equals(symbol))
                {
                    reject(number, "tradingsymbol " + symbol + " does not match " + name + " future expiring " + expiry
                        + " (expected " + expected + ")");
                    return;
                }
                kind = InstrumentKind.FUTURE;
                monthly = true;
            }
            else
            {
                if (!"CE".equals(type) && !"PE".equals(type))
                {
                    reject(number, "instrument_type of an option must be CE or PE, was '" + type + "'");
                    return;
                }
                strike = Paise.parseRupees(cells.get(6).strip());
                if (strike <= 0 || strike == Paise.INVALID)
                {
                    reject(number, "strike must be a positive amount in whole paise, was '" + cells.get(6) + "'");
                    return;
                }
                final OptionType optionType = OptionType.valueOf(type);
                final String weekly = TradingSymbols.weeklyOption(name, expiry, strike, optionType);
                final String monthlySymbol = TradingSymbols.monthlyOption(name, expiry, strike, optionType);
                monthly = monthlySymbol.equals(symbol);
                if (!monthly && !weekly.equals(symbol))
                {
                    reject(number, "tradingsymbol " + symbol + " does not match " + name + " " + expiry + " "
                        + TradingSymbols.strike(strike) + " " + type + " (expected " + weekly + " or " + monthlySymbol
                        + ")");
                    return;
                }
                kind = InstrumentKind.of(optionType);
            }
            if (expiry.toEpochDay() < tradingEpochDay)
            {
                skippedExpired++;
                return;
            }
            final Integer freeze = settings.freezeQuantities().get(underlying);
            final String refused = builder.add(token, symbol, exchange, underlying, kind, (int)expiry.toEpochDay(),
                strike, lot, tick, null == freeze ? 0 : freeze, monthly);
            if (null != refused)
            {
                reject(number, refused);
                return;
            }
            seen.add(underlying);
            if (kind == InstrumentKind.FUTURE)
            {
                futures++;
            }
            else
            {
                options++;
            }
        }

        private void indexRow(final long token, final String symbol, final String exchange, final int number)
        {
            for (final Underlying underlying : Underlying.values())
            {
                if (underlying.indexSymbol().equals(symbol))
                {
                    final String refused = builder.add(token, symbol, exchange, underlying, InstrumentKind.INDEX,
                        InstrumentMaster.NOT_FOUND, 0, 1, 5, 0, false);
                    if (null != refused)
                    {
                        reject(number, refused);
                        return;
                    }
                    indicesSeen.add(underlying);
                    indices++;
                    return;
                }
            }
            skippedUnderlying++;
        }

        private Underlying underlying(final String name, final String symbol)
        {
            if (!name.isEmpty())
            {
                return Underlying.fromName(name);
            }
            return TradingSymbols.underlyingOf(symbol);
        }

        private void reject(final int line, final String reason)
        {
            rejected++;
            if (errors.size() < InstrumentLoadReport.MAX_MESSAGES)
            {
                errors.add(source + ":" + line + ": " + reason);
            }
        }

        Result fatal(final String reason)
        {
            final InstrumentLoadReport report = new InstrumentLoadReport(source, rowsRead, 0, 0, 0, 0, 0, 0, 0,
                List.of(), List.of(), reason);
            return new Result(InstrumentMaster.builder(settings.tradingDate()).build(), report);
        }

        Result finish()
        {
            // Indices the dump did not list come from the configured tokens, so the spot basis is always known.
            for (final Underlying underlying : seen)
            {
                if (!indicesSeen.contains(underlying) && settings.indexTokens().containsKey(underlying))
                {
                    final String refused = builder.add(settings.indexTokens().get(underlying),
                        underlying.indexSymbol(), "BFO".equals(underlying.derivativesExchange()) ? "BSE" : "NSE",
                        underlying, InstrumentKind.INDEX, InstrumentMaster.NOT_FOUND, 0, 1, 5, 0, false);
                    if (null == refused)
                    {
                        indices++;
                        indicesSeen.add(underlying);
                    }
                    else
                    {
                        errors.add(source + ": configured index token of " + underlying + " refused: " + refused);
                    }
                }
            }
            final List<String> warnings = new ArrayList<>();
            for (final Underlying underlying : seen)
            {
                if (!settings.freezeQuantities().containsKey(underlying))
                {
                    warnings.add(underlying + ": no freeze quantity configured; orders in it will be refused");
                }
                if (!indicesSeen.contains(underlying) && !settings.indexTokens().containsKey(underlying))
                {
                    warnings.add(underlying + ": no index instrument; SPOT-basis strike selection is unavailable");
                }
            }
            final InstrumentLoadReport report = new InstrumentLoadReport(source, rowsRead, indices, futures, options,
                skippedSegment, skippedUnderlying, skippedExpired, rejected, List.copyOf(errors), List.copyOf(warnings),
                null);
            return new Result(builder.build(), report);
        }
    }


    private static String abbreviate(final String text)
    {
        return text.length() <= 160 ? text : text.substring(0, 160) + "...";
    }
}
