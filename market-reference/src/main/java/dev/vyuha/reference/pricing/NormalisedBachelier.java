package dev.vyuha.reference.pricing;

/**
 * The small-volatility limit of the normalised Black function ({@link NormalisedBlack}), and its inverse.
 *
 * <p>As the total volatility s goes to zero with {@code h = x/s} held fixed, Black's model in log-moneyness becomes
 * Bachelier's: for an out-of-the-money call ({@code x < 0}, {@code u = -h = |x|/s}, {@code t = s/2})
 *
 * <pre>b(x, s) = |x| psi(u) C(u, t),   psi(u) = phi(u)/u - N(-u) = phi(u) G(u),   G(u) = 1/u - Y(-u)</pre>
 *
 * with {@code Y(z) = N(z)/phi(z)} the Mills ratio and {@code C = 1 + O(t^2)}. {@code psi} falls from +infinity at
 * u = 0 to 0, so a normalised time value {@code beta} fixes u once C is known: {@link ImpliedVolatility} starts its
 * search from this inverse, corrected for C, and then needs one Householder step where it needed three or four.
 *
 * <p>The inverse is a cubic Hermite table of u against {@code z = sqrt(q + 8)} with {@code q = -ln psi(u)}: near
 * {@code u = 0}, u is close to {@code e^q/sqrt(2 pi)}, far out it is close to {@code sqrt(2q)}, and in z both ends are
 * smooth. The nodes are solved at class initialisation from {@link #minusLogTimeValue}, to full precision; between
 * nodes the interpolation error is below 1e-7 relative ({@code NormalisedBachelierTest}). The same table carries the
 * coefficients of {@code ln C} ({@link #logCorrectionAt}).
 *
 * <p>Stateless after initialisation and allocation-free.
 */
final class NormalisedBachelier
{
    /** Table domain in z: u from about 1.1e-3 up to about 38.7, beyond which b underflows for any x. */
    private static final double Q_OFFSET = 8.0;
    private static final double Z_MIN = 1.45;
    private static final double Z_MAX = 27.75;
    private static final int INTERVALS = 2048;
    private static final double DZ = (Z_MAX - Z_MIN) / INTERVALS;
    private static final double ONE_OVER_DZ = INTERVALS / (Z_MAX - Z_MIN);
    /** Above this u, G(u) comes from its asymptotic series; below it, 1/u - Y(-u) loses at most u^2 ulps. */
    private static final double ASYMPTOTIC_U = 12.0;
    /** Beyond this u the derivative recurrence for Y^(5) cancels badly and its leading term 120/u^4 takes over. */
    private static final double STABLE_RECURRENCE_U = 8.0;

    /**
     * Per node, interleaved so that a lookup touches one or two cache lines: u; du/dz times the node spacing (the
     * Hermite tangent); and the coefficients c2 and c4 of ln C.
     */
    private static final int STRIDE = 4;
    private static final double[] TABLE = new double[STRIDE * (INTERVALS + 1)];

    static
    {
        double u = 1e-3;
        for (int i = 0; i <= INTERVALS; i++)
        {
            final double z = Z_MIN + i * DZ;
            u = solve(z * z - Q_OFFSET, u);
            final double g = millsRatioComplement(u);
            // With h = -u and Y' = u G(u): R3 = Y'''/Y' = h^2 + 3 - 1/Y' exactly, and R5 = Y^(5)/Y' from the
            // recurrence Y^(n+1) = h Y^(n) + n Y^(n-1).
            final double y1 = u * g;
            final double r3 = u * u + 3.0 - 1.0 / y1;
            final double r5;
            if (u < STABLE_RECURRENCE_U)
            {
                final double h = -u;
                final double y2 = h * y1 + (1.0 / u - g);
                final double y3 = h * y2 + 2.0 * y1;
                final double y4 = h * y3 + 3.0 * y2;
                r5 = (h * y4 + 4.0 * y3) / y1;
            }
            else
            {
                r5 = 120.0 / (u * u * u * u);
            }
            TABLE[STRIDE * i] = u;
            TABLE[STRIDE * i + 1] = u * u * g * 2.0 * z * DZ;
            TABLE[STRIDE * i + 2] = r3 / 6.0 - 0.5;
            TABLE[STRIDE * i + 3] = r5 / 120.0 - r3 * r3 / 72.0;
        }
    }

    private NormalisedBachelier()
    {
    }

    /**
     * @return the smallest {@code q = -ln psi(u)} the table answers (u about 1.1e-3).
     */
    static double minimumMinusLogTimeValue()
    {
        return Z_MIN * Z_MIN - Q_OFFSET;
    }

