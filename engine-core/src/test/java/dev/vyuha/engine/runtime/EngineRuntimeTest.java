package dev.vyuha.engine.runtime;

import com.lmax.disruptor.EventHandler;
import dev.vyuha.sbe.DerivativeTickDecoder;
import dev.vyuha.sbe.DerivativeTickEncoder;
import dev.vyuha.sbe.MessageHeaderEncoder;
import dev.vyuha.sbe.NewOrderEncoder;
import dev.vyuha.sbe.TickMode;
import dev.vyuha.wire.CommandStamp;
import dev.vyuha.wire.FrameReader;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(30)
class EngineRuntimeTest
{
    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[512]);

    /** Orders one lot whenever a tick's last price is above 100 rupees; throws on a price of exactly 66.66. */
    static final class TickFollower implements CommandHandler
    {
        final List<String> seen = Collections.synchronizedList(new ArrayList<>());
        final List<String> rejected = Collections.synchronizedList(new ArrayList<>());
        private final NewOrderEncoder order = new NewOrderEncoder();
        private final MessageHeaderEncoder header = new MessageHeaderEncoder();

        @Override
        public void onCommand(final FrameReader reader, final long sequence, final long timestampNs,
            final OrderSink orders)
        {
            final DerivativeTickDecoder tick = reader.derivativeTick();
            if (tick.lastPrice() == 66_66)
            {
                throw new IllegalStateException("boom at " + sequence);
            }
            seen.add(sequence + "@" + timestampNs + ":" + tick.lastPrice() + "/" + tick.commandHeader().sequence());
            if (tick.lastPrice() > 100_00)
            {
                final int offset = orders.claim(MessageHeaderEncoder.ENCODED_LENGTH + NewOrderEncoder.BLOCK_LENGTH);
                order.wrapAndApplyHeader(orders.buffer(), offset, header).clientOrderId(sequence * 64)
                    .instrumentToken(tick.instrumentToken()).quantity(65);
                orders.commit(MessageHeaderEncoder.ENCODED_LENGTH + order.encodedLength());
            }
        }

        @Override
        public void onRejectedFrame(final long sequence, final long timestampNs, final String reason)
        {
            rejected.add(sequence + ":" + reason);
        }

        @Override
        public void onEndOfBatch(final long sequence, final long timestampNs)
        {
        }
    }

    @Test
    void shouldStampCommandsAndDeliverThemInOrderToTheBusinessLogic() throws Exception
    {
        final TickFollower logic = new TickFollower();
        final List<Long> sent = new CopyOnWriteArrayList<>();
        final EngineRuntime runtime = new EngineRuntime(new EngineRuntime.Context().ringSize(64).firstSequence(1000),
            logic, (buffer, offset, length, cause) -> sent.add(cause), List.of());
        runtime.start();
        for (int i = 0; i < 200; i++)
        {
            final int length = tick(256_265L, 50_00 + i * 100L);
            assertEquals(1000 + i, runtime.publish(frame, 0, length, 1_787_000_000_000_000_000L + i));
        }
        assertTrue(runtime.drainAndStop(10, TimeUnit.SECONDS));
        assertEquals(200, logic.seen.size());
        for (int i = 0; i < 200; i++)
        {
            final long sequence = 1000 + i;
            assertEquals(sequence + "@" + (1_787_000_000_000_000_000L + i) + ":" + (50_00 + i * 100L) + "/" + sequence,
                logic.seen.get(i), "the frame itself carries the stamp");
        }
        assertEquals(149, sent.size(), "prices above 100.00 rupees");
        assertEquals(1051L, sent.get(0));
    }

    @Test
    void shouldRejectGarbageFramesAndSurviveHandlerExceptions() throws Exception
    {
        final TickFollower logic = new TickFollower();
        final List<String> errors = new CopyOnWriteArrayList<>();
        final EngineRuntime runtime = new EngineRuntime(new EngineRuntime.Context().ringSize(64)
            .errorListener((stage, sequence, error) -> errors.add(stage + "@" + sequence + ":" + error.getMessage())),
            logic, (buffer, offset, length, cause) -> { }, List.of());
        runtime.start();
        runtime.publish(new UnsafeBuffer(new byte[]{1, 2, 3}), 0, 3, 5);
        final int tickLength = tick(1, 10_00);
        runtime.publish(frame, 0, tickLength - 7, 6);
        runtime.publish(frame, 0, tick(1, 66_66), 7);
        runtime.publish(frame, 0, tick(1, 20_00), 8);
        assertTrue(runtime.drainAndStop(10, TimeUnit.SECONDS));
        assertEquals(2, runtime.rejectedFrames());
        assertEquals(2, logic.rejected.size());
        assertTrue(logic.rejected.get(1).contains("frame ends before the message does"), logic.rejected.toString());
        assertEquals(1, runtime.handlerErrors());
        assertEquals(List.of("ring@3:boom at 3"), errors);
        assertEquals(List.of("4@8:2000/4"), logic.seen, "the consumer carried on after the exception");
    }

    @Test
    void shouldHoldOrdersUntilTheJournalHasTheirCause() throws Exception
    {
        final TickFollower logic = new TickFollower();
        final CountDownLatch journalMayProceed = new CountDownLatch(1);
        final List<Long> journaled = new CopyOnWriteArrayList<>();
        final List<Long> sent = new CopyOnWriteArrayList<>();
        final EventHandler<CommandSlot> slowJournal = (slot, sequence, endOfBatch) ->
        {
            journalMayProceed.await();
            journaled.add(slot.sequence());
        };
        final EngineRuntime runtime = new EngineRuntime(new EngineRuntime.Context().ringSize(64), logic,
            (buffer, offset, length, cause) ->
            {
                assertTrue(journaled.contains(cause), "order for " + cause + " left before its cause was journaled");
                sent.add(cause);
            }, List.of(slowJournal));
        runtime.start();
        runtime.publish(frame, 0, tick(1, 150_00), 1);
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (logic.seen.isEmpty() && System.nanoTime() < deadline)
        {
            Thread.onSpinWait();
        }
        assertEquals(1, logic.seen.size(), "the business logic ran in parallel with the journal");
        Thread.sleep(200);
        assertEquals(List.of(), sent, "no order while the journal has not written its cause");
        journalMayProceed.countDown();
        assertTrue(runtime.drainAndStop(10, TimeUnit.SECONDS));
        assertEquals(List.of(1L), sent);
    }

    @Test
    void shouldReplayJournaledFramesWithTheirOwnStampsAndNeverSendTheirOrders() throws Exception
    {
        final TickFollower logic = new TickFollower();
        final List<Long> sent = new CopyOnWriteArrayList<>();
        final List<Long> captured = new ArrayList<>();
        final EngineRuntime runtime = new EngineRuntime(new EngineRuntime.Context().ringSize(64).firstSequence(3),
            logic, (buffer, offset, length, cause) -> sent.add(cause), List.of());
        for (int i = 1; i <= 2; i++)
        {
            final int length = tick(1, 200_00);
            CommandStamp.stamp(frame, 0, i, 9_000 + i);
            runtime.replay(frame, 0, length, (buffer, offset, frameLength, cause) -> captured.add(cause));
        }
        runtime.start();
        runtime.publish(frame, 0, tick(1, 300_00), 9_999);
        assertTrue(runtime.drainAndStop(10, TimeUnit.SECONDS));
        assertEquals(List.of("1@9001:20000/1", "2@9002:20000/2", "3@9999:30000/3"), logic.seen);
        assertEquals(List.of(1L, 2L), captured, "replayed orders are captured for comparison");
        assertEquals(List.of(3L), sent, "only the live command's order is sent");
        assertEquals(2, runtime.replayedCommands());
        assertEquals(3, runtime.lastSequence());
    }

    private int tick(final long token, final long lastPrice)
    {
        final DerivativeTickEncoder encoder = new DerivativeTickEncoder()
            .wrapAndApplyHeader(frame, 0, new MessageHeaderEncoder())
            .instrumentToken(token).mode(TickMode.LTP).lastPrice(lastPrice);
        encoder.bidDepth((short)0).askDepth((short)0);
        return MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength();
    }
}
