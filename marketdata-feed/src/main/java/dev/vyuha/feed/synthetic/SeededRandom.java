package dev.vyuha.feed.synthetic;

import java.util.SplittableRandom;

/**
 * A reproducible random stream: {@link SplittableRandom} (its algorithm is specified, so a seed gives the same
 * numbers on every JVM) with Gaussian and exponential draws computed with {@link StrictMath}, so they do not depend
 * on a JIT's intrinsics either.
 */
final class SeededRandom
{
    private final SplittableRandom random;
    private double spareGaussian;
    private boolean hasSpare;

    SeededRandom(final long seed)
    {
        this.random = new SplittableRandom(seed);
    }

    /**
     * @param seed   the user's seed.
     * @param day    the trading date (epoch day).
     * @param stream which stream (path, microstructure, ...).
     * @return a seed mixing the three (SplitMix64 finaliser), so each stream of each day is independent.
     */
    static long mix(final long seed, final long day, final long stream)
    {
        long z = seed * 0x9E3779B97F4A7C15L + day * 0xC2B2AE3D27D4EB4FL + stream * 0x165667B19E3779F9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    double nextDouble()
    {
        return random.nextDouble();
    }

    int nextInt(final int bound)
    {
        return random.nextInt(bound);
    }

    boolean nextBoolean(final double probability)
    {
        return random.nextDouble() < probability;
    }

    /**
     * @return a standard normal draw (Marsaglia's polar method).
     */
    double nextGaussian()
    {
        if (hasSpare)
        {
            hasSpare = false;
            return spareGaussian;
        }
        double u;
        double v;
        double s;
        do
        {
            u = 2.0 * random.nextDouble() - 1.0;
            v = 2.0 * random.nextDouble() - 1.0;
            s = u * u + v * v;
        }
        while (s >= 1.0 || s == 0.0);
        final double factor = StrictMath.sqrt(-2.0 * StrictMath.log(s) / s);
        spareGaussian = v * factor;
        hasSpare = true;
        return u * factor;
    }

    /**
     * @param mean the mean.
     * @return an exponential draw.
     */
    double nextExponential(final double mean)
    {
        return -mean * StrictMath.log(1.0 - random.nextDouble());
    }

    /**
     * @param mean mean of the count (&gt;= 1).
     * @return a count uniform on 1 .. 2·mean − 1 (mean {@code mean}; no logarithm, for the many book levels).
     */
    int nextUniformCount(final double mean)
    {
        final int span = (int)(2 * mean - 1);
        return span <= 1 ? 1 : 1 + random.nextInt(span);
    }

    /**
     * @param mean mean of the count (&gt;= 1).
     * @return 1 + a geometric draw, with the given mean.
     */
    int nextCount(final double mean)
    {
        if (mean <= 1.0)
        {
            return 1;
        }
        final double p = 1.0 / mean;
        final double draw = StrictMath.log(1.0 - random.nextDouble()) / StrictMath.log(1.0 - p);
        return 1 + (int)Math.min(draw, 1_000_000);
    }
}
