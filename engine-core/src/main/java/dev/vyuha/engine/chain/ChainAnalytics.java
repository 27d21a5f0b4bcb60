package dev.vyuha.engine.chain;

import dev.vyuha.engine.market.StrikeBasis;
import dev.vyuha.reference.calendar.IndiaTime;
import dev.vyuha.reference.pricing.Black76;
import dev.vyuha.reference.pricing.BlackScholesMerton;
import dev.vyuha.reference.pricing.ImpliedVolatility;
import dev.vyuha.reference.pricing.ImpliedVolatilityStatus;
import dev.vyuha.reference.pricing.OptionGreeks;
import dev.vyuha.reference.pricing.PricingStatus;

import java.time.LocalTime;
import java.util.Arrays;

/**
 * Analytics of a {@link ChainSnapshot}:
 *
 * <ul>
 *   <li>ATM: the listed strike nearest the basis price (spot or future); an exact tie goes to the lower strike;</li>
 *   <li>PCR by open interest and by volume: puts over calls over the whole snapshot (NaN when there is no call open
 *   interest or volume, so a filter comparing with it fails safe);</li>
 *   <li>max pain: the strike at which option holders would be paid least at expiry, weighting each strike's payoff by
 *   its open interest (ties: the lower strike);</li>
 *   <li>highest-open-interest call and put strikes (ties: the lower strike);</li>
 *   <li>the put-call-parity implied forward {@code F = K + e^(rT) (C - P)} at the strike whose two-sided call and put
 *   mids are closest;</li>
 *   <li>per strike and side: implied volatility from the two-sided mid (optionally the last price when the book is
 *   one-sided) and delta, gamma, vega (per 1.00 of volatility), theta (per year) from it;</li>
 *   <li>ATM IV: the mean of the ATM call's and put's volatilities (either one when only one exists).</li>
 * </ul>
 *
 * Time to expiry runs to 15:30 IST on the expiry date, in years of 365 days. Reusable and allocation-free once its
 * arrays have grown to the longest chain seen. Not thread safe.
 */
public final class ChainAnalytics
{
    /** Options stop trading at 15:30 IST on expiry day. */
    public static final LocalTime EXPIRY_TIME = LocalTime.of(15, 30);
    private static final double NANOS_PER_YEAR = 365.0 * IndiaTime.NANOS_PER_DAY;
    private static final double PAISE = 100.0;

    private final double rate;
    private final VolatilityModel model;
    private final boolean useLastPriceWhenOneSided;
    private final ImpliedVolatility solver = new ImpliedVolatility();
    private final OptionGreeks greeks = new OptionGreeks();

    private ChainAnalyticsStatus status = ChainAnalyticsStatus.NO_STRIKES;
    private int strikeCount;
    private long basisPaise;
    private int atmIndex = -1;
    private double years;
    private double pcrByOpenInterest;
    private double pcrByVolume;
    private int maxPainIndex = -1;
    private int highestCallOpenInterestIndex = -1;
    private int highestPutOpenInterestIndex = -1;
    private double impliedForward;
    private int forwardStrikeIndex = -1;
    private double atmImpliedVolatility;
    private double[] callVolatility = new double[0];
    private double[] putVolatility = new double[0];
    private double[] callDelta = new double[0];
    private double[] putDelta = new double[0];
    private double[] callGamma = new double[0];
    private double[] putGamma = new double[0];
    private double[] callVega = new double[0];
    private double[] putVega = new double[0];
    private double[] callTheta = new double[0];
    private double[] putTheta = new double[0];

    /**
     * @param rate                     continuously compounded rate per year (e.g. 0.065).
     * @param model                    how volatilities are implied.
     * @param useLastPriceWhenOneSided imply from the last price where the book lacks a bid or an ask.
     */
    public ChainAnalytics(final double rate, final VolatilityModel model, final boolean useLastPriceWhenOneSided)
    {
        if (!Double.isFinite(rate) || null == model)
        {
            throw new IllegalArgumentException("rate must be finite and model given: " + rate + ", " + model);
        }
        this.rate = rate;
        this.model = model;
        this.useLastPriceWhenOneSided = useLastPriceWhenOneSided;
    }

