package dev.vyuha.journal;

/**
 * The outcome of reading a journal: how many intact records were delivered, where it ends, and the first problem
 * found, if any (reading stops there; a torn tail is reported after the intact records before it).
 *
 * @param records       intact records delivered.
 * @param lastIndex     index of the last intact record, -1 if none.
 * @param lastSequence  its command sequence, -1 if none.
 * @param problem       the first problem, or NONE.
 * @param problemIndex  the record index (expected) where the problem is, -1 if none.
 * @param detail        a sentence about the problem, or empty.
 */
public record JournalScan(long records, long lastIndex, long lastSequence, JournalProblem problem, long problemIndex,
    String detail)
{
    /** @return true if every record is intact and the journal ends cleanly. */
    public boolean intact()
    {
        return problem == JournalProblem.NONE;
    }

    /**
     * @return true if the journal ends with a record its writer never finished: the records before it are intact and
     *     usable, the torn one was never acknowledged or acted on.
     */
    public boolean tornTail()
    {
        return problem == JournalProblem.TORN_TAIL;
    }

    /** @return true if the intact records are the whole journal (possibly after a torn tail): safe to recover from. */
    public boolean recoverable()
    {
        return problem == JournalProblem.NONE || problem == JournalProblem.TORN_TAIL;
    }

    /** @return a one-line report for operators. */
    public String summary()
    {
        if (problem == JournalProblem.NONE)
        {
            return records + " records, intact, last sequence " + lastSequence;
        }
        return records + " intact records, then at record " + problemIndex + ": " + problem.description()
            + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
