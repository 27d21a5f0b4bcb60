package dev.vyuha.journal;

/**
 * How durable a batch of journaled commands is before the ring moves on.
 */
public enum JournalSync
{
    /** Written to the memory-mapped file (the page cache): survives a process crash, not a power loss. ~0.5 us. */
    PAGE_CACHE,
    /** Also msync'd at the end of every batch: survives a power loss, at a millisecond-scale cost per batch. */
    SYNC_PER_BATCH
}
