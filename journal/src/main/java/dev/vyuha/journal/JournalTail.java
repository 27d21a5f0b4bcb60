package dev.vyuha.journal;

/**
 * Where a journal ends: the index the next record gets, the last record's chain value and sequence.
 *
 * @param nextIndex    index of the next record (0 for an empty journal).
 * @param chain        last record's chain value, or null for an empty journal.
 * @param lastSequence last record's command sequence, or -1.
 * @param lastTimestampNs last record's timestamp, or 0.
 */
record JournalTail(long nextIndex, byte[] chain, long lastSequence, long lastTimestampNs)
{
}
