package dev.vyuha.app.node;

import dev.vyuha.sbe.DerivativeTickEncoder;
import dev.vyuha.sbe.MessageHeaderEncoder;
import dev.vyuha.sbe.TickMode;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CommandClockTest
{
    private static final long MORNING_NS = 1_786_938_300_000_000_000L;

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[512]);

    @Test
    void shouldFollowTheExchangeTimestampsOfValidTicksOnlyInDataTime()
    {
        final CommandClock clock = CommandClock.dataTime(MORNING_NS);
        final int length = tick(MORNING_NS + 5_000_000_000L);
        assertEquals(MORNING_NS + 5_000_000_000L, clock.stamp(buffer, 0, length));

        // A frame cut short, whose header still says "derivative tick": its timestamp would lie past its end.
        tick(MORNING_NS + 3_600_000_000_000L);
        assertEquals(MORNING_NS + 5_000_000_000L, clock.stamp(buffer, 0, 10), "a truncated frame moves nothing");

        // A frame of another schema version: not read either.
        final int full = tick(MORNING_NS + 3_600_000_000_000L);
        buffer.putShort(6, (short)1, ByteOrder.LITTLE_ENDIAN);
        assertEquals(MORNING_NS + 5_000_000_000L, clock.stamp(buffer, 0, full));

        assertEquals(MORNING_NS + 6_000_000_000L, clock.stamp(buffer, 0, tick(MORNING_NS + 6_000_000_000L)));
        assertEquals(MORNING_NS + 6_000_000_000L, clock.stamp(buffer, 0, tick(MORNING_NS + 1_000_000_000L)),
            "never back");
    }

    private int tick(final long exchangeNs)
    {
        final DerivativeTickEncoder encoder = new DerivativeTickEncoder()
            .wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
            .instrumentToken(10_253_058).mode(TickMode.LTP).lastPrice(12_345)
            .exchangeTimestampNs(exchangeNs).bidDepth((short)0).askDepth((short)0);
        return MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength();
    }
}
