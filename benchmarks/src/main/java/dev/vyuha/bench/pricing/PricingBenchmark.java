package dev.vyuha.bench.pricing;

import dev.vyuha.reference.pricing.BlackScholesMerton;
import dev.vyuha.reference.pricing.ImpliedVolatility;
import dev.vyuha.reference.pricing.ImpliedVolatilityStatus;
import dev.vyuha.reference.pricing.OptionGreeks;
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

import java.util.concurrent.TimeUnit;

/**
 * Option math on a realistic NIFTY chain: 64 options (32 strikes x CE/PE, 50-point steps around spot 25,111.45) with a
 * volatility smile, at 0 DTE (the last hours), 4 DTE and 25 DTE. Each call prices one option of the chain in turn, so
 * branch prediction sees the chain's real mix of in-, at- and out-of-the-money options. Targets: price + all Greeks
 * &lt; 100 ns/op, implied volatility &lt; 400 ns/op, both 0 B/op ({@code -prof gc}). {@code exp} is the JDK baseline.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar PricingBenchmark -prof gc</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED"})
@State(Scope.Thread)
public class PricingBenchmark
{
    private static final int OPTIONS = 64;
    private static final double SPOT = 25_111.45;
    private static final double RATE = 0.065;

    /** Calendar days to expiry; 0.2 is the last ~1.5 hours of an expiry day. */
    @Param({"0.2", "4", "25"})
    public double daysToExpiry;

    private final double[] strikes = new double[OPTIONS];
    private final boolean[] calls = new boolean[OPTIONS];
    private final double[] volatilities = new double[OPTIONS];
    private final double[] prices = new double[OPTIONS];
    private final OptionGreeks greeks = new OptionGreeks();
    private final ImpliedVolatility impliedVolatility = new ImpliedVolatility();
    private double years;
    private int next;

    /**
     * Build the chain and its prices.
     */
    @Setup
    public void setUp()
    {
        years = daysToExpiry / 365.0;
        final double atm = Math.round(SPOT / 50.0) * 50.0;
        for (int i = 0; i < OPTIONS; i++)
        {
            final int step = i / 2 - 16;
            strikes[i] = atm + 50.0 * step;
            calls[i] = (i & 1) == 0;
            final double moneyness = Math.log(strikes[i] / SPOT);
            volatilities[i] = 0.12 + 0.9 * moneyness * moneyness - 0.15 * moneyness;
            prices[i] = BlackScholesMerton.price(SPOT, strikes[i], years, volatilities[i], RATE, 0.0, calls[i]);
        }
    }

    /**
     * @return price + delta + gamma + vega + theta + rho of the next option.
     */
    @Benchmark
    public double priceAndAllGreeks()
    {
        final int i = next++ & (OPTIONS - 1);
        BlackScholesMerton.greeks(SPOT, strikes[i], years, volatilities[i], RATE, 0.0, calls[i], greeks);
        return greeks.price() + greeks.delta() + greeks.gamma() + greeks.vega() + greeks.theta() + greeks.rho();
    }

    /**
     * @return the implied volatility of the next option's price.
     */
    @Benchmark
    public double impliedVolatility()
    {
        final int i = next++ & (OPTIONS - 1);
        final ImpliedVolatilityStatus status =
            impliedVolatility.fromBlackScholes(prices[i], SPOT, strikes[i], years, RATE, 0.0, calls[i]);
        return status == ImpliedVolatilityStatus.OK ? impliedVolatility.volatility() : -1.0;
    }

    /**
     * @return {@code Math.exp} of a moving argument: the JDK baseline for one transcendental call.
     */
    @Benchmark
    public double exp()
    {
        final int i = next++ & (OPTIONS - 1);
        return Math.exp(-volatilities[i]);
    }
}
