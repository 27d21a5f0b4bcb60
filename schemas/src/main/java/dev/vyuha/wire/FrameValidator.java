package dev.vyuha.wire;

import dev.vyuha.sbe.MessageHeaderDecoder;
import org.agrona.DirectBuffer;

import java.nio.ByteOrder;
import java.util.List;

/**
 * Checks that a frame is a complete, well-formed message of this schema before anything decodes it. It walks the
 * structure the header announces (root block, groups, variable-length data) against the frame's length and checks
 * every enum field, without allocating and without throwing: whatever the bytes, the answer is a {@link FrameVerdict}.
 * A {@link FrameVerdict#VALID} frame can be decoded with the generated codecs without any exception.
 *
 * <p>Forward compatibility follows SBE: a frame from a newer schema version is accepted when its blocks are at least as
 * long as this version's, and the extra bytes are skipped.
 *
 * <p>Not thread safe: one validator per consuming thread.
 */
public final class FrameValidator
{
    /**
     * Frames of schema version 1 carried a derivative tick's book in repeating groups; from version 2 it is a fixed
     * array in the block, so a version 1 frame cannot be read as a version 2 one.
     */
    public static final int OLDEST_SUPPORTED_VERSION = 2;

    /** Default largest frame accepted: an instrument master CSV of a full NFO dump fits with room to spare. */
    public static final int DEFAULT_MAX_FRAME_LENGTH = 64 * 1024 * 1024;
    /** Largest variable-length field the schema allows ({@code varStringEncoding} maxValue). */
    public static final long VAR_DATA_MAX_LENGTH = 1L << 30;
    /** Length of the SBE message header that starts every frame. */
    public static final int HEADER_LENGTH = MessageHeaderDecoder.ENCODED_LENGTH;

    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;
    private static final int GROUP_HEADER_LENGTH = 4;
    private static final int VAR_DATA_HEADER_LENGTH = 4;

    private final MessageLayout[] layoutByTemplateId;
    private final int maxFrameLength;
    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();

    private int templateId;
    private int blockLength;
    private int version;
    private int messageLength;
    private String detailName;
    private long detailValue;
    private long detailPosition;

    /**
     * A validator for this schema's messages with {@link #DEFAULT_MAX_FRAME_LENGTH}.
     */
    public FrameValidator()
    {
        this(DEFAULT_MAX_FRAME_LENGTH);
    }

    /**
     * @param maxFrameLength largest frame accepted, in bytes.
     */
    public FrameValidator(final int maxFrameLength)
    {
        if (maxFrameLength < HEADER_LENGTH)
        {
            throw new IllegalArgumentException("maxFrameLength must be at least " + HEADER_LENGTH + ": " + maxFrameLength);
        }
        this.maxFrameLength = maxFrameLength;
        final List<MessageLayout> layouts = MessageLayouts.all();
        int maxTemplateId = 0;
        for (final MessageLayout layout : layouts)
        {
            maxTemplateId = Math.max(maxTemplateId, layout.templateId());
        }
        layoutByTemplateId = new MessageLayout[maxTemplateId + 1];
        for (final MessageLayout layout : layouts)
        {
            layoutByTemplateId[layout.templateId()] = layout;
        }
    }

