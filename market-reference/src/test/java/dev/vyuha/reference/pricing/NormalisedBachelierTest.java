package dev.vyuha.reference.pricing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NormalisedBachelierTest
{
    @Test
    void shouldInvertMinusLogTimeValueToBetterThanOneInTenMillionAcrossTheTable()
    {
        final Random random = new Random(38);
        double worst = 0;
        for (int i = 0; i < 200_000; i++)
        {
            final double u = Math.exp(Math.log(1.2e-3) + random.nextDouble() * (Math.log(38.5) - Math.log(1.2e-3)));
            final double position = NormalisedBachelier.position(NormalisedBachelier.minusLogTimeValue(u));
            assertTrue(position >= 0.0, () -> "u " + u + " is inside the table");
            worst = Math.max(worst, Math.abs(NormalisedBachelier.inverseAt(position) / u - 1.0));
        }
        assertTrue(worst < 1e-7, "worst relative error of the inverse " + worst);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1e300, -20.0, -6.0, 800.0, 1e300, Double.NaN, Double.NEGATIVE_INFINITY})
    void shouldPlaceValuesBeyondTheTableOutsideIt(final double q)
    {
        assertEquals(-1.0, NormalisedBachelier.position(q));
    }

    @Test
    void shouldMatchTheDirectFormulaForPsiWhereItHasNoCancellation()
    {
        for (double u = 0.002; u < 4.0; u *= 1.07)
        {
            final double direct = NormalDistribution.pdf(u) / u - NormalDistribution.cdf(-u);
            assertEquals(-Math.log(direct), NormalisedBachelier.minusLogTimeValue(u), 1e-13, "u " + u);
        }
    }

    @Test
    void shouldJoinTheDirectDifferenceAndTheAsymptoticSeriesSmoothly()
    {
        final double below = NormalisedBachelier.millsRatioComplement(Math.nextDown(12.0));
        final double above = NormalisedBachelier.millsRatioComplement(12.0);
        assertEquals(1.0, below / above, 1e-13);
        // Far out G(u) = 1/u^3 - 3/u^5 + 15/u^7 - ...
        final double u = 30.0;
        assertEquals(1.0, NormalisedBachelier.millsRatioComplement(u)
            / (Math.pow(u, -3) - 3 * Math.pow(u, -5) + 15 * Math.pow(u, -7) - 105 * Math.pow(u, -9) + 945 * Math.pow(u, -11)), 1e-10);
    }

    @Test
    void shouldReproduceTheNormalisedBlackValueFromTheLimitAndItsCorrectionForSmallVolatility()
    {
        final Random random = new Random(2016);
        double worstWithCorrection = 0;
        double worstWithout = 0;
        for (int i = 0; i < 100_000; i++)
        {
            final double t = 0.0005 + random.nextDouble() * 0.05;
            final double u = Math.exp(Math.log(0.01) + random.nextDouble() * (Math.log(30.0) - Math.log(0.01)));
            final double s = 2.0 * t;
            final double x = -u * s;
            final double q = NormalisedBachelier.minusLogTimeValue(u);
            final double position = NormalisedBachelier.position(q);
            // ln b - ln(|x| psi(u)) against ln C, through the normalised Black function itself.
            final double exact = Math.log(NormalisedBlack.outOfTheMoneyCall(x, s) / -x) + q;
            worstWithCorrection = Math.max(worstWithCorrection,
                Math.abs(exact - NormalisedBachelier.logCorrectionAt(position, t)));
            worstWithout = Math.max(worstWithout, Math.abs(exact));
        }
        System.out.printf("ln C for t <= 0.05: worst error %.2e with the correction, %.2e without%n",
            worstWithCorrection, worstWithout);
        assertTrue(worstWithCorrection < 1e-7, "worst |ln C error| " + worstWithCorrection);
        assertTrue(worstWithout > 1e-4, "the correction matters: " + worstWithout);
    }
}
