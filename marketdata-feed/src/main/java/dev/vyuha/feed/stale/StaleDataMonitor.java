package dev.vyuha.feed.stale;

import dev.vyuha.feed.instrument.Instrument;
import dev.vyuha.feed.instrument.InstrumentKind;
import dev.vyuha.feed.instrument.InstrumentUniverse;
import dev.vyuha.feed.source.MarketDataFrames;
import dev.vyuha.reference.calendar.IndiaTime;
import dev.vyuha.reference.calendar.TradingCalendar;
import dev.vyuha.reference.calendar.TradingSession;
import dev.vyuha.sbe.DerivativeTickDecoder;
import dev.vyuha.sbe.FeedScope;
import dev.vyuha.sbe.FeedStateDecoder;
import dev.vyuha.sbe.FeedStatus;
import dev.vyuha.sbe.IndexTickDecoder;
import dev.vyuha.sbe.MessageHeaderDecoder;
import dev.vyuha.sbe.Underlying;
import org.agrona.DirectBuffer;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Locale;

/**
 * Decides when market data is stale, per instrument and per underlying, and when it recovers, from the frames a
 * source produces and the passing of data time (ARCHITECTURE.md §3: the engine stops entries on what this says):
 *
 * <ul>
 *   <li><b>silent instrument</b>: subscribed, in market hours, and no tick for {@code instrumentSilence};</li>
 *   <li><b>frozen option</b>: its price (mid of the top of book, else last price) unchanged for {@code frozenWindow}
 *   while its underlying's index moved at least {@code frozenMoveBps}; options cheaper than
 *   {@code frozenMinPricePaise} are exempt;</li>
 *   <li><b>silent underlying</b>: its index has not ticked for {@code underlyingSilence};</li>
 *   <li><b>recovered</b>: the next tick of a silent instrument or index, the next price change of a frozen option.</li>
 * </ul>
 *
 * Silence is counted from the latest of the last tick, the subscription, the session's open and the feed's last
 * recovery, so the first minutes of a day or of a reconnection are not mistaken for staleness. While the source says
 * the whole feed is stale ({@code FeedState} of FEED scope) nothing else is reported. Outside market hours nothing is
 * reported stale. Instruments outside the universe are ignored.
 *
 * <p>Feed it every frame ({@link #onFrame}) and call {@link #scanUntil} as data time passes; changes queue up in
 * {@link #pollEvent()} order. Ticks cost a few array stores; a scan walks the subscribed instruments. Single threaded.
 */
public final class StaleDataMonitor
{
    private static final long NEVER = Long.MIN_VALUE;
    private static final byte FRESH = 0;
    private static final byte SILENT = 1;
    private static final byte FROZEN = 2;

    private final InstrumentUniverse universe;
    private final TradingCalendar calendar;
    private final long instrumentSilenceNs;
    private final long underlyingSilenceNs;
    private final long frozenWindowNs;
    private final double frozenMove;
    private final long frozenMinPrice;
    private final long scanIntervalNs;

    private final boolean[] subscribed;
    private final long[] subscribedSinceNs;
    private final long[] lastTickNs;
    private final long[] referencePrice;
    private final long[] priceChangedNs;
    private final long[] indexAtChange;
    private final byte[] state;
    private final long[] indexLastPrice;
    private final boolean[] option;
    private final int[] indexIdOf;
    private final int[] watchedIndexIds;

    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final IndexTickDecoder indexTick = new IndexTickDecoder();
    private final DerivativeTickDecoder derivativeTick = new DerivativeTickDecoder();
    private final FeedStateDecoder feedState = new FeedStateDecoder();
    private final ArrayDeque<FeedStateEvent> events = new ArrayDeque<>();

    private boolean feedStale;
    private long feedRecoveredNs = NEVER;
    private long sessionDay = Long.MIN_VALUE;
    private long sessionOpenNs;
    private long sessionCloseNs;
    private long nextScanNs = NEVER;
    private long staleEvents;
    private long recoveredEvents;

