package dev.vyuha.feed.kite;

import dev.vyuha.feed.instrument.IndexFacts;
import dev.vyuha.feed.instrument.Instrument;
import dev.vyuha.feed.instrument.InstrumentUniverse;
import dev.vyuha.feed.instrument.KiteInstrumentsCsv;
import dev.vyuha.sbe.Underlying;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The live feed's instruments of the day: the index derivatives of the chosen underlyings from Kite's instruments dump
 * (a file, or {@code GET /instruments/NFO} and {@code /instruments/BFO} as needed) that have not expired, plus the
 * indices themselves from {@link IndexFacts}. The dump is fetched with plain HTTP rather than the SDK, whose
 * {@code getInstruments} leaves a temporary file and an open reader behind on every call (KITE.md §6).
 */
public final class KiteInstruments
{
    private static final Logger LOG = LoggerFactory.getLogger(KiteInstruments.class);

    private KiteInstruments()
    {
    }

    /**
     * @param file        a Kite instruments dump.
     * @param underlyings the underlyings to keep.
     * @param today       the trading date.
     * @return the universe.
     */
    public static InstrumentUniverse fromFile(final Path file, final Set<Underlying> underlyings, final LocalDate today)
    {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            return universe(List.of(KiteInstrumentsCsv.read(reader, file.toString(), underlyings)), underlyings,
                today);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read the instruments dump " + file, ex);
        }
    }

    /**
     * @param rootUrl     Kite's REST root.
     * @param apiKey      the app's api key.
     * @param accessToken the session's access token (sent, never logged).
     * @param underlyings the underlyings to keep.
     * @param today       the trading date.
     * @param timeout     per request.
     * @return the universe.
     * @throws IllegalStateException if Kite does not answer with the dump.
     */
    public static InstrumentUniverse download(final String rootUrl, final String apiKey, final String accessToken,
        final Set<Underlying> underlyings, final LocalDate today, final Duration timeout)
    {
        final Set<String> exchanges = new LinkedHashSet<>();
        for (final Underlying underlying : underlyings)
        {
            exchanges.add(IndexFacts.derivativesExchange(underlying));
        }
        final HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
        final List<KiteInstrumentsCsv.Result> results = new ArrayList<>();
        final String root = rootUrl.endsWith("/") ? rootUrl.substring(0, rootUrl.length() - 1) : rootUrl;
        for (final String exchange : exchanges)
        {
            final HttpRequest request = HttpRequest.newBuilder(URI.create(root + "/instruments/" + exchange))
                .timeout(timeout)
                .header("X-Kite-Version", "3")
                .header("Authorization", "token " + apiKey + ":" + accessToken)
                .GET()
                .build();
            final HttpResponse<String> response;
            try
            {
                response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            }
            catch (final IOException ex)
            {
                throw new IllegalStateException("instruments dump of " + exchange + " not fetched: " + ex, ex);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while fetching the instruments dump", ex);
            }
            final String type = response.headers().firstValue("Content-Type").orElse("");
            if (response.statusCode() != 200 || !type.contains("csv"))
            {
                throw new IllegalStateException("instruments dump of " + exchange + " refused: HTTP "
                    + response.statusCode() + " " + type);
            }
            results.add(KiteInstrumentsCsv.read(new StringReader(response.body()), root + "/instruments/" + exchange,
                underlyings));
        }
        return universe(results, underlyings, today);
    }

    private static InstrumentUniverse universe(final List<KiteInstrumentsCsv.Result> results,
        final Set<Underlying> underlyings, final LocalDate today)
    {
        final List<Instrument> instruments = new ArrayList<>();
        final Set<Underlying> withIndex = EnumSet.noneOf(Underlying.class);
        int expired = 0;
        for (final KiteInstrumentsCsv.Result result : results)
        {
            if (!result.rejected().isEmpty())
            {
                LOG.warn("{} malformed instrument rows skipped, first: {}", result.rejected().size(),
                    result.rejected().get(0));
            }
            for (final Instrument instrument : result.instruments())
            {
                if (null == instrument.expiry())
                {
                    withIndex.add(instrument.underlying());
                    instruments.add(instrument);
                }
                else if (instrument.expiry().isBefore(today))
                {
                    expired++;
                }
                else
                {
                    instruments.add(instrument);
                }
            }
        }
        for (final Underlying underlying : underlyings)
        {
            if (!withIndex.contains(underlying))
            {
                instruments.add(0, Instrument.index(IndexFacts.indexToken(underlying),
                    IndexFacts.indexSymbol(underlying), underlying, IndexFacts.indexExchange(underlying)));
            }
        }
        LOG.info("{} instruments for {} on {} ({} expired contracts skipped)", instruments.size(), underlyings, today,
            expired);
        return new InstrumentUniverse(instruments);
    }
}
