package dev.vyuha.wire;

import dev.vyuha.sbe.MessageHeaderEncoder;
import org.agrona.MutableDirectBuffer;
import uk.co.real_logic.sbe.PrimitiveType;
import uk.co.real_logic.sbe.ir.Encoding;
import uk.co.real_logic.sbe.ir.Signal;
import uk.co.real_logic.sbe.ir.Token;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Drives the generated codecs of any message through reflection, guided by the schema's IR: fills every field, group
 * entry and variable-length field with random values (recording what it wrote), and reads every one of them back. It
 * covers each message of the schema without a hand-written test per message, so a new message or field is round-trip
 * tested the moment it is added.
 */
final class ReflectiveMessageCodec
{
    private static final String MULTILINGUAL = "व्यूह निफ्टी स्ट्रैडल ₹ é 中 😀 \"quotes\" \\ {json: [1,2]} \n\t";

    private final Random random;
    private final int maxGroupCount;
    private final int maxVarLength;

    ReflectiveMessageCodec(final Random random, final int maxGroupCount, final int maxVarLength)
    {
        this.random = random;
        this.maxGroupCount = maxGroupCount;
        this.maxVarLength = maxVarLength;
    }

    /**
     * Encode one message with random values.
     *
     * @return the encoded frame length; {@code written} receives "path=value" for every value written.
     */
    int encodeRandom(final List<Token> messageTokens, final MutableDirectBuffer buffer, final int offset,
        final List<String> written)
    {
        final String name = messageTokens.get(0).name();
        final Object encoder = newInstance(SchemaIr.javaPackage() + "." + name + "Encoder");
        invoke(encoder, "wrapAndApplyHeader", new Class<?>[]{MutableDirectBuffer.class, int.class,
            MessageHeaderEncoder.class}, buffer, offset, new MessageHeaderEncoder());
        encodeFields(messageTokens, 1, messageTokens.size() - 1, encoder, name, written);
        return MessageHeaderEncoder.ENCODED_LENGTH + (int)invoke(encoder, "encodedLength", new Class<?>[0]);
    }

    /**
     * Read every value of a decoder already wrapped on a message, in wire order.
     */
    List<String> decodeAll(final List<Token> messageTokens, final Object decoder)
    {
        final List<String> read = new ArrayList<>();
        decodeFields(messageTokens, 1, messageTokens.size() - 1, decoder, messageTokens.get(0).name(), read);
        return read;
    }

    private void encodeFields(final List<Token> tokens, final int from, final int to, final Object encoder,
        final String path, final List<String> written)
    {
        int i = from;
        while (i < to)
        {
            final Token token = tokens.get(i);
            final String fieldPath = path + "." + token.name();
            switch (token.signal())
            {
                case BEGIN_FIELD -> encodeType(tokens, i + 1, token.name(), encoder, fieldPath, written,
                    token.isOptionalEncoding());
                case BEGIN_GROUP ->
                {
                    final int count = random.nextInt(10) == 0 ? random.nextInt(maxGroupCount + 1) : random.nextInt(6);
                    final Object groupEncoder = invoke(encoder, token.name() + "Count", new Class<?>[]{int.class}, count);
                    written.add(fieldPath + ".count=" + count);
                    final int fieldsFrom = i + 1 + tokens.get(i + 1).componentTokenCount();
                    final int fieldsTo = i + token.componentTokenCount() - 1;
                    for (int k = 0; k < count; k++)
                    {
                        invoke(groupEncoder, "next", new Class<?>[0]);
                        encodeFields(tokens, fieldsFrom, fieldsTo, groupEncoder, fieldPath + "[" + k + "]", written);
                    }
                }
                case BEGIN_VAR_DATA ->
                {
                    final String value = randomText();
                    invoke(encoder, token.name(), new Class<?>[]{String.class}, value);
                    written.add(fieldPath + "=" + value);
                }
                default ->
                {
                    i++;
                    continue;
                }
            }
            i += token.componentTokenCount();
        }
    }

