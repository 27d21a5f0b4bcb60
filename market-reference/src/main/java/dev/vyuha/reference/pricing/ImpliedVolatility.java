package dev.vyuha.reference.pricing;

/**
 * Implied volatility from a European option price, to machine precision, in a few safeguarded Halley steps on
 * Jäckel's normalised Black function ({@link NormalisedBlack}).
 *
 * <p>Method. Put-call symmetry and parity turn any option into an out-of-the-money call on {@code x = -|ln(F/K)|}
 * with normalised time value {@code beta} in {@code (0, e^(x/2))}. As a function of total volatility {@code s} the
 * normalised value {@code b(s)} is convex below the inflection point {@code s_c = sqrt(2|x|)} and concave above it
 * (Jäckel 2016). Below {@code b(s_c)} the search solves {@code ln b(s) = ln beta}, which is close to linear in the
 * far wings where {@code b} spans hundreds of orders of magnitude. There {@code ln b = -(h^2+t^2)/2 - ln sqrt(2 pi)
 * + ln D} and {@code d(ln b)/ds = 1/D} with D the Mills-ratio gap ({@link NormalisedBlack}), so a step costs one
 * logarithm and no exponential. Above it, it solves {@code b(s) = beta}. Near the money the search starts from Corrado
 * and Miller's closed form (within 1e-3 there), far from it from the asymptotic expansion
 * {@code ln b ~ -(h^2+t^2)/2 + ln(2t/((h^2-t^2) sqrt(2 pi)))}. Each step is a Halley step (the second derivative of {@code b} is known in closed form:
 * {@code b'' = b' (x^2/s^3 - s/4)}), kept inside a bracket that every evaluation narrows; a step leaving the bracket is
 * replaced by bisection. The search ends when a step changes {@code s} by less than a few ulps.
 *
 * <p>Accuracy: on the 939 testable Let's-Be-Rational reference vectors the recovered volatility matches the input to
 * better than 1e-9 (see {@code ImpliedVolatilityTest}). Prices below intrinsic, at or above the upper bound, with zero
 * time to expiry or with invalid inputs return an explicit status, never NaN.
 *
 * <p>Not thread safe (it keeps the last result); allocation-free. One instance per thread.
 */
public final class ImpliedVolatility
{
    private static final int MAX_ITERATIONS = 64;
    /** A Halley step at most this (relative) leaves an error of order its cube: below 1e-17. */
    private static final double FINAL_STEP = 2e-6;
    private static final double BOUND_ULPS = 4.0;
    private static final double LN_SQRT_TWO_PI = 0.9189385332046727417803297364056176398614;
    /** Corrado-Miller starts the search when the h it implies is above this (closer to the money). */
    private static final double NEAR_THE_MONEY_H = -1.2;

    private double volatility;
    private int iterations;
    private ImpliedVolatilityStatus status = ImpliedVolatilityStatus.INVALID_INPUT;

    /**
     * Implied volatility from a Black-76 price (an option on a forward or future, discounted at r).
     *
     * @param price   discounted option price &gt; 0.
     * @param forward forward F &gt; 0.
     * @param strike  strike K &gt; 0.
     * @param years   time to expiry T &gt; 0.
     * @param rate    continuously compounded discount rate.
     * @param call    true for a call.
     * @return the status; {@link #volatility()} holds the answer when OK or AT_INTRINSIC.
     */
    public ImpliedVolatilityStatus fromBlack76(
        final double price,
        final double forward,
        final double strike,
        final double years,
        final double rate,
        final boolean call)
    {
        if (rate != rate || Double.isInfinite(rate))
        {
            return fail(ImpliedVolatilityStatus.INVALID_INPUT);
        }
        return fromUndiscounted(price * Math.exp(rate * Math.max(years, 0.0)), forward, strike, years, call);
    }

    /**
     * Implied volatility from a Black-Scholes-Merton price (an option on a spot with dividend yield q).
     *
     * @param price         option price &gt; 0.
     * @param spot          S &gt; 0.
     * @param strike        K &gt; 0.
     * @param years         T &gt; 0.
     * @param rate          r.
     * @param dividendYield q.
     * @param call          true for a call.
     * @return the status; {@link #volatility()} holds the answer when OK or AT_INTRINSIC.
     */
    public ImpliedVolatilityStatus fromBlackScholes(
        final double price,
        final double spot,
        final double strike,
        final double years,
        final double rate,
        final double dividendYield,
        final boolean call)
    {
        if (rate != rate || dividendYield != dividendYield || Double.isInfinite(rate)
            || Double.isInfinite(dividendYield))
        {
            return fail(ImpliedVolatilityStatus.INVALID_INPUT);
        }
        final double t = Math.max(years, 0.0);
        return fromUndiscounted(price * Math.exp(rate * t), spot * Math.exp((rate - dividendYield) * t), strike, years,
            call);
    }

