package dev.vyuha.reference.pricing;

/**
 * The normalised Black function of Jäckel's "Let's Be Rational" (2016): with {@code x = ln(F/K)} and total volatility
 * {@code s = sigma * sqrt(T)}, an undiscounted Black call is worth {@code sqrt(F K) * b(x, s)} where
 *
 * <pre>b(x, s) = e^(x/2) N(x/s + s/2) - e^(-x/2) N(x/s - s/2)</pre>
 *
 * and a put is worth the same with {@code -x} (put-call symmetry). Every price and implied volatility in this package
 * goes through this one function, evaluated so that far-out-of-the-money values keep their relative accuracy:
 * in-the-money values are the intrinsic value plus the out-of-the-money value (put-call parity); below the
 * inflection point the difference of two cumulative normals is taken as a difference of scaled complementary error
 * functions, {@code b = exp(-(h^2+t^2)/2)/2 * [erfcx(-(h+t)/sqrt2) - erfcx(-(h-t)/sqrt2)]} with {@code h = x/s},
 * {@code t = s/2}, so nothing underflows before the result does; and far out of the money ({@code h + t <= -10})
 * the difference comes from the asymptotic series of the Mills ratio, differenced term by term so that it has no
 * cancellation however small t is.
 *
 * <p>Stateless and allocation-free.
 */
public final class NormalisedBlack
{
    /** Below this value of h + t the asymptotic Mills-ratio series converges to full precision within its budget. */
    private static final double ASYMPTOTIC_THRESHOLD = -10.0;
    /** Below this half total volatility the Taylor series in t is used (Jäckel uses the same bound, 2 eps^(1/16)). */
    private static final double SMALL_T_THRESHOLD = 0.21;
    private static final int MAX_SERIES_TERMS = 48;
    private static final double SERIES_TOLERANCE = 0x1.0p-56;
    /** 1/(n+1) for the Taylor series: a multiplication where the loop would otherwise divide every term. */
    private static final double[] RECIPROCALS = new double[MAX_SERIES_TERMS];

    static
    {
        for (int n = 0; n < MAX_SERIES_TERMS; n++)
        {
            RECIPROCALS[n] = 1.0 / (n + 1);
        }
    }

    private NormalisedBlack()
    {
    }

    /**
     * @param x    ln(F/K).
     * @param s    total volatility sigma * sqrt(T), &gt;= 0.
     * @param call true for a call, false for a put.
     * @return the normalised Black value b(x, s) of the option.
     */
    public static double value(final double x, final double s, final boolean call)
    {
        final double xc = call ? x : -x;
        if (xc > 0.0)
        {
            return intrinsic(xc) + outOfTheMoneyCall(-xc, s);
        }
        return outOfTheMoneyCall(xc, s);
    }

    /**
     * The normalised intrinsic value of a call: e^(x/2) - e^(-x/2) for x &gt; 0, else 0.
     *
     * @param x ln(F/K) seen from the option's side (positive in the money).
     * @return the normalised intrinsic value.
     */
    public static double intrinsic(final double x)
    {
        return x > 0.0 ? 2.0 * Math.sinh(0.5 * x) : 0.0;
    }

    /**
     * The value of an out-of-the-money (or at-the-money) call, x &lt;= 0; equal to the normalised time value.
     *
     * @param x ln(F/K) &lt;= 0.
     * @param s total volatility &gt;= 0.
     * @return b(x, s).
     */
    public static double outOfTheMoneyCall(final double x, final double s)
    {
        if (s <= 0.0)
        {
            return 0.0;
        }
        if (x == 0.0)
        {
            // b(0, s) = 2 N(s/2) - 1 = erf(s / (2 sqrt2)) = 1 - erfc(s / (2 sqrt2)); accurate as 1 - N(-s/2) * 2.
            return 1.0 - 2.0 * NormalDistribution.cdf(-0.5 * s);
        }
        final double h = x / s;
        final double t = 0.5 * s;
        if (h + t < 0.0)
        {
            return NormalDistribution.ONE_OVER_SQRT_TWO_PI * gaussianFactor(x, s, h, t) * millsRatioGap(h, t);
        }
        return Math.exp(0.5 * x) * NormalDistribution.cdf(h + t) - Math.exp(-0.5 * x) * NormalDistribution.cdf(h - t);
    }

