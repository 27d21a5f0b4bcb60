package dev.vyuha.journal;

/**
 * What is wrong with a journal, found while reading it.
 */
public enum JournalProblem
{
    /** Nothing: every record is intact and chained. */
    NONE("intact"),
    /** A record does not start with the journal's magic number. */
    BAD_MAGIC("not a journal record (bad magic)"),
    /** A record is shorter than its header says: written partly, or cut. */
    TRUNCATED("record shorter than its header says"),
    /** A frame's bytes do not match its CRC32C: corrupted or modified. */
    CRC_MISMATCH("frame bytes do not match their CRC32C"),
    /** A record's chain hash does not follow from the previous record: modified, inserted or removed records. */
    CHAIN_MISMATCH("hash chain broken"),
    /** Record indices skip or repeat. */
    INDEX_GAP("record index out of order"),
    /** Command sequences do not increase. */
    SEQUENCE_NOT_INCREASING("command sequence does not increase"),
    /** Chronicle Queue could not read a record at all (damaged file structure). */
    UNREADABLE("the journal file cannot be read here"),
    /** The last record was being written when its writer died: it never completed (and was never acted on). */
    TORN_TAIL("the last record is incomplete (writer stopped mid-record)");

    private final String description;

    JournalProblem(final String description)
    {
        this.description = description;
    }

    /** @return the problem in words. */
    public String description()
    {
        return description;
    }
}