    /**
     * Compute everything for a snapshot.
     *
     * @param snapshot the chain.
     * @param basis    ATM basis: spot or future.
     * @return the status; results are read with the accessors.
     */
    public ChainAnalyticsStatus compute(final ChainSnapshot snapshot, final StrikeBasis basis)
    {
        strikeCount = snapshot.strikeCount();
        ensureCapacity(strikeCount);
        atmIndex = -1;
        maxPainIndex = -1;
        highestCallOpenInterestIndex = -1;
        highestPutOpenInterestIndex = -1;
        forwardStrikeIndex = -1;
        impliedForward = 0.0;
        atmImpliedVolatility = 0.0;
        Arrays.fill(callVolatility, 0, strikeCount, 0.0);
        Arrays.fill(putVolatility, 0, strikeCount, 0.0);
        if (strikeCount == 0)
        {
            return status = ChainAnalyticsStatus.NO_STRIKES;
        }
        openInterestAndVolume(snapshot);
        maxPain(snapshot);

        basisPaise = basis == StrikeBasis.FUTURE ? snapshot.futurePaise() : snapshot.spotPaise();
        final long expiryNanos = IndiaTime.epochNanos(snapshot.expiryEpochDay(), EXPIRY_TIME.toNanoOfDay());
        years = (expiryNanos - snapshot.valuationEpochNanos()) / NANOS_PER_YEAR;
        if (basisPaise <= 0)
        {
            return status = ChainAnalyticsStatus.NO_BASIS;
        }
        atmIndex = nearestStrike(snapshot, basisPaise);
        if (!(years > 0.0) || snapshot.spotPaise() <= 0)
        {
            return status = years > 0.0 ? ChainAnalyticsStatus.NO_BASIS : ChainAnalyticsStatus.EXPIRED;
        }
        impliedForward(snapshot);
        volatilities(snapshot);
        final double atmCall = callVolatility[atmIndex];
        final double atmPut = putVolatility[atmIndex];
        atmImpliedVolatility = atmCall > 0.0 && atmPut > 0.0 ? 0.5 * (atmCall + atmPut) : Math.max(atmCall, atmPut);
        return status = ChainAnalyticsStatus.OK;
    }

    private void openInterestAndVolume(final ChainSnapshot snapshot)
    {
        long callOpenInterest = 0;
        long putOpenInterest = 0;
        long callVolume = 0;
        long putVolume = 0;
        long highestCall = -1;
        long highestPut = -1;
        for (int i = 0; i < strikeCount; i++)
        {
            callOpenInterest += snapshot.callOpenInterest(i);
            putOpenInterest += snapshot.putOpenInterest(i);
            callVolume += snapshot.callVolume(i);
            putVolume += snapshot.putVolume(i);
            if (snapshot.callOpenInterest(i) > highestCall)
            {
                highestCall = snapshot.callOpenInterest(i);
                highestCallOpenInterestIndex = i;
            }
            if (snapshot.putOpenInterest(i) > highestPut)
            {
                highestPut = snapshot.putOpenInterest(i);
                highestPutOpenInterestIndex = i;
            }
        }
        pcrByOpenInterest = callOpenInterest > 0 ? (double)putOpenInterest / callOpenInterest : Double.NaN;
        pcrByVolume = callVolume > 0 ? (double)putVolume / callVolume : Double.NaN;
    }