    /**
     * Below the inflection point ({@code h + t < 0}, h = x/s, t = s/2) the value factors as
     * {@code b = exp(-(h^2+t^2)/2) / sqrt(2 pi) * D} with {@code D = Y(h+t) - Y(h-t)} the gap of the Mills ratio
     * {@code Y(z) = N(z)/phi(z)}; and since {@code db/ds = exp(-(h^2+t^2)/2) / sqrt(2 pi)}, {@code D} is also
     * {@code b / (db/ds)}. The implied-volatility search works with {@code ln b} and {@code D} directly and never
     * evaluates an exponential there.
     *
     * @param h x/s &lt; 0.
     * @param t s/2 &gt; 0, with h + t &lt; 0.
     * @return D, evaluated without cancellation in every regime.
     */
    static double millsRatioGap(final double h, final double t)
    {
        if (h + t <= ASYMPTOTIC_THRESHOLD)
        {
            // Far out of the money: the Mills-ratio series, differenced term by term, has no cancellation at all.
            return millsRatioDifference(h, t);
        }
        if (t < SMALL_T_THRESHOLD)
        {
            // Small total volatility (e.g. the last hour before expiry): a Taylor series in t, no cancellation.
            return smallTDifference(h, t);
        }
        // Both erfcx arguments are positive, nothing underflows, and with t >= 0.21 and h + t > -10 the subtraction
        // loses less than 25 ulps. Y(z) = sqrt(pi/2) erfcx(-z/sqrt2).
        return NormalDistribution.millsRatio(h + t) - NormalDistribution.millsRatio(h - t);
    }

    /**
     * {@code exp(-(h^2 + t^2)/2)} with h = x/s and the square carried in double-double (through fused multiply-adds),
     * so the rounding of h is not amplified by the exponential (it would cost 1e-13 relative at h = -25).
     */
    static double gaussianFactor(final double x, final double s, final double h, final double t)
    {
        final double hLow = Math.fma(-h, s, x) / s;
        final double hh = h * h;
        final double hhLow = Math.fma(h, h, -hh) + 2.0 * h * hLow;
        final double tt = t * t;
        final double ttLow = Math.fma(t, t, -tt);
        final double sum = hh + tt;
        final double sumLow = (hh - sum) + tt + hhLow + ttLow;
        return Math.exp(-0.5 * sum) * (1.0 - 0.5 * sumLow);
    }

    /**
     * {@code Y(h+t) - Y(h-t) = 2 sum_(k odd) Y^(k)(h) t^k / k!} for the Mills ratio {@code Y(z) = N(z)/phi(z)}, when
     * {@code t < 0.21} and {@code h > -10.21}. The derivatives follow from {@code Y' = 1 + z Y}:
     * {@code Y^(n+1) = h Y^(n) + n Y^(n-1)}. Only {@code Y'} carries a real cancellation (about h^2 ulps), and higher
     * derivatives enter with powers of t small enough that their own rounding does not show.
     */
    static double smallTDifference(final double h, final double t)
    {
        double previous = NormalDistribution.millsRatio(h);
        double current = 1.0 + h * previous;
        double power = t;
        double sum = current * t;
        for (int n = 1; n < MAX_SERIES_TERMS; n++)
        {
            final double next = h * current + n * previous;
            previous = current;
            current = next;
            power *= t * RECIPROCALS[n];
            if ((n & 1) == 0)
            {
                final double term = current * power;
                sum += term;
                if (Math.abs(term) <= SERIES_TOLERANCE * Math.abs(sum))
                {
                    break;
                }
            }
        }
        return 2.0 * sum;
    }

    /**
     * {@code Y(h+t) - Y(h-t)} for the Mills ratio {@code Y(z) = N(z)/phi(z)}, when {@code h + t <= -10}, from the
     * asymptotic series {@code Y(z) = sum_n (-1)^(n+1) (2n-1)!! z^-(2n+1)}. Each difference of powers is written as
     * {@code a^-m - b^-m = a^-m (1 - r) (1 + r + ... + r^(m-1))} with {@code a = h+t}, {@code b = h-t},
     * {@code r = a/b} in (0, 1) and {@code 1 - r = 2t/(t-h)}: every factor is computed without subtraction.
     */
    static double millsRatioDifference(final double h, final double t)
    {
        final double a = h + t;
        final double r = a / (h - t);
        final double oneMinusR = 2.0 * t / (t - h);
        final double inverseASquared = 1.0 / (a * a);
        double inversePower = 1.0 / a;
        double geometric = 1.0;
        double rPower = r;
        double doubleFactorial = 1.0;
        double sum = 0.0;
        for (int n = 0; n < MAX_SERIES_TERMS; n++)
        {
            final double difference = inversePower * oneMinusR * geometric;
            final double term = (n % 2 == 0 ? -doubleFactorial : doubleFactorial) * difference;
            sum += term;
            if (Math.abs(term) <= SERIES_TOLERANCE * Math.abs(sum))
            {
                break;
            }
            doubleFactorial *= 2 * n + 1;
            geometric += rPower * (1.0 + r);
            rPower *= r * r;
            inversePower *= inverseASquared;
        }
        return sum;
    }

    /**
     * The derivative of b with respect to s ("normalised vega"), the same for calls and puts:
     * {@code exp(-(x^2/s^2 + s^2/4)/2) / sqrt(2 pi)}.
     *
     * @param x ln(F/K).
     * @param s total volatility &gt; 0.
     * @return db/ds.
     */
    public static double vega(final double x, final double s)
    {
        final double h = x / s;
        final double t = 0.5 * s;
        return NormalDistribution.ONE_OVER_SQRT_TWO_PI * gaussianFactor(x, s, h, t);
    }
}
