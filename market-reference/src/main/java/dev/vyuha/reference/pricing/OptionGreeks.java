package dev.vyuha.reference.pricing;

/**
 * A reusable holder for an option's price and sensitivities, filled by {@link Black76#greeks} and
 * {@link BlackScholesMerton#greeks}. Units, in the currency of the inputs:
 *
 * <ul>
 *   <li>price: per unit of underlying;</li>
 *   <li>delta: per 1.00 change of the underlying (spot for BSM, forward for Black-76);</li>
 *   <li>gamma: change of delta per 1.00 change of the underlying;</li>
 *   <li>vega: per 1.00 change of volatility (100 vol points); {@link #vegaPerVolPoint()} is per 0.01;</li>
 *   <li>theta: per year of calendar time passing (negative for a long option that decays);
 *   {@link #thetaPerDay()} divides by 365;</li>
 *   <li>rho: per 1.00 change of the continuously compounded rate; {@link #rhoPerPercent()} is per 0.01;</li>
 *   <li>dividend rho: per 1.00 change of the dividend yield (BSM only, 0 for Black-76).</li>
 * </ul>
 *
 * Mutable and not thread safe by design: one per pricing thread, no allocation per evaluation.
 */
public final class OptionGreeks
{
    /** Calendar days in a year for {@link #thetaPerDay()}. */
    public static final double DAYS_PER_YEAR = 365.0;

    private PricingStatus status = PricingStatus.INVALID_INPUT;
    private double price;
    private double delta;
    private double gamma;
    private double vega;
    private double theta;
    private double rho;
    private double dividendRho;

    void set(
        final PricingStatus status,
        final double price,
        final double delta,
        final double gamma,
        final double vega,
        final double theta,
        final double rho,
        final double dividendRho)
    {
        this.status = status;
        this.price = price;
        this.delta = delta;
        this.gamma = gamma;
        this.vega = vega;
        this.theta = theta;
        this.rho = rho;
        this.dividendRho = dividendRho;
    }

    void invalid()
    {
        set(PricingStatus.INVALID_INPUT, 0, 0, 0, 0, 0, 0, 0);
    }

    /**
     * Mark the holder as holding no valuation (every output 0), e.g. for an option whose volatility is unknown.
     *
     * @param noValuation the status to record; typically {@link PricingStatus#INVALID_INPUT}.
     */
    public void set(final PricingStatus noValuation)
    {
        set(noValuation, 0, 0, 0, 0, 0, 0, 0);
    }

    /** @return how the last evaluation went. */
    public PricingStatus status()
    {
        return status;
    }

    /** @return price per unit of underlying. */
    public double price()
    {
        return price;
    }

    /** @return delta per 1.00 move of the underlying. */
    public double delta()
    {
        return delta;
    }

    /** @return gamma per 1.00 move of the underlying. */
    public double gamma()
    {
        return gamma;
    }

    /** @return vega per 1.00 (100 points) of volatility. */
    public double vega()
    {
        return vega;
    }

    /** @return vega per volatility point (0.01). */
    public double vegaPerVolPoint()
    {
        return vega * 0.01;
    }

    /** @return theta per year. */
    public double theta()
    {
        return theta;
    }

    /** @return theta per calendar day (theta / 365). */
    public double thetaPerDay()
    {
        return theta / DAYS_PER_YEAR;
    }

    /** @return rho per 1.00 of rate. */
    public double rho()
    {
        return rho;
    }

    /** @return rho per percentage point (0.01) of rate. */
    public double rhoPerPercent()
    {
        return rho * 0.01;
    }

    /** @return sensitivity to the dividend yield per 1.00 (BSM). */
    public double dividendRho()
    {
        return dividendRho;
    }

    /** @return delta times underlying over price ("elasticity", leverage), given the underlying used. */
    public double elasticity(final double underlying)
    {
        return price == 0.0 ? 0.0 : delta * underlying / price;
    }

    @Override
    public String toString()
    {
        return "OptionGreeks{" + status + ", price=" + price + ", delta=" + delta + ", gamma=" + gamma + ", vega=" + vega
            + ", theta=" + theta + ", rho=" + rho + ", dividendRho=" + dividendRho + '}';
    }
}
