package dev.vyuha.journal;

import org.agrona.DirectBuffer;

/**
 * Receives journal records in order. The frame buffer is only valid during the call.
 */
@FunctionalInterface
public interface JournalRecordListener
{
    /**
     * @param index       record index.
     * @param sequence    the command's sequence.
     * @param timestampNs the command's timestamp.
     * @param frame       buffer holding the SBE frame.
     * @param offset      where the frame starts.
     * @param length      its length.
     */
    void onRecord(long index, long sequence, long timestampNs, DirectBuffer frame, int offset, int length);
}
