package dev.vyuha.feed.source;

import dev.vyuha.sbe.DerivativeTickDecoder;
import dev.vyuha.sbe.DerivativeTickEncoder;
import dev.vyuha.sbe.FeedScope;
import dev.vyuha.sbe.FeedStatus;
import dev.vyuha.sbe.TickMode;
import dev.vyuha.wire.FrameReader;
import dev.vyuha.wire.FrameVerdict;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MarketDataFramesTest
{
    private final MarketDataFrames frames = new MarketDataFrames();
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[MarketDataSource.MAX_FRAME_LENGTH]);
    private final FrameReader reader = new FrameReader();

    @Test
    void shouldStartEveryDerivativeTickWithAnEmptyBookWhateverTheBufferHeldBefore()
    {
        final DerivativeTickEncoder full = frames.derivativeTick(buffer, 0, 10_253_058, TickMode.FULL, 12_345);
        full.bidDepth((short)5).askDepth((short)5);
        for (int level = 0; level < 5; level++)
        {
            full.bidPrice(level, 12_340 - 5 * level).bidQuantity(level, 65).bidOrders(level, 1)
                .askPrice(level, 12_350 + 5 * level).askQuantity(level, 130).askOrders(level, 2);
        }
        assertEquals(FrameVerdict.VALID, reader.read(buffer, 0, frames.derivativeTickLength()));
        assertEquals(5, reader.derivativeTick().askDepth());

        // An LTP tick written over it in the same buffer carries no trace of the old book.
        frames.derivativeTick(buffer, 0, 10_253_058, TickMode.LTP, 12_360);
        final int length = frames.derivativeTickLength();
        assertEquals(FrameVerdict.VALID, reader.read(buffer, 0, length), reader::rejectionReason);
        final DerivativeTickDecoder tick = reader.derivativeTick();
        assertEquals(0, tick.bidDepth());
        assertEquals(0, tick.askDepth());
        for (int level = 0; level < 5; level++)
        {
            assertEquals(0, tick.bidPrice(level));
            assertEquals(0, tick.bidQuantity(level));
            assertEquals(0, tick.bidOrders(level));
            assertEquals(0, tick.askPrice(level));
            assertEquals(0, tick.askQuantity(level));
            assertEquals(0, tick.askOrders(level));
        }
        assertEquals(MarketDataFrames.NULL_COUNT, tick.volume());
    }

    @Test
    void shouldCutAFeedStateReasonToItsLimitInBytesNotCharacters()
    {
        final String rupees = "\u20B9".repeat(MarketDataFrames.MAX_REASON_LENGTH);
        final String fitted = MarketDataFrames.fitReason(rupees);
        assertEquals(MarketDataFrames.MAX_REASON_LENGTH / 3, fitted.length(), "whole three-byte characters only");
        assertEquals(MarketDataFrames.MAX_REASON_LENGTH / 3 * 3, fitted.getBytes(StandardCharsets.UTF_8).length);
        assertEquals("stale for 5 s", MarketDataFrames.fitReason("stale for 5 s"));

        final int length = frames.feedState(buffer, 0, FeedScope.FEED, FeedStatus.STALE, 0, null,
            MarketDataFrames.NULL_TIME, rupees);
        assertEquals(FrameVerdict.VALID, reader.read(buffer, 0, length), reader::rejectionReason);
        assertEquals(fitted, reader.feedState().reason());
    }
}
