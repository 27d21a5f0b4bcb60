package dev.vyuha.feed.recording;

/**
 * The frame recording format: SBE frames with their timestamps, in one file, appended in time order. Written by
 * {@link FrameRecorder}, replayed by {@link RecordedFrameSource}. Little-endian throughout.
 *
 * <pre>
 * file header, 16 bytes
 *   0  int32  magic          0x52465956 ("VYFR")
 *   4  int16  format version 1
 *   6  int16  SBE schema id of the frames (7001)
 *   8  int16  SBE schema version when recorded
 *  10  int16  reserved, 0
 *  12  int32  reserved, 0
 * then records, each 16 + L bytes, back to back (no padding)
 *   0  int32  L, the frame's length in bytes (1 .. 16 MiB)
 *   4  int32  CRC32C of the L frame bytes
 *   8  int64  timestamp: epoch nanoseconds the frame is replayed at (data time; for an engine journal, the
 *             command header's stamped timestampNs)
 *  16  L bytes: the SBE frame, message header first, exactly as it was published or journaled
 * </pre>
 *
 * A record cut short at the end of the file (a writer killed mid-append) is ignored on replay and reported; a record
 * whose checksum does not match ends the replay with an error, since nothing after it can be trusted.
 */
public final class FrameRecording
{
    /** "VYFR" as a little-endian int. */
    public static final int MAGIC = 0x52465956;
    /** Format version written. */
    public static final short VERSION = 1;
    /** Length of the file header. */
    public static final int FILE_HEADER_LENGTH = 16;
    /** Length of a record's header. */
    public static final int RECORD_HEADER_LENGTH = 16;
    /** Largest frame a record may hold. */
    public static final int MAX_FRAME_LENGTH = 16 * 1024 * 1024;

    private FrameRecording()
    {
    }
}