    private void encodeType(final List<Token> tokens, final int typeIndex, final String name, final Object encoder,
        final String path, final List<String> written, final boolean fieldOptional)
    {
        final Token type = tokens.get(typeIndex);
        switch (type.signal())
        {
            case ENCODING ->
            {
                if (isNumericArray(type))
                {
                    for (int index = 0; index < type.arrayLength(); index++)
                    {
                        final Object value = randomPrimitive(type, fieldOptional || type.isOptionalEncoding());
                        invoke(encoder, name, new Class<?>[]{int.class, setterType(type)}, index, value);
                        written.add(path + "[" + index + "]=" + value);
                    }
                    return;
                }
                final Object value = randomPrimitive(type, fieldOptional || type.isOptionalEncoding());
                invoke(encoder, name, new Class<?>[]{setterType(type)}, value);
                written.add(path + "=" + value);
            }
            case BEGIN_ENUM ->
            {
                final Class<?> enumClass = loadClass(SchemaIr.javaPackage() + "." + type.applicableTypeName());
                final Object[] constants = enumClass.getEnumConstants();
                final boolean optional = fieldOptional || type.isOptionalEncoding();
                Object choice;
                do
                {
                    choice = constants[random.nextInt(constants.length)];
                }
                while ("NULL_VAL".equals(((Enum<?>)choice).name()) && !optional);
                invoke(encoder, name, new Class<?>[]{enumClass}, choice);
                written.add(path + "=" + choice);
            }
            case BEGIN_COMPOSITE ->
            {
                final Object composite = invoke(encoder, name, new Class<?>[0]);
                final int end = typeIndex + type.componentTokenCount() - 1;
                for (int j = typeIndex + 1; j < end; j++)
                {
                    final Token member = tokens.get(j);
                    encodeType(tokens, j, member.name(), composite, path + "." + member.name(), written, false);
                    j += member.componentTokenCount() - 1;
                }
            }
            default -> throw new IllegalStateException("unsupported type signal " + type.signal() + " at " + path);
        }
    }

    private void decodeFields(final List<Token> tokens, final int from, final int to, final Object decoder,
        final String path, final List<String> read)
    {
        int i = from;
        while (i < to)
        {
            final Token token = tokens.get(i);
            final String fieldPath = path + "." + token.name();
            switch (token.signal())
            {
                case BEGIN_FIELD -> decodeType(tokens, i + 1, token.name(), decoder, fieldPath, read);
                case BEGIN_GROUP ->
                {
                    final Object groupDecoder = invoke(decoder, token.name(), new Class<?>[0]);
                    final int count = (int)invoke(groupDecoder, "count", new Class<?>[0]);
                    read.add(fieldPath + ".count=" + count);
                    final int fieldsFrom = i + 1 + tokens.get(i + 1).componentTokenCount();
                    final int fieldsTo = i + token.componentTokenCount() - 1;
                    for (int k = 0; k < count; k++)
                    {
                        invoke(groupDecoder, "next", new Class<?>[0]);
                        decodeFields(tokens, fieldsFrom, fieldsTo, groupDecoder, fieldPath + "[" + k + "]", read);
                    }
                }
                case BEGIN_VAR_DATA -> read.add(fieldPath + "=" + invoke(decoder, token.name(), new Class<?>[0]));
                default ->
                {
                    i++;
                    continue;
                }
            }
            i += token.componentTokenCount();
        }
    }

    private void decodeType(final List<Token> tokens, final int typeIndex, final String name, final Object decoder,
        final String path, final List<String> read)
    {
        final Token type = tokens.get(typeIndex);
        switch (type.signal())
        {
            case ENCODING, BEGIN_ENUM ->
            {
                if (type.signal() == Signal.ENCODING && isNumericArray(type))
                {
                    for (int index = 0; index < type.arrayLength(); index++)
                    {
                        read.add(path + "[" + index + "]=" + invoke(decoder, name, new Class<?>[]{int.class}, index));
                    }
                    return;
                }
                read.add(path + "=" + invoke(decoder, name, new Class<?>[0]));
            }
            case BEGIN_COMPOSITE ->
            {
                final Object composite = invoke(decoder, name, new Class<?>[0]);
                final int end = typeIndex + type.componentTokenCount() - 1;
                for (int j = typeIndex + 1; j < end; j++)
                {
                    final Token member = tokens.get(j);
                    decodeType(tokens, j, member.name(), composite, path + "." + member.name(), read);
                    j += member.componentTokenCount() - 1;
                }
            }
            default -> throw new IllegalStateException("unsupported type signal " + type.signal() + " at " + path);
        }
    }

