package dev.vyuha.wire;

import org.agrona.DirectBuffer;

import java.nio.charset.StandardCharsets;

/**
 * The 64-bit content hash carried by commands whose payload is a document (the instrument master's CSV): FNV-1a over
 * the payload's bytes. The producer computes it, the engine recomputes it and refuses a mismatch, so a document cut
 * or altered in transit is never loaded. Not a cryptographic hash (the journal's chain is).
 */
public final class ContentHash
{
    private static final long OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private ContentHash()
    {
    }

    /**
     * @param buffer holding the bytes.
     * @param offset first byte.
     * @param length number of bytes.
     * @return FNV-1a 64 of the bytes.
     */
    public static long of(final DirectBuffer buffer, final int offset, final int length)
    {
        long hash = OFFSET_BASIS;
        for (int i = 0; i < length; i++)
        {
            hash ^= buffer.getByte(offset + i) & 0xFF;
            hash *= PRIME;
        }
        return hash;
    }

    /**
     * @param text a document.
     * @return FNV-1a 64 of its UTF-8 bytes.
     */
    public static long of(final String text)
    {
        long hash = OFFSET_BASIS;
        for (final byte b : text.getBytes(StandardCharsets.UTF_8))
        {
            hash ^= b & 0xFF;
            hash *= PRIME;
        }
        return hash;
    }
}
