package dev.vyuha.feed.synthetic;

/**
 * The implied-volatility surface of one underlying: an ATM term structure
 * {@code σ(T) = σ∞ + (σ0 − σ∞) e^(−T/τ)}, scaled by a level factor (the spot-vol reaction), and an SSVI smile
 * (Gatheral and Jacquier 2014) in log-moneyness {@code k = ln(K/F)}:
 *
 * <pre>w(k) = θ/2 (1 + ρφk + √((φk + ρ)² + 1 − ρ²)),  θ = σ(T)² T,  φ = η / √θ,  σ(k, T) = √(w(k) / T)</pre>
 *
 * With η²(1 + |ρ|) ≤ 4 and θ increasing in T (checked at construction) the surface has no butterfly and no calendar
 * arbitrage. Stateless after construction; allocation free.
 */
public final class VolatilitySurface
{
    private static final double DAYS_PER_YEAR = 365.0;

    private final double shortVol;
    private final double longVol;
    private final double decayYears;
    private final double rho;
    private final double eta;

    /**
     * @param model the underlying's parameters.
     * @throws IllegalArgumentException if the ATM total variance would fall with maturity (calendar arbitrage).
     */
    public VolatilitySurface(final UnderlyingModel model)
    {
        this.shortVol = model.atmVolShort();
        this.longVol = model.atmVolLong();
        this.decayYears = model.termDecayDays() / DAYS_PER_YEAR;
        this.rho = model.skewRho();
        this.eta = model.skewEta();
        double previous = 0;
        for (int minutes = 1; minutes <= 3 * 365 * 24 * 60; minutes += 30)
        {
            final double years = minutes / (DAYS_PER_YEAR * 24 * 60);
            final double theta = atmTotalVariance(years, 1.0);
            if (theta <= previous)
            {
                throw new IllegalArgumentException(model.underlying() + ": ATM total variance falls with maturity near "
                    + minutes / 1440 + " days (calendar arbitrage); flatten the term structure");
            }
            previous = theta;
        }
    }

    /**
     * @param years time to expiry.
     * @return ATM implied volatility at level factor 1.
     */
    public double atmVol(final double years)
    {
        return longVol + (shortVol - longVol) * Math.exp(-years / decayYears);
    }

    /**
     * @param years       time to expiry.
     * @param levelFactor multiplier of the whole surface (spot-vol reaction).
     * @return θ = σ_ATM² T.
     */
    public double atmTotalVariance(final double years, final double levelFactor)
    {
        final double vol = atmVol(years) * levelFactor;
        return vol * vol * years;
    }

    /**
     * @param logMoneyness k = ln(K/F).
     * @param years        time to expiry (&gt; 0).
     * @param levelFactor  multiplier of the whole surface.
     * @return the implied volatility.
     */
    public double impliedVol(final double logMoneyness, final double years, final double levelFactor)
    {
        return Math.sqrt(totalVariance(logMoneyness, years, levelFactor) / years);
    }

    /**
     * @param logMoneyness k = ln(K/F).
     * @param years        time to expiry (&gt; 0).
     * @param levelFactor  multiplier of the whole surface.
     * @return the total implied variance w(k).
     */
    public double totalVariance(final double logMoneyness, final double years, final double levelFactor)
    {
        final double theta = atmTotalVariance(years, levelFactor);
        final double phi = eta / Math.sqrt(theta);
        final double phiK = phi * logMoneyness;
        final double shifted = phiK + rho;
        return 0.5 * theta * (1.0 + rho * phiK + Math.sqrt(shifted * shifted + 1.0 - rho * rho));
    }
}
