package dev.vyuha.bench.chain;

import dev.vyuha.engine.chain.ChainAnalytics;
import dev.vyuha.engine.chain.ChainAnalyticsStatus;
import dev.vyuha.engine.chain.ChainSnapshot;
import dev.vyuha.engine.chain.VolatilityModel;
import dev.vyuha.engine.market.StrikeBasis;
import dev.vyuha.engine.market.Underlying;
import dev.vyuha.reference.calendar.IndiaTime;
import dev.vyuha.reference.pricing.BlackScholesMerton;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.concurrent.TimeUnit;

/**
 * Full analytics (ATM, PCR, max pain, highest OI, implied forward, IV and Greeks of every call and put) over a
 * 200-strike NIFTY chain with two-sided books and a smile, 4 days to expiry. 0 B/op expected ({@code -prof gc}).
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar ChainAnalyticsBenchmark -prof gc</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED"})
@State(Scope.Thread)
public class ChainAnalyticsBenchmark
{
    /** Strikes in the chain. */
    @Param({"200"})
    public int strikes;

    /** Volatility model. */
    @Param({"IMPLIED_FORWARD", "SPOT_RATE"})
    public VolatilityModel model;

    private final ChainSnapshot snapshot = new ChainSnapshot();
    private ChainAnalytics analytics;

    /**
     * Build a synthetic but realistic chain: BS prices with a smile, 0.5 % spreads, OI peaking near the money.
     */
    @Setup
    public void setUp()
    {
        analytics = new ChainAnalytics(0.065, model, false);
        final double spot = 25_111.45;
        final LocalDate today = LocalDate.of(2026, 8, 14);
        final LocalDate expiry = today.plusDays(4);
        final long now = IndiaTime.epochNanos(today, LocalTime.of(11, 0));
        final double years = (IndiaTime.epochNanos(expiry, LocalTime.of(15, 30)) - now) / (365.0 * IndiaTime.NANOS_PER_DAY);
        snapshot.reset(Underlying.NIFTY, (int)expiry.toEpochDay(), now, Math.round(spot * 100), 0);
        final double first = Math.round(spot / 50.0) * 50.0 - 50.0 * (strikes / 2);
        for (int i = 0; i < strikes; i++)
        {
            final double strike = first + 50.0 * i;
            final int index = snapshot.addStrike(Math.round(strike * 100));
            final double moneyness = Math.log(strike / spot);
            final double volatility = 0.12 + 0.9 * moneyness * moneyness - 0.15 * moneyness;
            final long openInterest = Math.round(5_000_000 * Math.exp(-Math.abs(moneyness) * 40));
            final double call = BlackScholesMerton.price(spot, strike, years, volatility, 0.065, 0.0, true);
            final double put = BlackScholesMerton.price(spot, strike, years, volatility, 0.065, 0.0, false);
            snapshot.call(index, paise(call), paise(call * 0.9975), paise(call * 1.0025) + 5, openInterest,
                openInterest * 3);
            snapshot.put(index, paise(put), paise(put * 0.9975), paise(put * 1.0025) + 5, openInterest * 6 / 5,
                openInterest * 3);
        }
    }

    /**
     * @return the ATM IV, so the work is not dead code.
     */
    @Benchmark
    public double analyseChain()
    {
        if (analytics.compute(snapshot, StrikeBasis.SPOT) != ChainAnalyticsStatus.OK)
        {
            throw new IllegalStateException(analytics.status().toString());
        }
        return analytics.atmImpliedVolatility() + analytics.maxPainIndex() + analytics.pcrByOpenInterest();
    }

    private static long paise(final double rupees)
    {
        return Math.max(5, Math.round(rupees * 100));
    }
}
