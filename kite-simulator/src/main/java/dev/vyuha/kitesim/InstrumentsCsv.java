package dev.vyuha.kitesim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Reads and writes Kite's 12-column instruments CSV (KITE.md §6):
 * {@code instrument_token,exchange_token,tradingsymbol,name,last_price,expiry,strike,tick_size,lot_size,
 * instrument_type,segment,exchange}, no quoting, no spaces after commas.
 */
public final class InstrumentsCsv
{
    /** The exact header Kite sends (the SDK maps header names to setters). */
    public static final String HEADER = "instrument_token,exchange_token,tradingsymbol,name,last_price,expiry,strike,"
        + "tick_size,lot_size,instrument_type,segment,exchange";

    private static final int COLUMNS = 12;

    private InstrumentsCsv()
    {
    }

    /**
     * @param file           a Kite instruments dump.
     * @param freezeQuantity freeze quantity per instrument (the dump carries none), 0 for no limit.
     * @return its rows.
     * @throws IOException if the file cannot be read.
     */
    public static List<SimInstrument> read(final Path file, final ToIntFunction<SimInstrument> freezeQuantity)
        throws IOException
    {
        return parse(Files.readString(file, StandardCharsets.UTF_8), freezeQuantity);
    }

    /**
     * @param csv            CSV text with the header.
     * @param freezeQuantity freeze quantity per instrument, 0 for no limit.
     * @return its rows.
     */
    public static List<SimInstrument> parse(final String csv, final ToIntFunction<SimInstrument> freezeQuantity)
    {
        final String[] lines = csv.split("\r?\n");
        if (0 == lines.length || !HEADER.equals(lines[0].trim()))
        {
            throw new IllegalArgumentException("not a Kite instruments CSV: header " + (lines.length > 0 ? lines[0] :
                "missing"));
        }
        final List<SimInstrument> instruments = new ArrayList<>(lines.length - 1);
        for (int i = 1; i < lines.length; i++)
        {
            if (lines[i].isBlank())
            {
                continue;
            }
            final String[] cells = lines[i].split(",", -1);
            if (cells.length != COLUMNS)
            {
                throw new IllegalArgumentException("line " + (i + 1) + " has " + cells.length + " columns");
            }
            final SimInstrument row = new SimInstrument(
                Long.parseLong(cells[0]),
                Long.parseLong(cells[1]),
                cells[2],
                cells[3],
                Math.round(Double.parseDouble(cells[4]) * 100.0),
                cells[5].isEmpty() ? null : LocalDate.parse(cells[5]),
                cells[6],
                Math.round(Double.parseDouble(cells[7]) * 100.0),
                Integer.parseInt(cells[8]),
                cells[9],
                cells[10],
                cells[11],
                0);
            instruments.add(row.withFreezeQuantity(freezeQuantity.applyAsInt(row)));
        }
        return instruments;
    }

    /**
     * @param instruments rows to write.
     * @return the CSV text with header, as {@code GET /instruments} serves it.
     */
    public static String write(final List<SimInstrument> instruments)
    {
        final StringBuilder csv = new StringBuilder(HEADER.length() + instruments.size() * 96);
        csv.append(HEADER).append('\n');
        for (final SimInstrument i : instruments)
        {
            csv.append(i.instrumentToken()).append(',')
                .append(i.exchangeToken()).append(',')
                .append(i.tradingSymbol()).append(',')
                .append(null == i.name() ? "" : i.name()).append(',')
                .append(i.lastPrice() / 100.0).append(',')
                .append(null == i.expiry() ? "" : i.expiry().toString()).append(',')
                .append(null == i.strike() ? "0.0" : i.strike()).append(',')
                .append(i.tickSize() / 100.0).append(',')
                .append(i.lotSize()).append(',')
                .append(i.instrumentType()).append(',')
                .append(i.segment()).append(',')
                .append(i.exchange()).append('\n');
        }
        return csv.toString();
    }
}
