package dev.vyuha.wire;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import uk.co.real_logic.sbe.PrimitiveType;
import uk.co.real_logic.sbe.ir.Encoding;
import uk.co.real_logic.sbe.ir.Signal;
import uk.co.real_logic.sbe.ir.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The hand-written layout table must say exactly what SBE's own parser derives from the schema: same messages, block
 * lengths, enum fields with their offsets and value sets, groups and variable-length fields in wire order.
 */
class MessageLayoutsTest
{
    @TestFactory
    Stream<DynamicTest> shouldDescribeEveryMessageExactlyAsTheSchemaDefinesIt()
    {
        return SchemaIr.messagesByTemplateId().stream().map(tokens -> DynamicTest.dynamicTest(tokens.get(0).name(),
            () -> assertLayoutMatches(tokens)));
    }

    @TestFactory
    Stream<DynamicTest> shouldStartEveryMessageWithTheCommandHeader()
    {
        return SchemaIr.messagesByTemplateId().stream().map(tokens -> DynamicTest.dynamicTest(tokens.get(0).name(),
            () ->
            {
                final Token firstField = tokens.get(1);
                assertEquals(Signal.BEGIN_FIELD, firstField.signal());
                assertEquals("commandHeader", firstField.name());
                assertEquals(0, firstField.offset());
                final Token composite = tokens.get(2);
                assertEquals("CommandHeader", composite.applicableTypeName());
                assertEquals("sequence", tokens.get(3).name());
                assertEquals(CommandStamp.SEQUENCE_OFFSET - FrameValidator.HEADER_LENGTH, tokens.get(3).offset());
                assertEquals("timestampNs", tokens.get(4).name());
                assertEquals(CommandStamp.TIMESTAMP_OFFSET - FrameValidator.HEADER_LENGTH, tokens.get(4).offset());
            }));
    }

    @Test
    void shouldBoundVariableLengthFieldsAsTheSchemaDoes()
    {
        final List<Token> varString = SchemaIr.ir().getType("varStringEncoding");
        assertNotNull(varString);
        final Token length = varString.stream().filter(t -> "length".equals(t.name())).findFirst().orElseThrow();
        assertEquals(FrameValidator.VAR_DATA_MAX_LENGTH, length.encoding().maxValue().longValue());
    }

    private static void assertLayoutMatches(final List<Token> tokens)
    {
        final Token message = tokens.get(0);
        final MessageLayout layout = MessageLayouts.all().stream()
            .filter(l -> l.templateId() == message.id()).findFirst()
            .orElseThrow(() -> new AssertionError("no layout for template " + message.id() + " " + message.name()));
        assertEquals(message.name(), layout.name());
        assertEquals(message.encodedLength(), layout.blockLength(), "block length");
        assertEquals(describeEnums(tokens, 1, tokens.size() - 1), describe(layout.enumFields()), "enum fields");

        final List<String> groups = new ArrayList<>();
        final List<String> varData = new ArrayList<>();
        for (int i = 1; i < tokens.size() - 1; i++)
        {
            final Token token = tokens.get(i);
            if (token.signal() == Signal.BEGIN_GROUP)
            {
                final int fieldsFrom = i + 1 + tokens.get(i + 1).componentTokenCount();
                final int fieldsTo = i + token.componentTokenCount() - 1;
                groups.add(token.name() + "/" + token.encodedLength() + describeEnums(tokens, fieldsFrom, fieldsTo));
                i += token.componentTokenCount() - 1;
            }
            else if (token.signal() == Signal.BEGIN_VAR_DATA)
            {
                varData.add(token.name());
                i += token.componentTokenCount() - 1;
            }
        }
        assertEquals(groups, layout.groups().stream()
            .map(g -> g.name() + "/" + g.blockLength() + describe(g.enumFields())).toList(), "groups");
        assertEquals(varData, layout.varDataNames(), "variable-length fields");
    }

    private static List<String> describeEnums(final List<Token> tokens, final int from, final int to)
    {
        final List<String> enums = new ArrayList<>();
        for (int i = from; i < to; i++)
        {
            final Token token = tokens.get(i);
            if (token.signal() == Signal.BEGIN_GROUP || token.signal() == Signal.BEGIN_VAR_DATA)
            {
                break;
            }
            if (token.signal() == Signal.BEGIN_FIELD && tokens.get(i + 1).signal() == Signal.BEGIN_ENUM)
            {
                final Token enumToken = tokens.get(i + 1);
                final Set<Integer> values = new TreeSet<>();
                for (int j = i + 2; tokens.get(j).signal() == Signal.VALID_VALUE; j++)
                {
                    values.add((int)tokens.get(j).encoding().constValue().longValue());
                }
                if (token.isOptionalEncoding() || enumToken.isOptionalEncoding())
                {
                    values.add((int)enumToken.encoding().applicableNullValue().longValue());
                }
                enums.add(token.name() + "@" + token.offset() + "=" + values);
            }
            if (token.signal() == Signal.BEGIN_FIELD && isBoundedByte(tokens.get(i + 1)))
            {
                // A one-byte count with a schema maximum (a book's depth) is checked like an enum.
                final Encoding encoding = tokens.get(i + 1).encoding();
                final Set<Integer> values = new TreeSet<>();
                for (long v = encoding.applicableMinValue().longValue(); v <= encoding.maxValue().longValue(); v++)
                {
                    values.add((int)v);
                }
                enums.add(token.name() + "@" + token.offset() + "=" + values);
            }
            if (token.signal() == Signal.BEGIN_FIELD)
            {
                i += token.componentTokenCount() - 1;
            }
        }
        return enums;
    }

    private static boolean isBoundedByte(final Token type)
    {
        return type.signal() == Signal.ENCODING && type.encoding().primitiveType() == PrimitiveType.UINT8
            && type.arrayLength() == 1 && null != type.encoding().maxValue();
    }

    private static List<String> describe(final List<MessageLayout.EnumField> fields)
    {
        final List<String> enums = new ArrayList<>();
        for (final MessageLayout.EnumField field : fields)
        {
            final Set<Integer> values = new TreeSet<>();
            for (int raw = 0; raw < 256; raw++)
            {
                if (field.domain().contains(raw))
                {
                    values.add(raw);
                }
            }
            enums.add(field.fieldName() + "@" + field.offset() + "=" + values);
        }
        return enums;
    }
}
