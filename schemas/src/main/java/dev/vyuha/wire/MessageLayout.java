package dev.vyuha.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * What the validator needs to know about one message: its template id, the length of its root block, the enum fields
 * to check, its repeating groups (in wire order) and its variable-length fields (in wire order). Offsets are relative
 * to the start of the block they belong to.
 *
 * <p>{@link MessageLayouts} builds one per message from the generated codecs' constants; a test derives the same facts
 * from the schema's intermediate representation so the two cannot drift.
 */
public final class MessageLayout
{
    /**
     * An enum field at a fixed offset of a block.
     *
     * @param fieldName name of the field in the schema.
     * @param offset    offset of the field from the start of its block.
     * @param domain    values the field may hold.
     */
    public record EnumField(String fieldName, int offset, EnumDomain domain)
    {
    }

    /**
     * A repeating group: its name, the minimum block length of one entry, and the enum fields inside an entry.
     *
     * @param name        group name in the schema.
     * @param blockLength block length of one entry in this schema version.
     * @param enumFields  enum fields of an entry.
     */
    public record Group(String name, int blockLength, List<EnumField> enumFields)
    {
    }

    private final int templateId;
    private final String name;
    private final int blockLength;
    private final EnumField[] enumFields;
    private final Group[] groups;
    private final EnumField[][] groupEnumFields;
    private final String[] varDataNames;

    private MessageLayout(
        final int templateId,
        final String name,
        final int blockLength,
        final List<EnumField> enumFields,
        final List<Group> groups,
        final List<String> varDataNames)
    {
        this.templateId = templateId;
        this.name = name;
        this.blockLength = blockLength;
        this.enumFields = enumFields.toArray(new EnumField[0]);
        this.groups = groups.toArray(new Group[0]);
        this.groupEnumFields = new EnumField[this.groups.length][];
        for (int i = 0; i < this.groups.length; i++)
        {
            groupEnumFields[i] = this.groups[i].enumFields().toArray(new EnumField[0]);
        }
        this.varDataNames = varDataNames.toArray(new String[0]);
    }

    /**
     * Start describing a message.
     *
     * @param templateId  the message's template id.
     * @param name        the message's name in the schema.
     * @param blockLength the root block length in this schema version.
     * @return a builder.
     */
    public static Builder message(final int templateId, final String name, final int blockLength)
    {
        return new Builder(templateId, name, blockLength);
    }

    /**
     * @return the template id.
     */
    public int templateId()
    {
        return templateId;
    }

    /**
     * @return the message name in the schema.
     */
    public String name()
    {
        return name;
    }

    /**
     * @return root block length in this schema version.
     */
    public int blockLength()
    {
        return blockLength;
    }

    /**
     * @return the enum fields of the root block.
     */
    public List<EnumField> enumFields()
    {
        return List.of(enumFields);
    }

    /**
     * @return the repeating groups in wire order.
     */
    public List<Group> groups()
    {
        return List.of(groups);
    }

    /**
     * @return names of the variable-length fields in wire order.
     */
    public List<String> varDataNames()
    {
        return List.of(varDataNames);
    }

    EnumField[] enumFieldArray()
    {
        return enumFields;
    }

    Group[] groupArray()
    {
        return groups;
    }

    EnumField[] groupEnumFieldArray(final int groupIndex)
    {
        return groupEnumFields[groupIndex];
    }

    int varDataCount()
    {
        return varDataNames.length;
    }

    String varDataName(final int index)
    {
        return varDataNames[index];
    }

    /**
     * Fluent construction of a {@link MessageLayout}.
     */
    public static final class Builder
    {
        private final int templateId;
        private final String name;
        private final int blockLength;
        private final List<EnumField> enumFields = new ArrayList<>();
        private final List<Group> groups = new ArrayList<>();
        private final List<String> varDataNames = new ArrayList<>();

        private Builder(final int templateId, final String name, final int blockLength)
        {
            this.templateId = templateId;
            this.name = name;
            this.blockLength = blockLength;
        }

        /**
         * Add an enum field of the root block.
         *
         * @param fieldName name in the schema.
         * @param offset    offset in the root block.
         * @param domain    accepted values.
         * @return this.
         */
        public Builder enumField(final String fieldName, final int offset, final EnumDomain domain)
        {
            enumFields.add(new EnumField(fieldName, offset, domain));
            return this;
        }

        /**
         * Add a repeating group, in wire order.
         *
         * @param groupName   name in the schema.
         * @param entryLength block length of one entry.
         * @param entryEnums  enum fields of an entry.
         * @return this.
         */
        public Builder group(final String groupName, final int entryLength, final EnumField... entryEnums)
        {
            groups.add(new Group(groupName, entryLength, List.of(entryEnums)));
            return this;
        }

        /**
         * Add a variable-length field, in wire order.
         *
         * @param fieldName name in the schema.
         * @return this.
         */
        public Builder varData(final String fieldName)
        {
            varDataNames.add(fieldName);
            return this;
        }

        /**
         * @return the layout.
         */
        public MessageLayout build()
        {
            return new MessageLayout(templateId, name, blockLength, enumFields, groups, varDataNames);
        }
    }
}
