package dev.vyuha.kitesim;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Locale;

/**
 * Encodes the Kite ticker's binary messages (KITE.md §7.2): big-endian, {@code int16} packet count, then per packet
 * {@code int16} length and the packet. The packet type is decided by its length only: 8 (ltp), 28/32 (index quote,
 * index full), 44 (quote), 184 (full, with 5 + 5 depth levels). Prices are {@code int32} in the segment's unit:
 * paise for every segment but CDS (divisor 10 000 000) and BCD (10 000), where the simulator's paise are scaled.
 */
public final class TickerPackets
{
    /** Ticker mode: last price only. */
    public static final String MODE_LTP = "ltp";
    /** Ticker mode: quote without depth. */
    public static final String MODE_QUOTE = "quote";
    /** Ticker mode: quote with depth, open interest and timestamps. */
    public static final String MODE_FULL = "full";

    /** Segment of index tokens ({@code token & 0xff}). */
    public static final int INDICES_SEGMENT = 9;

    private static final int LTP_LENGTH = 8;
    private static final int INDEX_QUOTE_LENGTH = 28;
    private static final int INDEX_FULL_LENGTH = 32;
    private static final int QUOTE_LENGTH = 44;
    private static final int FULL_LENGTH = 184;

    private TickerPackets()
    {
    }

    /**
     * @param mode ltp, quote or full.
     * @return the same mode, validated.
     */
    public static String mode(final String mode)
    {
        final String lower = mode.toLowerCase(Locale.ROOT);
        if (!MODE_LTP.equals(lower) && !MODE_QUOTE.equals(lower) && !MODE_FULL.equals(lower))
        {
            throw new IllegalArgumentException("unknown ticker mode: " + mode);
        }
        return lower;
    }

    /**
     * @param token instrument token.
     * @return true for index tokens (segment 9, not tradable).
     */
    public static boolean isIndex(final long token)
    {
        return (token & 0xff) == INDICES_SEGMENT;
    }

    /**
     * @param token instrument token.
     * @param mode  ltp, quote or full.
     * @return the length of that token's packet in that mode.
     */
    public static int packetLength(final long token, final String mode)
    {
        if (MODE_LTP.equals(mode))
        {
            return LTP_LENGTH;
        }
        if (isIndex(token))
        {
            return MODE_FULL.equals(mode) ? INDEX_FULL_LENGTH : INDEX_QUOTE_LENGTH;
        }
        return MODE_FULL.equals(mode) ? FULL_LENGTH : QUOTE_LENGTH;
    }

    /**
     * One binary message carrying several packets.
     *
     * @param quotes the quotes.
     * @param modes  the mode of each quote (same order).
     * @return the message.
     */
    public static ByteBuffer message(final List<SimQuote> quotes, final List<String> modes)
    {
        int length = 2;
        for (int i = 0; i < quotes.size(); i++)
        {
            length += 2 + packetLength(quotes.get(i).instrumentToken(), modes.get(i));
        }
        final ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.BIG_ENDIAN);
        buffer.putShort((short)quotes.size());
        for (int i = 0; i < quotes.size(); i++)
        {
            final SimQuote quote = quotes.get(i);
            buffer.putShort((short)packetLength(quote.instrumentToken(), modes.get(i)));
            putPacket(buffer, quote, modes.get(i));
        }
        buffer.flip();
        return buffer;
    }

    /**
     * @param quote the quote.
     * @param mode  ltp, quote or full.
     * @return one packet without the message header (as the official {@code ticker_*.packet} fixtures are).
     */
    public static byte[] packet(final SimQuote quote, final String mode)
    {
        final ByteBuffer buffer = ByteBuffer.allocate(packetLength(quote.instrumentToken(), mode));
        putPacket(buffer, quote, mode);
        return buffer.array();
    }

    /** @return the one-byte heartbeat Kite sends to an idle connection (0x00: 0x01..0x7F crash SDK 3.5.1). */
    public static ByteBuffer heartbeat()
    {
        return ByteBuffer.wrap(new byte[] {0});
    }

    private static void putPacket(final ByteBuffer buffer, final SimQuote quote, final String mode)
    {
        final long token = quote.instrumentToken();
        buffer.putInt((int)token);
        buffer.putInt(price(token, quote.lastPrice()));
        if (MODE_LTP.equals(mode))
        {
            return;
        }
        if (isIndex(token))
        {
            buffer.putInt(price(token, quote.high()));
            buffer.putInt(price(token, quote.low()));
            buffer.putInt(price(token, quote.open()));
            buffer.putInt(price(token, quote.close()));
            buffer.putInt(price(token, quote.lastPrice() - quote.close()));
            if (MODE_FULL.equals(mode))
            {
                buffer.putInt((int)quote.exchangeTimeSeconds());
            }
            return;
        }
        buffer.putInt(quote.lastQuantity());
        buffer.putInt(price(token, quote.averagePrice()));
        buffer.putInt((int)quote.volume());
        buffer.putInt((int)quote.totalBuyQuantity());
        buffer.putInt((int)quote.totalSellQuantity());
        buffer.putInt(price(token, quote.open()));
        buffer.putInt(price(token, quote.high()));
        buffer.putInt(price(token, quote.low()));
        buffer.putInt(price(token, quote.close()));
        if (!MODE_FULL.equals(mode))
        {
            return;
        }
        buffer.putInt((int)quote.lastTradeTimeSeconds());
        buffer.putInt((int)quote.openInterest());
        buffer.putInt((int)quote.openInterestDayHigh());
        buffer.putInt((int)quote.openInterestDayLow());
        buffer.putInt((int)quote.exchangeTimeSeconds());
        for (final DepthLevel level : quote.bids())
        {
            putLevel(buffer, token, level);
        }
        for (final DepthLevel level : quote.asks())
        {
            putLevel(buffer, token, level);
        }
    }

    private static void putLevel(final ByteBuffer buffer, final long token, final DepthLevel level)
    {
        buffer.putInt(level.quantity());
        buffer.putInt(price(token, level.price()));
        buffer.putShort((short)level.orders());
        buffer.putShort((short)0);
    }

    private static int price(final long token, final long paise)
    {
        final int segment = (int)(token & 0xff);
        return switch (segment)
        {
            case 3 -> Math.toIntExact(paise * 100_000L);
            case 6 -> Math.toIntExact(paise * 100L);
            default -> Math.toIntExact(paise);
        };
    }
}
