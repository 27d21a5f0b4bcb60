package dev.vyuha.reference.pricing;

/**
 * Black-76: a European option on a forward (or future) F, discounted at the continuously compounded rate r. Use it
 * with the futures price, or with the put-call-parity implied forward, as the basis.
 *
 * <pre>call = e^(-rT) [F N(d1) - K N(d2)],  put = e^(-rT) [K N(-d2) - F N(-d1)],
 * d1 = (ln(F/K) + sigma^2 T / 2) / (sigma sqrt T),  d2 = d1 - sigma sqrt T</pre>
 *
 * Times are in years, rates and volatilities per year as decimals (0.15 = 15 %). Stateless and allocation-free.
 */
public final class Black76
{
    private Black76()
    {
    }

    /**
     * The undiscounted price: the intrinsic value plus {@code sqrt(F K) b(-|ln(F/K)|, sigma sqrt T)}, the time value,
     * accurate relative to its value even far out of the money.
     *
     * @param forward    forward or futures price F &gt; 0.
     * @param strike     strike K &gt; 0.
     * @param years      time to expiry T &gt;= 0.
     * @param volatility sigma &gt;= 0.
     * @param call       true for a call.
     * @return the undiscounted price; NaN only if an input is NaN or out of domain.
     */
    public static double undiscountedPrice(
        final double forward, final double strike, final double years, final double volatility, final boolean call)
    {
        if (!(forward > 0.0) || !(strike > 0.0) || !(years >= 0.0) || !(volatility >= 0.0)
            || Double.isInfinite(forward) || Double.isInfinite(strike) || Double.isInfinite(years)
            || Double.isInfinite(volatility))
        {
            return Double.NaN;
        }
        // Intrinsic value in price space plus the out-of-the-money (time) value: exact put-call parity, and the same
        // split the implied-volatility search undoes, so prices and volatilities round-trip.
        final double intrinsic = Math.max(call ? forward - strike : strike - forward, 0.0);
        final double timeValue = NormalisedBlack.outOfTheMoneyCall(-Math.abs(Math.log(forward / strike)),
            volatility * Math.sqrt(years));
        return intrinsic + Math.sqrt(forward * strike) * timeValue;
    }

    /**
     * @param forward    forward F &gt; 0.
     * @param strike     strike K &gt; 0.
     * @param years      time to expiry T &gt;= 0.
     * @param volatility sigma &gt;= 0.
     * @param rate       continuously compounded discount rate r.
     * @param call       true for a call.
     * @return the discounted price; NaN only if an input is NaN or out of domain.
     */
    public static double price(
        final double forward,
        final double strike,
        final double years,
        final double volatility,
        final double rate,
        final boolean call)
    {
        return Math.exp(-rate * years) * undiscountedPrice(forward, strike, years, volatility, call);
    }

    /**
     * Price and sensitivities (with respect to F, sigma, calendar time and r; F is taken as independent of r).
     *
     * @param forward    forward F &gt; 0.
     * @param strike     strike K &gt; 0.
     * @param years      time to expiry T &gt;= 0.
     * @param volatility sigma &gt;= 0.
     * @param rate       continuously compounded discount rate r.
     * @param call       true for a call.
     * @param out        receives the results.
     * @return the status, also in {@code out}.
     */
    public static PricingStatus greeks(
        final double forward,
        final double strike,
        final double years,
        final double volatility,
        final double rate,
        final boolean call,
        final OptionGreeks out)
    {
        if (!(forward > 0.0) || !(strike > 0.0) || !(years >= 0.0) || !(volatility >= 0.0) || rate != rate
            || Double.isInfinite(forward) || Double.isInfinite(strike) || Double.isInfinite(years)
            || Double.isInfinite(volatility) || Double.isInfinite(rate))
        {
            out.invalid();
            return PricingStatus.INVALID_INPUT;
        }
        final double discount = Math.exp(-rate * years);
        final double sign = call ? 1.0 : -1.0;
        final double totalVolatility = volatility * Math.sqrt(years);
        if (totalVolatility == 0.0)
        {
            final double intrinsic = Math.max(sign * (forward - strike), 0.0);
            final double delta = sign * (forward - strike) > 0.0 ? sign * discount : 0.0;
            out.set(PricingStatus.AT_EXPIRY, discount * intrinsic, delta, 0.0, 0.0, rate * discount * intrinsic,
                -years * discount * intrinsic, 0.0);
            return PricingStatus.AT_EXPIRY;
        }
        final double d1 = Math.log(forward / strike) / totalVolatility + 0.5 * totalVolatility;
        final double d2 = d1 - totalVolatility;
        // One Gaussian serves all: phi(d1), and phi(d2) = phi(d1) F/K.
        final double gaussian = NormalDistribution.expMinusHalfSquare(d1);
        final double density = NormalDistribution.ONE_OVER_SQRT_TWO_PI * gaussian;
        final double nd1 = NormalDistribution.cdf(sign * d1, gaussian);
        final double nd2 = NormalDistribution.cdf(sign * d2, gaussian * (forward / strike));
        final double price = discount * sign * (forward * nd1 - strike * nd2);
        final double vega = discount * forward * density * Math.sqrt(years);
        final double theta = -discount * forward * density * volatility / (2.0 * Math.sqrt(years)) + rate * price;
        out.set(PricingStatus.OK, price, sign * discount * nd1, discount * density / (forward * totalVolatility), vega,
            theta, -years * price, 0.0);
        return PricingStatus.OK;
    }
}