    /**
     * Payout at settlement K_j: sum over i &lt; j of callOI_i (K_j - K_i) plus sum over i &gt; j of putOI_i (K_i - K_j),
     * from running sums in O(n).
     */
    private void maxPain(final ChainSnapshot snapshot)
    {
        double putCount = 0;
        double putWeighted = 0;
        for (int i = 0; i < strikeCount; i++)
        {
            putCount += snapshot.putOpenInterest(i);
            putWeighted += (double)snapshot.putOpenInterest(i) * snapshot.strike(i);
        }
        double callCount = 0;
        double callWeighted = 0;
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < strikeCount; j++)
        {
            final double strike = snapshot.strike(j);
            putCount -= snapshot.putOpenInterest(j);
            putWeighted -= (double)snapshot.putOpenInterest(j) * strike;
            final double payout = (strike * callCount - callWeighted) + (putWeighted - strike * putCount);
            if (payout < best)
            {
                best = payout;
                maxPainIndex = j;
            }
            callCount += snapshot.callOpenInterest(j);
            callWeighted += (double)snapshot.callOpenInterest(j) * strike;
        }
    }

    private void impliedForward(final ChainSnapshot snapshot)
    {
        double smallestGap = Double.POSITIVE_INFINITY;
        for (int i = 0; i < strikeCount; i++)
        {
            if (twoSided(snapshot.callBid(i), snapshot.callAsk(i)) && twoSided(snapshot.putBid(i), snapshot.putAsk(i)))
            {
                final double gap = Math.abs(mid(snapshot.callBid(i), snapshot.callAsk(i))
                    - mid(snapshot.putBid(i), snapshot.putAsk(i)));
                if (gap < smallestGap)
                {
                    smallestGap = gap;
                    forwardStrikeIndex = i;
                }
            }
        }
        if (forwardStrikeIndex >= 0)
        {
            final int i = forwardStrikeIndex;
            impliedForward = (snapshot.strike(i) + Math.exp(rate * years)
                * (mid(snapshot.callBid(i), snapshot.callAsk(i)) - mid(snapshot.putBid(i), snapshot.putAsk(i)))) / PAISE;
        }
        else
        {
            impliedForward = snapshot.spotPaise() / PAISE * Math.exp(rate * years);
        }
    }

    private void volatilities(final ChainSnapshot snapshot)
    {
        final double spot = snapshot.spotPaise() / PAISE;
        for (int i = 0; i < strikeCount; i++)
        {
            final double strike = snapshot.strike(i) / PAISE;
            final double callPrice = price(snapshot.callLast(i), snapshot.callBid(i), snapshot.callAsk(i));
            final double putPrice = price(snapshot.putLast(i), snapshot.putBid(i), snapshot.putAsk(i));
            callVolatility[i] = implied(callPrice, spot, strike, true);
            evaluate(spot, strike, callVolatility[i], true);
            callDelta[i] = greeks.delta();
            callGamma[i] = greeks.gamma();
            callVega[i] = greeks.vega();
            callTheta[i] = greeks.theta();
            putVolatility[i] = implied(putPrice, spot, strike, false);
            evaluate(spot, strike, putVolatility[i], false);
            putDelta[i] = greeks.delta();
            putGamma[i] = greeks.gamma();
            putVega[i] = greeks.vega();
            putTheta[i] = greeks.theta();
        }
    }

    private double implied(final double price, final double spot, final double strike, final boolean call)
    {
        if (!(price > 0.0))
        {
            return 0.0;
        }
        final ImpliedVolatilityStatus result = model == VolatilityModel.SPOT_RATE ?
            solver.fromBlackScholes(price, spot, strike, years, rate, 0.0, call) :
            solver.fromBlack76(price, impliedForward, strike, years, rate, call);
        return result == ImpliedVolatilityStatus.OK ? solver.volatility() : 0.0;
    }

    private void evaluate(final double spot, final double strike, final double volatility, final boolean call)
    {
        final PricingStatus result;
        if (volatility <= 0.0)
        {
            greeks.set(PricingStatus.INVALID_INPUT);
            return;
        }
        result = model == VolatilityModel.SPOT_RATE ?
            BlackScholesMerton.greeks(spot, strike, years, volatility, rate, 0.0, call, greeks) :
            Black76.greeks(impliedForward, strike, years, volatility, rate, call, greeks);
        if (result != PricingStatus.OK)
        {
            greeks.set(PricingStatus.INVALID_INPUT);
        }
    }

    private double price(final long last, final long bid, final long ask)
    {
        if (twoSided(bid, ask))
        {
            return mid(bid, ask) / PAISE;
        }
        return useLastPriceWhenOneSided && last > 0 ? last / PAISE : 0.0;
    }

    private static boolean twoSided(final long bid, final long ask)
    {
        return bid > 0 && ask > 0 && ask >= bid;
    }

    private static double mid(final long bid, final long ask)
    {
        return 0.5 * (bid + ask);
    }

    private static int nearestStrike(final ChainSnapshot snapshot, final long price)
    {
        int best = 0;
        long bestDistance = Math.abs(snapshot.strike(0) - price);
        for (int i = 1; i < snapshot.strikeCount(); i++)
        {
            final long distance = Math.abs(snapshot.strike(i) - price);
            if (distance < bestDistance)
            {
                best = i;
                bestDistance = distance;
            }
        }
        return best;
    }

    private void ensureCapacity(final int strikes)
    {
        if (callVolatility.length < strikes)
        {
            final int capacity = Math.max(strikes, 2 * callVolatility.length);
            callVolatility = new double[capacity];
            putVolatility = new double[capacity];
            callDelta = new double[capacity];
            putDelta = new double[capacity];
            callGamma = new double[capacity];
            putGamma = new double[capacity];
            callVega = new double[capacity];
            putVega = new double[capacity];
            callTheta = new double[capacity];
            putTheta = new double[capacity];
        }
    }

    /** @return the last status. */
    public ChainAnalyticsStatus status()
    {
        return status;
    }

    /** @return the basis price used for ATM, paise. */
    public long basisPaise()
    {
        return basisPaise;
    }

    /** @return index of the ATM strike, or -1. */
    public int atmIndex()
    {
        return atmIndex;
    }

    /** @return time to expiry in years (negative after expiry). */
    public double yearsToExpiry()
    {
        return years;
    }

    /** @return put open interest over call open interest; NaN without call open interest. */
    public double pcrByOpenInterest()
    {
        return pcrByOpenInterest;
    }

    /** @return put volume over call volume; NaN without call volume. */
    public double pcrByVolume()
    {
        return pcrByVolume;
    }

    /** @return index of the max-pain strike, or -1. */
    public int maxPainIndex()
    {
        return maxPainIndex;
    }

    /** @return index of the call strike with the highest open interest, or -1. */
    public int highestCallOpenInterestIndex()
    {
        return highestCallOpenInterestIndex;
    }

    /** @return index of the put strike with the highest open interest, or -1. */
    public int highestPutOpenInterestIndex()
    {
        return highestPutOpenInterestIndex;
    }

    /** @return the implied forward in rupees (spot carried at the rate when no parity strike exists). */
    public double impliedForward()
    {
        return impliedForward;
    }

    /** @return index of the strike the forward was implied at, or -1 if spot was carried instead. */
    public int forwardStrikeIndex()
    {
        return forwardStrikeIndex;
    }

    /** @return ATM implied volatility (decimal), 0 if unavailable. */
    public double atmImpliedVolatility()
    {
        return atmImpliedVolatility;
    }

    /** @param i strike index. @return call implied volatility (decimal), 0 if unavailable. */
    public double callVolatility(final int i)
    {
        return callVolatility[i];
    }

    /** @param i strike index. @return put implied volatility (decimal), 0 if unavailable. */
    public double putVolatility(final int i)
    {
        return putVolatility[i];
    }

    /** @param i strike index. @return call delta (0 if no volatility). */
    public double callDelta(final int i)
    {
        return callDelta[i];
    }

    /** @param i strike index. @return put delta (0 if no volatility). */
    public double putDelta(final int i)
    {
        return putDelta[i];
    }

    /** @param i strike index. @return call gamma. */
    public double callGamma(final int i)
    {
        return callGamma[i];
    }

    /** @param i strike index. @return put gamma. */
    public double putGamma(final int i)
    {
        return putGamma[i];
    }

    /** @param i strike index. @return call vega per 1.00 of volatility. */
    public double callVega(final int i)
    {
        return callVega[i];
    }

    /** @param i strike index. @return put vega per 1.00 of volatility. */
    public double putVega(final int i)
    {
        return putVega[i];
    }

    /** @param i strike index. @return call theta per year. */
    public double callTheta(final int i)
    {
        return callTheta[i];
    }

    /** @param i strike index. @return put theta per year. */
    public double putTheta(final int i)
    {
        return putTheta[i];
    }
}
