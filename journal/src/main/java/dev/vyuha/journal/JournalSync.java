package dev.vyuha.journal;

/**
 * How durable a batch of journaled commands is before the ring moves on.
 */
public enum JournalSync
{
    /** Written to the memory-mapped file (the page cache): survives a process crash, not a power loss. ~0.5 us. */
    PAGE_CACHE,
    /**
     * Also msync'd (MS_SYNC) at the end of every batch before the batch is acknowledged or any order it caused leaves:
     * survives a power loss, at the cost of a synchronous write-back per batch (natural batching amortises it).
     */
    SYNC_PER_BATCH
}
