package dev.vyuha.feed.synthetic;

import dev.vyuha.feed.instrument.ContractSpecs;
import dev.vyuha.feed.instrument.ExpirySchedule;
import dev.vyuha.feed.instrument.GeneratedTokens;
import dev.vyuha.feed.instrument.IndexFacts;
import dev.vyuha.feed.instrument.Instrument;
import dev.vyuha.feed.instrument.InstrumentKind;
import dev.vyuha.feed.instrument.KiteInstrumentsCsv;
import dev.vyuha.feed.instrument.KiteSymbols;
import dev.vyuha.sbe.Underlying;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The instrument master of a synthetic day, in Kite's dump format, as {@code GET /instruments/NFO} would give it
 * that morning: for each underlying its monthly futures, and options at every strike interval within the strike range
 * of the previous close for the listed expiries (NIFTY: weeklies on the Tuesday schedule and monthlies; BANKNIFTY:
 * monthlies), symbols in Kite's weekly or monthly format, lots and ticks as NSE sets them, holiday-shifted expiries.
 * The indices are in {@link #instruments()} (the feed ticks them) but not in the CSV: the engine adds them from its
 * configured tokens.
 */
public final class SyntheticInstrumentMaster
{
    private final LocalDate tradingDate;
    private final List<Instrument> instruments;
    private final List<Instrument> derivatives;

    private SyntheticInstrumentMaster(final LocalDate tradingDate, final List<Instrument> indices,
        final List<Instrument> derivatives)
    {
        this.tradingDate = tradingDate;
        this.derivatives = List.copyOf(derivatives);
        final List<Instrument> all = new ArrayList<>(indices);
        all.addAll(derivatives);
        this.instruments = List.copyOf(all);
    }

    /**
     * @param settings concluded settings.
     * @return the master of the settings' date.
     */
    public static SyntheticInstrumentMaster build(final SyntheticSettings settings)
    {
        settings.conclude();
        final LocalDate date = settings.tradingDate();
        final ExpirySchedule schedule = new ExpirySchedule(settings.calendar());
        final List<Instrument> indices = new ArrayList<>();
        final List<Instrument> derivatives = new ArrayList<>();
        for (final Underlying underlying : settings.underlyings())
        {
            final String name = underlying.name();
            indices.add(Instrument.index(IndexFacts.indexToken(underlying), IndexFacts.indexSymbol(underlying),
                underlying, IndexFacts.indexExchange(underlying)));
            for (final LocalDate expiry : schedule.monthlyExpiries(date, settings.futureMonths()))
            {
                final long exchangeToken = GeneratedTokens.exchangeToken(underlying, InstrumentKind.FUTURE, expiry, 0);
                derivatives.add(new Instrument(GeneratedTokens.instrumentToken(exchangeToken), exchangeToken,
                    KiteSymbols.future(name, expiry), underlying, InstrumentKind.FUTURE, expiry, 0,
                    ContractSpecs.lotSize(underlying, expiry, true, date), ContractSpecs.futureTickPaise(underlying), "NFO-FUT",
                    "NFO"));
            }
            final long step = ContractSpecs.strikeStepPaise(underlying);
            final long reference = Math.round(settings.model(underlying).previousClose() * 100);
            final long halfRange = (long)(reference * settings.strikeRangePercent() / 100.0);
            final long lowest = ceilTo(reference - halfRange, step);
            final long highest = (reference + halfRange) / step * step;
            for (final LocalDate expiry : schedule.optionExpiries(underlying, date, settings.weeklyExpiries(),
                settings.monthlyExpiries()))
            {
                final boolean monthly = schedule.isMonthlyExpiry(expiry);
                final int lot = ContractSpecs.lotSize(underlying, expiry, monthly, date);
                for (long strike = lowest; strike <= highest; strike += step)
                {
                    for (final InstrumentKind kind : new InstrumentKind[] {InstrumentKind.CALL, InstrumentKind.PUT})
                    {
                        final long exchangeToken = GeneratedTokens.exchangeToken(underlying, kind, expiry, strike);
                        final String symbol = monthly ? KiteSymbols.monthlyOption(name, expiry, strike, kind) :
                            KiteSymbols.weeklyOption(name, expiry, strike, kind);
                        derivatives.add(new Instrument(GeneratedTokens.instrumentToken(exchangeToken), exchangeToken,
                            symbol, underlying, kind, expiry, strike, lot, ContractSpecs.OPTION_TICK_PAISE, "NFO-OPT",
                            "NFO"));
                    }
                }
            }
        }
        return new SyntheticInstrumentMaster(date, indices, derivatives);
    }

    private static long ceilTo(final long value, final long step)
    {
        return (value + step - 1) / step * step;
    }

    /** @return the trading date. */
    public LocalDate tradingDate()
    {
        return tradingDate;
    }

    /** @return indices, then futures and options. */
    public List<Instrument> instruments()
    {
        return instruments;
    }

    /** @return the futures and options: the rows of the CSV. */
    public List<Instrument> derivatives()
    {
        return derivatives;
    }

    /** @return the CSV text in Kite's format. */
    public String toCsv()
    {
        return KiteInstrumentsCsv.toCsv(derivatives);
    }

    /**
     * @param out where to write the CSV (not closed).
     */
    public void writeCsv(final Writer out)
    {
        KiteInstrumentsCsv.write(derivatives, out);
    }

    /**
     * @param file where to write the CSV (replaced; parent directories created).
     */
    public void writeCsv(final Path file)
    {
        try
        {
            final Path parent = file.toAbsolutePath().getParent();
            if (null != parent)
            {
                Files.createDirectories(parent);
            }
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8))
            {
                writeCsv(out);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot write the instrument master to " + file, ex);
        }
    }
}
