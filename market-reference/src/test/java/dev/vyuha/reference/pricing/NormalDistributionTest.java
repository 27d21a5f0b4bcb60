package dev.vyuha.reference.pricing;

import dev.vyuha.reference.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NormalDistributionTest
{
    private static final String LBR = "5_bs_reference/black76_lets_be_rational_vectors.csv";

    @Test
    void shouldMatchTheLetsBeRationalNormCdfColumnToNearMachinePrecision()
    {
        final List<Map<String, String>> rows = ReferenceData.csv(LBR);
        double worst = 0;
        for (final Map<String, String> row : rows)
        {
            final double z = Double.parseDouble(row.get("z"));
            final double expected = Double.parseDouble(row.get("expected_norm_cdf"));
            worst = Math.max(worst, Math.abs(NormalDistribution.cdf(z) - expected) / expected);
        }
        assertEquals(1000, rows.size());
        assertTrue(worst < 5e-15, "worst relative error " + worst);
    }

    /** Φ(x) to 22 digits (mpmath ncdf at 40-digit precision), including the far lower tail. */
    @ParameterizedTest
    @CsvSource({
        "0, 0.5",
        "-1, 0.1586552539314570514148",
        "1, 0.8413447460685429485852",
        "-3, 0.001349898031630094526652",
        "-4, 0.00003167124183311992125377",
        "-5, 2.866515718791939116738e-7",
        "-10, 7.619853024160526065973e-24",
        "-20, 2.753624118606233695076e-89",
        "-30, 4.906713927148187059534e-198",
        "-37, 5.725571222524576822683e-300",
        "5, 0.9999997133484281208061",
        "-0.46875, 0.3196241715171176260369"})
    void shouldKeepRelativeAccuracyDeepInTheTail(final double x, final double expected)
    {
        assertEquals(expected, NormalDistribution.cdf(x), Math.abs(expected) * 2e-15);
    }

    @Test
    void shouldInvertTheCdfFromOneInTenToTheThreeHundredToAlmostOne()
    {
        double worst = 0;
        for (int exponent = -300; exponent <= 0; exponent++)
        {
            for (final double mantissa : new double[]{1.0, 2.5, 5.0, 7.5})
            {
                final double p = mantissa * Math.pow(10, exponent);
                if (p >= 1.0)
                {
                    continue;
                }
                final double x = NormalDistribution.inverseCdf(p);
                // The nearest double to the true quantile moves cdf(x) by up to |x| ulp(x) relative: that is the bound.
                final double bound = Math.max(4e-16, 2.0 * Math.abs(x) * Math.ulp(x));
                worst = Math.max(worst, Math.abs(NormalDistribution.cdf(x) - p) / p / bound);
            }
        }
        assertTrue(worst <= 1.0, "worst round-trip error relative to the attainable bound: " + worst);
        assertEquals(0.0, NormalDistribution.inverseCdf(0.5), 1e-16);
        assertEquals(Double.NEGATIVE_INFINITY, NormalDistribution.inverseCdf(0.0));
        assertEquals(Double.POSITIVE_INFINITY, NormalDistribution.inverseCdf(1.0));
        assertEquals(1.959963984540054, NormalDistribution.inverseCdf(0.975), 1e-15);
    }

    @Test
    void shouldComputeScaledErfcWhereErfcUnderflows()
    {
        // erfcx(x) ~ 1/(x sqrt(pi)) (1 - 1/(2x^2) + 3/(4x^4)) for large x
        final double x = 30.0;
        final double asymptotic = 1.0 / (x * Math.sqrt(Math.PI)) * (1 - 1 / (2 * x * x) + 3 / (4 * Math.pow(x, 4))
            - 15 / (8 * Math.pow(x, 6)));
        assertEquals(asymptotic, NormalDistribution.erfcx(x), asymptotic * 1e-10);
        assertEquals(1.0, NormalDistribution.erfcx(0.0), 1e-16);
        assertEquals(0.0, NormalDistribution.erfc(30.0));
        assertTrue(NormalDistribution.erfcx(30.0) > 0.0);
        // erfcx(-x) = 2 exp(x^2) - erfcx(x)
        assertEquals(2 * Math.exp(1.0) - NormalDistribution.erfcx(1.0), NormalDistribution.erfcx(-1.0), 1e-15);
    }
}
