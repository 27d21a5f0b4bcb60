package dev.vyuha.reference.pricing;

/**
 * Black-Scholes-Merton: a European option on a spot S paying a continuous dividend yield q, discounted at the
 * continuously compounded rate r; equivalently Black-76 on the forward {@code F = S e^((r-q)T)}.
 *
 * <pre>call = S e^(-qT) N(d1) - K e^(-rT) N(d2),  put = K e^(-rT) N(-d2) - S e^(-qT) N(-d1),
 * d1 = (ln(S/K) + (r - q + sigma^2/2) T) / (sigma sqrt T),  d2 = d1 - sigma sqrt T</pre>
 *
 * Times are in years, rates, yields and volatilities per year as decimals. Stateless and allocation-free.
 */
public final class BlackScholesMerton
{
    private BlackScholesMerton()
    {
    }

    /**
     * @param spot          S &gt; 0.
     * @param strike        K &gt; 0.
     * @param years         T &gt;= 0.
     * @param volatility    sigma &gt;= 0.
     * @param rate          r.
     * @param dividendYield q.
     * @param call          true for a call.
     * @return the price, accurate relative to its value far out of the money; NaN only for NaN/out-of-domain input.
     */
    public static double price(
        final double spot,
        final double strike,
        final double years,
        final double volatility,
        final double rate,
        final double dividendYield,
        final boolean call)
    {
        final double forward = spot * Math.exp((rate - dividendYield) * years);
        return Black76.price(forward, strike, years, volatility, rate, call);
    }

    /**
     * Price and sensitivities with respect to S, sigma, calendar time, r and q.
     *
     * @param spot          S &gt; 0.
     * @param strike        K &gt; 0.
     * @param years         T &gt;= 0.
     * @param volatility    sigma &gt;= 0.
     * @param rate          r.
     * @param dividendYield q.
     * @param call          true for a call.
     * @param out           receives the results.
     * @return the status, also in {@code out}.
     */
    public static PricingStatus greeks(
        final double spot,
        final double strike,
        final double years,
        final double volatility,
        final double rate,
        final double dividendYield,
        final boolean call,
        final OptionGreeks out)
    {
        if (!(spot > 0.0) || !(strike > 0.0) || !(years >= 0.0) || !(volatility >= 0.0) || rate != rate
            || dividendYield != dividendYield || Double.isInfinite(spot) || Double.isInfinite(strike)
            || Double.isInfinite(years) || Double.isInfinite(volatility) || Double.isInfinite(rate)
            || Double.isInfinite(dividendYield))
        {
            out.invalid();
            return PricingStatus.INVALID_INPUT;
        }
        final double sign = call ? 1.0 : -1.0;
        final double discount = Math.exp(-rate * years);
        final double carry = dividendYield == 0.0 ? 1.0 : Math.exp(-dividendYield * years);
        final double sqrtYears = Math.sqrt(years);
        final double totalVolatility = volatility * sqrtYears;
        if (totalVolatility == 0.0)
        {
            final double payoff = sign * (spot * carry - strike * discount);
            final double price = Math.max(payoff, 0.0);
            final boolean inTheMoney = payoff > 0.0;
            out.set(PricingStatus.AT_EXPIRY, price, inTheMoney ? sign * carry : 0.0, 0.0, 0.0,
                inTheMoney ? sign * (dividendYield * spot * carry - rate * strike * discount) : 0.0,
                inTheMoney ? sign * strike * years * discount : 0.0,
                inTheMoney ? -sign * spot * years * carry : 0.0);
            return PricingStatus.AT_EXPIRY;
        }
        final double d1 = (Math.log(spot / strike) + (rate - dividendYield) * years) / totalVolatility
            + 0.5 * totalVolatility;
        final double d2 = d1 - totalVolatility;
        final double spotCarry = spot * carry;
        final double strikeDiscount = strike * discount;
        // One Gaussian serves all: phi(d1), and phi(d2) = phi(d1) F/K with F/K = S e^(-qT) / (K e^(-rT)).
        final double gaussian = NormalDistribution.expMinusHalfSquare(d1);
        final double density = NormalDistribution.ONE_OVER_SQRT_TWO_PI * gaussian;
        final double nd1 = NormalDistribution.cdf(sign * d1, gaussian);
        final double nd2 = NormalDistribution.cdf(sign * d2, gaussian * (spotCarry / strikeDiscount));
        final double price = sign * (spotCarry * nd1 - strikeDiscount * nd2);
        final double theta = -spotCarry * density * volatility / (2.0 * sqrtYears)
            - sign * rate * strikeDiscount * nd2 + sign * dividendYield * spotCarry * nd1;
        out.set(PricingStatus.OK, price, sign * carry * nd1, carry * density / (spot * totalVolatility),
            spotCarry * density * sqrtYears, theta, sign * strikeDiscount * years * nd2,
            -sign * spotCarry * years * nd1);
        return PricingStatus.OK;
    }
}