    /**
     * Validate the frame at {@code [offset, offset + length)} of {@code buffer}.
     *
     * @param buffer holding the frame.
     * @param offset of the frame's SBE message header.
     * @param length of the frame in bytes.
     * @return {@link FrameVerdict#VALID} or the reason for rejecting the frame.
     */
    public FrameVerdict validate(final DirectBuffer buffer, final int offset, final int length)
    {
        templateId = -1;
        blockLength = -1;
        version = -1;
        messageLength = -1;
        detailName = null;
        detailValue = 0;
        detailPosition = 0;

        if (null == buffer || offset < 0 || length < 0 || (long)offset + length > buffer.capacity())
        {
            detailValue = length;
            return FrameVerdict.OUT_OF_BOUNDS;
        }
        if (length > maxFrameLength)
        {
            detailValue = length;
            return FrameVerdict.TOO_LARGE;
        }
        if (length < HEADER_LENGTH)
        {
            detailName = "message header";
            detailValue = HEADER_LENGTH;
            return FrameVerdict.TRUNCATED;
        }

        headerDecoder.wrap(buffer, offset);
        templateId = headerDecoder.templateId();
        blockLength = headerDecoder.blockLength();
        version = headerDecoder.version();

        if (headerDecoder.schemaId() != MessageHeaderDecoder.SCHEMA_ID)
        {
            detailValue = headerDecoder.schemaId();
            return FrameVerdict.UNKNOWN_SCHEMA;
        }
        if (version < OLDEST_SUPPORTED_VERSION)
        {
            detailValue = version;
            return FrameVerdict.UNSUPPORTED_VERSION;
        }
        final MessageLayout layout = templateId < layoutByTemplateId.length ? layoutByTemplateId[templateId] : null;
        if (null == layout)
        {
            detailValue = templateId;
            return FrameVerdict.UNKNOWN_TEMPLATE;
        }
        if (blockLength < layout.blockLength())
        {
            detailName = layout.name();
            detailValue = layout.blockLength();
            return FrameVerdict.BLOCK_TOO_SHORT;
        }

        final long end = (long)offset + length;
        final int blockStart = offset + HEADER_LENGTH;
        long position = (long)blockStart + blockLength;
        if (position > end)
        {
            detailName = layout.name() + " block";
            detailPosition = blockStart - offset;
            detailValue = blockLength;
            return FrameVerdict.TRUNCATED;
        }
        if (!enumsValid(buffer, blockStart, layout.enumFieldArray(), offset))
        {
            return FrameVerdict.INVALID_ENUM;
        }

        final MessageLayout.Group[] groups = layout.groupArray();
        for (int g = 0; g < groups.length; g++)
        {
            final MessageLayout.Group group = groups[g];
            if (position + GROUP_HEADER_LENGTH > end)
            {
                return truncated(group.name() + " group header", position, offset, GROUP_HEADER_LENGTH);
            }
            final int entryLength = buffer.getShort((int)position, ORDER) & 0xFFFF;
            final int count = buffer.getShort((int)position + 2, ORDER) & 0xFFFF;
            if (count > 0 && entryLength < group.blockLength())
            {
                detailName = group.name();
                detailValue = group.blockLength();
                detailPosition = position - offset;
                return FrameVerdict.BLOCK_TOO_SHORT;
            }
            position += GROUP_HEADER_LENGTH;
            final long groupLength = (long)entryLength * count;
            if (position + groupLength > end)
            {
                return truncated(group.name() + " group", position, offset, groupLength);
            }
            final MessageLayout.EnumField[] entryEnums = layout.groupEnumFieldArray(g);
            if (entryEnums.length > 0)
            {
                for (int i = 0; i < count; i++)
                {
                    if (!enumsValid(buffer, (int)(position + (long)i * entryLength), entryEnums, offset))
                    {
                        return FrameVerdict.INVALID_ENUM;
                    }
                }
            }
            position += groupLength;
        }

        for (int v = 0, count = layout.varDataCount(); v < count; v++)
        {
            if (position + VAR_DATA_HEADER_LENGTH > end)
            {
                return truncated(layout.varDataName(v) + " length", position, offset, VAR_DATA_HEADER_LENGTH);
            }
            final long dataLength = buffer.getInt((int)position, ORDER) & 0xFFFF_FFFFL;
            if (dataLength > VAR_DATA_MAX_LENGTH)
            {
                detailName = layout.varDataName(v);
                detailValue = dataLength;
                detailPosition = position - offset;
                return FrameVerdict.VAR_DATA_TOO_LONG;
            }
            position += VAR_DATA_HEADER_LENGTH;
            if (position + dataLength > end)
            {
                return truncated(layout.varDataName(v), position, offset, dataLength);
            }
            position += dataLength;
        }

        messageLength = (int)(position - offset);
        if (position < end)
        {
            detailValue = end - position;
            detailPosition = position - offset;
            return FrameVerdict.TRAILING_BYTES;
        }

        return FrameVerdict.VALID;
    }

