package dev.vyuha.feed;

import dev.vyuha.feed.bars.BarReplay;
import dev.vyuha.feed.bars.BarSeries;
import dev.vyuha.feed.bars.MinuteBarFiles;
import dev.vyuha.feed.instrument.Instrument;
import dev.vyuha.feed.instrument.InstrumentKind;
import dev.vyuha.feed.instrument.InstrumentUniverse;
import dev.vyuha.feed.kite.KiteFeedSettings;
import dev.vyuha.feed.kite.KiteInstruments;
import dev.vyuha.feed.kite.KiteTickSource;
import dev.vyuha.feed.recording.RecordedFrameSource;
import dev.vyuha.feed.source.MarketDataSource;
import dev.vyuha.feed.stale.StaleDataGuard;
import dev.vyuha.feed.stale.StaleDataMonitor;
import dev.vyuha.feed.synthetic.SyntheticMarket;
import dev.vyuha.feed.synthetic.SyntheticSettings;
import dev.vyuha.sbe.Underlying;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Builds the source a {@link FeedContext} describes, with stale-data detection when it is on and the source knows its
 * instruments: what the {@link Feed} publishes, and what a backtest pulls directly (no Aeron, no threads):
 *
 * <pre>{@code
 * FeedSources.Opened opened = FeedSources.open(new FeedContext().speed("max").date(day).conclude());
 * UnsafeBuffer buffer = new UnsafeBuffer(new byte[MarketDataSource.MAX_FRAME_LENGTH]);
 * int length;
 * while ((length = opened.source().next(buffer, 0)) != MarketDataSource.END_OF_DATA) {
 *     engine.onFrame(buffer, 0, length, opened.source().frameTimeNs());
 * }
 * }</pre>
 */
public final class FeedSources
{
    private static final Logger LOG = LoggerFactory.getLogger(FeedSources.class);

    /**
     * A source ready to pull.
     *
     * @param source   the frames (guarded by stale-data detection when enabled).
     * @param universe the instruments it may tick, or null when unknown (recordings).
     * @param master   the futures and options to load into the engine as its instrument master (Kite's format via
     *                 {@code KiteInstrumentsCsv}), or null when the engine gets them elsewhere (live Kite, recordings).
     */
    public record Opened(MarketDataSource source, InstrumentUniverse universe, List<Instrument> master)
    {
    }

    private FeedSources()
    {
    }

    /**
     * @param context concluded configuration.
     * @return the source.
     */
    public static Opened open(final FeedContext context)
    {
        context.conclude();
        final Opened raw = null != context.source() ? given(context.source()) : build(context);
        if (!context.staleEnabled() || null == raw.universe() || context.sourceKind() == FeedSourceKind.RECORDING)
        {
            return raw;
        }
        final StaleDataMonitor monitor = new StaleDataMonitor(raw.universe(), context.calendar(),
            context.staleDataSettings());
        return new Opened(new StaleDataGuard(raw.source(), monitor, context.epochNanoClock()), raw.universe(),
            raw.master());
    }

    private static Opened given(final MarketDataSource source)
    {
        if (source instanceof SyntheticMarket market)
        {
            return new Opened(market, market.universe(), market.instrumentMaster().derivatives());
        }
        if (source instanceof BarReplay replay)
        {
            return new Opened(replay, replay.universe(), derivatives(replay.universe()));
        }
        if (source instanceof KiteTickSource kite)
        {
            return new Opened(kite, kite.universe(), null);
        }
        return new Opened(source, null, null);
    }

    private static Opened build(final FeedContext context)
    {
        return switch (context.sourceKind())
        {
            case SYNTHETIC ->
            {
                final SyntheticMarket market = new SyntheticMarket(syntheticSettings(context));
                yield new Opened(market, market.universe(), market.instrumentMaster().derivatives());
            }
            case BARS ->
            {
                final List<Path> paths = new ArrayList<>();
                for (final String path : context.barsFiles().split(","))
                {
                    if (!path.isBlank())
                    {
                        paths.add(Path.of(path.strip()));
                    }
                }
                final List<BarSeries> series = new ArrayList<>();
                for (final MinuteBarFiles.Read read : MinuteBarFiles.readAll(paths, context.calendar()))
                {
                    if (!read.rejected().isEmpty())
                    {
                        LOG.warn("{}: {} malformed rows skipped, first: {}", read.series().source(),
                            read.rejected().size(), read.rejected().get(0));
                    }
                    series.add(read.series());
                }
                final BarReplay replay = new BarReplay(series, context.date(), context.barsBookTicks(),
                    context.barsBookLots());
                yield new Opened(replay, replay.universe(), derivatives(replay.universe()));
            }
            case KITE ->
            {
                final EnumSet<Underlying> underlyings = EnumSet.copyOf(context.underlyings());
                final InstrumentUniverse universe = null != context.masterFile() ?
                    KiteInstruments.fromFile(Path.of(context.masterFile()), underlyings, context.date()) :
                    KiteInstruments.download(context.kiteRootUrl(), context.kiteApiKey(),
                        context.kiteAccessToken().get(), underlyings, context.date(), context.kiteHttpTimeout());
                final KiteTickSource kite = KiteTickSource.create(new KiteFeedSettings(context.kiteApiKey(),
                    context.kiteAccessToken(), context.kiteTickerUrl(), context.kiteMode(), context.kiteSilence(),
                    context.kiteReconnectInitial(), context.kiteReconnectMax(), context.kiteRingBytes()), universe,
                    context.underlyings(), context.date(), context.expiries(), context.strikesAroundAtm(),
                    context.recenterStrikes(), context.epochNanoClock());
                yield new Opened(kite, universe, null);
            }
            case RECORDING -> new Opened(RecordedFrameSource.open(Path.of(context.recordingFile()),
                !context.recordingAll(), context.recordingKeepHeaders()), null, null);
        };
    }

    /**
     * @param context concluded configuration.
     * @return the synthetic day it describes.
     */
    public static SyntheticSettings syntheticSettings(final FeedContext context)
    {
        context.conclude();
        return new SyntheticSettings()
            .tradingDate(context.date())
            .seed(context.seed())
            .underlyings(context.underlyings())
            .calendar(context.calendar())
            .ticking(context.expiries(), context.strikesAroundAtm(), context.recenterStrikes());
    }

    private static List<Instrument> derivatives(final InstrumentUniverse universe)
    {
        return universe.instruments().stream().filter(i -> i.kind() != InstrumentKind.INDEX).toList();
    }
}
