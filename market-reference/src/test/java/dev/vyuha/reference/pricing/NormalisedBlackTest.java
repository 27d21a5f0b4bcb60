package dev.vyuha.reference.pricing;

import dev.vyuha.reference.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NormalisedBlackTest
{
    private static final String LBR = "5_bs_reference/black76_lets_be_rational_vectors.csv";

    @Test
    void shouldMatchLetsBeRationalNormalisedBlackAndVegaOnAllThousandVectors()
    {
        final List<Map<String, String>> rows = ReferenceData.csv(LBR);
        double worstValue = 0;
        double worstVega = 0;
        for (final Map<String, String> row : rows)
        {
            final double x = Double.parseDouble(row.get("x_normalised"));
            final double s = Double.parseDouble(row.get("s_normalised"));
            final boolean call = Integer.parseInt(row.get("q_flag(+1=call,-1=put)")) > 0;
            final double expected = Double.parseDouble(row.get("expected_normalised_black"));
            final double expectedCall = Double.parseDouble(row.get("expected_normalised_black_call"));
            final double expectedVega = Double.parseDouble(row.get("expected_normalised_vega"));
            worstValue = Math.max(worstValue, relative(NormalisedBlack.value(x, s, call), expected));
            worstValue = Math.max(worstValue, relative(NormalisedBlack.value(x, s, true), expectedCall));
            // LBR evaluates exp(-(h^2+t^2)/2) from a rounded h: its vega carries an extra h^2 ulps far out of the money.
            final double h = x / s;
            worstVega = Math.max(worstVega,
                relative(NormalisedBlack.vega(x, s), expectedVega) / (1.0 + h * h * Math.ulp(1.0) / 6e-14));
        }
        // LBR's own double-precision values sit up to 2.5e-14 from 50-digit truth (input rounding alone is of that
        // order far out of the money), so agreement within 6e-14 is agreement to working precision.
        assertTrue(worstValue < 6e-14, "worst relative error of b: " + worstValue);
        assertTrue(worstVega < 6e-14, "worst relative error of db/ds: " + worstVega);
    }

    /** Truth from mpmath at 60 digits: far wings, small total volatility, at the money, in the money, large s. */
    @ParameterizedTest
    @CsvSource({
        "-2.0, 0.08, 9.742603854631616679897581e-141",
        "-6.0, 1.0, 1.387993646585194662138641e-10",
        "-1.5, 0.2, 8.190607717970767767005513e-16",
        "-20.0, 0.8, 9.003011164090520213497266e-140",
        "0.0, 0.3, 0.1192353847404850315449225",
        "0.7, 0.25, 0.7145684662614577804370038",
        "-3.0, 2.5, 0.08400217221034009363612595",
        "-0.05, 0.004, 1.179597044847829060082198e-39",
        "-0.5, 0.05, 3.736134269863120749246638e-26",
        "-0.001, 0.001, 0.00008331546397705101508633963",
        "-9.0, 0.7, 1.985812508552540655373919e-39"})
    void shouldMatchFiftyDigitTruthInEveryRegime(final double x, final double s, final double truth)
    {
        assertEquals(truth, NormalisedBlack.value(x, s, true), truth * 5e-14);
    }

    @Test
    void shouldSatisfyPutCallParityAndSymmetry()
    {
        for (final double x : new double[]{-3.0, -0.7, -1e-9, 0.0, 1e-9, 0.4, 2.5})
        {
            for (final double s : new double[]{1e-4, 0.05, 0.3, 1.0, 3.0})
            {
                final double call = NormalisedBlack.value(x, s, true);
                final double put = NormalisedBlack.value(x, s, false);
                // c - p = e^(x/2) - e^(-x/2)
                assertEquals(2 * Math.sinh(0.5 * x), call - put, 1e-15 * Math.max(1, Math.abs(call)));
                assertEquals(NormalisedBlack.value(-x, s, false), call, 1e-16 * Math.max(1, call));
            }
        }
    }

    @Test
    void shouldKeepRelativeAccuracyForFarOutOfTheMoneyValues()
    {
        // b(x, s) for s -> 0 behaves like phi(h+t) e^(x/2) * 2t/(h^2 - t^2): check the leading asymptotics
        final double x = -2.0;
        final double s = 0.08;
        final double h = x / s;
        final double t = s / 2;
        final double leading = NormalDistribution.ONE_OVER_SQRT_TWO_PI * Math.exp(-0.5 * (h * h + t * t))
            * 2 * t / (h * h - t * t);
        final double b = NormalisedBlack.outOfTheMoneyCall(x, s);
        assertTrue(b > 0 && b < 1e-130, "b=" + b);
        assertEquals(leading, b, leading * 0.01);
    }

    private static double relative(final double actual, final double expected)
    {
        if (expected == 0.0)
        {
            return Math.abs(actual);
        }
        return Math.abs(actual - expected) / Math.abs(expected);
    }
}