    /**
     * Implied volatility from an undiscounted Black price.
     *
     * @param price   undiscounted option price &gt; 0.
     * @param forward forward F &gt; 0.
     * @param strike  strike K &gt; 0.
     * @param years   time to expiry T &gt; 0.
     * @param call    true for a call.
     * @return the status; {@link #volatility()} holds the answer when OK or AT_INTRINSIC.
     */
    public ImpliedVolatilityStatus fromUndiscounted(
        final double price, final double forward, final double strike, final double years, final boolean call)
    {
        if (!(price > 0.0) || !(forward > 0.0) || !(strike > 0.0) || years != years || Double.isInfinite(price)
            || Double.isInfinite(forward) || Double.isInfinite(strike) || Double.isInfinite(years))
        {
            return fail(price == 0.0 && forward > 0.0 && strike > 0.0 ?
                ImpliedVolatilityStatus.BELOW_INTRINSIC : ImpliedVolatilityStatus.INVALID_INPUT);
        }
        if (!(years > 0.0))
        {
            return fail(ImpliedVolatilityStatus.EXPIRED);
        }
        // Bounds are checked on prices, where "equal" is meaningful: a call is worth between max(F-K, 0) and F,
        // a put between max(K-F, 0) and K (undiscounted). Within a few ulps of a bound counts as the bound.
        final double tolerance = BOUND_ULPS * Math.ulp(Math.max(forward, strike));
        final double intrinsic = Math.max(call ? forward - strike : strike - forward, 0.0);
        final double maximum = call ? forward : strike;
        if (price < intrinsic - tolerance)
        {
            return fail(ImpliedVolatilityStatus.BELOW_INTRINSIC);
        }
        if (price >= maximum - tolerance)
        {
            return fail(ImpliedVolatilityStatus.ABOVE_MAXIMUM);
        }
        if (price <= intrinsic + tolerance)
        {
            volatility = 0.0;
            iterations = 0;
            return status = ImpliedVolatilityStatus.AT_INTRINSIC;
        }
        // The time value is taken in price space, where price - (F - K) is exact or nearly so; in normalised space
        // both terms would carry their own rounding (10x worse for deep in-the-money options).
        final double outOfTheMoneyX = -Math.abs(Math.log(forward / strike));
        final ImpliedVolatilityStatus result =
            totalVolatility((price - intrinsic) / Math.sqrt(forward * strike), outOfTheMoneyX);
        if (result == ImpliedVolatilityStatus.OK || result == ImpliedVolatilityStatus.AT_INTRINSIC)
        {
            volatility /= Math.sqrt(years);
        }
        return status = result;
    }

    /**
     * @return the implied volatility of the last successful search (per year, decimal); 0 after a failure.
     */
    public double volatility()
    {
        return volatility;
    }

    /**
     * @return the status of the last search.
     */
    public ImpliedVolatilityStatus status()
    {
        return status;
    }

    /**
     * @return normalised-Black evaluations used by the last search.
     */
    public int iterations()
    {
        return iterations;
    }

