package dev.vyuha.journal;

import java.nio.file.Path;

/**
 * Configuration of the journal, Aeron-style: fluent accessors, validated in {@link #conclude()}.
 */
public final class JournalContext
{
    private Path directory;
    private JournalSync sync = JournalSync.PAGE_CACHE;
    private long lockTimeoutMillis = 2_000;

    /** @param directory where the journal's files live (created if absent). @return this. */
    public JournalContext directory(final Path directory)
    {
        this.directory = directory;
        return this;
    }

    /** @return the journal directory. */
    public Path directory()
    {
        return directory;
    }

    /** @param sync durability per batch. @return this. */
    public JournalContext sync(final JournalSync sync)
    {
        this.sync = sync;
        return this;
    }

    /** @return durability per batch. */
    public JournalSync sync()
    {
        return sync;
    }

    /**
     * @param millis how long a writer waits for a document lock held by a dead process before recovering it.
     * @return this.
     */
    public JournalContext lockTimeoutMillis(final long millis)
    {
        lockTimeoutMillis = millis;
        return this;
    }

    /** @return the lock recovery timeout. */
    public long lockTimeoutMillis()
    {
        return lockTimeoutMillis;
    }

    /**
     * @return this, after checking the configuration.
     */
    public JournalContext conclude()
    {
        if (null == directory)
        {
            throw new IllegalArgumentException("journal directory is required");
        }
        if (null == sync || lockTimeoutMillis <= 0)
        {
            throw new IllegalArgumentException("sync and a positive lock timeout are required");
        }
        return this;
    }
}
