package dev.vyuha.app.engine;

/**
 * The engine refused to start from its journal: the journal is damaged, or replaying it does not reproduce what the
 * live engine sent or recorded. Nothing was sent. The message names the journal, the record or order, and what to
 * run to look closer.
 */
public final class JournalRecoveryException extends IllegalStateException
{
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong and where.
     */
    public JournalRecoveryException(final String message)
    {
        super(message);
    }
}