    /**
     * @param universe every instrument that may tick.
     * @param calendar market hours.
     * @param settings thresholds.
     */
    public StaleDataMonitor(final InstrumentUniverse universe, final TradingCalendar calendar,
        final StaleDataSettings settings)
    {
        this.universe = universe;
        this.calendar = calendar;
        this.instrumentSilenceNs = settings.instrumentSilence().toNanos();
        this.underlyingSilenceNs = settings.underlyingSilence().toNanos();
        this.frozenWindowNs = settings.frozenWindow().toNanos();
        this.frozenMove = settings.frozenMoveBps() / 10_000.0;
        this.frozenMinPrice = settings.frozenMinPricePaise();
        this.scanIntervalNs = settings.scanInterval().toNanos();
        final int size = universe.size();
        subscribed = new boolean[size];
        subscribedSinceNs = new long[size];
        lastTickNs = new long[size];
        referencePrice = new long[size];
        priceChangedNs = new long[size];
        indexAtChange = new long[size];
        state = new byte[size];
        indexLastPrice = new long[size];
        option = new boolean[size];
        indexIdOf = new int[size];
        Arrays.fill(lastTickNs, NEVER);
        Arrays.fill(priceChangedNs, NEVER);
        int indices = 0;
        for (int id = 0; id < size; id++)
        {
            final Instrument instrument = universe.instrument(id);
            option[id] = instrument.isOption();
            indexIdOf[id] = universe.indexIdOf(id);
            if (instrument.kind() == InstrumentKind.INDEX)
            {
                indices++;
            }
        }
        watchedIndexIds = new int[indices];
        for (int id = 0, i = 0; id < size; id++)
        {
            if (universe.instrument(id).kind() == InstrumentKind.INDEX)
            {
                watchedIndexIds[i++] = id;
            }
        }
    }

    /**
     * @param token  now subscribed.
     * @param timeNs since when.
     */
    public void onSubscribed(final long token, final long timeNs)
    {
        final int id = universe.idOf(token);
        if (id != InstrumentUniverse.NOT_FOUND && !subscribed[id])
        {
            subscribed[id] = true;
            subscribedSinceNs[id] = timeNs;
        }
    }

    /**
     * @param token  no longer subscribed (a stale flag stays until it ticks again).
     * @param timeNs since when.
     */
    public void onUnsubscribed(final long token, final long timeNs)
    {
        final int id = universe.idOf(token);
        if (id != InstrumentUniverse.NOT_FOUND)
        {
            subscribed[id] = false;
        }
    }

    /**
     * Take note of a frame on its way out.
     *
     * @param buffer holding the frame.
     * @param offset of the frame.
     * @param timeNs its data time.
     */
    public void onFrame(final DirectBuffer buffer, final int offset, final long timeNs)
    {
        header.wrap(buffer, offset);
        final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        switch (header.templateId())
        {
            case IndexTickDecoder.TEMPLATE_ID ->
            {
                indexTick.wrap(buffer, body, header.blockLength(), header.version());
                onIndexTick(indexTick.instrumentToken(), indexTick.lastPrice(), timeNs);
            }
            case DerivativeTickDecoder.TEMPLATE_ID ->
            {
                derivativeTick.wrap(buffer, body, header.blockLength(), header.version());
                onDerivativeTick(timeNs);
            }
            case FeedStateDecoder.TEMPLATE_ID ->
            {
                feedState.wrap(buffer, body, header.blockLength(), header.version());
                if (feedState.scope() == FeedScope.FEED)
                {
                    onFeedState(feedState.status() == FeedStatus.STALE, timeNs);
                }
            }
            default ->
            {
            }
        }
    }

    /**
     * Check silences and freezes at every scan instant up to {@code timeNs} (inclusive), skipping time outside
     * market hours.
     *
     * @param timeNs data time reached.
     */
    public void scanUntil(final long timeNs)
    {
        if (nextScanNs == NEVER)
        {
            nextScanNs = timeNs - Math.floorMod(timeNs, scanIntervalNs) + scanIntervalNs;
            return;
        }
        while (nextScanNs <= timeNs)
        {
            final long at = nextScanNs;
            scan(at);
            nextScanNs = at + scanIntervalNs;
            if (!isOpen(at) && timeNs - nextScanNs > scanIntervalNs)
            {
                // Nothing to check while the market is shut: jump to the next open (or to now).
                final long open = nextOpenAfter(at);
                final long jump = Math.min(open, timeNs);
                if (jump > nextScanNs)
                {
                    nextScanNs = jump - Math.floorMod(jump, scanIntervalNs);
                    if (nextScanNs < jump)
                    {
                        nextScanNs += scanIntervalNs;
                    }
                }
            }
        }
    }

