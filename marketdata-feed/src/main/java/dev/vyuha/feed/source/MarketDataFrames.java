package dev.vyuha.feed.source;

import dev.vyuha.sbe.DerivativeTickEncoder;
import dev.vyuha.sbe.FeedScope;
import dev.vyuha.sbe.FeedStateEncoder;
import dev.vyuha.sbe.FeedStatus;
import dev.vyuha.sbe.IndexTickEncoder;
import dev.vyuha.sbe.MessageHeaderEncoder;
import dev.vyuha.sbe.TickMode;
import dev.vyuha.sbe.Underlying;
import org.agrona.MutableDirectBuffer;

import java.nio.charset.StandardCharsets;

/**
 * Encodes the feed's three frames with reused codecs: {@code IndexTick}, {@code DerivativeTick} and
 * {@code FeedState}. The command header stays zero (the engine stamps it); optional fields start as SBE nulls and
 * the caller sets what it has. Allocation free except for the reason text of a {@code FeedState}. One per thread.
 *
 * <pre>{@code
 * DerivativeTickEncoder tick = frames.derivativeTick(buffer, 0, token, TickMode.FULL, ltp);
 * tick.volume(1200).openInterest(50_000);
 * tick.bidDepth((short)5).bidPrice(0, bid).bidQuantity(0, quantity).bidOrders(0, orders); ...
 * int length = frames.derivativeTickLength();
 * }</pre>
 */
public final class MarketDataFrames
{
    /** Longest reason text put in a {@code FeedState}. */
    public static final int MAX_REASON_LENGTH = 400;
    /** SBE null of an optional price (paise). */
    public static final long NULL_PRICE = DerivativeTickEncoder.averagePriceNullValue();
    /** SBE null of an optional count (volume, open interest, quantity totals). */
    public static final long NULL_COUNT = DerivativeTickEncoder.volumeNullValue();
    /** SBE null of an optional time. */
    public static final long NULL_TIME = DerivativeTickEncoder.exchangeTimestampNsNullValue();

    private static final int BOOK_START = DerivativeTickEncoder.bidPriceEncodingOffset();
    private static final int BOOK_LENGTH = DerivativeTickEncoder.askOrdersEncodingOffset()
        + DerivativeTickEncoder.askOrdersEncodingLength() - BOOK_START;

    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final IndexTickEncoder indexTick = new IndexTickEncoder();
    private final DerivativeTickEncoder derivativeTick = new DerivativeTickEncoder();
    private final FeedStateEncoder feedState = new FeedStateEncoder();

    /**
     * Encode an index tick; absent optional values are passed as {@link #NULL_PRICE}.
     *
     * @param buffer              destination.
     * @param offset              offset of the frame.
     * @param token               instrument token.
     * @param mode                ticker mode.
     * @param lastPrice           paise.
     * @param open                paise or null.
     * @param high                paise or null.
     * @param low                 paise or null.
     * @param close               previous close, paise or null.
     * @param change              absolute change from the close, paise or null.
     * @param exchangeTimestampNs epoch ns or null.
     * @return the frame length.
     */
    public int indexTick(
        final MutableDirectBuffer buffer,
        final int offset,
        final long token,
        final TickMode mode,
        final long lastPrice,
        final long open,
        final long high,
        final long low,
        final long close,
        final long change,
        final long exchangeTimestampNs)
    {
        indexTick.wrapAndApplyHeader(buffer, offset, header);
        indexTick.commandHeader().sequence(0).timestampNs(0);
        indexTick.instrumentToken(token)
            .mode(mode)
            .lastPrice(lastPrice)
            .openPrice(open)
            .highPrice(high)
            .lowPrice(low)
            .closePrice(close)
            .change(change)
            .exchangeTimestampNs(exchangeTimestampNs);
        return MessageHeaderEncoder.ENCODED_LENGTH + indexTick.encodedLength();
    }

