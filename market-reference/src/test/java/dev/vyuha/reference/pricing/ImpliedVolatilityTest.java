package dev.vyuha.reference.pricing;

import dev.vyuha.reference.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImpliedVolatilityTest
{
    private static final String LBR = "5_bs_reference/black76_lets_be_rational_vectors.csv";

    private final ImpliedVolatility solver = new ImpliedVolatility();

    @Test
    void shouldRecoverSigmaOnEveryTestableLetsBeRationalVectorToBetterThanOneInTenToTheNine()
    {
        final List<Map<String, String>> rows = ReferenceData.csv(LBR);
        int testable = 0;
        double worstRoundTrip = 0;
        double worstFromFilePrice = 0;
        int maxIterations = 0;
        long totalIterations = 0;
        for (final Map<String, String> row : rows)
        {
            if (!"true".equals(row.get("derived_iv_testable")))
            {
                continue;
            }
            testable++;
            final double forward = Double.parseDouble(row.get("F"));
            final double strike = Double.parseDouble(row.get("K"));
            final double years = Double.parseDouble(row.get("T_years"));
            final double sigma = Double.parseDouble(row.get("sigma"));
            final boolean call = Integer.parseInt(row.get("q_flag(+1=call,-1=put)")) > 0;
            final double filePrice = Double.parseDouble(row.get("expected_black_undiscounted"));

            final double price = Black76.undiscountedPrice(forward, strike, years, sigma, call);
            assertEquals(ImpliedVolatilityStatus.OK, solver.fromUndiscounted(price, forward, strike, years, call),
                row.get("id"));
            worstRoundTrip = Math.max(worstRoundTrip, Math.abs(solver.volatility() - sigma));
            maxIterations = Math.max(maxIterations, solver.iterations());
            totalIterations += solver.iterations();

            // From the file's own price, compare with the volatility Let's Be Rational implied from that same price.
            final double lbrVolatility = Double.parseDouble(row.get("expected_implied_vol"));
            assertEquals(ImpliedVolatilityStatus.OK, solver.fromUndiscounted(filePrice, forward, strike, years, call),
                row.get("id"));
            worstFromFilePrice = Math.max(worstFromFilePrice, Math.abs(solver.volatility() - lbrVolatility));
        }
        assertEquals(939, testable);
        assertTrue(worstRoundTrip < 1e-9, "worst |sigma error| on our own prices: " + worstRoundTrip);
        assertTrue(worstFromFilePrice < 1e-9, "worst |sigma - LBR sigma| on the file's prices: " + worstFromFilePrice);
        System.out.printf("IV on %d LBR vectors: worst |dsigma| %.2e (round trip), %.2e (vs LBR on the file's prices); "
            + "evaluations mean %.2f, max %d%n", testable, worstRoundTrip, worstFromFilePrice,
            (double)totalIterations / testable, maxIterations);
    }

    @Test
    void shouldAnswerTheUntestableDeepVectorsWithAStatusNeverNaN()
    {
        final List<Map<String, String>> rows = ReferenceData.csv(LBR);
        int untestable = 0;
        for (final Map<String, String> row : rows)
        {
            if ("true".equals(row.get("derived_iv_testable")))
            {
                continue;
            }
            untestable++;
            final ImpliedVolatilityStatus status = solver.fromUndiscounted(
                Double.parseDouble(row.get("expected_black_undiscounted")), Double.parseDouble(row.get("F")),
                Double.parseDouble(row.get("K")), Double.parseDouble(row.get("T_years")),
                Integer.parseInt(row.get("q_flag(+1=call,-1=put)")) > 0);
            assertTrue(status != ImpliedVolatilityStatus.NO_CONVERGENCE, row.get("id"));
            assertTrue(Double.isFinite(solver.volatility()) && solver.volatility() >= 0.0, row.get("id"));
        }
        assertEquals(61, untestable);
    }

    @Test
    void shouldRoundTripAcrossNiftyLikeChainsFromExpiryHourToAYear()
    {
        final Random random = new Random(25_111);
        double worst = 0;
        for (int i = 0; i < 200_000; i++)
        {
            final double spot = 20_000 + random.nextDouble() * 40_000;
            final double strike = spot * Math.exp((random.nextDouble() - 0.5) * 0.6);
            final double years = Math.pow(10, -4.5 + random.nextDouble() * 4.5);
            final double sigma = 0.05 + random.nextDouble() * 0.95;
            final boolean call = random.nextBoolean();
            final double price = BlackScholesMerton.price(spot, strike, years, sigma, 0.065, 0.0, call);
            final ImpliedVolatilityStatus status = solver.fromBlackScholes(price, spot, strike, years, 0.065, 0.0, call);
            if (status == ImpliedVolatilityStatus.OK)
            {
                // Accuracy is bounded by how much the price moves with sigma: skip prices that cannot carry sigma.
                final double vega = spot * Math.sqrt(years) * NormalDistribution.pdf(
                    (Math.log(spot / strike) + (0.065 + 0.5 * sigma * sigma) * years) / (sigma * Math.sqrt(years)));
                if (vega * 1e-9 > Math.ulp(price) * 16)
                {
                    worst = Math.max(worst, Math.abs(solver.volatility() - sigma));
                }
            }
            else
            {
                // Only an option whose time value is lost to rounding may fail to carry a volatility.
                final double forward = spot * Math.exp(0.065 * years);
                final double intrinsic = Math.exp(-0.065 * years) * Math.max(call ? forward - strike : strike - forward, 0);
                assertTrue((status == ImpliedVolatilityStatus.AT_INTRINSIC
                    || status == ImpliedVolatilityStatus.BELOW_INTRINSIC) && Math.abs(price - intrinsic) < 1e-9 * strike,
                    () -> status + " for " + spot + " " + strike + " " + years + " " + sigma);
            }
        }
        assertTrue(worst < 1e-9, "worst |dsigma| " + worst);
    }

    @Test
    void shouldSolveIndexOptionsFromTheExpiryHourToMonthsInOneEvaluationOfTheNormalisedBlackFunction()
    {
        // Half the total volatility below 0.25 covers NIFTY and BANKNIFTY weeklies and monthlies at any realistic
        // volatility; there the small-volatility start lands within about 1e-7 and one Householder step finishes.
        final Random random = new Random(2026);
        int solved = 0;
        int inOne = 0;
        int worst = 0;
        for (int i = 0; i < 100_000; i++)
        {
            final double spot = 20_000 + random.nextDouble() * 40_000;
            final double strike = spot * Math.exp((random.nextDouble() - 0.5) * 0.3);
            final double years = (0.05 + random.nextDouble() * 90.0) / 365.0;
            final double sigma = 0.08 + random.nextDouble() * 0.52;
            final boolean call = random.nextBoolean();
            final double price = BlackScholesMerton.price(spot, strike, years, sigma, 0.065, 0.0, call);
            if (solver.fromBlackScholes(price, spot, strike, years, 0.065, 0.0, call) == ImpliedVolatilityStatus.OK)
            {
                solved++;
                inOne += solver.iterations() == 1 ? 1 : 0;
                worst = Math.max(worst, solver.iterations());
            }
        }
        assertTrue(solved > 90_000, "solved " + solved);
        assertTrue(inOne >= 0.999 * solved, inOne + " of " + solved + " in one evaluation");
        assertTrue(worst <= 2, "at most two evaluations, was " + worst);
    }

    @ParameterizedTest
    @CsvSource({
        // price, forward, strike, years, call, status
        "4.0, 100, 95, 0.5, true, BELOW_INTRINSIC",
        "5.0, 100, 95, 0.5, true, AT_INTRINSIC",
        "100.0, 100, 95, 0.5, true, ABOVE_MAXIMUM",
        "101.0, 100, 95, 0.5, true, ABOVE_MAXIMUM",
        "95.0, 100, 95, 0.5, false, ABOVE_MAXIMUM",
        "2.0, 100, 95, 0.0, true, EXPIRED",
        "2.0, 100, 95, -1.0, true, EXPIRED",
        "0.0, 100, 95, 0.5, false, BELOW_INTRINSIC",
        "-1.0, 100, 95, 0.5, false, INVALID_INPUT",
        "NaN, 100, 95, 0.5, false, INVALID_INPUT",
        "2.0, NaN, 95, 0.5, false, INVALID_INPUT",
        "2.0, 100, 0, 0.5, false, INVALID_INPUT",
        "2.0, -100, 95, 0.5, false, INVALID_INPUT",
        "2.0, 100, 95, NaN, false, INVALID_INPUT",
        "Infinity, 100, 95, 0.5, true, INVALID_INPUT"})
    void shouldReturnAnExplicitNoSolutionStatusNeverNaN(
        final double price, final double forward, final double strike, final double years, final boolean call,
        final ImpliedVolatilityStatus expected)
    {
        assertEquals(expected, solver.fromUndiscounted(price, forward, strike, years, call));
        assertEquals(expected, solver.status());
        assertEquals(0.0, solver.volatility());
    }

    @Test
    void shouldSolveAtTheMoneyAndFromDiscountedPrices()
    {
        final double price = Black76.price(25_000, 25_000, 7.0 / 365, 0.14, 0.065, true);
        assertEquals(ImpliedVolatilityStatus.OK, solver.fromBlack76(price, 25_000, 25_000, 7.0 / 365, 0.065, true));
        assertEquals(0.14, solver.volatility(), 1e-13);
        assertEquals(ImpliedVolatilityStatus.OK, solver.fromBlack76(price, 25_000, 25_000, 7.0 / 365, 0.065, false));
        assertEquals(0.14, solver.volatility(), 1e-13);
        assertEquals(ImpliedVolatilityStatus.INVALID_INPUT,
            solver.fromBlack76(price, 25_000, 25_000, 7.0 / 365, Double.NaN, true));
    }
}
