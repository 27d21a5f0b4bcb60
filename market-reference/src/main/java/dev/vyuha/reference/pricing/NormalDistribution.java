package dev.vyuha.reference.pricing;

/**
 * The standard normal distribution to near machine precision in both tails: density, cumulative distribution, the
 * scaled complementary error function and the inverse cumulative distribution.
 *
 * <p>The complementary error function uses W. J. Cody's rational Chebyshev approximations ("Rational Chebyshev
 * approximations for the error function", Math. Comp. 23, 1969, 631-638; coefficients as in Cody's CALERF), which are
 * accurate to about 1e-16 relative. {@code exp(-y*y)} is evaluated with the rounding error of {@code y*y} corrected
 * through a fused multiply-add, so tail probabilities keep their relative accuracy down to 1e-300. The inverse is
 * Acklam's rational approximation refined by one Halley step against {@link #cdf}.
 *
 * <p>Stateless and allocation-free.
 */
public final class NormalDistribution
{
    /** 1 / sqrt(2 pi). */
    public static final double ONE_OVER_SQRT_TWO_PI = 0.3989422804014326779399460599343818684759;
    /** sqrt(2 pi). */
    public static final double SQRT_TWO_PI = 2.506628274631000502415765284811045253007;

    private static final double ONE_OVER_SQRT_TWO = 0.7071067811865475244008443621048490392848;
    private static final double SQRT_PI_OVER_TWO = 1.2533141373155002512078826424055226265035;
    /** ln sqrt(2 pi). */
    static final double LN_SQRT_TWO_PI = 0.9189385332046727417803297364056176398614;
    private static final double ONE_OVER_SQRT_PI = 0.5641895835477562869480794515607725858441;
    private static final double THRESHOLD = 0.46875;
    private static final double X_BIG = 26.543;
    private static final double X_HUGE = 6.71e7;
    private static final double X_MAX = 2.53e307;
    private static final double X_SMALL = 1.11e-16;

    private static final double A0 = 3.1611237438705656;
    private static final double A1 = 113.864154151050156;
    private static final double A2 = 377.485237685302021;
    private static final double A3 = 3209.37758913846947;
    private static final double A4 = 0.185777706184603153;
    private static final double B0 = 23.6012909523441209;
    private static final double B1 = 244.024637934444173;
    private static final double B2 = 1282.61652607737228;
    private static final double B3 = 2844.23683343917062;

    private static final double C0 = 0.564188496988670089;
    private static final double C1 = 8.88314979438837594;
    private static final double C2 = 66.1191906371416295;
    private static final double C3 = 298.635138197400131;
    private static final double C4 = 881.95222124176909;
    private static final double C5 = 1712.04761263407058;
    private static final double C6 = 2051.07837782607147;
    private static final double C7 = 1230.33935479799725;
    private static final double C8 = 2.15311535474403846e-8;
    private static final double D0 = 15.7449261107098347;
    private static final double D1 = 117.693950891312499;
    private static final double D2 = 537.181101862009858;
    private static final double D3 = 1621.38957456669019;
    private static final double D4 = 3290.79923573345963;
    private static final double D5 = 4362.61909014324716;
    private static final double D6 = 3439.36767414372164;
    private static final double D7 = 1230.33935480374942;

    private static final double P0 = 0.305326634961232344;
    private static final double P1 = 0.360344899949804439;
    private static final double P2 = 0.125781726111229246;
    private static final double P3 = 0.0160837851487422766;
    private static final double P4 = 6.58749161529837803e-4;
    private static final double P5 = 0.0163153871373020978;
    private static final double Q0 = 2.56852019228982242;
    private static final double Q1 = 1.87295284992346047;
    private static final double Q2 = 0.527905102951428412;
    private static final double Q3 = 0.0605183413124413191;
    private static final double Q4 = 0.00233520497626869185;

    // Acklam's inverse normal coefficients.
    private static final double IA1 = -3.969683028665376e+01;
    private static final double IA2 = 2.209460984245205e+02;
    private static final double IA3 = -2.759285104469687e+02;
    private static final double IA4 = 1.383577518672690e+02;
    private static final double IA5 = -3.066479806614716e+01;
    private static final double IA6 = 2.506628277459239e+00;
    private static final double IB1 = -5.447609879822406e+01;
    private static final double IB2 = 1.615858368580409e+02;
    private static final double IB3 = -1.556989798598866e+02;
    private static final double IB4 = 6.680131188771972e+01;
    private static final double IB5 = -1.328068155288572e+01;
    private static final double IC1 = -7.784894002430293e-03;
    private static final double IC2 = -3.223964580411365e-01;
    private static final double IC3 = -2.400758277161838e+00;
    private static final double IC4 = -2.549732539343734e+00;
    private static final double IC5 = 4.374664141464968e+00;
    private static final double IC6 = 2.938163982698783e+00;
    private static final double ID1 = 7.784695709041462e-03;
    private static final double ID2 = 3.224671290700398e-01;
    private static final double ID3 = 2.445134137142996e+00;
    private static final double ID4 = 3.754408661907416e+00;
    private static final double P_LOW = 0.02425;

