package dev.vyuha.journal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The SHA-256 hash chain over journal records: {@code chain(n) = SHA-256(chain(n-1) || header(n)[0..40) || frame(n))},
 * with 32 zero bytes before the first record. Reusable and allocation-free per record. Not thread safe.
 */
final class JournalChain
{
    private final MessageDigest digest;
    private final byte[] current = new byte[JournalRecordFormat.CHAIN_LENGTH];

    JournalChain()
    {
        try
        {
            digest = MessageDigest.getInstance("SHA-256");
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException("every Java platform provides SHA-256", ex);
        }
    }

    /**
     * Continue from a known chain value (the last record's), or from zeros.
     *
     * @param previous 32 bytes, or null for the start of a journal.
     */
    void reset(final byte[] previous)
    {
        if (null == previous)
        {
            Arrays.fill(current, (byte)0);
        }
        else
        {
            System.arraycopy(previous, 0, current, 0, JournalRecordFormat.CHAIN_LENGTH);
        }
    }

    /**
     * Advance the chain over one record.
     *
     * @param header      the record header (its first 40 bytes are hashed).
     * @param frame       the frame bytes.
     * @param frameLength how many frame bytes.
     * @return the new chain value (a view that changes on the next call).
     */
    byte[] advance(final byte[] header, final byte[] frame, final int frameLength)
    {
        digest.update(current, 0, JournalRecordFormat.CHAIN_LENGTH);
        digest.update(header, 0, JournalRecordFormat.CHAINED_HEADER_LENGTH);
        digest.update(frame, 0, frameLength);
        try
        {
            digest.digest(current, 0, JournalRecordFormat.CHAIN_LENGTH);
        }
        catch (final java.security.DigestException ex)
        {
            throw new IllegalStateException(ex);
        }
        return current;
    }

    /**
     * @return the current chain value (a view).
     */
    byte[] current()
    {
        return current;
    }
}
