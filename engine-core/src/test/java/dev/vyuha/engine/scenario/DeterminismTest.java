package dev.vyuha.engine.scenario;

import dev.vyuha.engine.event.EngineEvent;
import dev.vyuha.engine.runtime.EngineRuntime;
import dev.vyuha.engine.runtime.WaitStrategyKind;
import dev.vyuha.engine.strategy.runtime.EngineConfig;
import dev.vyuha.engine.strategy.runtime.TradingEngine;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ARCHITECTURE.md §3 invariant 2: engine state is a pure fold over the command sequence.
 */
class DeterminismTest
{
    @Test
    void shouldGiveTheSameStateHashAndByteIdenticalOrdersForTheSameCommandStream()
    {
        final TradingDay first = RandomTradingSession.run(20260817L, 2);
        final TradingDay second = RandomTradingSession.run(20260817L, 2);
        assertTrue(first.orders.size() > 60, "a busy session: " + first.orders.size() + " orders");
        for (final String exercised : new String[] {"kill switch ENGAGED", "leg stop loss", "REJECT", "PARTIAL_FILL",
            "re-entry", "MTM", "hedge"})
        {
            assertTrue(first.saw(exercised), "the session exercised " + exercised);
        }
        assertEquals(first.recording.size(), second.recording.size());
        assertEquals(first.engine.stateHash(), second.engine.stateHash());
        assertArrayEquals(first.outbound.toByteArray(), second.outbound.toByteArray());
        assertEquals(descriptions(first.events), descriptions(second.events));
    }

    @Test
    void shouldGiveADifferentStateHashForADifferentSession()
    {
        assertNotEquals(RandomTradingSession.run(1L, 1).engine.stateHash(),
            RandomTradingSession.run(2L, 1).engine.stateHash());
    }

    @Test
    void shouldReachTheSameStateThroughTheThreadedRingAsInline() throws InterruptedException
    {
        final TradingDay inline = RandomTradingSession.run(777L, 1);
        final List<EngineEvent> events = new ArrayList<>();
        final TradingEngine engine = new TradingEngine(EngineConfig.defaults().withMaxQuoteAge(90_000_000_000L),
            events::add);
        final ByteArrayOutputStream outbound = new ByteArrayOutputStream();
        final EngineRuntime runtime = new EngineRuntime(new EngineRuntime.Context().ringSize(1024).firstSequence(1)
            .waitStrategy(WaitStrategyKind.BLOCKING), engine, (buffer, offset, length, cause) ->
            {
                final byte[] bytes = new byte[length];
                buffer.getBytes(offset, bytes);
                outbound.writeBytes(bytes);
            }, List.of());
        runtime.start();
        long last = 0;
        for (final TradingDay.RecordedCommand command : inline.recording)
        {
            if (command == inline.recording.get(inline.recording.size() - 1))
            {
                // Read models are published by the business-logic thread and read here without locks.
                engine.requestSnapshot();
            }
            last = runtime.publish(new UnsafeBuffer(command.frame()), 0, command.frame().length,
                command.timestampNs());
        }
        assertTrue(runtime.drainAndStop(30, TimeUnit.SECONDS));
        assertEquals(last, engine.snapshot().sequence());
        assertEquals(7, engine.snapshot().baskets().size());
        assertEquals(0, runtime.handlerErrors());
        assertEquals(inline.engine.stateHash(), engine.stateHash());
        assertArrayEquals(inline.outbound.toByteArray(), outbound.toByteArray());
        assertEquals(descriptions(inline.events), descriptions(events));
    }

    private static List<String> descriptions(final List<EngineEvent> events)
    {
        final List<String> text = new ArrayList<>(events.size());
        for (final EngineEvent event : events)
        {
            text.add(event.sequence() + " " + event.timestampNs() + " " + event.describe());
        }
        return text;
    }
}
