package dev.vyuha.wire;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The order tag contract between engine and gateway. Kite accepts tags of at most 20 alphanumeric characters and
 * returns them on every order, trade and postback, so a tag must let anyone (a restarted gateway, an auditor) recover
 * the engine's client order id without any other state:
 *
 * <ul>
 *   <li>intent tag: {@code VY} + the client order id in base 36, upper case, zero-padded to 13 digits (15 characters),
 *   e.g. {@code VY000000000004F} for client order id 159;</li>
 *   <li>slice tag (the gateway splits an order above the freeze quantity): the intent tag + {@code S} + the 1-based
 *   slice number in two decimal digits (18 characters), e.g. {@code VY000000000004FS03}.</li>
 * </ul>
 *
 * Client order ids are non-negative. Formatting into a buffer does not allocate.
 */
public final class OrderTags
{
    /** Every tag of ours starts with this. */
    public static final String PREFIX = "VY";
    /** Length of an intent tag. */
    public static final int INTENT_TAG_LENGTH = 15;
    /** Length of a slice tag. */
    public static final int SLICE_TAG_LENGTH = 18;
    /** Largest slice number a tag can carry. */
    public static final int MAX_SLICES = 99;
    /** Returned by {@link #clientOrderId} for a tag that is not ours. */
    public static final long NOT_OURS = -1;

    private static final int ID_DIGITS = 13;
    private static final int RADIX = 36;
    private static final char SLICE_MARK = 'S';
    private static final byte[] DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private OrderTags()
    {
    }

    /**
     * Write the intent tag of a client order id.
     *
     * @param clientOrderId non-negative id.
     * @param buffer        destination.
     * @param offset        where the 15 characters go.
     * @return characters written ({@link #INTENT_TAG_LENGTH}).
     */
    public static int putIntentTag(final long clientOrderId, final MutableDirectBuffer buffer, final int offset)
    {
        if (clientOrderId < 0)
        {
            throw new IllegalArgumentException("client order id must be >= 0: " + clientOrderId);
        }
        buffer.putByte(offset, (byte)'V');
        buffer.putByte(offset + 1, (byte)'Y');
        long value = clientOrderId;
        for (int i = INTENT_TAG_LENGTH - 1; i >= PREFIX.length(); i--)
        {
            buffer.putByte(offset + i, DIGITS[(int)Long.remainderUnsigned(value, RADIX)]);
            value = Long.divideUnsigned(value, RADIX);
        }
        return INTENT_TAG_LENGTH;
    }

    /**
     * @param clientOrderId non-negative id.
     * @return the intent tag as a string.
     */
    public static String intentTag(final long clientOrderId)
    {
        final org.agrona.concurrent.UnsafeBuffer buffer = new org.agrona.concurrent.UnsafeBuffer(new byte[INTENT_TAG_LENGTH]);
        putIntentTag(clientOrderId, buffer, 0);
        return buffer.getStringWithoutLengthAscii(0, INTENT_TAG_LENGTH);
    }

    /**
     * @param intentTag   a tag made by {@link #intentTag}.
     * @param sliceNumber 1 to {@link #MAX_SLICES}.
     * @return the slice tag.
     */
    public static String sliceTag(final String intentTag, final int sliceNumber)
    {
        if (intentTag.length() != INTENT_TAG_LENGTH || !intentTag.startsWith(PREFIX))
        {
            throw new IllegalArgumentException("not an intent tag: " + intentTag);
        }
        if (sliceNumber < 1 || sliceNumber > MAX_SLICES)
        {
            throw new IllegalArgumentException("slice number must be 1.." + MAX_SLICES + ": " + sliceNumber);
        }
        return intentTag + SLICE_MARK + (char)('0' + sliceNumber / 10) + (char)('0' + sliceNumber % 10);
    }

    /**
     * Recover the client order id from an intent or slice tag.
     *
     * @param tag a tag as Kite returns it (may be null or anything).
     * @return the client order id, or {@link #NOT_OURS} if the tag was not made by this contract.
     */
    public static long clientOrderId(final CharSequence tag)
    {
        if (null == tag || (tag.length() != INTENT_TAG_LENGTH && tag.length() != SLICE_TAG_LENGTH)
            || tag.charAt(0) != 'V' || tag.charAt(1) != 'Y')
        {
            return NOT_OURS;
        }
        if (tag.length() == SLICE_TAG_LENGTH && sliceNumber(tag) == 0)
        {
            return NOT_OURS;
        }
        long value = 0;
        for (int i = PREFIX.length(); i < INTENT_TAG_LENGTH; i++)
        {
            final int digit = Character.digit(tag.charAt(i), RADIX);
            if (digit < 0 || Character.isLowerCase(tag.charAt(i)))
            {
                return NOT_OURS;
            }
            if (Long.compareUnsigned(value, Long.divideUnsigned(-1L, RADIX)) > 0)
            {
                return NOT_OURS;
            }
            value = value * RADIX + digit;
        }
        return value < 0 ? NOT_OURS : value;
    }

    /**
     * @param tag a tag as Kite returns it.
     * @return the slice number of a slice tag, or 0 for an intent tag or a tag that is not ours.
     */
    public static int sliceNumber(final CharSequence tag)
    {
        if (null == tag || tag.length() != SLICE_TAG_LENGTH || tag.charAt(INTENT_TAG_LENGTH) != SLICE_MARK)
        {
            return 0;
        }
        final char tens = tag.charAt(INTENT_TAG_LENGTH + 1);
        final char units = tag.charAt(INTENT_TAG_LENGTH + 2);
        if (tens < '0' || tens > '9' || units < '0' || units > '9')
        {
            return 0;
        }
        return (tens - '0') * 10 + (units - '0');
    }

    /**
     * Read a tag field of a decoded message (NUL-padded) without allocating.
     *
     * @param buffer holding the field.
     * @param offset of the field.
     * @param length of the field (the schema's OrderTag length).
     * @return the client order id, or {@link #NOT_OURS}.
     */
    public static long clientOrderId(final DirectBuffer buffer, final int offset, final int length)
    {
        int tagLength = 0;
        while (tagLength < length && buffer.getByte(offset + tagLength) != 0)
        {
            tagLength++;
        }
        if (tagLength != INTENT_TAG_LENGTH && tagLength != SLICE_TAG_LENGTH)
        {
            return NOT_OURS;
        }
        return clientOrderId(new DirectBufferCharSequence(buffer, offset, tagLength));
    }

    private record DirectBufferCharSequence(DirectBuffer buffer, int offset, int length) implements CharSequence
    {
        @Override
        public char charAt(final int index)
        {
            return (char)(buffer.getByte(offset + index) & 0xFF);
        }

        @Override
        public CharSequence subSequence(final int start, final int end)
        {
            return new DirectBufferCharSequence(buffer, offset + start, end - start);
        }

        @Override
        public String toString()
        {
            return buffer.getStringWithoutLengthAscii(offset, length);
        }
    }
}