    private NormalDistribution()
    {
    }

    /**
     * @param x any real.
     * @return the standard normal density at x.
     */
    public static double pdf(final double x)
    {
        return ONE_OVER_SQRT_TWO_PI * expMinusHalfSquare(x);
    }

    /**
     * @param x any real.
     * @return P(Z &lt;= x) for a standard normal Z, accurate relative to its value in both tails.
     */
    public static double cdf(final double x)
    {
        final double z = -x * ONE_OVER_SQRT_TWO;
        final double y = Math.abs(z);
        if (y <= THRESHOLD)
        {
            return 0.5 - 0.5 * erfSmall(z);
        }
        // erfc(y) = erfcx(y) exp(-y^2) with exp(-y^2) = exp(-x^2/2) taken from x itself: forming y = x/sqrt2 first
        // would let its rounding grow through the exponential (1e-13 relative at x = -37).
        final double scaled;
        if (y <= 4.0)
        {
            scaled = middleRational(y);
        }
        else if (y >= X_BIG)
        {
            return z > 0.0 ? 0.0 : 1.0;
        }
        else
        {
            scaled = tailRational(y);
        }
        final double tail = 0.5 * scaled * expMinusHalfSquare(x);
        return z > 0.0 ? tail : 1.0 - tail;
    }

    /**
     * {@link #cdf} when the caller already holds {@code exp(-x^2/2)}: pricing gets N(d2) from N(d1)'s Gaussian via
     * {@code exp(-d2^2/2) = exp(-d1^2/2) F/K}, saving an exponential per Greek evaluation.
     *
     * @param x        any real.
     * @param gaussian exp(-x^2/2).
     * @return P(Z &lt;= x).
     */
    static double cdf(final double x, final double gaussian)
    {
        final double z = -x * ONE_OVER_SQRT_TWO;
        final double y = Math.abs(z);
        if (y <= THRESHOLD)
        {
            return 0.5 - 0.5 * erfSmall(z);
        }
        if (y >= X_BIG)
        {
            return z > 0.0 ? 0.0 : 1.0;
        }
        final double tail = 0.5 * (y <= 4.0 ? middleRational(y) : tailRational(y)) * gaussian;
        return z > 0.0 ? tail : 1.0 - tail;
    }

    /**
     * The scaled complementary error function {@code exp(x*x) * erfc(x)}: finite and accurate where {@code erfc}
     * underflows, which is what keeps far out-of-the-money option values accurate.
     *
     * @param x any real; for x below -26.6 the result overflows to +infinity.
     * @return exp(x^2) erfc(x).
     */
    public static double erfcx(final double x)
    {
        final double y = Math.abs(x);
        final double scaled;
        if (y <= THRESHOLD)
        {
            return Math.exp(x * x) * (1.0 - erfSmall(x));
        }
        if (y <= 4.0)
        {
            scaled = middleRational(y);
        }
        else if (y >= X_MAX)
        {
            scaled = 0.0;
        }
        else if (y >= X_HUGE)
        {
            scaled = ONE_OVER_SQRT_PI / y;
        }
        else
        {
            scaled = tailRational(y);
        }
        if (x >= 0.0)
        {
            return scaled;
        }
        // erfcx(-y) = 2 exp(y^2) - erfcx(y)
        return 2.0 * expSquare(y) - scaled;
    }

    /**
     * @param x any real.
     * @return the complementary error function, accurate relative to its value down to the smallest doubles.
     */
    public static double erfc(final double x)
    {
        final double y = Math.abs(x);
        final double result;
        if (y <= THRESHOLD)
        {
            return 1.0 - erfSmall(x);
        }
        if (y <= 4.0)
        {
            result = middleRational(y) * expMinusSquare(y);
        }
        else if (y >= X_BIG)
        {
            result = 0.0;
        }
        else
        {
            result = tailRational(y) * expMinusSquare(y);
        }
        return x < 0.0 ? 2.0 - result : result;
    }

