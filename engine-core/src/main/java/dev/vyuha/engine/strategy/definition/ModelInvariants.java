package dev.vyuha.engine.strategy.definition;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Argument checks for the constructors of the definition records. A violation is a programming error (the parser
 * reports bad input as issues and never builds a record from it), so each check throws
 * {@link IllegalArgumentException} with the component's name and value.
 */
public final class ModelInvariants
{
    private ModelInvariants()
    {
    }

    /**
     * @param value the value.
     * @param name  the component, for the message.
     * @param <T>   its type.
     * @return value.
     * @throws IllegalArgumentException if value is null.
     */
    public static <T> T nonNull(final T value, final String name)
    {
        if (null == value)
        {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    /**
     * @param values the list.
     * @param name   the component, for the message.
     * @param <T>    the element type.
     * @return an unmodifiable copy in the same order.
     * @throws IllegalArgumentException if the list or an element is null.
     */
    public static <T> List<T> list(final List<T> values, final String name)
    {
        nonNull(values, name);
        for (final T value : values)
        {
            nonNull(value, name + " element");
        }
        return List.copyOf(values);
    }

    /**
     * @param value the value.
     * @param min   smallest allowed.
     * @param max   largest allowed.
     * @param name  the component, for the message.
     * @return value.
     * @throws IllegalArgumentException if value is outside [min, max].
     */
    public static long range(final long value, final long min, final long max, final String name)
    {
        if (value < min || value > max)
        {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], was " + value);
        }
        return value;
    }

    /**
     * @param value the value.
     * @param min   smallest allowed.
     * @param max   largest allowed.
     * @param name  the component, for the message.
     * @return value.
     * @throws IllegalArgumentException if value is outside [min, max].
     */
    public static int range(final int value, final int min, final int max, final String name)
    {
        if (value < min || value > max)
        {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], was " + value);
        }
        return value;
    }

    /**
     * @param value the value.
     * @param min   smallest allowed when present.
     * @param max   largest allowed when present.
     * @param name  the component, for the message.
     * @return value.
     * @throws IllegalArgumentException if value is null or present and outside [min, max].
     */
    public static OptionalLong range(final OptionalLong value, final long min, final long max, final String name)
    {
        nonNull(value, name);
        if (value.isPresent())
        {
            range(value.getAsLong(), min, max, name);
        }
        return value;
    }

    /**
     * @param value the value.
     * @param min   smallest allowed when present.
     * @param max   largest allowed when present.
     * @param name  the component, for the message.
     * @return value.
     * @throws IllegalArgumentException if value is null or present and outside [min, max].
     */
    public static OptionalInt range(final OptionalInt value, final int min, final int max, final String name)
    {
        nonNull(value, name);
        if (value.isPresent())
        {
            range(value.getAsInt(), min, max, name);
        }
        return value;
    }

    /**
     * @param value the value.
     * @param name  the component, for the message.
     * @param <T>   the element type.
     * @return value.
     * @throws IllegalArgumentException if value is null.
     */
    public static <T> Optional<T> optional(final Optional<T> value, final String name)
    {
        return nonNull(value, name);
    }

    /**
     * @param condition the invariant.
     * @param message   what is wrong when it does not hold.
     * @throws IllegalArgumentException if condition is false.
     */
    public static void check(final boolean condition, final String message)
    {
        if (!condition)
        {
            throw new IllegalArgumentException(message);
        }
    }
}
