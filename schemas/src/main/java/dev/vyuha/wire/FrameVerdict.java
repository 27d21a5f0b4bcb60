package dev.vyuha.wire;

/**
 * Outcome of validating one frame. Every value except {@link #VALID} is a rejection; {@link #description()} says why in
 * words an operator can act on.
 */
public enum FrameVerdict
{
    /** The frame is a complete, well-formed message of this schema: decoding it cannot fail. */
    VALID("valid"),
    /** The frame ends before the message does: header, block, group or variable-length data cut short. */
    TRUNCATED("frame ends before the message does"),
    /** The frame is longer than the configured maximum frame length. */
    TOO_LARGE("frame exceeds the maximum frame length"),
    /** The frame carries bytes after the end of the encoded message. */
    TRAILING_BYTES("frame has bytes after the end of the message"),
    /** The header names another SBE schema. */
    UNKNOWN_SCHEMA("message belongs to another schema"),
    /** The header's version is 0, which no producer of this schema writes. */
    UNSUPPORTED_VERSION("unsupported schema version"),
    /** The header's template id is not a message of this schema. */
    UNKNOWN_TEMPLATE("unknown template id"),
    /** The root block or a group entry is shorter than the fields this schema version defines. */
    BLOCK_TOO_SHORT("block length shorter than the message's fields"),
    /** An enum field holds a value the schema does not define (or null where the field is required). */
    INVALID_ENUM("enum field holds an undefined value"),
    /** A variable-length field declares more bytes than the schema allows. */
    VAR_DATA_TOO_LONG("variable-length field longer than the schema allows"),
    /** Offset or length do not describe a region inside the buffer. */
    OUT_OF_BOUNDS("offset and length fall outside the buffer");

    private final String description;

    FrameVerdict(final String description)
    {
        this.description = description;
    }

    /**
     * Human-readable reason, suitable for a log line or a rejection report.
     *
     * @return the reason this verdict stands for.
     */
    public String description()
    {
        return description;
    }
}
