package dev.vyuha.wire;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class ContentHashTest
{
    @Test
    void shouldMatchTheFnv1aReferenceValues()
    {
        // Published FNV-1a 64 test vectors.
        assertEquals(0xcbf29ce484222325L, ContentHash.of(""));
        assertEquals(0xaf63dc4c8601ec8cL, ContentHash.of("a"));
        assertEquals(0x85944171f73967e8L, ContentHash.of("foobar"));
    }

    @Test
    void shouldHashBufferBytesLikeTheirUtf8Text()
    {
        final String csv = "instrument_token,exchange_token\n256265,1001\n";
        final byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[bytes.length + 8]);
        buffer.putBytes(3, bytes);
        assertEquals(ContentHash.of(csv), ContentHash.of(buffer, 3, bytes.length));
        assertNotEquals(ContentHash.of(csv), ContentHash.of(buffer, 3, bytes.length - 1), "a cut document differs");
    }
}
