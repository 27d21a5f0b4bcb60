package dev.vyuha.gateway.kite;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderRateLimiterTest
{
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final long T0 = LocalDateTime.of(2026, 8, 18, 10, 0).toEpochSecond(ZoneOffset.ofHoursMinutes(5, 30))
        * SECOND;

    @Test
    void shouldLetTenOrdersThroughInASecondAndMakeTheEleventhWaitForTheOldestToAge()
    {
        final OrderRateLimiter limiter = new OrderRateLimiter(10, 400, 5000, 0);
        for (int i = 0; i < 10; i++)
        {
            assertEquals(0, limiter.tryAcquire(T0 + i * MS, true));
        }

        assertEquals(SECOND - 10 * MS, limiter.tryAcquire(T0 + 10 * MS, true));
        assertEquals(0, limiter.tryAcquire(T0 + SECOND, true), "the first send is a second old");
        assertEquals(MS, limiter.tryAcquire(T0 + SECOND, true), "the second is not yet");
    }

    @Test
    void shouldCountModifiesAndCancelsTowardTheSecondButNotTheDay()
    {
        final OrderRateLimiter limiter = new OrderRateLimiter(2, 400, 1, 0);
        assertEquals(0, limiter.tryAcquire(T0, true));
        assertEquals(0, limiter.tryAcquire(T0, false));
        assertTrue(limiter.tryAcquire(T0, false) > 0, "a cancel waits like an order");

        assertEquals(0, limiter.tryAcquire(T0 + 2 * SECOND, false), "modifies go on after the day budget is spent");
        assertEquals(OrderRateLimiter.DAY_BUDGET_SPENT, limiter.tryAcquire(T0 + 4 * SECOND, true));
    }

    @Test
    void shouldHoldTheFourHundredAndFirstOrderOfAMinuteUntilTheFirstIsAMinuteOld()
    {
        final OrderRateLimiter limiter = new OrderRateLimiter(10, 400, 5000, 0);
        long now = T0;
        for (int i = 0; i < 400; i++)
        {
            while (limiter.tryAcquire(now, true) != 0)
            {
                now += 10 * MS;
            }
        }

        final long wait = limiter.tryAcquire(now, true);

        assertEquals(T0 + 60 * SECOND - now, wait);
        assertEquals(0, limiter.tryAcquire(T0 + 60 * SECOND, true));
    }

    @Test
    void shouldRenewTheDayBudgetAtIstMidnight()
    {
        final OrderRateLimiter limiter = new OrderRateLimiter(10, 400, 3, 0);
        final long lateEvening = LocalDateTime.of(2026, 8, 18, 23, 59, 0)
            .toEpochSecond(ZoneOffset.ofHoursMinutes(5, 30)) * SECOND;
        for (int i = 0; i < 3; i++)
        {
            assertEquals(0, limiter.tryAcquire(lateEvening + i * SECOND, true));
        }
        assertEquals(OrderRateLimiter.DAY_BUDGET_SPENT, limiter.tryAcquire(lateEvening + 10 * SECOND, true));
        assertEquals(0, limiter.placementsLeftToday(lateEvening + 10 * SECOND));

        assertEquals(0, limiter.tryAcquire(lateEvening + 61 * SECOND, true), "a new IST day");
        assertEquals(2, limiter.placementsLeftToday(lateEvening + 61 * SECOND));
    }

    @Test
    void shouldWidenEveryWindowByTheGuard()
    {
        final OrderRateLimiter limiter = new OrderRateLimiter(1, 400, 5000, 50 * MS);
        assertEquals(0, limiter.tryAcquire(T0, true));

        assertEquals(50 * MS, limiter.tryAcquire(T0 + SECOND, true));
    }
}
