package dev.vyuha.feed.kite;

import dev.vyuha.feed.source.MarketDataFrames;
import dev.vyuha.sbe.DerivativeTickEncoder;
import dev.vyuha.sbe.TickMode;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * Decodes the Kite ticker's binary messages (KITE.md §7.2) straight into SBE frames, without allocating and without
 * the SDK's detour through doubles, {@code Date}s and maps: exact paise, the index packet's absolute change (which the
 * SDK drops), timestamps as epoch nanoseconds. A message is big-endian {@code int16} N, then N × ({@code int16} L +
 * L bytes); the packet type is decided by L alone:
 *
 * <table>
 *   <caption>packets</caption>
 *   <tr><th>L</th><th>packet</th><th>frame</th></tr>
 *   <tr><td>8</td><td>ltp (any segment)</td><td>IndexTick (segment 9) or DerivativeTick, LTP mode</td></tr>
 *   <tr><td>28</td><td>index quote: last, high, low, open, close, change</td><td>IndexTick, QUOTE</td></tr>
 *   <tr><td>32</td><td>index full: the 28 bytes + exchange time</td><td>IndexTick, FULL</td></tr>
 *   <tr><td>44</td><td>quote: last, last qty, avg, volume, buy/sell qty, open, high, low, close</td>
 *     <td>DerivativeTick, QUOTE, no depth</td></tr>
 *   <tr><td>184</td><td>full: quote + last trade time, OI, OI high/low, exchange time, 5 + 5 depth</td>
 *     <td>DerivativeTick, FULL, 5 bids and 5 asks</td></tr>
 * </table>
 *
 * Prices are the packet's integers divided by the segment's divisor, expressed in paise: unchanged for every segment
 * but CDS (divisor 10 000 000) and BCD (10 000), which are rounded to paise. Quantities, volume and open interest
 * are unsigned 32-bit. A time of 0 is absent (SBE null). Other packet lengths, and messages whose lengths do not add
 * up, are counted as malformed and skipped; a 1-byte heartbeat is no packet at all. Single threaded.
 */
public final class KiteTickerDecoder
{
    /** Kite's segment of indices ({@code token & 0xff}). */
    public static final int INDICES_SEGMENT = 9;

    private static final ByteOrder ORDER = ByteOrder.BIG_ENDIAN;
    private static final int LTP = 8;
    private static final int INDEX_QUOTE = 28;
    private static final int INDEX_FULL = 32;
    private static final int QUOTE = 44;
    private static final int FULL = 184;
    private static final int DEPTH_OFFSET = 64;
    private static final int DEPTH_ENTRY = 12;
    private static final int DEPTH_LEVELS = 5;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    /**
     * Receives each decoded frame.
     */
    @FunctionalInterface
    public interface FrameHandler
    {
        /**
         * @param buffer holding the frame (reused: copy what must be kept).
         * @param offset of the frame.
         * @param length of the frame.
         */
        void onFrame(DirectBuffer buffer, int offset, int length);
    }

    private final MarketDataFrames frames = new MarketDataFrames();
    private long packets;
    private long malformed;

    /**
     * Decode every packet of a binary message.
     *
     * @param message       the WebSocket binary message.
     * @param offset        where it starts.
     * @param length        its length.
     * @param scratch       where frames are encoded, at least 1 KiB after {@code scratchOffset}.
     * @param scratchOffset where in {@code scratch} each frame goes.
     * @param handler       receives each frame.
     * @return packets decoded (0 for a heartbeat).
     */
    public int decodeMessage(
        final DirectBuffer message,
        final int offset,
        final int length,
        final MutableDirectBuffer scratch,
        final int scratchOffset,
        final FrameHandler handler)
    {
        if (!withinBuffer(message, offset, length))
        {
            malformed++;
            return 0;
        }
        if (length < 2)
        {
            return 0;
        }
        final int count = message.getShort(offset, ORDER) & 0xFFFF;
        int position = offset + 2;
        final int end = offset + length;
        int decoded = 0;
        for (int i = 0; i < count; i++)
        {
            if (position + 2 > end)
            {
                malformed++;
                break;
            }
            final int packetLength = message.getShort(position, ORDER) & 0xFFFF;
            position += 2;
            if (position + packetLength > end)
            {
                malformed++;
                break;
            }
            final int frameLength = decodePacket(message, position, packetLength, scratch, scratchOffset);
            if (frameLength > 0)
            {
                decoded++;
                handler.onFrame(scratch, scratchOffset, frameLength);
            }
            position += packetLength;
        }
        return decoded;
    }

