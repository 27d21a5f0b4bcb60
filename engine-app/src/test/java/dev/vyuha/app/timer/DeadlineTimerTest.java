package dev.vyuha.app.timer;

import dev.vyuha.sbe.MessageHeaderDecoder;
import dev.vyuha.sbe.TimerDecoder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeadlineTimerTest
{
    private static long wallClock()
    {
        return TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
    }

    @Test
    void shouldPublishATimerAtTheEnginesDeadlineOnceAndMeasureItsLateness() throws Exception
    {
        final AtomicLong deadline = new AtomicLong(wallClock() + TimeUnit.MILLISECONDS.toNanos(80));
        final List<long[]> published = new CopyOnWriteArrayList<>();
        try (DeadlineTimer timer = new DeadlineTimer(deadline::get, DeadlineTimerTest::wallClock, (frame, length, at) ->
        {
            final TimerDecoder decoder = new TimerDecoder().wrapAndApplyHeader(frame, 0,
                new MessageHeaderDecoder().wrap(frame, 0));
            published.add(new long[] {decoder.timerId(), decoder.deadlineNs(), at});
        }).start())
        {
            final long due = deadline.get();
            final long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (published.stream().noneMatch(p -> p[1] == due) && System.nanoTime() < giveUp)
            {
                Thread.sleep(5);
            }
            Thread.sleep(50);
            final long fired = published.stream().filter(p -> p[1] == due).count();
            assertEquals(1, fired, "the deadline fires exactly once while the engine has not moved it");
            final long[] first = published.stream().filter(p -> p[1] == due).findFirst().orElseThrow();
            assertTrue(first[2] >= due, "never early");
            deadline.set(Long.MAX_VALUE);
            assertEquals(1, timer.timers());
            assertEquals(1, timer.latenessSinceLastCall().getTotalCount());
        }
    }

    @Test
    void shouldBeatOnceASecondWhenNothingIsDue() throws Exception
    {
        final List<Long> published = new CopyOnWriteArrayList<>();
        try (DeadlineTimer timer = new DeadlineTimer(() -> Long.MAX_VALUE, DeadlineTimerTest::wallClock,
            (frame, length, at) -> published.add(at)).start())
        {
            Thread.sleep(2_300);
            assertTrue(published.size() >= 2 && published.size() <= 3, published.size() + " heartbeats");
            assertEquals(0, timer.timers());
        }
    }
}
