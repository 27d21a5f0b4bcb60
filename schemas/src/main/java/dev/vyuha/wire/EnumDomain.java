package dev.vyuha.wire;

import java.util.function.ToIntFunction;

/**
 * The raw values a one-byte SBE field may hold: a 256-entry membership table, so a check is one array load. Built
 * from the generated enum (or the schema's minimum and maximum of a bounded count) so it cannot disagree with the
 * codec.
 */
public final class EnumDomain
{
    private static final int DOMAIN_SIZE = 256;

    private final String enumName;
    private final boolean[] allowed;

    private EnumDomain(final String enumName, final boolean[] allowed)
    {
        this.enumName = enumName;
        this.allowed = allowed;
    }

    /**
     * Domain of a generated enum's defined values, excluding its null value.
     *
     * @param values    the generated enum's {@code values()}.
     * @param rawValue  accessor for the raw encoded value (the generated {@code value()} method).
     * @param nullValue the generated {@code NULL_VAL} constant, which is not part of the domain.
     * @param <E>       the generated enum type.
     * @return the domain of required values.
     */
    public static <E extends Enum<E>> EnumDomain of(final E[] values, final ToIntFunction<E> rawValue, final E nullValue)
    {
        final boolean[] allowed = new boolean[DOMAIN_SIZE];
        for (final E value : values)
        {
            if (value != nullValue)
            {
                allowed[rawValue.applyAsInt(value) & 0xFF] = true;
            }
        }
        return new EnumDomain(nullValue.getDeclaringClass().getSimpleName(), allowed);
    }

    /**
     * A one-byte field whose every value in a range is valid (a count with a fixed maximum, such as a book's depth).
     *
     * @param name     what the value is, for rejection reasons.
     * @param minimum  smallest valid value, &gt;= 0.
     * @param maximum  largest valid value, &lt;= 255.
     * @return the domain.
     */
    public static EnumDomain range(final String name, final int minimum, final int maximum)
    {
        final boolean[] allowed = new boolean[DOMAIN_SIZE];
        for (int value = minimum; value <= maximum; value++)
        {
            allowed[value & 0xFF] = true;
        }
        return new EnumDomain(name, allowed);
    }

    /**
     * The same domain plus the null value, for fields whose presence is optional.
     *
     * @param nullRawValue the enum's raw null value.
     * @return a domain that also accepts null.
     */
    public EnumDomain orNull(final int nullRawValue)
    {
        final boolean[] withNull = allowed.clone();
        withNull[nullRawValue & 0xFF] = true;
        return new EnumDomain(enumName, withNull);
    }

    /**
     * @param rawValue the unsigned byte read from the frame.
     * @return true if the value is defined.
     */
    public boolean contains(final int rawValue)
    {
        return allowed[rawValue & 0xFF];
    }

    /**
     * @return the generated enum's simple name.
     */
    public String enumName()
    {
        return enumName;
    }

    /**
     * @return number of accepted raw values.
     */
    public int size()
    {
        int size = 0;
        for (final boolean value : allowed)
        {
            size += value ? 1 : 0;
        }
        return size;
    }
}