    private Object randomPrimitive(final Token type, final boolean optional)
    {
        final Encoding encoding = type.encoding();
        final PrimitiveType primitive = encoding.primitiveType();
        if (primitive == PrimitiveType.CHAR && type.arrayLength() > 1)
        {
            final int length = random.nextInt(type.arrayLength() + 1);
            final StringBuilder text = new StringBuilder(length);
            for (int k = 0; k < length; k++)
            {
                text.append((char)(' ' + 1 + random.nextInt(94)));
            }
            return text.toString();
        }
        final boolean useNull = optional && random.nextInt(5) == 0;
        final long nullValue = encoding.applicableNullValue().longValue();
        final long min = encoding.applicableMinValue().longValue();
        final long max = encoding.applicableMaxValue().longValue();
        final long value;
        if (useNull)
        {
            value = nullValue;
        }
        else
        {
            value = switch (random.nextInt(6))
            {
                case 0 -> min;
                case 1 -> max;
                case 2 -> Math.max(min, Math.min(max, 0));
                default -> randomInRange(primitive, min, max, nullValue);
            };
        }
        return switch (primitive)
        {
            case INT64, UINT32 -> value;
            case INT32, UINT16 -> (int)value;
            case INT16, UINT8 -> (short)value;
            case INT8, CHAR -> (byte)value;
            default -> throw new IllegalStateException("unsupported primitive " + primitive);
        };
    }

    private long randomInRange(final PrimitiveType primitive, final long min, final long max, final long nullValue)
    {
        final long raw = random.nextLong();
        if (primitive.size() < Long.BYTES)
        {
            return min + Math.floorMod(raw, max - min + 1);
        }
        return raw < min || raw > max || raw == nullValue ? min : raw;
    }

    private static boolean isNumericArray(final Token type)
    {
        return type.arrayLength() > 1 && type.encoding().primitiveType() != PrimitiveType.CHAR;
    }

    private static Class<?> setterType(final Token type)
    {
        final PrimitiveType primitive = type.encoding().primitiveType();
        if (primitive == PrimitiveType.CHAR && type.arrayLength() > 1)
        {
            return String.class;
        }
        return switch (primitive)
        {
            case INT64, UINT32 -> long.class;
            case INT32, UINT16 -> int.class;
            case INT16, UINT8 -> short.class;
            case INT8, CHAR -> byte.class;
            default -> throw new IllegalStateException("unsupported primitive " + primitive);
        };
    }

    private String randomText()
    {
        final int choice = random.nextInt(8);
        if (choice == 0)
        {
            return "";
        }
        final int length = choice == 1 ? random.nextInt(maxVarLength + 1) : random.nextInt(64);
        final StringBuilder text = new StringBuilder(length);
        while (text.length() < length)
        {
            if (random.nextBoolean())
            {
                final int codePoints = MULTILINGUAL.codePointCount(0, MULTILINGUAL.length());
                text.append(MULTILINGUAL, 0, MULTILINGUAL.offsetByCodePoints(0, 1 + random.nextInt(codePoints - 1)));
            }
            else
            {
                text.append((char)(' ' + random.nextInt(95)));
            }
        }
        return text.toString();
    }

    static Object newInstance(final String className)
    {
        try
        {
            return loadClass(className).getDeclaredConstructor().newInstance();
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    static Class<?> loadClass(final String className)
    {
        try
        {
            return Class.forName(className);
        }
        catch (final ClassNotFoundException ex)
        {
            throw new IllegalStateException("generated class missing: " + className, ex);
        }
    }

    static Object invoke(final Object target, final String method, final Class<?>[] parameterTypes,
        final Object... arguments)
    {
        try
        {
            final Method m = target.getClass().getMethod(method, parameterTypes);
            return m.invoke(target, arguments);
        }
        catch (final InvocationTargetException ex)
        {
            final Throwable cause = ex.getCause();
            if (cause instanceof RuntimeException runtime)
            {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new IllegalStateException("no method " + method + " on " + target.getClass().getSimpleName(), ex);
        }
    }
}
