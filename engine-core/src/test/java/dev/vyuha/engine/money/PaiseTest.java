package dev.vyuha.engine.money;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PaiseTest
{
    @Test
    void shouldRoundToTheNearestTickHalfUp()
    {
        // The 0.05 option tick: 1-2 paise past a tick round down, 3-4 round up; there is no tie.
        assertEquals(123_45, Paise.roundToTick(123_47, 5));
        assertEquals(76_55, Paise.roundToTick(76_53, 5));
        assertEquals(50_15, Paise.roundToTick(50_15, 5));
        assertEquals(0, Paise.roundToTick(2, 5));
        assertEquals(5, Paise.roundToTick(3, 5));
        // An even tick has a tie: half up, away from zero.
        assertEquals(20, Paise.roundToTick(15, 10));
        assertEquals(-20, Paise.roundToTick(-15, 10));
        assertEquals(7, Paise.roundToTick(7, 0));
    }

    @Test
    void shouldGroupThousands()
    {
        assertEquals("24,650.15", Paise.toRupeesGrouped(24_650_15));
        assertEquals("0.00", Paise.toRupeesGrouped(0));
        assertEquals("999.05", Paise.toRupeesGrouped(999_05));
        assertEquals("-1,234.50", Paise.toRupeesGrouped(-1_234_50));
        assertEquals("1,234,567.89", Paise.toRupeesGrouped(1_234_567_89));
    }
}
