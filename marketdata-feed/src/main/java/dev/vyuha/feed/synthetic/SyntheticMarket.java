package dev.vyuha.feed.synthetic;

import dev.vyuha.feed.instrument.ContractSpecs;
import dev.vyuha.feed.instrument.Instrument;
import dev.vyuha.feed.instrument.InstrumentKind;
import dev.vyuha.feed.instrument.InstrumentUniverse;
import dev.vyuha.feed.instrument.OptionChain;
import dev.vyuha.feed.source.MarketDataFrames;
import dev.vyuha.feed.source.MarketDataSource;
import dev.vyuha.feed.source.SubscriptionListener;
import dev.vyuha.reference.calendar.IndiaTime;
import dev.vyuha.reference.calendar.TradingCalendar;
import dev.vyuha.reference.calendar.TradingSession;
import dev.vyuha.reference.pricing.Black76;
import dev.vyuha.sbe.DerivativeTickEncoder;
import dev.vyuha.sbe.TickMode;
import dev.vyuha.sbe.Underlying;
import org.agrona.MutableDirectBuffer;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * A synthetic trading day of NIFTY and BANKNIFTY, generated tick by tick in time order: the indices follow
 * {@link MarketPath}; options are priced with Black-76 on the forward off a {@link VolatilitySurface} (term structure,
 * SSVI smile, IV rising as the spot falls), quoted with five levels of depth whose spread widens away from the money
 * and with later expiries, traded at the bid or the ask with volume, VWAP and open interest that starts from a
 * realistic profile (peaks at out-of-the-money round strikes, calls above the spot and puts below). Indices tick every
 * second, the nearest future a few times a second, options at rates that fall away from the money (with a maximum
 * gap, as a quoted book refreshes), all busier at the open and the close.
 *
 * <p>What ticks is what a live feed would subscribe: the index, the nearest future, and the strikes around ATM of the
 * nearest expiries, re-centred as the spot moves (announced through {@link #subscriptions}). The instrument master
 * lists more ({@link #instrumentMaster()}).
 *
 * <p>Reproducible: the same settings (date, seed, everything) give the same frames. Pull frames with {@link #next};
 * the command headers stay zero and every frame is in FULL mode with its exchange timestamp set to its data time.
 */
public final class SyntheticMarket implements MarketDataSource
{
    private static final double MIN_YEARS = 60.0 / (365.0 * 86_400.0);
    private static final long SUBSCRIBE_SPREAD_NS = 500_000_000L;
    private static final int DEPTH = 5;
    private static final long PATH_STREAM = 1;
    private static final long MICRO_STREAM = 2;

    private final SyntheticSettings settings;
    private final SyntheticInstrumentMaster master;
    private final InstrumentUniverse universe;
    private final MarketPath path;
    private final SeededRandom random;
    private final MarketDataFrames frames = new MarketDataFrames();
    private final TickSchedule schedule = new TickSchedule();
    private final long openNs;
    private final long closeNs;
    private final double rate;

    // per underlying (path index)
    private final Underlying[] underlyings;
    private final UnderlyingModel[] models;
    private final VolatilitySurface[] surfaces;
    private final int[] indexIds;
    private final long[] indexOpen;
    private final long[] indexHigh;
    private final long[] indexLow;
    private final long[] previousCloses;
    private final OptionChain[][] tickingChains;
    private final int[][] windowCentres;

    // per instrument (dense id)
    private final int[] pathIndex;
    private final InstrumentKind[] kinds;
    private final double[] strikes;
    private final long[] expiryNs;
    private final int[] lots;
    private final long[] ticks;
    private final int[] ranks;
    private final boolean[] active;
    private final int[] generations;
    private final long[] lastPrice;
    private final long[] open;
    private final long[] high;
    private final long[] low;
    private final int[] lastQuantity;
    private final long[] lastTradeNs;
    private final long[] volume;
    private final double[] turnover;
    private final long[] openInterest;
    private final long[] openInterestHigh;
    private final long[] openInterestLow;
    private final long[] previousClose;
    private final long[] tickCounts;

    private final long[] bidPrices = new long[DEPTH];
    private final long[] askPrices = new long[DEPTH];
    private final int[] bidQuantities = new int[DEPTH];
    private final int[] askQuantities = new int[DEPTH];

    private long pricedBid;
    private long pricedAsk;
    private double pricedNearness;

    private SubscriptionListener listener = SubscriptionListener.NONE;
    private boolean started;
    private boolean ended;
    private long frameTimeNs;
    private long frameCount;

    /**
     * @param settings what day to generate (concluded here).
     */
    public SyntheticMarket(final SyntheticSettings settings)
    {
        this.settings = settings.conclude();
        this.master = SyntheticInstrumentMaster.build(settings);
        this.universe = new InstrumentUniverse(master.instruments());
        final TradingCalendar calendar = settings.calendar();
        final LocalDate date = settings.tradingDate();
        final TradingSession session = calendar.session(date);
        this.openNs = IndiaTime.epochNanos(date, session.open());
        this.closeNs = IndiaTime.epochNanos(date, session.close());
        this.rate = settings.riskFreeRate();
        final long day = date.toEpochDay();

        final List<Underlying> list = settings.underlyings();
        final int count = list.size();
        underlyings = list.toArray(new Underlying[0]);
        models = new UnderlyingModel[count];
        surfaces = new VolatilitySurface[count];
        indexIds = new int[count];
        indexOpen = new long[count];
        indexHigh = new long[count];
        indexLow = new long[count];
        previousCloses = new long[count];
        tickingChains = new OptionChain[count][];
        windowCentres = new int[count][];
        for (int u = 0; u < count; u++)
        {
            models[u] = settings.model(underlyings[u]);
            surfaces[u] = new VolatilitySurface(models[u]);
            indexIds[u] = universe.indexId(underlyings[u]);
            previousCloses[u] = toTick(models[u].previousClose() * 100, 5);
            final List<OptionChain> chains = universe.chains(underlyings[u]);
            final int ticking = Math.min(settings.tickingExpiries(), chains.size());
            tickingChains[u] = chains.subList(0, ticking).toArray(new OptionChain[0]);
            windowCentres[u] = new int[ticking];
        }
        this.path = new MarketPath(models, settings.correlation(), openNs, closeNs,
            new SeededRandom(SeededRandom.mix(settings.seed(), day, PATH_STREAM)));
        this.random = new SeededRandom(SeededRandom.mix(settings.seed(), day, MICRO_STREAM));

        final int size = universe.size();
        pathIndex = new int[size];
        kinds = new InstrumentKind[size];
        strikes = new double[size];
        expiryNs = new long[size];
        lots = new int[size];
        ticks = new long[size];
        ranks = new int[size];
        active = new boolean[size];
        generations = new int[size];
        lastPrice = new long[size];
        open = new long[size];
        high = new long[size];
        low = new long[size];
        lastQuantity = new int[size];
        lastTradeNs = new long[size];
        volume = new long[size];
        turnover = new double[size];
        openInterest = new long[size];
        openInterestHigh = new long[size];
        openInterestLow = new long[size];
        previousClose = new long[size];
        tickCounts = new long[size];
        final long previousCloseNs = previousSessionClose(calendar, date);
        for (int id = 0; id < size; id++)
        {
            setUp(id, calendar, previousCloseNs);
        }
    }

    private void setUp(final int id, final TradingCalendar calendar, final long previousCloseNs)
    {
        final Instrument instrument = universe.instrument(id);
        int u = 0;
        while (underlyings[u] != instrument.underlying())
        {
            u++;
        }
        pathIndex[id] = u;
        kinds[id] = instrument.kind();
        lots[id] = instrument.lotSize();
        ticks[id] = instrument.tickSizePaise();
        lastTradeNs[id] = MarketDataFrames.NULL_TIME;
        if (instrument.kind() == InstrumentKind.INDEX)
        {
            previousClose[id] = previousCloses[u];
            return;
        }
        final TradingSession expirySession = calendar.session(instrument.expiry());
        final LocalTime expiryTime = null != expirySession && expirySession.hasHours() ? expirySession.close() :
            LocalTime.of(15, 30);
        expiryNs[id] = IndiaTime.epochNanos(instrument.expiry(), expiryTime);
        strikes[id] = instrument.strikePaise() / 100.0;
        ranks[id] = rankOf(instrument);
        final UnderlyingModel model = models[u];
        final double previousYears = Math.max(MIN_YEARS, (expiryNs[id] - previousCloseNs) / MarketPath.YEAR_NS);
        final double spot = model.previousClose();
        final double forward = spot * Math.exp((rate - model.dividendYield()) * previousYears);
        final double fair;
        if (instrument.kind() == InstrumentKind.FUTURE)
        {
            fair = forward;
            openInterest[id] = ranks[id] == 0 ? (long)(model.nearOpenInterestLots() * 1.5) * lots[id] :
                (long)(model.nearOpenInterestLots() * 0.3 / ranks[id]) * lots[id];
        }
        else
        {
            final double vol = surfaces[u].impliedVol(Math.log(strikes[id] / forward), previousYears, 1.0);
            fair = Black76.price(forward, strikes[id], previousYears, vol, rate, instrument.kind() ==
                InstrumentKind.CALL);
            openInterest[id] = openInterestProfile(id, model, previousYears);
        }
        previousClose[id] = Math.max(ticks[id], toTick(fair * 100, ticks[id]));
        lastPrice[id] = previousClose[id];
        openInterestHigh[id] = openInterest[id];
        openInterestLow[id] = openInterest[id];
    }

    private int rankOf(final Instrument instrument)
    {
        if (instrument.kind() == InstrumentKind.FUTURE)
        {
            return universe.futureIds(instrument.underlying()).indexOf(universe.idOf(instrument.token()));
        }
        final List<OptionChain> chains = universe.chains(instrument.underlying());
        for (int rank = 0; rank < chains.size(); rank++)
        {
            if (chains.get(rank).expiry().equals(instrument.expiry()))
            {
                return rank;
            }
        }
        return chains.size();
    }

    private long openInterestProfile(final int id, final UnderlyingModel model, final double years)
    {
        final double logMoneyness = Math.log(strikes[id] / model.previousClose());
        final boolean call = kinds[id] == InstrumentKind.CALL;
        final boolean outOfTheMoney = call ? logMoneyness >= 0 : logMoneyness <= 0;
        final double distance = Math.abs(logMoneyness);
        final double width = 0.02 * Math.sqrt(Math.max(years, 1.0 / 365) / (7.0 / 365));
        final double shape = outOfTheMoney ? Math.exp(-distance / width) : Math.exp(-distance / 0.004);
        final long strikePaise = Math.round(strikes[id] * 100);
        final long step = ContractSpecs.strikeStepPaise(model.underlying());
        final double roundness = strikePaise % (10 * step) == 0 ? 1.6 : strikePaise % (2 * step) == 0 ? 1.15 : 1.0;
        final double expiryWeight = ranks[id] == 0 ? 1.0 : 0.35 / ranks[id];
        final double lots = model.nearOpenInterestLots() * expiryWeight * shape * roundness
            * Math.exp(0.25 * random.nextGaussian());
        return Math.round(lots) * this.lots[id];
    }

    private static long previousSessionClose(final TradingCalendar calendar, final LocalDate date)
    {
        final LocalDate previous = calendar.previousTradingDay(date);
        final TradingSession session = calendar.session(previous);
        return IndiaTime.epochNanos(previous, null != session && session.hasHours() ? session.close() :
            LocalTime.of(15, 30));
    }

    /** @return the settings. */
    public SyntheticSettings settings()
    {
        return settings;
    }

    /** @return the day's instrument master (futures and options: the CSV; indices too). */
    public SyntheticInstrumentMaster instrumentMaster()
    {
        return master;
    }

    /** @return every instrument that may tick. */
    public InstrumentUniverse universe()
    {
        return universe;
    }

    /** @return session open, epoch ns. */
    public long openNs()
    {
        return openNs;
    }

    /** @return session close, epoch ns. */
    public long closeNs()
    {
        return closeNs;
    }

    /** @return frames returned so far. */
    public long frameCount()
    {
        return frameCount;
    }

    /**
     * @param id dense id.
     * @return ticks generated for that instrument so far.
     */
    public long tickCount(final int id)
    {
        return tickCounts[id];
    }

    /**
     * @param underlying an underlying.
     * @return its index level now, rupees.
     */
    public double indexLevel(final Underlying underlying)
    {
        return path.level(pathIndexOf(underlying));
    }

    /**
     * @param underlying an underlying.
     * @return {open, high, low} of the latent index so far, rupees.
     */
    public double[] indexRange(final Underlying underlying)
    {
        final int u = pathIndexOf(underlying);
        return new double[] {path.openLevel(u), path.high(u), path.low(u)};
    }

    /**
     * @param underlying an underlying.
     * @return jumps scheduled in its day.
     */
    public int jumps(final Underlying underlying)
    {
        return path.jumps(pathIndexOf(underlying));
    }

    /**
     * The model's fair value of an option or future now (for tests and summaries).
     *
     * @param id dense id of a derivative.
     * @return {fair price, implied volatility, forward, years to expiry}, rupees.
     */
    public double[] fairValue(final int id)
    {
        final int u = pathIndex[id];
        final double years = Math.max(MIN_YEARS, (expiryNs[id] - frameTimeOrOpen()) / MarketPath.YEAR_NS);
        final double spot = path.level(u);
        final double forward = spot * Math.exp((rate - models[u].dividendYield()) * years);
        if (kinds[id] == InstrumentKind.FUTURE)
        {
            return new double[] {forward, 0, forward, years};
        }
        final double vol = surfaces[u].impliedVol(Math.log(strikes[id] / forward), years, levelFactor(u));
        return new double[] {Black76.price(forward, strikes[id], years, vol, rate, kinds[id] == InstrumentKind.CALL),
            vol, forward, years};
    }

    /**
     * @param underlying an underlying.
     * @param years      time to expiry.
     * @return ATM implied volatility now for that maturity.
     */
    public double atmImpliedVol(final Underlying underlying, final double years)
    {
        final int u = pathIndexOf(underlying);
        return surfaces[u].atmVol(years) * levelFactor(u);
    }

    /** @return the risk-free rate. */
    public double riskFreeRate()
    {
        return rate;
    }

    /**
     * @param id dense id.
     * @return true if the instrument is in the ticking window now.
     */
    public boolean isTicking(final int id)
    {
        return active[id];
    }

    @Override
    public int next(final MutableDirectBuffer buffer, final int offset)
    {
        if (!started)
        {
            start(openNs);
        }
        while (!ended)
        {
            if (schedule.isEmpty() || schedule.peekTime() > closeNs)
            {
                ended = true;
                break;
            }
            final long timeNs = schedule.peekTime();
            final int id = schedule.peekId();
            final int generation = schedule.peekGeneration();
            schedule.removeFirst();
            if (generation != generations[id] || !active[id])
            {
                continue;
            }
            path.advanceTo(timeNs);
            final int length = switch (kinds[id])
            {
                case INDEX -> indexTick(id, timeNs, buffer, offset);
                case FUTURE -> futureTick(id, timeNs, buffer, offset);
                case CALL, PUT -> optionTick(id, timeNs, buffer, offset);
            };
            tickCounts[id]++;
            frameCount++;
            frameTimeNs = timeNs;
            return length;
        }
        return END_OF_DATA;
    }

    private void start(final long timeNs)
    {
        started = true;
        for (int u = 0; u < underlyings.length; u++)
        {
            activate(indexIds[u], timeNs, timeNs);
            final List<Integer> futures = universe.futureIds(underlyings[u]);
            if (!futures.isEmpty())
            {
                activate(futures.get(0), timeNs, timeNs + delay(random.nextExponential(1.0)));
            }
            final long spot = indexPaise(u);
            for (int c = 0; c < tickingChains[u].length; c++)
            {
                final OptionChain chain = tickingChains[u][c];
                windowCentres[u][c] = chain.atmIndex(spot);
                setWindow(chain, windowCentres[u][c], timeNs);
            }
        }
    }

    private void recentre(final int u, final long timeNs)
    {
        final long spot = indexPaise(u);
        for (int c = 0; c < tickingChains[u].length; c++)
        {
            final OptionChain chain = tickingChains[u][c];
            final int atm = chain.atmIndex(spot);
            final int centre = windowCentres[u][c];
            if (Math.abs(atm - centre) >= settings.recenterStrikes())
            {
                final int half = settings.strikesAroundAtm();
                for (int i = Math.max(0, centre - half); i <= Math.min(chain.size() - 1, centre + half); i++)
                {
                    if (Math.abs(i - atm) > half)
                    {
                        deactivate(chain.callId(i), timeNs);
                        deactivate(chain.putId(i), timeNs);
                    }
                }
                windowCentres[u][c] = atm;
                setWindow(chain, atm, timeNs);
            }
        }
    }

    private void setWindow(final OptionChain chain, final int centre, final long timeNs)
    {
        final int half = settings.strikesAroundAtm();
        for (int i = Math.max(0, centre - half); i <= Math.min(chain.size() - 1, centre + half); i++)
        {
            activate(chain.callId(i), timeNs, timeNs + (long)(random.nextDouble() * SUBSCRIBE_SPREAD_NS));
            activate(chain.putId(i), timeNs, timeNs + (long)(random.nextDouble() * SUBSCRIBE_SPREAD_NS));
        }
    }

    private void activate(final int id, final long timeNs, final long firstTickNs)
    {
        if (id < 0 || active[id])
        {
            return;
        }
        active[id] = true;
        generations[id]++;
        schedule.add(firstTickNs, id, generations[id]);
        listener.onSubscribed(universe.instrument(id).token(), timeNs);
    }

    private void deactivate(final int id, final long timeNs)
    {
        if (id < 0 || !active[id])
        {
            return;
        }
        active[id] = false;
        generations[id]++;
        listener.onUnsubscribed(universe.instrument(id).token(), timeNs);
    }

    private int indexTick(final int id, final long timeNs, final MutableDirectBuffer buffer, final int offset)
    {
        final int u = pathIndex[id];
        final long price = indexPaise(u);
        if (indexOpen[u] == 0)
        {
            indexOpen[u] = price;
            indexHigh[u] = price;
            indexLow[u] = price;
        }
        indexHigh[u] = Math.max(indexHigh[u], price);
        indexLow[u] = Math.min(indexLow[u], price);
        lastPrice[id] = price;
        final int length = frames.indexTick(buffer, offset, universe.instrument(id).token(), TickMode.FULL, price,
            indexOpen[u], indexHigh[u], indexLow[u], previousCloses[u], price - previousCloses[u], timeNs);
        schedule.add(timeNs + settings.indexTickIntervalMs() * 1_000_000L, id, generations[id]);
        recentre(u, timeNs);
        return length;
    }

    private int futureTick(final int id, final long timeNs, final MutableDirectBuffer buffer, final int offset)
    {
        final int u = pathIndex[id];
        final double years = Math.max(MIN_YEARS, (expiryNs[id] - timeNs) / MarketPath.YEAR_NS);
        final double forward = path.level(u) * Math.exp((rate - models[u].dividendYield()) * years) * 100;
        final long tick = ticks[id];
        final int spreadTicks = 1 + random.nextInt(3);
        final long bid = toTick(forward - spreadTicks * tick / 2.0, tick);
        quote(id, bid, bid + spreadTicks * tick, 30.0);
        if (random.nextBoolean(0.7))
        {
            trade(id, timeNs, 5.0, 10.0);
        }
        final double activity = path.activity(timeNs);
        schedule.add(timeNs + delay(random.nextExponential(1.0 / (settings.futureTicksPerSecond() * activity))),
            id, generations[id]);
        return encode(id, timeNs, buffer, offset);
    }

    private int optionTick(final int id, final long timeNs, final MutableDirectBuffer buffer, final int offset)
    {
        priceOption(id, timeNs);
        final double nearness = pricedNearness;
        quote(id, pricedBid, pricedAsk, (2 + 18 * nearness) / (1 + ranks[id]));
        if (random.nextBoolean(0.35 + 0.25 * nearness))
        {
            trade(id, timeNs, 1 + 4 * nearness, 1 + 20 * nearness / (1 + ranks[id]));
        }
        final double rateNow = (settings.minTicksPerSecond() + (settings.atmTicksPerSecond()
            - settings.minTicksPerSecond()) * nearness) * (ranks[id] == 0 ? 1.0 : 0.5) * path.activity(timeNs);
        schedule.add(timeNs + delay(random.nextExponential(1.0 / rateNow)), id, generations[id]);
        return encode(id, timeNs, buffer, offset);
    }

    /**
     * Fair value and quote of an option at an instant from the current index level (no random draws): sets
     * {@link #pricedBid}, {@link #pricedAsk} and {@link #pricedNearness}. The quote brackets the
     * fair value: bid ≤ fair ≤ ask, at least one tick apart, the bid empty (0) below one tick.
     */
    private void priceOption(final int id, final long timeNs)
    {
        final int u = pathIndex[id];
        final double years = Math.max(MIN_YEARS, (expiryNs[id] - timeNs) / MarketPath.YEAR_NS);
        final double forward = path.level(u) * Math.exp((rate - models[u].dividendYield()) * years);
        final double factor = levelFactor(u);
        final double logMoneyness = Math.log(strikes[id] / forward);
        final double vol = surfaces[u].impliedVol(logMoneyness, years, factor);
        final double fair = Black76.price(forward, strikes[id], years, vol, rate, kinds[id] == InstrumentKind.CALL)
            * 100;
        final double standardised = logMoneyness / (surfaces[u].atmVol(years) * factor * Math.sqrt(years));
        final long tick = ticks[id];
        final double spread = fair * models[u].spreadBps() / 10_000.0 * (1 + 0.5 * Math.abs(standardised))
            * (1 + 0.5 * ranks[id]);
        final long spreadTicks = Math.max(1, Math.round(spread / tick));
        final long bid = toTick(fair - spreadTicks * tick / 2.0, tick);
        pricedBid = bid >= tick ? bid : 0;
        pricedAsk = Math.max(tick, bid + spreadTicks * tick);
        pricedNearness = Math.exp(-0.5 * standardised * standardised);
    }

    /**
     * The quote the market would show for an option now, from the index level of the last frame (for tests and
     * summaries; draws no random numbers, so it does not change the day).
     *
     * @param id dense id of an option.
     * @return {bid, ask} in paise (bid 0 when there is none).
     */
    public long[] quoteNow(final int id)
    {
        if (!kinds[id].isOption())
        {
            throw new IllegalArgumentException("not an option: " + universe.instrument(id).tradingSymbol());
        }
        priceOption(id, frameTimeOrOpen());
        return new long[] {pricedBid, pricedAsk};
    }

    private void quote(final int id, final long bid, final long ask, final double depthLots)
    {
        final long tick = ticks[id];
        final int lot = lots[id];
        for (int level = 0; level < DEPTH; level++)
        {
            final long bidPrice = bid <= 0 ? 0 : bid - level * tick;
            final boolean bidLevel = bidPrice >= tick;
            bidPrices[level] = bidLevel ? bidPrice : 0;
            bidQuantities[level] = bidLevel ? lot * random.nextUniformCount(depthLots * (1 + 0.5 * level)) : 0;
            askPrices[level] = ask + level * tick;
            askQuantities[level] = lot * random.nextUniformCount(depthLots * (1 + 0.5 * level));
        }
    }

    private void trade(final int id, final long timeNs, final double meanLots, final double meanAggregation)
    {
        final boolean buy = bidQuantities[0] == 0 || random.nextBoolean(0.5);
        final long price = buy ? askPrices[0] : bidPrices[0];
        final int quantity = lots[id] * random.nextCount(meanLots);
        final long traded = (long)quantity * random.nextUniformCount(meanAggregation);
        lastPrice[id] = price;
        lastQuantity[id] = quantity;
        lastTradeNs[id] = timeNs;
        if (volume[id] == 0)
        {
            open[id] = price;
            high[id] = price;
            low[id] = price;
        }
        high[id] = Math.max(high[id], price);
        low[id] = Math.min(low[id], price);
        volume[id] += traded;
        turnover[id] += (double)price * traded;
        final double change = random.nextDouble();
        final long lotsChanged = Math.max(1, Math.round(traded * 0.3 / lots[id]));
        if (change < 0.45)
        {
            openInterest[id] += lotsChanged * lots[id];
        }
        else if (change < 0.75)
        {
            openInterest[id] = Math.max(0, openInterest[id] - lotsChanged * lots[id]);
        }
        openInterestHigh[id] = Math.max(openInterestHigh[id], openInterest[id]);
        openInterestLow[id] = Math.min(openInterestLow[id], openInterest[id]);
    }

    private int encode(final int id, final long timeNs, final MutableDirectBuffer buffer, final int offset)
    {
        final boolean traded = volume[id] > 0;
        final DerivativeTickEncoder tick = frames.derivativeTick(buffer, offset, universe.instrument(id).token(),
            TickMode.FULL, lastPrice[id]);
        long buyTotal = 0;
        long sellTotal = 0;
        for (int level = 0; level < DEPTH; level++)
        {
            buyTotal += bidQuantities[level];
            sellTotal += askQuantities[level];
        }
        tick.volume(volume[id])
            .totalBuyQuantity(buyTotal * (3 + (timeNs & 3)))
            .totalSellQuantity(sellTotal * (3 + ((timeNs >> 2) & 3)))
            .closePrice(previousClose[id])
            .openInterest(openInterest[id])
            .openInterestDayHigh(openInterestHigh[id])
            .openInterestDayLow(openInterestLow[id])
            .exchangeTimestampNs(timeNs);
        if (traded)
        {
            tick.lastQuantity(lastQuantity[id])
                .averagePrice(Math.round(turnover[id] / volume[id]))
                .openPrice(open[id])
                .highPrice(high[id])
                .lowPrice(low[id])
                .lastTradeTimeNs(lastTradeNs[id]);
        }
        tick.bidDepth((short)DEPTH).askDepth((short)DEPTH);
        for (int level = 0; level < DEPTH; level++)
        {
            tick.bidPrice(level, bidPrices[level]).bidQuantity(level, bidQuantities[level])
                .bidOrders(level, orders(bidQuantities[level], lots[id]))
                .askPrice(level, askPrices[level]).askQuantity(level, askQuantities[level])
                .askOrders(level, orders(askQuantities[level], lots[id]));
        }
        return frames.derivativeTickLength();
    }

    private static int orders(final int quantity, final int lot)
    {
        final int lotsAtLevel = quantity / lot;
        return lotsAtLevel == 0 ? 0 : 1 + (lotsAtLevel - 1) / 3;
    }

    private long delay(final double seconds)
    {
        final double capped = Math.min(seconds, settings.maxGapMs() / 1000.0);
        return Math.max(1_000L, (long)(capped * 1e9));
    }

    private double levelFactor(final int u)
    {
        return Math.exp(-models[u].spotVolBeta() * Math.log(path.level(u) / path.openLevel(u)));
    }

    private long indexPaise(final int u)
    {
        return toTick(path.level(u) * 100, 5);
    }

    private int pathIndexOf(final Underlying underlying)
    {
        for (int u = 0; u < underlyings.length; u++)
        {
            if (underlyings[u] == underlying)
            {
                return u;
            }
        }
        throw new IllegalArgumentException("not generated: " + underlying);
    }

    private long frameTimeOrOpen()
    {
        return started ? Math.max(frameTimeNs, openNs) : openNs;
    }

    private static long toTick(final double paise, final long tick)
    {
        return Math.round(paise / tick) * tick;
    }

    @Override
    public long frameTimeNs()
    {
        return frameTimeNs;
    }

    @Override
    public boolean isLive()
    {
        return false;
    }

    @Override
    public void subscriptions(final SubscriptionListener listener)
    {
        this.listener = null == listener ? SubscriptionListener.NONE : listener;
    }

    @Override
    public String description()
    {
        return "synthetic market " + settings;
    }

    @Override
    public void close()
    {
        ended = true;
    }
}