    /**
     * Start a derivative tick: header, token, mode and last price set, every optional field null, an empty book (depth
     * 0 on both sides, every level zero). Set the rest on the returned encoder, the book's levels and depths if it has
     * one, then take {@link #derivativeTickLength()}.
     *
     * @param buffer    destination.
     * @param offset    offset of the frame.
     * @param token     instrument token.
     * @param mode      ticker mode.
     * @param lastPrice paise.
     * @return the encoder.
     */
    public DerivativeTickEncoder derivativeTick(
        final MutableDirectBuffer buffer, final int offset, final long token, final TickMode mode, final long lastPrice)
    {
        final DerivativeTickEncoder tick = derivativeTick;
        tick.wrapAndApplyHeader(buffer, offset, header);
        // The book's arrays are contiguous: clear them in one go, so unused levels are zero whatever the buffer held.
        buffer.setMemory(offset + MessageHeaderEncoder.ENCODED_LENGTH + BOOK_START, BOOK_LENGTH, (byte)0);
        tick.commandHeader().sequence(0).timestampNs(0);
        return tick.instrumentToken(token)
            .mode(mode)
            .lastPrice(lastPrice)
            .lastQuantity(DerivativeTickEncoder.lastQuantityNullValue())
            .averagePrice(NULL_PRICE)
            .volume(NULL_COUNT)
            .totalBuyQuantity(NULL_COUNT)
            .totalSellQuantity(NULL_COUNT)
            .openPrice(NULL_PRICE)
            .highPrice(NULL_PRICE)
            .lowPrice(NULL_PRICE)
            .closePrice(NULL_PRICE)
            .lastTradeTimeNs(NULL_TIME)
            .openInterest(NULL_COUNT)
            .openInterestDayHigh(NULL_COUNT)
            .openInterestDayLow(NULL_COUNT)
            .exchangeTimestampNs(NULL_TIME)
            .bidDepth((short)0)
            .askDepth((short)0);
    }

    /**
     * @return length of the derivative tick last started.
     */
    public int derivativeTickLength()
    {
        return MessageHeaderEncoder.ENCODED_LENGTH + derivativeTick.encodedLength();
    }

    /**
     * Encode a feed-state message.
     *
     * @param buffer         destination.
     * @param offset         offset of the frame.
     * @param scope          instrument, underlying or the whole feed.
     * @param status         stale or recovered.
     * @param token          the instrument (INSTRUMENT scope), else 0.
     * @param underlying     the underlying (UNDERLYING scope), else {@link Underlying#NULL_VAL}.
     * @param lastTickTimeNs last tick seen, or {@link #NULL_TIME}.
     * @param reason         why, in words (cut at {@link #MAX_REASON_LENGTH} bytes of UTF-8, at a character).
     * @return the frame length.
     */
    public int feedState(
        final MutableDirectBuffer buffer,
        final int offset,
        final FeedScope scope,
        final FeedStatus status,
        final long token,
        final Underlying underlying,
        final long lastTickTimeNs,
        final String reason)
    {
        feedState.wrapAndApplyHeader(buffer, offset, header);
        feedState.commandHeader().sequence(0).timestampNs(0);
        feedState.scope(scope)
            .status(status)
            .instrumentToken(token)
            .underlying(null == underlying ? Underlying.NULL_VAL : underlying)
            .lastTickTimeNs(lastTickTimeNs)
            .reason(fitReason(reason));
        return MessageHeaderEncoder.ENCODED_LENGTH + feedState.encodedLength();
    }

    /**
     * The reason cut to at most {@link #MAX_REASON_LENGTH} bytes of UTF-8, at a character boundary: a cut by
     * characters could leave up to three bytes per character, more than a frame holds.
     */
    static String fitReason(final String reason)
    {
        if (reason.length() <= MAX_REASON_LENGTH / 3)
        {
            return reason;
        }
        final byte[] utf8 = reason.getBytes(StandardCharsets.UTF_8);
        if (utf8.length <= MAX_REASON_LENGTH)
        {
            return reason;
        }
        int end = MAX_REASON_LENGTH;
        while (end > 0 && (utf8[end] & 0xC0) == 0x80)
        {
            end--;
        }
        return new String(utf8, 0, end, StandardCharsets.UTF_8);
    }
}