    /**
     * Decode one packet (without the message's count and length prefixes, as the official fixture files hold it).
     *
     * @param packet    holding the packet.
     * @param offset    where it starts.
     * @param length    its length (8, 28, 32, 44 or 184).
     * @param out       where to encode the frame.
     * @param outOffset offset of the frame.
     * @return the frame's length, or -1 for a packet length Kite does not send (counted as malformed).
     */
    public int decodePacket(
        final DirectBuffer packet,
        final int offset,
        final int length,
        final MutableDirectBuffer out,
        final int outOffset)
    {
        if (!withinBuffer(packet, offset, length) || length < LTP)
        {
            malformed++;
            return -1;
        }
        final long token = packet.getInt(offset, ORDER) & 0xFFFF_FFFFL;
        final int segment = (int)(token & 0xFF);
        final long last = price(packet, offset + 4, segment);
        final int frameLength;
        switch (length)
        {
            case LTP -> frameLength = segment == INDICES_SEGMENT ?
                frames.indexTick(out, outOffset, token, TickMode.LTP, last, MarketDataFrames.NULL_PRICE,
                    MarketDataFrames.NULL_PRICE, MarketDataFrames.NULL_PRICE, MarketDataFrames.NULL_PRICE,
                    MarketDataFrames.NULL_PRICE, MarketDataFrames.NULL_TIME) :
                ltp(out, outOffset, token, last);
            case INDEX_QUOTE, INDEX_FULL -> frameLength = frames.indexTick(out, outOffset, token,
                length == INDEX_FULL ? TickMode.FULL : TickMode.QUOTE, last,
                price(packet, offset + 16, segment),
                price(packet, offset + 8, segment),
                price(packet, offset + 12, segment),
                price(packet, offset + 20, segment),
                price(packet, offset + 24, segment),
                length == INDEX_FULL ? time(packet, offset + 28) : MarketDataFrames.NULL_TIME);
            case QUOTE, FULL -> frameLength = quote(packet, offset, length == FULL, token, segment, last, out, outOffset);
            default ->
            {
                malformed++;
                return -1;
            }
        }
        packets++;
        return frameLength;
    }

    private int ltp(final MutableDirectBuffer out, final int outOffset, final long token, final long last)
    {
        frames.derivativeTick(out, outOffset, token, TickMode.LTP, last);
        return frames.derivativeTickLength();
    }

    private int quote(
        final DirectBuffer packet,
        final int offset,
        final boolean full,
        final long token,
        final int segment,
        final long last,
        final MutableDirectBuffer out,
        final int outOffset)
    {
        final DerivativeTickEncoder tick = frames.derivativeTick(out, outOffset, token,
            full ? TickMode.FULL : TickMode.QUOTE, last);
        tick.lastQuantity(packet.getInt(offset + 8, ORDER))
            .averagePrice(price(packet, offset + 12, segment))
            .volume(unsigned(packet, offset + 16))
            .totalBuyQuantity(unsigned(packet, offset + 20))
            .totalSellQuantity(unsigned(packet, offset + 24))
            .openPrice(price(packet, offset + 28, segment))
            .highPrice(price(packet, offset + 32, segment))
            .lowPrice(price(packet, offset + 36, segment))
            .closePrice(price(packet, offset + 40, segment));
        if (!full)
        {
            return frames.derivativeTickLength();
        }
        tick.lastTradeTimeNs(time(packet, offset + 44))
            .openInterest(unsigned(packet, offset + 48))
            .openInterestDayHigh(unsigned(packet, offset + 52))
            .openInterestDayLow(unsigned(packet, offset + 56))
            .exchangeTimestampNs(time(packet, offset + 60));
        tick.bidDepth((short)DEPTH_LEVELS).askDepth((short)DEPTH_LEVELS);
        for (int level = 0; level < DEPTH_LEVELS; level++)
        {
            final int bid = offset + DEPTH_OFFSET + level * DEPTH_ENTRY;
            final int ask = offset + DEPTH_OFFSET + (DEPTH_LEVELS + level) * DEPTH_ENTRY;
            tick.bidQuantity(level, packet.getInt(bid, ORDER)).bidPrice(level, price(packet, bid + 4, segment))
                .bidOrders(level, packet.getShort(bid + 8, ORDER) & 0xFFFF)
                .askQuantity(level, packet.getInt(ask, ORDER)).askPrice(level, price(packet, ask + 4, segment))
                .askOrders(level, packet.getShort(ask + 8, ORDER) & 0xFFFF);
        }
        return frames.derivativeTickLength();
    }

    /**
     * Every read below is within {@code [offset, offset + length)}; this makes sure that range is inside the buffer,
     * so no input reads past it even with Agrona's bounds checks disabled.
     */
    private static boolean withinBuffer(final DirectBuffer buffer, final int offset, final int length)
    {
        return offset >= 0 && length >= 0 && length <= buffer.capacity() - offset;
    }

    private static long price(final DirectBuffer packet, final int at, final int segment)
    {
        final long raw = packet.getInt(at, ORDER);
        return switch (segment)
        {
            case 3 -> Math.round(raw / 100_000.0);
            case 6 -> Math.round(raw / 100.0);
            default -> raw;
        };
    }

    private static long unsigned(final DirectBuffer packet, final int at)
    {
        return packet.getInt(at, ORDER) & 0xFFFF_FFFFL;
    }

    private static long time(final DirectBuffer packet, final int at)
    {
        final long seconds = packet.getInt(at, ORDER) & 0xFFFF_FFFFL;
        return seconds == 0 ? MarketDataFrames.NULL_TIME : seconds * NANOS_PER_SECOND;
    }

    /** @return packets decoded so far. */
    public long packets()
    {
        return packets;
    }

    /** @return malformed packets or messages skipped so far. */
    public long malformed()
    {
        return malformed;
    }
}