    /**
     * Inverse of {@link #cdf}.
     *
     * @param p probability in (0, 1).
     * @return x with cdf(x) = p; -infinity for p &lt;= 0, +infinity for p &gt;= 1, NaN for NaN.
     */
    public static double inverseCdf(final double p)
    {
        if (p <= 0.0)
        {
            return Double.NEGATIVE_INFINITY;
        }
        if (p >= 1.0)
        {
            return Double.POSITIVE_INFINITY;
        }
        if (p != p)
        {
            return Double.NaN;
        }
        double x;
        if (p < P_LOW)
        {
            final double q = Math.sqrt(-2.0 * Math.log(p));
            x = (((((IC1 * q + IC2) * q + IC3) * q + IC4) * q + IC5) * q + IC6)
                / ((((ID1 * q + ID2) * q + ID3) * q + ID4) * q + 1.0);
        }
        else if (p <= 1.0 - P_LOW)
        {
            final double q = p - 0.5;
            final double r = q * q;
            x = (((((IA1 * r + IA2) * r + IA3) * r + IA4) * r + IA5) * r + IA6) * q
                / (((((IB1 * r + IB2) * r + IB3) * r + IB4) * r + IB5) * r + 1.0);
        }
        else
        {
            final double q = Math.sqrt(-2.0 * Math.log1p(-p));
            x = -(((((IC1 * q + IC2) * q + IC3) * q + IC4) * q + IC5) * q + IC6)
                / ((((ID1 * q + ID2) * q + ID3) * q + ID4) * q + 1.0);
        }
        // One Halley step against the accurate cdf. Both forms are cdf(x) - p; the second works in the upper tail.
        final double e = x < 0.0 ? cdf(x) - p : (1.0 - p) - cdf(-x);
        final double u = e * SQRT_TWO_PI / expMinusHalfSquare(x);
        return x - u / (1.0 + 0.5 * x * u);
    }

    /**
     * The Mills ratio {@code Y(z) = N(z) / phi(z) = sqrt(pi/2) erfcx(-z/sqrt2)}: finite where N(z) and phi(z) both
     * underflow (z far below zero, where Y(z) is close to -1/z).
     *
     * @param z any real above -26.6 sqrt2 (beyond, erfcx overflows to +infinity).
     * @return N(z)/phi(z).
     */
    static double millsRatio(final double z)
    {
        return SQRT_PI_OVER_TWO * erfcx(-z * ONE_OVER_SQRT_TWO);
    }

    /**
     * {@code exp(-x*x/2)} with the rounding error of the square corrected, so the result keeps its relative accuracy
     * for large |x|.
     *
     * @param x any real.
     * @return exp(-x^2/2).
     */
    public static double expMinusHalfSquare(final double x)
    {
        final double hi = x * x;
        final double lo = Math.fma(x, x, -hi);
        return Math.exp(-0.5 * hi) * (1.0 - 0.5 * lo);
    }

    private static double erfSmall(final double x)
    {
        final double y = Math.abs(x);
        final double ysq = y > X_SMALL ? y * y : 0.0;
        double numerator = A4 * ysq;
        double denominator = ysq;
        numerator = (numerator + A0) * ysq;
        denominator = (denominator + B0) * ysq;
        numerator = (numerator + A1) * ysq;
        denominator = (denominator + B1) * ysq;
        numerator = (numerator + A2) * ysq;
        denominator = (denominator + B2) * ysq;
        return x * (numerator + A3) / (denominator + B3);
    }

    private static double middleRational(final double y)
    {
        double numerator = C8 * y;
        double denominator = y;
        numerator = (numerator + C0) * y;
        denominator = (denominator + D0) * y;
        numerator = (numerator + C1) * y;
        denominator = (denominator + D1) * y;
        numerator = (numerator + C2) * y;
        denominator = (denominator + D2) * y;
        numerator = (numerator + C3) * y;
        denominator = (denominator + D3) * y;
        numerator = (numerator + C4) * y;
        denominator = (denominator + D4) * y;
        numerator = (numerator + C5) * y;
        denominator = (denominator + D5) * y;
        numerator = (numerator + C6) * y;
        denominator = (denominator + D6) * y;
        return (numerator + C7) / (denominator + D7);
    }

    private static double tailRational(final double y)
    {
        final double ysq = 1.0 / (y * y);
        double numerator = P5 * ysq;
        double denominator = ysq;
        numerator = (numerator + P0) * ysq;
        denominator = (denominator + Q0) * ysq;
        numerator = (numerator + P1) * ysq;
        denominator = (denominator + Q1) * ysq;
        numerator = (numerator + P2) * ysq;
        denominator = (denominator + Q2) * ysq;
        numerator = (numerator + P3) * ysq;
        denominator = (denominator + Q3) * ysq;
        final double result = ysq * (numerator + P4) / (denominator + Q4);
        return (ONE_OVER_SQRT_PI - result) / y;
    }

    private static double expMinusSquare(final double y)
    {
        final double hi = y * y;
        final double lo = Math.fma(y, y, -hi);
        return Math.exp(-hi) * (1.0 - lo);
    }

    private static double expSquare(final double y)
    {
        final double hi = y * y;
        final double lo = Math.fma(y, y, -hi);
        return Math.exp(hi) * (1.0 + lo);
    }
}
