package dev.vyuha.reference.pricing;

import dev.vyuha.reference.ReferenceData;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every row of ../shared/data/5_bs_reference/bs_reference_vectors.csv: Haug (via QuantLib), Hull and the py_vollib
 * grid, each within its stated tolerance and in its stated units (vega and rho per 1.00, theta per year; py_vollib
 * checks theta per day, vega and rho per 1 %).
 */
class BlackScholesReferenceTest
{
    private static final String VECTORS = "5_bs_reference/bs_reference_vectors.csv";

    @Test
    void shouldReproduceEveryReferencePriceAndGreekWithinItsTolerance()
    {
        final List<Map<String, String>> rows = ReferenceData.csv(VECTORS);
        final OptionGreeks greeks = new OptionGreeks();
        final List<String> failures = new ArrayList<>();
        int checked = 0;
        double worstHaug = 0;
        double worstPyVollib = 0;
        for (final Map<String, String> row : rows)
        {
            final String id = row.get("id");
            final boolean call = "call".equals(row.get("option_type"));
            final double spot = number(row, "S");
            final double strike = number(row, "K");
            final double years = number(row, "T_years");
            final double rate = number(row, "r");
            final double yield = number(row, "q");
            final double volatility = number(row, "sigma");
            final double tolerance = number(row, "tolerance");
            assertEquals(PricingStatus.OK,
                BlackScholesMerton.greeks(spot, strike, years, volatility, rate, yield, call, greeks), id);
            final double price = BlackScholesMerton.price(spot, strike, years, volatility, rate, yield, call);
            final boolean pyVollib = id.startsWith("PYVOLLIB");

            final List<double[]> comparisons = new ArrayList<>();
            addIfPresent(row, "expected_price", price, 1.0, comparisons);
            addIfPresent(row, "expected_delta", greeks.delta(), 1.0, comparisons);
            addIfPresent(row, "expected_gamma", greeks.gamma(), 1.0, comparisons);
            // py_vollib asserts vega and rho per 1 % and theta per day; the others compare in the file's units.
            addIfPresent(row, "expected_vega", greeks.vega(), pyVollib ? 0.01 : 1.0, comparisons);
            addIfPresent(row, "expected_theta", greeks.theta(), pyVollib ? 1.0 / OptionGreeks.DAYS_PER_YEAR : 1.0,
                comparisons);
            addIfPresent(row, "expected_rho", greeks.rho(), pyVollib ? 0.01 : 1.0, comparisons);
            final String other = row.get("other_name");
            if (!row.get("expected_other").isEmpty())
            {
                final double actualOther;
                if (other.startsWith("elasticity"))
                {
                    actualOther = greeks.elasticity(spot);
                }
                else if (other.startsWith("theta_per_day"))
                {
                    actualOther = greeks.thetaPerDay();
                }
                else if (other.startsWith("dividend_rho"))
                {
                    actualOther = greeks.dividendRho();
                }
                else if (other.startsWith("call_vals"))
                {
                    actualOther = BlackScholesMerton.price(spot, strike, years, volatility, rate, yield, true);
                }
                else
                {
                    throw new AssertionError(id + ": unknown expected_other " + other);
                }
                comparisons.add(new double[]{number(row, "expected_other"), actualOther, 1.0});
            }

            for (final double[] comparison : comparisons)
            {
                final double expected = comparison[0] * comparison[2];
                final double actual = comparison[1] * comparison[2];
                final double error = Math.abs(actual - expected);
                if (error > tolerance)
                {
                    failures.add(id + ": expected " + expected + " got " + actual + " (tolerance " + tolerance + ")");
                }
                if (pyVollib)
                {
                    worstPyVollib = Math.max(worstPyVollib, error);
                }
                else if (id.startsWith("QL-HAUG"))
                {
                    worstHaug = Math.max(worstHaug, error);
                }
                checked++;
            }
        }
        assertEquals(270, rows.size());
        assertTrue(checked >= 1381, "checked " + checked + " expected numbers");
        assertEquals(List.of(), failures);
        System.out.printf("BSM reference vectors: %d numbers, worst |error| Haug %.2e, py_vollib %.2e%n",
            checked, worstHaug, worstPyVollib);
    }

    @Test
    void shouldAgreeBetweenBlackScholesMertonAndBlack76OnTheForward()
    {
        final OptionGreeks spotGreeks = new OptionGreeks();
        final OptionGreeks forwardGreeks = new OptionGreeks();
        final double spot = 25_111.45;
        final double years = 5.0 / 365;
        final double rate = 0.065;
        final double forward = spot * Math.exp(rate * years);
        for (final double strike : new double[]{24_000, 25_100, 25_150, 26_500})
        {
            for (final boolean call : new boolean[]{true, false})
            {
                BlackScholesMerton.greeks(spot, strike, years, 0.12, rate, 0.0, call, spotGreeks);
                Black76.greeks(forward, strike, years, 0.12, rate, call, forwardGreeks);
                assertEquals(spotGreeks.price(), forwardGreeks.price(), 1e-9);
                assertEquals(spotGreeks.vega(), forwardGreeks.vega(), 1e-7);
                // dC/dS = dC/dF * dF/dS
                assertEquals(spotGreeks.delta(), forwardGreeks.delta() * Math.exp(rate * years), 1e-12);
            }
        }
    }

    @Test
    void shouldValueExpiredOptionsAtIntrinsicAndRefuseInvalidInputs()
    {
        final OptionGreeks greeks = new OptionGreeks();
        assertEquals(PricingStatus.AT_EXPIRY, BlackScholesMerton.greeks(105, 100, 0.0, 0.2, 0.1, 0.0, true, greeks));
        assertEquals(5.0, greeks.price(), 1e-12);
        assertEquals(1.0, greeks.delta());
        assertEquals(0.0, greeks.gamma());
        assertEquals(PricingStatus.AT_EXPIRY, Black76.greeks(95, 100, 0.0, 0.2, 0.1, true, greeks));
        assertEquals(0.0, greeks.price());
        assertEquals(0.0, greeks.delta());
        for (final double bad : new double[]{Double.NaN, -1.0, 0.0, Double.POSITIVE_INFINITY})
        {
            assertEquals(PricingStatus.INVALID_INPUT, BlackScholesMerton.greeks(bad, 100, 0.1, 0.2, 0.1, 0, true, greeks));
            assertEquals(0.0, greeks.price());
            assertEquals(PricingStatus.INVALID_INPUT, Black76.greeks(100, bad, 0.1, 0.2, 0.1, false, greeks));
        }
        assertEquals(PricingStatus.INVALID_INPUT, Black76.greeks(100, 100, -0.1, 0.2, 0.1, true, greeks));
        assertEquals(PricingStatus.INVALID_INPUT, Black76.greeks(100, 100, 0.1, -0.2, 0.1, true, greeks));
        assertTrue(Double.isNaN(Black76.price(100, 100, 0.1, Double.NaN, 0.1, true)));
    }

    private static void addIfPresent(final Map<String, String> row, final String column, final double actual,
        final double scale, final List<double[]> comparisons)
    {
        if (!row.get(column).isEmpty())
        {
            comparisons.add(new double[]{number(row, column), actual, scale});
        }
    }

    private static double number(final Map<String, String> row, final String column)
    {
        return Double.parseDouble(row.get(column));
    }
}
