package dev.vyuha.engine.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vyuha.engine.market.Underlying;
import dev.vyuha.reference.ReferenceData;
import dev.vyuha.reference.calendar.IndiaTime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Reads NSE option-chain API snapshots (../shared/data/1_option_chain/nse_option_chain_api) into ChainSnapshots.
 */
final class NseOptionChainFiles
{
    static final List<String> FILES = List.of(
        "NIFTY_2025-07-17_1530.json.gz", "NIFTY_2025-07-16_1530.json.gz", "BANKNIFTY_2025-07-17_1530.json.gz",
        "BANKNIFTY_2025-07-16_1530.json.gz", "NIFTY_2022-03-28_104719.json.gz", "NIFTY_2022-03-24_1530.json.gz",
        "BANKNIFTY_2022-03-28_1530.json.gz", "BANKNIFTY_2022-04-27_1530.json.gz", "NIFTY_2020-05-14_1530.json.gz",
        "BANKNIFTY_2020-05-14_1530.json.gz");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("dd-MMM-yyyy HH:mm:ss", Locale.ENGLISH);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MMM-yyyy", Locale.ENGLISH);

    private NseOptionChainFiles()
    {
    }

    static JsonNode read(final String file)
    {
        final Path path = ReferenceData.file("1_option_chain/nse_option_chain_api/" + file);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(path)))
        {
            return new ObjectMapper().readTree(in);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    static List<String> expiries(final JsonNode root)
    {
        final List<String> expiries = new ArrayList<>();
        root.get("records").get("expiryDates").forEach(node -> expiries.add(node.asText()));
        return expiries;
    }

    static double spot(final JsonNode root)
    {
        return root.get("records").get("underlyingValue").asDouble();
    }

    static long valuationNanos(final JsonNode root)
    {
        final LocalDateTime time = LocalDateTime.parse(root.get("records").get("timestamp").asText(), TIMESTAMP);
        return IndiaTime.epochNanos(time.toLocalDate(), time.toLocalTime());
    }

    /** Snapshot of one expiry; strikes with no CE and no PE are left out. */
    static ChainSnapshot snapshot(final String file, final JsonNode root, final String expiry)
    {
        final Underlying underlying = Underlying.valueOf(file.substring(0, file.indexOf('_')));
        final ChainSnapshot snapshot = new ChainSnapshot().reset(underlying,
            (int)LocalDate.parse(expiry, DATE).toEpochDay(), valuationNanos(root), paise(spot(root)), 0);
        final List<JsonNode> rows = new ArrayList<>();
        root.get("records").get("data").forEach(row ->
        {
            if (expiry.equals(row.get("expiryDate").asText()) && (row.has("CE") || row.has("PE")))
            {
                rows.add(row);
            }
        });
        rows.sort((a, b) -> Double.compare(a.get("strikePrice").asDouble(), b.get("strikePrice").asDouble()));
        for (final JsonNode row : rows)
        {
            final int i = snapshot.addStrike(paise(row.get("strikePrice").asDouble()));
            if (row.has("CE"))
            {
                final JsonNode ce = row.get("CE");
                snapshot.call(i, paise(ce.get("lastPrice").asDouble()), paise(ce.get("bidprice").asDouble()),
                    paise(ce.get("askPrice").asDouble()), Math.round(ce.get("openInterest").asDouble()),
                    Math.round(ce.get("totalTradedVolume").asDouble()));
            }
            if (row.has("PE"))
            {
                final JsonNode pe = row.get("PE");
                snapshot.put(i, paise(pe.get("lastPrice").asDouble()), paise(pe.get("bidprice").asDouble()),
                    paise(pe.get("askPrice").asDouble()), Math.round(pe.get("openInterest").asDouble()),
                    Math.round(pe.get("totalTradedVolume").asDouble()));
            }
        }
        return snapshot;
    }

    static JsonNode side(final JsonNode root, final String expiry, final double strike, final String side)
    {
        for (final JsonNode row : root.get("records").get("data"))
        {
            if (expiry.equals(row.get("expiryDate").asText()) && row.get("strikePrice").asDouble() == strike)
            {
                return row.get(side);
            }
        }
        return null;
    }

    static long paise(final double rupees)
    {
        return Math.round(rupees * 100.0);
    }
}