    /**
     * Solve {@code b(x, s) = target} for the total volatility s of an out-of-the-money call (x &lt;= 0), target being
     * the normalised time value. Leaves s in {@link #volatility}.
     */
    private ImpliedVolatilityStatus totalVolatility(final double target, final double x)
    {
        iterations = 0;
        if (!(target > 0.0))
        {
            volatility = 0.0;
            return ImpliedVolatilityStatus.AT_INTRINSIC;
        }
        final double expHalfX = Math.exp(0.5 * x);
        if (target >= expHalfX)
        {
            return fail(ImpliedVolatilityStatus.ABOVE_MAXIMUM);
        }
        final double logTarget = Math.log(target);
        final double criticalS = Math.sqrt(-2.0 * x);

        // Which side of the inflection point: ln b(s_c), where h = -t = -sqrt(-x/2), is x/2 - ln sqrt(2 pi) + ln D.
        double logCriticalValue = Double.NEGATIVE_INFINITY;
        double criticalGap = 0.0;
        if (x < 0.0)
        {
            criticalGap = NormalisedBlack.millsRatioGap(x / criticalS, 0.5 * criticalS);
            logCriticalValue = 0.5 * x - LN_SQRT_TWO_PI + Math.log(criticalGap);
            iterations = 1;
        }
        final boolean lowerBranch = logTarget < logCriticalValue;

        final double nearTheMoney = corradoMiller(x, target, expHalfX);
        double lo;
        double hi;
        double s;
        if (lowerBranch)
        {
            lo = 0.0;
            hi = criticalS;
            s = nearTheMoney > 0.0 && nearTheMoney < criticalS && x >= NEAR_THE_MONEY_H * nearTheMoney ?
                nearTheMoney : lowerBranchGuess(x, -logTarget);
            if (!(s > lo && s < hi))
            {
                s = 0.5 * criticalS;
            }
        }
        else
        {
            lo = criticalS;
            hi = Double.POSITIVE_INFINITY;
            if (nearTheMoney > criticalS)
            {
                s = nearTheMoney;
            }
            else
            {
                // Newton from the inflection point, where db/ds = b / D.
                final double criticalValue = Math.exp(logCriticalValue);
                s = criticalS + (target - criticalValue) * criticalGap / criticalValue;
            }
            if (!(s > lo) || Double.isInfinite(s))
            {
                s = 2.0 * criticalS + 1.0;
            }
        }

        while (iterations < MAX_ITERATIONS)
        {
            iterations++;
            final double f;
            final double f1;
            final double f2;
            final double curvatureFactor = x * x / (s * s * s) - 0.25 * s;
            if (lowerBranch)
            {
                // ln b = -(h^2 + t^2)/2 - ln sqrt(2 pi) + ln D and d(ln b)/ds = 1/D: no exponential needed.
                final double h = x / s;
                final double t = 0.5 * s;
                final double gap = NormalisedBlack.millsRatioGap(h, t);
                f = -0.5 * (h * h + t * t) - LN_SQRT_TWO_PI + Math.log(gap) - logTarget;
                f1 = 1.0 / gap;
                f2 = f1 * curvatureFactor - f1 * f1;
            }
            else
            {
                final double vega = NormalisedBlack.vega(x, s);
                f = NormalisedBlack.outOfTheMoneyCall(x, s) - target;
                f1 = vega;
                f2 = vega * curvatureFactor;
            }
            if (f == 0.0)
            {
                volatility = s;
                return ImpliedVolatilityStatus.OK;
            }
            if (f < 0.0)
            {
                lo = s;
            }
            else
            {
                hi = s;
            }
            final double step = halley(f, f1, f2);
            if (Math.abs(step) <= FINAL_STEP * s)
            {
                // Converged: Halley's error is cubic in the step, so after a step this small what remains is below
                // the last ulp. Checked before the bracket test, since at the root the root is a bracket end.
                volatility = s + step;
                return ImpliedVolatilityStatus.OK;
            }
            double next = s + step;
            if (!(next > lo && next < hi))
            {
                next = Double.isInfinite(hi) ? 2.0 * s : 0.5 * (lo + hi);
            }
            s = next;
        }
        return fail(ImpliedVolatilityStatus.NO_CONVERGENCE);
    }

    /**
     * Corrado and Miller's closed-form approximation in normalised units ({@code F = e^(x/2)}, {@code K = e^(-x/2)}):
     * within 1e-3 relative near the money ({@code |h| < 0.5}), poor far from it.
     *
     * @return the approximate total volatility, or 0 if the formula does not apply.
     */
    private static double corradoMiller(final double x, final double target, final double expHalfX)
    {
        final double halfForwardMinusStrike = 0.5 * (expHalfX - 1.0 / expHalfX);
        final double forwardPlusStrike = expHalfX + 1.0 / expHalfX;
        final double excess = target - halfForwardMinusStrike;
        final double discriminant = excess * excess - 4.0 * halfForwardMinusStrike * halfForwardMinusStrike / Math.PI;
        final double s = NormalDistribution.SQRT_TWO_PI / forwardPlusStrike
            * (excess + Math.sqrt(Math.max(discriminant, 0.0)));
        return s > 0.0 && Double.isFinite(s) ? s : 0.0;
    }

    /**
     * Starting point below the inflection: solve the asymptotic expansion
     * {@code -ln b = (h^2 + t^2)/2 - ln(2t / ((h^2 - t^2) sqrt(2 pi)))} (h = x/s, t = s/2) for s by two fixed-point
     * passes, each the smaller root of {@code u^2/8 - L u + x^2/2 = 0} in {@code u = s^2}.
     */
    private static double lowerBranchGuess(final double x, final double minusLogTarget)
    {
        double l = minusLogTarget;
        double s = smallerRoot(x, l);
        for (int pass = 0; pass < 2; pass++)
        {
            final double h = x / s;
            final double t = 0.5 * s;
            if (h * h <= 4.0 * t * t)
            {
                break;
            }
            l = minusLogTarget + Math.log(2.0 * t / ((h * h - t * t) * NormalDistribution.SQRT_TWO_PI));
            if (!(l > 0.5 * -x))
            {
                break;
            }
            s = smallerRoot(x, l);
        }
        return s;
    }

    /** Smaller positive root s of {@code s^4/8 - L s^2 + x^2/2 = 0}, written without cancellation. */
    private static double smallerRoot(final double x, final double l)
    {
        final double discriminant = Math.max(l * l - 0.25 * x * x, 0.0);
        return -x / Math.sqrt(l + Math.sqrt(discriminant));
    }

    private static double halley(final double f, final double f1, final double f2)
    {
        final double newton = -f / f1;
        final double denominator = 1.0 + 0.5 * newton * f2 / f1;
        if (denominator > 0.5 && denominator < 2.0)
        {
            return newton / denominator;
        }
        return newton;
    }

    private ImpliedVolatilityStatus fail(final ImpliedVolatilityStatus failure)
    {
        volatility = 0.0;
        status = failure;
        return failure;
    }
}
