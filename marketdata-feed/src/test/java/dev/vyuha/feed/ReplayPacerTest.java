package dev.vyuha.feed;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replay pacing on a made-up clock: real time, ×N, as fast as possible, and a restart after a pause.
 */
class ReplayPacerTest
{
    private static final long SECOND = 1_000_000_000L;
    private static final long DATA = 1_786_935_600L * SECOND;

    @Test
    void shouldReleaseFramesAtTheirDataTimeDividedByTheSpeed()
    {
        final ReplayPacer realTime = new ReplayPacer(1);
        assertTrue(realTime.isDue(DATA, 500));
        assertFalse(realTime.isDue(DATA + SECOND, 500 + SECOND - 1));
        assertTrue(realTime.isDue(DATA + SECOND, 500 + SECOND));

        final ReplayPacer sixty = new ReplayPacer(60);
        assertTrue(sixty.isDue(DATA, 0));
        assertFalse(sixty.isDue(DATA + 60 * SECOND, SECOND - 1));
        assertTrue(sixty.isDue(DATA + 60 * SECOND, SECOND));
        assertEquals(SECOND, sixty.dueAfterOriginNs(DATA + 60 * SECOND));
    }

    @Test
    void shouldReleaseEverythingAtOnceAsFastAsPossible()
    {
        final ReplayPacer max = new ReplayPacer(ReplayPacer.parse("max"));
        assertTrue(max.isDue(DATA, 0));
        assertTrue(max.isDue(DATA + 86_400 * SECOND, 0));
    }

    @Test
    void shouldRestartFromTheNextFrameAfterAPause()
    {
        final ReplayPacer pacer = new ReplayPacer(1);
        assertTrue(pacer.isDue(DATA, 0));
        pacer.restart();
        assertTrue(pacer.isDue(DATA + 10 * SECOND, 100 * SECOND), "the next frame becomes the new origin");
        assertFalse(pacer.isDue(DATA + 12 * SECOND, 101 * SECOND));
        assertTrue(pacer.isDue(DATA + 12 * SECOND, 102 * SECOND));
    }

    @Test
    void shouldParseSpeeds()
    {
        assertEquals(1.0, ReplayPacer.parse("1"));
        assertEquals(60.0, ReplayPacer.parse("60x"));
        assertEquals(0.5, ReplayPacer.parse(" 0.5 "));
        assertTrue(Double.isInfinite(ReplayPacer.parse("MAX")));
        assertThrows(IllegalArgumentException.class, () -> ReplayPacer.parse("0"));
        assertThrows(IllegalArgumentException.class, () -> ReplayPacer.parse("-2"));
        assertThrows(NumberFormatException.class, () -> ReplayPacer.parse("fast"));
    }
}
