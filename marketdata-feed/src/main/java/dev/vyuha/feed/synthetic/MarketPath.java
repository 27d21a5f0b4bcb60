package dev.vyuha.feed.synthetic;

import java.util.Arrays;

/**
 * The latent index levels of a synthetic day: correlated geometric Brownian motions with drift, an intraday
 * volatility profile (busier at the open and the close, as NSE trades) and Poisson jumps, advanced in time order as
 * ticks are generated. Equicorrelated: each index's diffusion is
 * {@code √ρ Z_market + √(1−ρ) Z_own}. Drift and volatility are annual in trading time (252 sessions a year, all of a
 * session's variance accruing while it is open), so a 12 % index moves about 0.76 % (one standard deviation) from
 * open to close.
 *
 * <p>The path is simulated on a fixed 100 ms grid, in order, from its own random stream, and read between grid points
 * by geometric interpolation: so the day's index path depends only on the seed, the date and the models, never on how
 * many instruments tick or how often.
 */
final class MarketPath
{
    static final double YEAR_NS = 365.0 * 86_400e9;
    static final double SESSIONS_PER_YEAR = 252.0;
    static final long GRID_NS = 100_000_000L;

    private final int count;
    private final double[] drift;
    private final double[] volatility;
    private final double[] level;
    private final double[] gridFrom;
    private final double[] gridTo;
    private final double[] openLevel;
    private final double[] high;
    private final double[] low;
    private final long[][] jumpTimes;
    private final double[][] jumpSizes;
    private final int[] nextJump;
    private final double sqrtCorrelation;
    private final double sqrtIdiosyncratic;
    private final long openNs;
    private final long closeNs;
    private final double activityMean;
    private final double tradingYearNs;
    private final SeededRandom random;
    private long timeNs;
    private long gridFromNs;

    MarketPath(final UnderlyingModel[] models, final double correlation, final long openNs, final long closeNs,
        final SeededRandom random)
    {
        this.count = models.length;
        this.drift = new double[count];
        this.volatility = new double[count];
        this.level = new double[count];
        this.gridFrom = new double[count];
        this.gridTo = new double[count];
        this.openLevel = new double[count];
        this.high = new double[count];
        this.low = new double[count];
        this.jumpTimes = new long[count][];
        this.jumpSizes = new double[count][];
        this.nextJump = new int[count];
        this.sqrtCorrelation = Math.sqrt(correlation);
        this.sqrtIdiosyncratic = Math.sqrt(1.0 - correlation);
        this.openNs = openNs;
        this.closeNs = closeNs;
        this.random = random;
        this.timeNs = openNs;
        this.tradingYearNs = SESSIONS_PER_YEAR * (closeNs - openNs);
        double sum = 0;
        final int minutes = (int)Math.max(1, (closeNs - openNs) / 60_000_000_000L);
        for (int m = 0; m < minutes; m++)
        {
            sum += rawActivity(openNs + m * 60_000_000_000L + 30_000_000_000L);
        }
        this.activityMean = sum / minutes;
        for (int i = 0; i < count; i++)
        {
            final UnderlyingModel model = models[i];
            drift[i] = model.drift();
            volatility[i] = model.volatility();
            final double gap = model.overnightGapVol() * random.nextGaussian();
            level[i] = model.previousClose() * Math.exp(gap);
            openLevel[i] = level[i];
            high[i] = level[i];
            low[i] = level[i];
            final int jumps = poisson(model.jumpsPerDay());
            final long[] times = new long[jumps];
            final double[] sizes = new double[jumps];
            for (int j = 0; j < jumps; j++)
            {
                times[j] = openNs + (long)(random.nextDouble() * (closeNs - openNs));
            }
            Arrays.sort(times);
            for (int j = 0; j < jumps; j++)
            {
                sizes[j] = model.jumpMean() + model.jumpVolatility() * random.nextGaussian();
            }
            jumpTimes[i] = times;
            jumpSizes[i] = sizes;
            gridFrom[i] = level[i];
        }
        gridFromNs = openNs;
        stepGrid();
    }

    /**
     * Move every index to {@code toNs} (no-op if not later than the current time).
     *
     * @param toNs the instant.
     */
    void advanceTo(final long toNs)
    {
        if (toNs <= timeNs)
        {
            return;
        }
        while (gridFromNs + GRID_NS < toNs)
        {
            System.arraycopy(gridTo, 0, gridFrom, 0, count);
            gridFromNs += GRID_NS;
            stepGrid();
        }
        final double weight = (toNs - gridFromNs) / (double)GRID_NS;
        for (int i = 0; i < count; i++)
        {
            level[i] = gridFrom[i] * Math.exp(weight * Math.log(gridTo[i] / gridFrom[i]));
            high[i] = Math.max(high[i], level[i]);
            low[i] = Math.min(low[i], level[i]);
        }
        timeNs = toNs;
    }

    /**
     * Simulate the grid point after {@code gridFromNs} from the one at it, exactly (GBM increment plus the jumps in
     * between).
     */
    private void stepGrid()
    {
        final long toNs = gridFromNs + GRID_NS;
        final double years = GRID_NS / tradingYearNs;
        final double seasonal = Math.sqrt(activity(gridFromNs + GRID_NS / 2));
        final double market = random.nextGaussian();
        for (int i = 0; i < count; i++)
        {
            final double z = sqrtCorrelation * market + sqrtIdiosyncratic * random.nextGaussian();
            final double sigma = volatility[i] * seasonal;
            double logReturn = (drift[i] - 0.5 * sigma * sigma) * years + sigma * Math.sqrt(years) * z;
            final long[] times = jumpTimes[i];
            while (nextJump[i] < times.length && times[nextJump[i]] <= toNs)
            {
                logReturn += jumpSizes[i][nextJump[i]++];
            }
            gridTo[i] = gridFrom[i] * Math.exp(logReturn);
        }
    }

    double level(final int index)
    {
        return level[index];
    }

    double openLevel(final int index)
    {
        return openLevel[index];
    }

    double high(final int index)
    {
        return high[index];
    }

    double low(final int index)
    {
        return low[index];
    }

    int jumps(final int index)
    {
        return jumpTimes[index].length;
    }

    /**
     * @param atNs an instant of the session.
     * @return how busy the market is then relative to the session's average (1.0): about 1.9 at the open, 0.9 at
     * midday and 1.5 into the close.
     */
    double activity(final long atNs)
    {
        return rawActivity(atNs) / activityMean;
    }

    private double rawActivity(final long atNs)
    {
        final double sinceOpen = Math.max(0, atNs - openNs) / 60e9;
        final double toClose = Math.max(0, closeNs - atNs) / 60e9;
        return 0.8 + 0.8 * Math.exp(-sinceOpen / 20.0) + 0.5 * Math.exp(-toClose / 25.0);
    }

    private int poisson(final double mean)
    {
        final double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int n = 0;
        while (product > limit)
        {
            n++;
            product *= random.nextDouble();
        }
        return n;
    }
}