    /**
     * @return the next feed-state change found, or null.
     */
    public FeedStateEvent pollEvent()
    {
        return events.poll();
    }

    /**
     * @return true if changes are waiting in {@link #pollEvent()}.
     */
    public boolean hasEvents()
    {
        return !events.isEmpty();
    }

    /**
     * @return the instant of the next scan, or {@link Long#MIN_VALUE} before the first frame.
     */
    public long nextScanNs()
    {
        return nextScanNs;
    }

    /**
     * @param token an instrument.
     * @return true if it is flagged stale (silent or frozen).
     */
    public boolean isStale(final long token)
    {
        final int id = universe.idOf(token);
        return id != InstrumentUniverse.NOT_FOUND && state[id] != FRESH;
    }

    /**
     * @param underlying an index.
     * @return true if the index is flagged silent.
     */
    public boolean isStale(final Underlying underlying)
    {
        final int id = universe.indexId(underlying);
        return id != InstrumentUniverse.NOT_FOUND && state[id] != FRESH;
    }

    /** @return STALE events raised. */
    public long staleEvents()
    {
        return staleEvents;
    }

    /** @return RECOVERED events raised. */
    public long recoveredEvents()
    {
        return recoveredEvents;
    }

    private void onIndexTick(final long token, final long price, final long timeNs)
    {
        final int id = universe.idOf(token);
        if (id == InstrumentUniverse.NOT_FOUND)
        {
            return;
        }
        lastTickNs[id] = timeNs;
        indexLastPrice[id] = price;
        if (state[id] != FRESH)
        {
            state[id] = FRESH;
            final Instrument index = universe.instrument(id);
            raise(new FeedStateEvent(timeNs, FeedScope.UNDERLYING, FeedStatus.RECOVERED, 0, index.underlying(),
                timeNs, index.underlying() + " index ticks again"));
        }
    }

    private void onDerivativeTick(final long timeNs)
    {
        final int id = universe.idOf(derivativeTick.instrumentToken());
        if (id == InstrumentUniverse.NOT_FOUND)
        {
            return;
        }
        long price = derivativeTick.lastPrice();
        final long bid = derivativeTick.bidDepth() > 0 ? derivativeTick.bidPrice(0) : 0;
        final long ask = derivativeTick.askDepth() > 0 ? derivativeTick.askPrice(0) : 0;
        if (bid > 0 && ask > 0)
        {
            price = (bid + ask) / 2;
        }
        final long previousTickNs = lastTickNs[id];
        lastTickNs[id] = timeNs;
        final boolean changed = price != referencePrice[id];
        if (changed)
        {
            referencePrice[id] = price;
            priceChangedNs[id] = timeNs;
            final int indexId = indexIdOf[id];
            indexAtChange[id] = indexId == InstrumentUniverse.NOT_FOUND ? 0 : indexLastPrice[indexId];
        }
        final byte was = state[id];
        if (was == SILENT || (was == FROZEN && changed))
        {
            state[id] = FRESH;
            final String reason = was == SILENT ?
                "ticks again after " + seconds(timeNs - Math.max(previousTickNs, sessionOpenNs)) + " s" :
                "price moves again (" + rupees(price) + ")";
            raise(new FeedStateEvent(timeNs, FeedScope.INSTRUMENT, FeedStatus.RECOVERED,
                universe.instrument(id).token(), Underlying.NULL_VAL, timeNs, reason));
        }
    }

    private void onFeedState(final boolean stale, final long timeNs)
    {
        feedStale = stale;
        if (!stale)
        {
            feedRecoveredNs = timeNs;
        }
    }