    /**
     * {@code G(u) = 1/u - Y(-u) = psi(u)/phi(u)}, which is also {@code Y'(-u)/u}: accurate relative to its value for
     * every u &gt; 0 (the direct difference loses u^2 ulps, so far out the asymptotic series takes over).
     *
     * @param u &gt; 0.
     * @return G(u).
     */
    static double millsRatioComplement(final double u)
    {
        if (u < ASYMPTOTIC_U)
        {
            return 1.0 / u - NormalDistribution.millsRatio(-u);
        }
        // G(u) = sum_(n>=1) (-1)^(n+1) (2n-1)!! / u^(2n+1); at u >= 12 the terms fall below 1e-17 long before they
        // start to grow.
        final double v = 1.0 / (u * u);
        double term = v / u;
        double sum = term;
        for (int n = 1; n < 40 && Math.abs(term) > 1e-18 * sum; n++)
        {
            term *= -(2 * n + 1) * v;
            sum += term;
        }
        return sum;
    }

    /**
     * @param u &gt; 0.
     * @return {@code -ln psi(u)}, accurate however far out u is.
     */
    static double minusLogTimeValue(final double u)
    {
        return 0.5 * u * u + NormalDistribution.LN_SQRT_TWO_PI - Math.log(millsRatioComplement(u));
    }

    /**
     * Where q falls in the table, for {@link #inverseAt} and {@link #logCorrectionAt}.
     *
     * @param q {@code -ln psi}.
     * @return the position, in [0, intervals], or -1 when q is outside the table (u below about 1.1e-3 or above about
     *     38.7, or NaN).
     */
    static double position(final double q)
    {
        final double position = (Math.sqrt(q + Q_OFFSET) - Z_MIN) * ONE_OVER_DZ;
        return position >= 0.0 && position <= INTERVALS ? position : -1.0;
    }

    /**
     * The inverse of {@link #minusLogTimeValue}, by table.
     *
     * @param position from {@link #position}, &gt;= 0.
     * @return u with {@code -ln psi(u) = q}, to within about 1e-7 relative.
     */
    static double inverseAt(final double position)
    {
        final int i = Math.min((int)position, INTERVALS - 1);
        final double f = position - i;
        final int node = STRIDE * i;
        final double u0 = TABLE[node];
        final double m0 = TABLE[node + 1];
        final double u1 = TABLE[node + STRIDE];
        final double m1 = TABLE[node + STRIDE + 1];
        // Cubic Hermite in Horner form: u0 + f (m0 + f (3(u1-u0) - 2 m0 - m1 + f (2(u0-u1) + m0 + m1))).
        final double difference = u1 - u0;
        return u0 + f * (m0 + f * (3.0 * difference - 2.0 * m0 - m1 + f * (m0 + m1 - 2.0 * difference)));
    }

    /**
     * {@code ln C(u, t)}, the logarithm of the factor by which the normalised Black value exceeds its Bachelier limit.
     * From the Taylor series of the Mills-ratio gap, {@code D = 2 t Y'(h) (1 + t^2 R3/6 + t^4 R5/120 + ...)} with
     * {@code Rn = Y^(n)/Y'} and h = -u: {@code ln C = -t^2/2 + ln(D/(2 t Y')) = c2 t^2 + c4 t^4 + O(t^6)},
     * {@code c2 = R3/6 - 1/2}, {@code c4 = R5/120 - R3^2/72}. The coefficients are interpolated linearly.
     *
     * @param position from {@link #position}, &gt;= 0: where u is.
     * @param t        half the total volatility.
     * @return ln C.
     */
    static double logCorrectionAt(final double position, final double t)
    {
        final int i = Math.min((int)position, INTERVALS - 1);
        final double f = position - i;
        final int node = STRIDE * i;
        final double c2 = TABLE[node + 2] + f * (TABLE[node + STRIDE + 2] - TABLE[node + 2]);
        final double c4 = TABLE[node + 3] + f * (TABLE[node + STRIDE + 3] - TABLE[node + 3]);
        final double tt = t * t;
        return tt * (c2 + tt * c4);
    }

    /** Solve {@code -ln psi(u) = q} by Newton steps on u from a nearby start, kept positive. */
    private static double solve(final double q, final double start)
    {
        double u = start;
        for (int iteration = 0; iteration < 100; iteration++)
        {
            // d(-ln psi)/du = phi(u) / psi(u) / u^2 = 1 / (u^2 G(u)).
            final double step = -(minusLogTimeValue(u) - q) * u * u * millsRatioComplement(u);
            final double next = step < -0.5 * u ? 0.5 * u : u + step;
            if (Math.abs(next - u) <= 1e-16 * u)
            {
                return next;
            }
            u = next;
        }
        return u;
    }
}
