package dev.vyuha.feed.synthetic;

import dev.vyuha.feed.instrument.Instrument;
import dev.vyuha.feed.instrument.InstrumentKind;
import dev.vyuha.feed.instrument.InstrumentUniverse;
import dev.vyuha.feed.instrument.OptionChain;
import dev.vyuha.feed.source.MarketDataSource;
import dev.vyuha.reference.calendar.IndiaTime;
import dev.vyuha.sbe.Underlying;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.Arrays;
import java.util.Locale;
import java.util.zip.CRC32C;

/**
 * What a synthetic day looks like: each index's open, range and close, ATM implied volatility and skew at the open
 * and the close, option premiums at the money, and how many ticks each kind of instrument got. Runs the whole day
 * through a fresh {@link SyntheticMarket} (a few seconds) and renders a plain-text report.
 */
public final class SyntheticDaySummary
{
    private SyntheticDaySummary()
    {
    }

    /**
     * @param settings the day.
     * @return the report.
     */
    public static String describe(final SyntheticSettings settings)
    {
        final SyntheticMarket market = new SyntheticMarket(settings);
        final StringBuilder out = new StringBuilder(4096);
        out.append(String.format(Locale.ROOT, "Synthetic day %s, seed %d: session %s-%s IST%n", settings.tradingDate(),
            settings.seed(), IndiaTime.time(market.openNs()), IndiaTime.time(market.closeNs())));
        final String[] openVols = new String[settings.underlyings().size()];
        int u = 0;
        for (final Underlying underlying : settings.underlyings())
        {
            openVols[u++] = volatilityLine(market, underlying);
        }
        final byte[] bytes = new byte[MarketDataSource.MAX_FRAME_LENGTH];
        final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
        final CRC32C digest = new CRC32C();
        final long started = System.nanoTime();
        int length;
        while ((length = market.next(buffer, 0)) != MarketDataSource.END_OF_DATA)
        {
            digest.update(bytes, 0, length);
        }
        final double seconds = (System.nanoTime() - started) / 1e9;
        u = 0;
        for (final Underlying underlying : settings.underlyings())
        {
            final double previous = settings.model(underlying).previousClose();
            final double[] range = market.indexRange(underlying);
            final double close = market.indexLevel(underlying);
            out.append(String.format(Locale.ROOT, "%n%s: previous close %.2f, open %.2f (gap %+.2f %%), high %.2f, "
                + "low %.2f, close %.2f (%+.2f %% on the day), range %.2f %%, %d jump(s)%n", underlying, previous,
                range[0], 100 * (range[0] / previous - 1), range[1], range[2], close, 100 * (close / range[0] - 1),
                100 * (range[1] - range[2]) / range[0], market.jumps(underlying)));
            out.append("  at the open:  ").append(openVols[u++]).append('\n');
            out.append("  at the close: ").append(volatilityLine(market, underlying)).append('\n');
        }
        out.append('\n').append(tickLines(market, seconds));
        out.append(String.format(Locale.ROOT, "Content digest (CRC32C of every frame): %08x%n", digest.getValue()));
        return out.toString();
    }

    private static String volatilityLine(final SyntheticMarket market, final Underlying underlying)
    {
        final InstrumentUniverse universe = market.universe();
        final StringBuilder line = new StringBuilder();
        final int ticking = Math.min(market.settings().tickingExpiries(), universe.chains(underlying).size());
        for (int c = 0; c < ticking; c++)
        {
            final OptionChain chain = universe.chains(underlying).get(c);
            final int atm = chain.atmIndex(Math.round(market.indexLevel(underlying) * 100));
            final double[] call = market.fairValue(chain.callId(atm));
            final double[] put = market.fairValue(chain.putId(atm));
            final double years = call[3];
            final double forward = call[2];
            final int below = chain.atmIndex(Math.round(forward * 0.97 * 100));
            final int above = chain.atmIndex(Math.round(forward * 1.03 * 100));
            line.append(String.format(Locale.ROOT, "%s%s (%.2f days): ATM %s CE %.2f / PE %.2f, IV %.1f %% "
                + "(3 %% OTM put %.1f %%, call %.1f %%)", c > 0 ? "; " : "", chain.expiry(), years * 365,
                strike(chain.strike(atm)), call[0], put[0], 100 * call[1], 100 * market.fairValue(chain.putId(below))[1],
                100 * market.fairValue(chain.callId(above))[1]));
        }
        return line.toString();
    }

    private static String tickLines(final SyntheticMarket market, final double seconds)
    {
        final InstrumentUniverse universe = market.universe();
        long index = 0;
        long futures = 0;
        long options = 0;
        int optionCount = 0;
        final long[] perOption = new long[universe.size()];
        for (int id = 0; id < universe.size(); id++)
        {
            final Instrument instrument = universe.instrument(id);
            final long count = market.tickCount(id);
            if (instrument.kind() == InstrumentKind.INDEX)
            {
                index += count;
            }
            else if (instrument.kind() == InstrumentKind.FUTURE)
            {
                futures += count;
            }
            else if (count > 0)
            {
                options += count;
                perOption[optionCount++] = count;
            }
        }
        final long[] sorted = Arrays.copyOf(perOption, optionCount);
        Arrays.sort(sorted);
        final long sessionSeconds = (market.closeNs() - market.openNs()) / 1_000_000_000L;
        final StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Ticks: %,d frames in all (generated in %.1f s, %,.0f frames/s)%n",
            market.frameCount(), seconds, market.frameCount() / seconds));
        out.append(String.format(Locale.ROOT, "  indices: %,d (one every %d ms each, %d s session)%n", index,
            market.settings().indexTickIntervalMs(), sessionSeconds));
        out.append(String.format(Locale.ROOT, "  nearest futures: %,d (%.1f a second each)%n", futures,
            futures / (double)market.settings().underlyings().size() / sessionSeconds));
        if (optionCount > 0)
        {
            out.append(String.format(Locale.ROOT, "  options: %,d over %d strikes that ticked; per option min %,d, "
                + "median %,d, max %,d (%.2f a second at the most active, %.2f at the median)%n", options, optionCount,
                sorted[0], sorted[optionCount / 2], sorted[optionCount - 1],
                sorted[optionCount - 1] / (double)sessionSeconds, sorted[optionCount / 2] / (double)sessionSeconds));
        }
        return out.toString();
    }

    private static String strike(final long paise)
    {
        return Long.toString(paise / 100);
    }
}
