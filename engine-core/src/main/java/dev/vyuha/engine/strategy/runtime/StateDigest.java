package dev.vyuha.engine.strategy.runtime;

import java.nio.charset.StandardCharsets;

/**
 * Folds values into a 64-bit digest (FNV-1a over each value's bytes, then a final avalanche), for comparing engine
 * states across runs. Not cryptographic; order-sensitive.
 */
final class StateDigest
{
    private static final long PRIME = 0x100000001b3L;
    private long hash = 0xcbf29ce484222325L;

    StateDigest add(final long value)
    {
        long v = value;
        for (int i = 0; i < Long.BYTES; i++)
        {
            hash ^= v & 0xFF;
            hash *= PRIME;
            v >>>= 8;
        }
        return this;
    }

    StateDigest add(final boolean value)
    {
        return add(value ? 1L : 0L);
    }

    StateDigest add(final String value)
    {
        for (final byte b : value.getBytes(StandardCharsets.UTF_8))
        {
            hash ^= b & 0xFF;
            hash *= PRIME;
        }
        return add(value.length());
    }

    long value()
    {
        long h = hash;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
