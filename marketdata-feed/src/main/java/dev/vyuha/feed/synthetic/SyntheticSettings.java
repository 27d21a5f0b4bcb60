package dev.vyuha.feed.synthetic;

import dev.vyuha.reference.calendar.TradingCalendar;
import dev.vyuha.reference.calendar.TradingSession;
import dev.vyuha.sbe.Underlying;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything that decides a synthetic trading day: the date and seed (same settings, same day, frame for frame), the
 * underlyings and their models, what is listed in the instrument master and what ticks, and how often. Fluent, with
 * defaults; {@link #conclude()} validates.
 */
public final class SyntheticSettings
{
    private LocalDate tradingDate;
    private long seed = 1;
    private final Map<Underlying, UnderlyingModel> models = new EnumMap<>(Underlying.class);
    private TradingCalendar calendar;
    private int weeklyExpiries = 4;
    private int monthlyExpiries = 3;
    private int futureMonths = 3;
    private double strikeRangePercent = 10.0;
    private int tickingExpiries = 2;
    private int strikesAroundAtm = 15;
    private int recenterStrikes = 3;
    private double riskFreeRate = 0.065;
    private double correlation = 0.8;
    private long indexTickIntervalMs = 1_000;
    private double futureTicksPerSecond = 3.0;
    private double atmTicksPerSecond = 2.0;
    private double minTicksPerSecond = 0.2;
    private long maxGapMs = 15_000;
    private boolean concluded;

    /**
     * Defaults: NIFTY and BANKNIFTY with their default models, seed 1; the date must be set.
     */
    public SyntheticSettings()
    {
        models.put(Underlying.NIFTY, UnderlyingModel.nifty());
        models.put(Underlying.BANKNIFTY, UnderlyingModel.bankNifty());
    }

    /**
     * Validate and fill in defaults (the NSE calendar). Calling again does nothing.
     *
     * @return this.
     * @throws IllegalArgumentException on an invalid setting, or a date that is not a trading day.
     */
    public SyntheticSettings conclude()
    {
        if (concluded)
        {
            return this;
        }
        Objects.requireNonNull(tradingDate, "the synthetic market needs a trading date");
        if (null == calendar)
        {
            calendar = TradingCalendar.nse();
        }
        final TradingSession session = calendar.session(tradingDate);
        if (null == session || !session.isFullSession() || !session.hasHours())
        {
            throw new IllegalArgumentException(tradingDate + " is not a trading day (" + tradingDate.getDayOfWeek()
                + (calendar.isHoliday(tradingDate) ? ", " + calendar.holidayName(tradingDate) : "")
                + "); the next one is " + calendar.nextTradingDay(tradingDate));
        }
        require(!models.isEmpty(), "no underlyings");
        for (final Underlying underlying : models.keySet())
        {
            require(underlying == Underlying.NIFTY || underlying == Underlying.BANKNIFTY,
                "the synthetic market models NIFTY and BANKNIFTY, not " + underlying);
        }
        require(weeklyExpiries >= 1 && weeklyExpiries <= 12, "weekly expiries must be 1..12");
        require(monthlyExpiries >= 1 && monthlyExpiries <= 6, "monthly expiries must be 1..6");
        require(futureMonths >= 1 && futureMonths <= 3, "future months must be 1..3");
        require(strikeRangePercent >= 1 && strikeRangePercent <= 30, "strike range must be 1..30 %");
        require(tickingExpiries >= 1 && tickingExpiries <= 6, "ticking expiries must be 1..6");
        require(strikesAroundAtm >= 1 && strikesAroundAtm <= 200, "strikes around ATM must be 1..200");
        require(recenterStrikes >= 1 && recenterStrikes <= strikesAroundAtm,
            "re-centring must be 1..strikes around ATM");
        require(riskFreeRate >= 0 && riskFreeRate < 0.5, "rate must be 0..0.5");
        require(correlation >= 0 && correlation <= 1, "correlation must be 0..1");
        require(indexTickIntervalMs >= 50 && indexTickIntervalMs <= 60_000, "index tick interval must be 50..60000 ms");
        require(atmTicksPerSecond > 0 && minTicksPerSecond > 0 && minTicksPerSecond <= atmTicksPerSecond
            && atmTicksPerSecond <= 1_000 && futureTicksPerSecond > 0 && futureTicksPerSecond <= 1_000,
            "tick rates must be > 0, minimum <= ATM, at most 1000/s");
        require(maxGapMs >= 100 && maxGapMs <= 600_000, "max gap must be 100..600000 ms");
        concluded = true;
        return this;
    }

    private static void require(final boolean condition, final String message)
    {
        if (!condition)
        {
            throw new IllegalArgumentException(message);
        }
    }

    /** @return the trading date. */
    public LocalDate tradingDate()
    {
        return tradingDate;
    }

    /**
     * @param tradingDate the day to generate (a trading day).
     * @return this.
     */
    public SyntheticSettings tradingDate(final LocalDate tradingDate)
    {
        this.tradingDate = tradingDate;
        return this;
    }

    /** @return the seed. */
    public long seed()
    {
        return seed;
    }

    /**
     * @param seed the seed (with the date it decides every random draw).
     * @return this.
     */
    public SyntheticSettings seed(final long seed)
    {
        this.seed = seed;
        return this;
    }

    /** @return the underlyings in order. */
    public List<Underlying> underlyings()
    {
        return new ArrayList<>(models.keySet());
    }

    /**
     * @param underlyings the underlyings to generate, each with its default model.
     * @return this.
     */
    public SyntheticSettings underlyings(final List<Underlying> underlyings)
    {
        final Map<Underlying, UnderlyingModel> kept = new EnumMap<>(Underlying.class);
        for (final Underlying underlying : underlyings)
        {
            kept.put(underlying, models.containsKey(underlying) ? models.get(underlying) :
                UnderlyingModel.defaultFor(underlying));
        }
        models.clear();
        models.putAll(kept);
        return this;
    }

    /**
     * @param underlying an underlying.
     * @return its model.
     */
    public UnderlyingModel model(final Underlying underlying)
    {
        return models.get(underlying);
    }

    /**
     * @param model a model (adds its underlying if absent).
     * @return this.
     */
    public SyntheticSettings model(final UnderlyingModel model)
    {
        models.put(model.underlying(), model);
        return this;
    }

    /** @return the calendar. */
    public TradingCalendar calendar()
    {
        return calendar;
    }

    /**
     * @param calendar trading days and expiry shifts (NSE's by default).
     * @return this.
     */
    public SyntheticSettings calendar(final TradingCalendar calendar)
    {
        this.calendar = calendar;
        return this;
    }

    /** @return weekly expiries listed besides the monthly dates (NIFTY). */
    public int weeklyExpiries()
    {
        return weeklyExpiries;
    }

    /** @return monthly expiries listed. */
    public int monthlyExpiries()
    {
        return monthlyExpiries;
    }

    /** @return monthly futures listed. */
    public int futureMonths()
    {
        return futureMonths;
    }

    /**
     * @param weekly  weekly expiries listed besides the monthly dates (NIFTY; NSE lists four).
     * @param monthly monthly expiries listed.
     * @param futures monthly futures listed.
     * @return this.
     */
    public SyntheticSettings listing(final int weekly, final int monthly, final int futures)
    {
        this.weeklyExpiries = weekly;
        this.monthlyExpiries = monthly;
        this.futureMonths = futures;
        return this;
    }

    /** @return strikes are listed within this percentage of the previous close. */
    public double strikeRangePercent()
    {
        return strikeRangePercent;
    }

    /**
     * @param percent strikes are listed within this percentage of the previous close.
     * @return this.
     */
    public SyntheticSettings strikeRangePercent(final double percent)
    {
        this.strikeRangePercent = percent;
        return this;
    }

    /** @return nearest expiries per underlying whose options tick. */
    public int tickingExpiries()
    {
        return tickingExpiries;
    }

    /** @return strikes each side of ATM that tick. */
    public int strikesAroundAtm()
    {
        return strikesAroundAtm;
    }

    /** @return ATM moves of this many strikes re-centre the ticking window. */
    public int recenterStrikes()
    {
        return recenterStrikes;
    }

    /**
     * @param expiries nearest expiries whose options tick.
     * @param strikes  strikes each side of ATM that tick.
     * @param recenter re-centre when ATM moves this many strikes from the window's centre.
     * @return this.
     */
    public SyntheticSettings ticking(final int expiries, final int strikes, final int recenter)
    {
        this.tickingExpiries = expiries;
        this.strikesAroundAtm = strikes;
        this.recenterStrikes = recenter;
        return this;
    }

    /** @return continuously compounded risk-free rate. */
    public double riskFreeRate()
    {
        return riskFreeRate;
    }

    /**
     * @param rate continuously compounded risk-free rate (India: about 6.5 %).
     * @return this.
     */
    public SyntheticSettings riskFreeRate(final double rate)
    {
        this.riskFreeRate = rate;
        return this;
    }

    /** @return correlation of the underlyings' returns. */
    public double correlation()
    {
        return correlation;
    }

    /**
     * @param correlation correlation of the underlyings' diffusive returns.
     * @return this.
     */
    public SyntheticSettings correlation(final double correlation)
    {
        this.correlation = correlation;
        return this;
    }

    /** @return interval of index ticks, ms. */
    public long indexTickIntervalMs()
    {
        return indexTickIntervalMs;
    }

    /** @return ticks per second of the nearest future. */
    public double futureTicksPerSecond()
    {
        return futureTicksPerSecond;
    }

    /** @return ticks per second of an ATM option of the nearest expiry. */
    public double atmTicksPerSecond()
    {
        return atmTicksPerSecond;
    }

    /** @return ticks per second of far options. */
    public double minTicksPerSecond()
    {
        return minTicksPerSecond;
    }

    /** @return longest silence of a ticking option, ms. */
    public long maxGapMs()
    {
        return maxGapMs;
    }

    /**
     * @param indexIntervalMs   index ticks every this many ms (NSE disseminates indices every second).
     * @param futuresPerSecond  mean ticks per second of the nearest future.
     * @param atmPerSecond      mean ticks per second of an ATM option of the nearest expiry.
     * @param minPerSecond      mean ticks per second of far options.
     * @param maxGapMs          longest silence of a ticking option (its book refreshes at least this often).
     * @return this.
     */
    public SyntheticSettings tickRates(final long indexIntervalMs, final double futuresPerSecond,
        final double atmPerSecond, final double minPerSecond, final long maxGapMs)
    {
        this.indexTickIntervalMs = indexIntervalMs;
        this.futureTicksPerSecond = futuresPerSecond;
        this.atmTicksPerSecond = atmPerSecond;
        this.minTicksPerSecond = minPerSecond;
        this.maxGapMs = maxGapMs;
        return this;
    }

    @Override
    public String toString()
    {
        return "SyntheticSettings{date=" + tradingDate + ", seed=" + seed + ", underlyings=" + models.keySet()
            + ", listing=" + weeklyExpiries + "w/" + monthlyExpiries + "m/" + futureMonths + "f, strikes ±"
            + strikeRangePercent + "%, ticking=" + tickingExpiries + " expiries x ±" + strikesAroundAtm
            + " strikes (re-centre " + recenterStrikes + ")}";
    }
}
