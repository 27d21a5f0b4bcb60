package dev.vyuha.reference.pricing;

/**
 * Implied volatility from a European option price, to machine precision, in one to three safeguarded third-order
 * Householder steps on Jäckel's normalised Black function ({@link NormalisedBlack}).
 *
 * <p>Method. Put-call symmetry and parity turn any option into an out-of-the-money call on {@code x = -|ln(F/K)|}
 * with normalised time value {@code beta} in {@code (0, e^(x/2))}. The search solves {@code ln b(s) = ln beta} for the
 * total volatility {@code s}: close to linear in the far wings where {@code b} spans hundreds of orders of magnitude,
 * and cheap, since {@code ln b = -(h^2+t^2)/2 - ln sqrt(2 pi) + ln D} and {@code d(ln b)/ds = 1/D} with D the
 * Mills-ratio gap ({@link NormalisedBlack}): a step costs one logarithm and no exponential. The higher derivatives
 * are closed forms ({@code b'' = b' (x^2/s^3 - s/4)}).
 * <ul>
 *   <li>Small total volatility ({@code t = s/2 < 0.25}: index options from the expiry hour to months out). The start
 *       comes from the Bachelier limit of b, inverted by table and corrected for its O(t^2) factor
 *       ({@link NormalisedBachelier}). It lands within about 1e-7, so one Householder step (whose error is of order
 *       the fourth power of the step) finishes: one evaluation of b in all but about one case in a thousand.</li>
 *   <li>Large total volatility. b is convex below the inflection point {@code s_c = sqrt(2|x|)} and concave above it
 *       (Jäckel 2016); {@code b(s_c)} decides the branch. Below it the search solves for ln b as above, starting from
 *       Corrado and Miller's closed form near the money or the asymptotic expansion
 *       {@code ln b ~ -(h^2+t^2)/2 + ln(2t/((h^2-t^2) sqrt(2 pi)))} far from it; above it, it solves
 *       {@code b(s) = beta} from Corrado-Miller or Newton from the inflection point.</li>
 * </ul>
 * Every step is kept inside a bracket that every evaluation narrows; a step leaving it is replaced by bisection. The
 * search ends when a step changes {@code s} by less than 1e-5 relative, which leaves an error below the last ulp.
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
    /** A third-order Householder step at most this (relative) leaves an error of order its fourth power. */
    private static final double FINAL_STEP = 1e-5;
    /** The small-volatility start applies up to this half total volatility. */
    private static final double SMALL_T = 0.25;
    /** Below this half total volatility one pass of the correction factor is enough. */
    private static final double ONE_PASS_T = 0.02;
    /**
     * Where the small-volatility table starts. Reading it here also builds the table (about 10 ms) when the solver's
     * class loads, that is when the engine creates its solvers, not at the first tick that needs a volatility.
     */
    private static final double SMALLEST_TABLED_Q = NormalisedBachelier.minimumMinusLogTimeValue();
    private static final double ONE_SIXTH = 1.0 / 6.0;
    private static final double ONE_FORTIETH = 1.0 / 40.0;
    private static final double BOUND_ULPS = 4.0;
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
        final double growth = Math.exp(rate * t);
        final double carry = dividendYield == 0.0 ? growth : Math.exp((rate - dividendYield) * t);
        return fromUndiscounted(price * growth, spot * carry, strike, years, call);
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
        // The search on ln b works with ln(b/|x|) against q = -ln(target/|x|): one logarithm serves both the
        // small-volatility start and the search. (At x = 0 there is no such search: b itself is the objective.)
        final double inverseAbsX = -1.0 / x;
        final double q = x < 0.0 ? -Math.log(target * inverseAbsX) : Double.NEGATIVE_INFINITY;
        final double start = smallVolatilityStart(target, x, q);
        if (start > 0.0)
        {
            // For small t the Mills-ratio gap is accurate on both sides of the inflection point, so ln b serves as
            // the objective throughout, and the start is close enough that no bracket beyond (0, inf) is needed.
            return search(target, x, q, inverseAbsX, start, 0.0, Double.POSITIVE_INFINITY, x < 0.0);
        }
        return searchLargeVolatility(target, x, q, inverseAbsX);
    }

    /**
     * Large total volatility: decide the branch by {@code b(s_c)} at the inflection point {@code s_c = sqrt(2|x|)},
     * where {@code h = -t = -sqrt(|x|/2)} and {@code ln b(s_c) = x/2 - ln sqrt(2 pi) + ln D}, start from
     * Corrado-Miller, the asymptotic expansion or Newton from the inflection point, and keep the search in its branch.
     */
    private ImpliedVolatilityStatus searchLargeVolatility(
        final double target, final double x, final double q, final double inverseAbsX)
    {
        final double expHalfX = Math.exp(0.5 * x);
        if (target >= expHalfX)
        {
            return fail(ImpliedVolatilityStatus.ABOVE_MAXIMUM);
        }
        final double criticalS = Math.sqrt(-2.0 * x);
        double logRelativeCriticalValue = Double.NEGATIVE_INFINITY;
        double criticalGap = 0.0;
        if (x < 0.0)
        {
            criticalGap = NormalisedBlack.millsRatioGap(x / criticalS, 0.5 * criticalS);
            logRelativeCriticalValue =
                0.5 * x - NormalDistribution.LN_SQRT_TWO_PI + Math.log(criticalGap * inverseAbsX);
            iterations = 1;
        }
        final double nearTheMoney = corradoMiller(x, target, expHalfX);
        if (-q < logRelativeCriticalValue)
        {
            double s = nearTheMoney > 0.0 && nearTheMoney < criticalS && x >= NEAR_THE_MONEY_H * nearTheMoney ?
                nearTheMoney : lowerBranchGuess(x, q + Math.log(inverseAbsX));
            if (!(s > 0.0 && s < criticalS))
            {
                s = 0.5 * criticalS;
            }
            return search(target, x, q, inverseAbsX, s, 0.0, criticalS, true);
        }
        double s;
        if (nearTheMoney > criticalS)
        {
            s = nearTheMoney;
        }
        else
        {
            // Newton from the inflection point, where db/ds = b / D.
            final double criticalValue = Math.exp(logRelativeCriticalValue) * -x;
            s = criticalS + (target - criticalValue) * criticalGap / criticalValue;
        }
        if (!(s > criticalS) || Double.isInfinite(s))
        {
            s = 2.0 * criticalS + 1.0;
        }
        return search(target, x, q, inverseAbsX, s, criticalS, Double.POSITIVE_INFINITY, false);
    }

    /**
     * Third-order Householder steps from {@code start}, kept inside the bracket (lo, hi) that every evaluation narrows;
     * a step leaving it is replaced by bisection (or doubling while hi is infinite). The objective is
     * {@code ln b - ln beta} (logObjective) or {@code b - beta}; the derivatives of b are known in closed form,
     * {@code b' = vega}, {@code b'' = b' c}, {@code b''' = b' (c^2 + dc/ds)} with {@code c = x^2/s^3 - s/4}, and for
     * ln b, {@code (ln b)' = 1/D}. The search ends when a step changes s by less than {@link #FINAL_STEP} relative.
     */
    private ImpliedVolatilityStatus search(
        final double target,
        final double x,
        final double q,
        final double inverseAbsX,
        final double start,
        final double bracketLow,
        final double bracketHigh,
        final boolean logObjective)
    {
        double s = start;
        double lo = bracketLow;
        double hi = bracketHigh;
        final double xx = x * x;
        while (iterations < MAX_ITERATIONS)
        {
            iterations++;
            final double inverseS = 1.0 / s;
            final double xxOverSCubed = xx * inverseS * inverseS * inverseS;
            final double c = xxOverSCubed - 0.25 * s;
            final double dc = -3.0 * xxOverSCubed * inverseS - 0.25;
            final double f;
            final double newton;
            final double h2;
            final double h3;
            if (logObjective)
            {
                // ln b = -(h^2 + t^2)/2 - ln sqrt(2 pi) + ln D and (ln b)' = 1/D: no exponential needed.
                final double h = x * inverseS;
                final double t = 0.5 * s;
                final double gap = NormalisedBlack.millsRatioGap(h, t);
                final double g1 = 1.0 / gap;
                f = Math.log(gap * inverseAbsX) - 0.5 * (h * h + t * t) - NormalDistribution.LN_SQRT_TWO_PI + q;
                newton = -f * gap;
                h2 = c - g1;
                h3 = c * c + dc - g1 * (3.0 * c - 2.0 * g1);
            }
            else
            {
                f = NormalisedBlack.outOfTheMoneyCall(x, s) - target;
                newton = -f / NormalisedBlack.vega(x, s);
                h2 = c;
                h3 = c * c + dc;
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
            final double step = householder(newton, h2, h3);
            if (Math.abs(step) <= FINAL_STEP * s)
            {
                // Converged: a third-order step leaves an error of order the fourth power of the step, so after a
                // step this small what remains is below the last ulp. Checked before the bracket test, since at the
                // root the root is a bracket end.
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
     * Start for small total volatility, from the Bachelier limit {@code b = |x| psi(u) C(u, t)} ({@link
     * NormalisedBachelier}, {@code u = |x|/s}, {@code t = s/2}): invert psi with C = 1, evaluate ln C there and invert
     * again (twice when t is not small). Within about 1e-7 of the root for index options from the expiry hour to a
     * few months.
     *
     * @return the start, or 0 when it does not apply (t above {@link #SMALL_T}, or u beyond the table).
     */
    private static double smallVolatilityStart(final double target, final double x, final double q)
    {
        double position = NormalisedBachelier.position(q);
        if (position < 0.0)
        {
            if (!(q < SMALLEST_TABLED_Q))
            {
                return 0.0;
            }
            // Essentially at the money (u below 1.1e-3): b = s/sqrt(2 pi) (1 - t^2/6 + t^4/40) + x/2 + O(u^2 b).
            final double bachelier = NormalDistribution.SQRT_TWO_PI * (target - 0.5 * x);
            double s = bachelier;
            for (int pass = 0; pass < 2; pass++)
            {
                final double tt = 0.0625 * s * s;
                s = bachelier / (1.0 - tt * (ONE_SIXTH - tt * ONE_FORTIETH));
            }
            return s < 2.0 * SMALL_T ? s : 0.0;
        }
        double u = NormalisedBachelier.inverseAt(position);
        for (int pass = 0; pass < 2; pass++)
        {
            final double t = -0.5 * x / u;
            if (t > SMALL_T)
            {
                return 0.0;
            }
            position = NormalisedBachelier.position(q + NormalisedBachelier.logCorrectionAt(position, t));
            if (position < 0.0)
            {
                return 0.0;
            }
            u = NormalisedBachelier.inverseAt(position);
            if (t < ONE_PASS_T)
            {
                break;
            }
        }
        return -x / u;
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

    /**
     * A third-order Householder step, {@code nu (1 + nu h2/2) / (1 + nu h2 + nu^2 h3/6)} with {@code nu = -f/f'} the
     * Newton step, {@code h2 = f''/f'} and {@code h3 = f'''/f'}; far from the root, where its correction to Newton is
     * large, a Halley step (or Newton's).
     */
    private static double householder(final double newton, final double h2, final double h3)
    {
        final double halley = 1.0 + 0.5 * newton * h2;
        final double factor = halley / (1.0 + newton * (h2 + newton * h3 * ONE_SIXTH));
        if (factor > 0.5 && factor < 2.0)
        {
            return newton * factor;
        }
        if (halley > 0.5 && halley < 2.0)
        {
            return newton / halley;
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
