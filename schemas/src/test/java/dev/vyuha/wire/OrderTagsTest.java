package dev.vyuha.wire;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderTagsTest
{
    @Test
    void shouldFormatIntentTagAsFifteenAlphanumericCharacters()
    {
        assertEquals("VY000000000004F", OrderTags.intentTag(159));
        assertEquals("VY0000000000000", OrderTags.intentTag(0));
        assertEquals("VY1Y2P0IJ32E8E7", OrderTags.intentTag(Long.MAX_VALUE));
        assertTrue(OrderTags.intentTag(123_456_789L).matches("[A-Z0-9]{15}"));
    }

    @Test
    void shouldKeepSliceTagsWithinKitesTwentyCharacters()
    {
        final String slice = OrderTags.sliceTag(OrderTags.intentTag(159), 3);
        assertEquals("VY000000000004FS03", slice);
        assertTrue(slice.length() <= 20 && slice.matches("[A-Z0-9]+"));
        assertEquals(159, OrderTags.clientOrderId(slice));
        assertEquals(3, OrderTags.sliceNumber(slice));
        assertEquals(0, OrderTags.sliceNumber(OrderTags.intentTag(159)));
    }

    @Test
    void shouldRecoverTheClientOrderIdFromAnyTagItMade()
    {
        final Random random = new Random(42);
        for (int i = 0; i < 10_000; i++)
        {
            final long id = random.nextLong() & Long.MAX_VALUE;
            final String tag = OrderTags.intentTag(id);
            assertEquals(id, OrderTags.clientOrderId(tag));
            final int slice = 1 + random.nextInt(OrderTags.MAX_SLICES);
            assertEquals(id, OrderTags.clientOrderId(OrderTags.sliceTag(tag, slice)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "t1", "VY", "vy000000000004F", "VY000000000004f", "XY000000000004F",
        "VY000000000004F-", "VY000000000004FX03", "VY000000000004FS0A", "VY000000000004FS00",
        "VYZZZZZZZZZZZZZ", "VY00000000000-1", "algo-order-7", "VY000000000004F12345"})
    void shouldNotClaimTagsItDidNotMake(final String tag)
    {
        assertEquals(OrderTags.NOT_OURS, OrderTags.clientOrderId(tag));
    }

    @Test
    void shouldReadANulPaddedTagFieldWithoutAllocatingAString()
    {
        final UnsafeBuffer field = new UnsafeBuffer(new byte[20]);
        OrderTags.putIntentTag(987_654_321L, field, 0);
        assertEquals(987_654_321L, OrderTags.clientOrderId(field, 0, 20));
        field.putStringWithoutLengthAscii(0, OrderTags.sliceTag(OrderTags.intentTag(5), 12));
        assertEquals(5, OrderTags.clientOrderId(field, 0, 20));
        field.setMemory(0, 20, (byte)0);
        assertEquals(OrderTags.NOT_OURS, OrderTags.clientOrderId(field, 0, 20));
    }

    @Test
    void shouldRefuseNegativeIdsAndOutOfRangeSlices()
    {
        assertThrows(IllegalArgumentException.class, () -> OrderTags.intentTag(-1));
        assertThrows(IllegalArgumentException.class, () -> OrderTags.sliceTag(OrderTags.intentTag(1), 0));
        assertThrows(IllegalArgumentException.class, () -> OrderTags.sliceTag(OrderTags.intentTag(1), 100));
        assertThrows(IllegalArgumentException.class, () -> OrderTags.sliceTag("t1", 1));
    }
}