    private void scan(final long nowNs)
    {
        if (!isOpen(nowNs) || feedStale)
        {
            return;
        }
        final long floor = Math.max(sessionOpenNs, feedRecoveredNs);
        for (final int id : watchedIndexIds)
        {
            if (subscribed[id] && state[id] == FRESH)
            {
                final long since = Math.max(Math.max(lastTickNs[id], subscribedSinceNs[id]), floor);
                if (nowNs - since >= underlyingSilenceNs)
                {
                    state[id] = SILENT;
                    final Underlying underlying = universe.instrument(id).underlying();
                    raise(new FeedStateEvent(nowNs, FeedScope.UNDERLYING, FeedStatus.STALE, 0, underlying,
                        nullable(lastTickNs[id]), "no " + underlying + " index tick for " + seconds(nowNs - since)
                        + " s (threshold " + seconds(underlyingSilenceNs) + " s)"));
                }
            }
        }
        for (int id = 0, size = subscribed.length; id < size; id++)
        {
            if (!subscribed[id] || state[id] != FRESH || universe.instrument(id).kind() == InstrumentKind.INDEX)
            {
                continue;
            }
            final long since = Math.max(Math.max(lastTickNs[id], subscribedSinceNs[id]), floor);
            if (nowNs - since >= instrumentSilenceNs)
            {
                state[id] = SILENT;
                raise(new FeedStateEvent(nowNs, FeedScope.INSTRUMENT, FeedStatus.STALE, universe.instrument(id).token(),
                    Underlying.NULL_VAL, nullable(lastTickNs[id]), "no tick for " + seconds(nowNs - since)
                    + " s (threshold " + seconds(instrumentSilenceNs) + " s)"));
            }
            else if (option[id])
            {
                checkFrozen(id, nowNs, floor);
            }
        }
    }

    private void checkFrozen(final int id, final long nowNs, final long floor)
    {
        final int indexId = indexIdOf[id];
        if (indexId == InstrumentUniverse.NOT_FOUND || indexLastPrice[indexId] <= 0
            || referencePrice[id] < frozenMinPrice || lastTickNs[id] == NEVER)
        {
            return;
        }
        if (priceChangedNs[id] < floor || indexAtChange[id] <= 0)
        {
            // A new session (or feed recovery): measure from now against the index as it is now.
            priceChangedNs[id] = nowNs;
            indexAtChange[id] = indexLastPrice[indexId];
            return;
        }
        final long still = nowNs - Math.max(priceChangedNs[id], subscribedSinceNs[id]);
        if (still < frozenWindowNs)
        {
            return;
        }
        final double move = Math.abs(indexLastPrice[indexId] - indexAtChange[id]) / (double)indexAtChange[id];
        if (move >= frozenMove)
        {
            state[id] = FROZEN;
            final Instrument instrument = universe.instrument(id);
            raise(new FeedStateEvent(nowNs, FeedScope.INSTRUMENT, FeedStatus.STALE, instrument.token(),
                Underlying.NULL_VAL, nullable(lastTickNs[id]), "frozen at " + rupees(referencePrice[id]) + " for "
                + seconds(still) + " s while " + instrument.underlying() + " moved "
                + String.format(Locale.ROOT, "%.2f", move * 100) + " %"));
        }
    }

    private void raise(final FeedStateEvent event)
    {
        if (event.status() == FeedStatus.STALE)
        {
            staleEvents++;
        }
        else
        {
            recoveredEvents++;
        }
        events.add(event);
    }

    private boolean isOpen(final long timeNs)
    {
        final long day = IndiaTime.epochDay(timeNs);
        if (day != sessionDay)
        {
            sessionDay = day;
            final TradingSession session = calendar.session(day);
            if (null != session && session.hasHours())
            {
                sessionOpenNs = IndiaTime.epochNanos(day, session.open().toNanoOfDay());
                sessionCloseNs = IndiaTime.epochNanos(day, session.close().toNanoOfDay());
            }
            else
            {
                sessionOpenNs = Long.MAX_VALUE;
                sessionCloseNs = Long.MIN_VALUE;
            }
        }
        return timeNs >= sessionOpenNs && timeNs <= sessionCloseNs;
    }

    private long nextOpenAfter(final long timeNs)
    {
        long day = IndiaTime.epochDay(timeNs);
        for (int i = 0; i < 30; i++, day++)
        {
            final TradingSession session = calendar.session(day);
            if (null != session && session.hasHours())
            {
                final long open = IndiaTime.epochNanos(day, session.open().toNanoOfDay());
                if (open > timeNs)
                {
                    return open;
                }
            }
        }
        return Long.MAX_VALUE;
    }

    private static long nullable(final long timeNs)
    {
        return timeNs == NEVER ? MarketDataFrames.NULL_TIME : timeNs;
    }

    private static String seconds(final long nanos)
    {
        return Long.toString(Math.round(nanos / 1e9));
    }

    private static String rupees(final long paise)
    {
        return String.format(Locale.ROOT, "%d.%02d", paise / 100, Math.abs(paise % 100));
    }
}
