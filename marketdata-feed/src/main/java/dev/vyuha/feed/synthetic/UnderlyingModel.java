package dev.vyuha.feed.synthetic;

import dev.vyuha.sbe.Underlying;

/**
 * How one index behaves on a synthetic day: its path (level, drift, volatility, jumps) and its option surface (ATM
 * implied volatility term structure, SSVI skew, how IV reacts to the spot), plus the order-book and open-interest
 * character of its options. Rates and yields are continuously compounded per year; volatilities per year.
 *
 * @param underlying         the index.
 * @param previousClose      previous session's close, rupees (strikes are listed around it).
 * @param overnightGapVol    standard deviation of the open's gap from the previous close (0.003 = 0.3 %).
 * @param drift              annual drift of the index during the day.
 * @param volatility         annual realised volatility of the index path.
 * @param jumpsPerDay        mean number of jumps per session (Poisson).
 * @param jumpMean           mean jump size (log return).
 * @param jumpVolatility     standard deviation of a jump (log return).
 * @param dividendYield      index dividend yield q.
 * @param atmVolShort        ATM implied volatility at expiry (T → 0).
 * @param atmVolLong         ATM implied volatility far out (T → ∞).
 * @param termDecayDays      days over which the term structure moves from short to long.
 * @param skewRho            SSVI correlation ρ (negative: put skew).
 * @param skewEta            SSVI power-law η (smile steepness), with φ(θ) = η / √θ.
 * @param spotVolBeta        IV change per log return of the spot since the open (IV × e^(−β r)).
 * @param spreadBps          quoted bid-ask spread of an ATM option of the nearest expiry, basis points of its price.
 * @param nearOpenInterestLots peak open interest per strike of the nearest expiry, lots.
 */
public record UnderlyingModel(
    Underlying underlying,
    double previousClose,
    double overnightGapVol,
    double drift,
    double volatility,
    double jumpsPerDay,
    double jumpMean,
    double jumpVolatility,
    double dividendYield,
    double atmVolShort,
    double atmVolLong,
    double termDecayDays,
    double skewRho,
    double skewEta,
    double spotVolBeta,
    double spreadBps,
    double nearOpenInterestLots)
{
    /**
     * Validates the parameters, in particular the SSVI no-arbitrage conditions (Gatheral and Jacquier 2014: with
     * φ(θ) = η/√θ the surface is free of butterfly arbitrage if η²(1 + |ρ|) ≤ 4 and θφ(θ)(1 + |ρ|) &lt; 4, and of
     * calendar arbitrage if θ grows with maturity).
     *
     * @param underlying           index.
     * @param previousClose        previous close.
     * @param overnightGapVol      gap volatility.
     * @param drift                drift.
     * @param volatility           path volatility.
     * @param jumpsPerDay          jump intensity.
     * @param jumpMean             mean jump.
     * @param jumpVolatility       jump volatility.
     * @param dividendYield        dividend yield.
     * @param atmVolShort          short ATM vol.
     * @param atmVolLong           long ATM vol.
     * @param termDecayDays        term decay.
     * @param skewRho              SSVI ρ.
     * @param skewEta              SSVI η.
     * @param spotVolBeta          spot-vol beta.
     * @param spreadBps            ATM spread.
     * @param nearOpenInterestLots peak OI.
     */
    public UnderlyingModel
    {
        if (!(previousClose > 0) || !(volatility > 0) || volatility > 2 || overnightGapVol < 0 || jumpsPerDay < 0
            || jumpVolatility < 0)
        {
            throw new IllegalArgumentException(underlying + ": level and volatility must be > 0, gap and jump "
                + "parameters >= 0");
        }
        if (!(atmVolShort > 0) || !(atmVolLong > 0) || atmVolShort > 2 || atmVolLong > 2 || !(termDecayDays > 0))
        {
            throw new IllegalArgumentException(underlying + ": ATM volatilities must be in (0, 2], decay > 0 days");
        }
        if (!(Math.abs(skewRho) < 1) || !(skewEta > 0) || skewEta * skewEta * (1 + Math.abs(skewRho)) > 4)
        {
            throw new IllegalArgumentException(underlying + ": SSVI needs |rho| < 1 and eta^2 (1 + |rho|) <= 4 "
                + "(no butterfly arbitrage)");
        }
        if (!(spreadBps > 0) || !(nearOpenInterestLots > 0))
        {
            throw new IllegalArgumentException(underlying + ": spread and open interest must be > 0");
        }
    }

    /**
     * @return NIFTY around August 2026: 24,600, 12 % realised, ATM IV 12 % short to 14 % long, put skew.
     */
    public static UnderlyingModel nifty()
    {
        return new UnderlyingModel(Underlying.NIFTY, 24_600.0, 0.003, 0.0, 0.12, 0.5, -0.0005, 0.003, 0.012,
            0.12, 0.14, 45, -0.35, 0.7, 3.0, 15, 120_000);
    }

    /**
     * @return BANKNIFTY around August 2026: 56,000, 14 % realised, ATM IV 14 % short to 15.5 % long.
     */
    public static UnderlyingModel bankNifty()
    {
        return new UnderlyingModel(Underlying.BANKNIFTY, 56_000.0, 0.004, 0.0, 0.14, 0.5, -0.0005, 0.004, 0.008,
            0.14, 0.155, 45, -0.30, 0.7, 3.0, 20, 60_000);
    }

    /**
     * @param underlying NIFTY or BANKNIFTY.
     * @return its default model.
     */
    public static UnderlyingModel defaultFor(final Underlying underlying)
    {
        return switch (underlying)
        {
            case NIFTY -> nifty();
            case BANKNIFTY -> bankNifty();
            default -> throw new IllegalArgumentException("the synthetic market models NIFTY and BANKNIFTY, not "
                + underlying);
        };
    }

    /**
     * @param level previous close, rupees.
     * @return this model with another previous close.
     */
    public UnderlyingModel withPreviousClose(final double level)
    {
        return new UnderlyingModel(underlying, level, overnightGapVol, drift, volatility, jumpsPerDay, jumpMean,
            jumpVolatility, dividendYield, atmVolShort, atmVolLong, termDecayDays, skewRho, skewEta, spotVolBeta,
            spreadBps, nearOpenInterestLots);
    }

    /**
     * @param annualDrift      drift.
     * @param annualVolatility path volatility.
     * @param jumpIntensity    jumps per day.
     * @param jumpSize         jump standard deviation.
     * @return this model with another path.
     */
    public UnderlyingModel withPath(final double annualDrift, final double annualVolatility,
        final double jumpIntensity, final double jumpSize)
    {
        return new UnderlyingModel(underlying, previousClose, overnightGapVol, annualDrift, annualVolatility,
            jumpIntensity, jumpMean, jumpSize, dividendYield, atmVolShort, atmVolLong, termDecayDays, skewRho, skewEta,
            spotVolBeta, spreadBps, nearOpenInterestLots);
    }
}
