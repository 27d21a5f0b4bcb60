package dev.vyuha.journal;

import com.lmax.disruptor.EventHandler;
import dev.vyuha.engine.event.EngineEvent;
import dev.vyuha.engine.market.Underlying;
import dev.vyuha.engine.runtime.CommandSlot;
import dev.vyuha.engine.runtime.EngineRuntime;
import dev.vyuha.engine.scenario.Baskets;
import dev.vyuha.engine.scenario.SyntheticMarket;
import dev.vyuha.engine.scenario.TradingDay;
import dev.vyuha.engine.strategy.runtime.EngineConfig;
import dev.vyuha.engine.strategy.runtime.TradingEngine;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ARCHITECTURE.md §3 invariant 3, journal before effect: the business logic runs beside the journal and may decide an
 * order before its cause is on disk, but the order leaves only once the journal has the cause.
 */
@Timeout(60)
class OutboundGateTest
{
    @TempDir
    Path directory;

    @Test
    void shouldHoldAnOrderTheBusinessLogicDecidedUntilItsCauseIsJournaled() throws Exception
    {
        final TradingDay day = TradingDay.on("2026-08-17");
        day.at("09:15:00").chain(Underlying.NIFTY, SyntheticMarket.NIFTY_WEEKLY, "24012.35", 0.12);
        day.load(Baskets.basket(Baskets.straddle("", "")));
        day.at("09:19:59").chain(Underlying.NIFTY, SyntheticMarket.NIFTY_WEEKLY, "24012.35", 0.12).timer();
        day.at("09:20:00").timer();
        day.at("09:20:01").spot(Underlying.NIFTY, "24013.00");
        assertEquals(2, day.orders.size(), day.describeEvents());
        final long cause = day.orders.get(0).causeSequence();

        final CountDownLatch decided = new CountDownLatch(1);
        final CountDownLatch sent = new CountDownLatch(1);
        final List<long[]> sends = new CopyOnWriteArrayList<>();
        final ByteArrayOutputStream outbound = new ByteArrayOutputStream();
        final TradingEngine engine = new TradingEngine(EngineConfig.defaults(), event ->
        {
            if (event instanceof EngineEvent.OrderChanged order && "SENT".equals(order.change()))
            {
                decided.countDown();
            }
        });
        try (JournalWriter writer = new JournalWriter(new JournalContext().directory(directory)))
        {
            final StallingJournal journal = new StallingJournal(writer, cause);
            final EngineRuntime runtime = new EngineRuntime(new EngineRuntime.Context().ringSize(1024), engine,
                (buffer, offset, length, causeSequence) ->
                {
                    sends.add(new long[] {causeSequence, writer.lastSequence()});
                    final byte[] bytes = new byte[length];
                    buffer.getBytes(offset, bytes);
                    outbound.writeBytes(bytes);
                    sent.countDown();
                }, List.of(journal));
            runtime.start();
            for (final TradingDay.RecordedCommand command : day.recording)
            {
                runtime.publish(new UnsafeBuffer(command.frame()), 0, command.frame().length, command.timestampNs());
            }

            assertTrue(decided.await(20, TimeUnit.SECONDS), "the business logic decided the orders");
            assertFalse(sent.await(500, TimeUnit.MILLISECONDS), "no order left while its cause was not journaled");
            assertEquals(cause - 1, writer.lastSequence(), "the journal is held just before the cause");

            journal.release();
            assertTrue(runtime.drainAndStop(20, TimeUnit.SECONDS));
        }
        assertEquals(2, sends.size());
        for (final long[] send : sends)
        {
            assertEquals(cause, send[0]);
            assertTrue(send[1] >= send[0], "journaled through " + send[1] + " when the order of " + send[0] + " left");
        }
        assertArrayEquals(day.outbound.toByteArray(), outbound.toByteArray());
    }

    /** The journal, held before one sequence until released. */
    private static final class StallingJournal implements EventHandler<CommandSlot>
    {
        private final JournalWriter writer;
        private final long stallAt;
        private final CountDownLatch release = new CountDownLatch(1);

        StallingJournal(final JournalWriter writer, final long stallAt)
        {
            this.writer = writer;
            this.stallAt = stallAt;
        }

        @Override
        public void onEvent(final CommandSlot slot, final long sequence, final boolean endOfBatch) throws Exception
        {
            if (slot.sequence() == stallAt)
            {
                release.await();
            }
            writer.onEvent(slot, sequence, endOfBatch);
        }

        void release()
        {
            release.countDown();
        }
    }
}
