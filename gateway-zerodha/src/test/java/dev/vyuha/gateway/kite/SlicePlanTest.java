package dev.vyuha.gateway.kite;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlicePlanTest
{
    @Test
    void shouldNotSliceAnOrderWithinTheFreezeQuantity()
    {
        final SlicePlan plan = SlicePlan.of(1755, 65, 1800, 10);

        assertEquals(1, plan.count());
        assertEquals(1755, plan.quantity(0));
    }

    @Test
    void shouldSliceIntoWholeLotsBelowTheFreezeQuantityThenTheRemainder()
    {
        final SlicePlan plan = SlicePlan.of(3900, 65, 1800, 10);

        assertEquals(3, plan.count());
        assertEquals(1755, plan.quantity(0));
        assertEquals(1755, plan.quantity(1));
        assertEquals(390, plan.quantity(2));
        assertEquals(3900, IntStream.range(0, plan.count()).map(plan::quantity).sum());
    }

    @Test
    void shouldAllowExactlyTheSliceCapAndRefuseOneMore()
    {
        assertFalse(SlicePlan.of(17550, 65, 1800, SlicePlan.SEBI_MAX_SLICES).isRefused());

        final SlicePlan plan = SlicePlan.of(17550 + 65, 65, 1800, SlicePlan.SEBI_MAX_SLICES);

        assertTrue(plan.isRefused());
        assertTrue(plan.refusal().contains("11 slices"), plan.refusal());
        assertEquals(0, plan.count());
    }

    @Test
    void shouldRefuseAQuantityThatIsNotWholeLots()
    {
        assertTrue(SlicePlan.of(100, 65, 1800, 10).isRefused());
        assertTrue(SlicePlan.of(0, 65, 1800, 10).isRefused());
    }

    @Test
    void shouldTreatNoFreezeQuantityAsNoLimit()
    {
        assertEquals(1, SlicePlan.of(65_000, 65, 0, 10).count());
    }
}