    /**
     * @return template id of the last frame's header, or -1 if it had none.
     */
    public int templateId()
    {
        return templateId;
    }

    /**
     * @return root block length from the last frame's header, or -1.
     */
    public int blockLength()
    {
        return blockLength;
    }

    /**
     * @return schema version from the last frame's header, or -1.
     */
    public int version()
    {
        return version;
    }

    /**
     * @return encoded length of the last valid message (equal to its frame length), or -1.
     */
    public int messageLength()
    {
        return messageLength;
    }

    /**
     * @return the largest frame accepted.
     */
    public int maxFrameLength()
    {
        return maxFrameLength;
    }

    /**
     * Explain the last verdict in words: what was wrong, where, and with which value. Allocates; meant for the
     * rejection path (logs, reports), never for valid frames.
     *
     * @param verdict the verdict {@link #validate} returned.
     * @return a one-line reason.
     */
    public String describe(final FrameVerdict verdict)
    {
        final StringBuilder text = new StringBuilder(verdict.description());
        final boolean ourSchema = verdict != FrameVerdict.UNKNOWN_SCHEMA;
        final MessageLayout layout = ourSchema && templateId >= 0 && templateId < layoutByTemplateId.length ?
            layoutByTemplateId[templateId] : null;
        switch (verdict)
        {
            case VALID ->
                text.append(": ").append(null == layout ? "?" : layout.name()).append(", ").append(messageLength)
                    .append(" bytes");
            case OUT_OF_BOUNDS, TOO_LARGE ->
                text.append(": length ").append(detailValue).append(", maximum ").append(maxFrameLength);
            case UNKNOWN_SCHEMA ->
                text.append(": schema id ").append(detailValue).append(", expected ").append(MessageHeaderDecoder.SCHEMA_ID);
            case UNSUPPORTED_VERSION -> text.append(": version ").append(detailValue);
            case UNKNOWN_TEMPLATE -> text.append(": template id ").append(detailValue);
            case BLOCK_TOO_SHORT ->
                text.append(": ").append(detailName).append(" declares ").append(blockLength)
                    .append(" bytes, needs at least ").append(detailValue);
            case INVALID_ENUM ->
                text.append(": ").append(null == layout ? "?" : layout.name()).append('.').append(detailName)
                    .append(" = ").append(detailValue).append(" at offset ").append(detailPosition);
            case VAR_DATA_TOO_LONG ->
                text.append(": ").append(detailName).append(" declares ").append(detailValue).append(" bytes at offset ")
                    .append(detailPosition);
            case TRUNCATED ->
                text.append(": ").append(detailName).append(" needs ").append(detailValue).append(" bytes at offset ")
                    .append(detailPosition);
            case TRAILING_BYTES ->
                text.append(": ").append(detailValue).append(" extra bytes after offset ").append(detailPosition);
            default -> text.append('.');
        }
        if (verdict != FrameVerdict.VALID && null != layout)
        {
            text.append(" (").append(layout.name()).append(", template ").append(templateId).append(')');
        }
        return text.toString();
    }

    private boolean enumsValid(
        final DirectBuffer buffer, final int blockStart, final MessageLayout.EnumField[] fields, final int frameOffset)
    {
        for (final MessageLayout.EnumField field : fields)
        {
            final int raw = buffer.getByte(blockStart + field.offset()) & 0xFF;
            if (!field.domain().contains(raw))
            {
                detailName = field.fieldName();
                detailValue = raw;
                detailPosition = blockStart + field.offset() - frameOffset;
                return false;
            }
        }
        return true;
    }

    private FrameVerdict truncated(final String what, final long position, final int frameOffset, final long needed)
    {
        detailName = what;
        detailPosition = position - frameOffset;
        detailValue = needed;
        return FrameVerdict.TRUNCATED;
    }
}
