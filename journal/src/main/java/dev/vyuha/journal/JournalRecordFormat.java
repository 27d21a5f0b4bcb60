package dev.vyuha.journal;

/**
 * The layout of one journal record, written as one Chronicle Queue document (little endian):
 *
 * <pre>
 *   0  int    magic            'VYJ1'
 *   4  int    frame length     bytes of the SBE frame that follows the header
 *   8  long   record index     0, 1, 2, ... across the whole journal
 *  16  long   sequence         the command's stamped sequence
 *  24  long   timestamp        the command's stamped time, ns since the epoch
 *  32  int    frame CRC32C     of the frame bytes
 *  36  int    reserved         0
 *  40  byte[32] chain          SHA-256(previous chain || bytes 0..40 of this header || frame)
 *  72  frame                   the SBE frame exactly as it entered the ring
 * </pre>
 *
 * The CRC makes a torn or corrupted record detectable cheaply; the hash chain makes any modification, insertion or
 * removal evident from that record on (the journal is the 5-year regulatory record). The first record chains from 32
 * zero bytes.
 */
public final class JournalRecordFormat
{
    /** 'VYJ1' read as a little-endian int. */
    public static final int MAGIC = 0x314A5956;
    /** Offset of the frame length. */
    public static final int FRAME_LENGTH_OFFSET = 4;
    /** Offset of the record index. */
    public static final int INDEX_OFFSET = 8;
    /** Offset of the sequence. */
    public static final int SEQUENCE_OFFSET = 16;
    /** Offset of the timestamp. */
    public static final int TIMESTAMP_OFFSET = 24;
    /** Offset of the CRC32C. */
    public static final int CRC_OFFSET = 32;
    /** Bytes of the header covered by the chain hash. */
    public static final int CHAINED_HEADER_LENGTH = 40;
    /** Offset of the chain hash. */
    public static final int CHAIN_OFFSET = 40;
    /** Length of the chain hash. */
    public static final int CHAIN_LENGTH = 32;
    /** Length of the header; the frame follows. */
    public static final int HEADER_LENGTH = CHAIN_OFFSET + CHAIN_LENGTH;

    private JournalRecordFormat()
    {
    }
}
