package dev.vyuha.kitesim;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares two SDK model objects field by field (every declared field, nested models included): the same fields
 * present (non-null) in both, numbers where the mock has numbers, and equal values for the fields the simulator was
 * seeded to reproduce.
 */
final class ModelComparison
{
    private final Set<String> equalFields;
    private final Set<String> presenceMayDiffer;
    private final List<String> differences = new ArrayList<>();

    private ModelComparison(final Set<String> equalFields, final Set<String> presenceMayDiffer)
    {
        this.equalFields = equalFields;
        this.presenceMayDiffer = presenceMayDiffer;
    }

    /**
     * @param mock              parsed from the official mock.
     * @param simulated         parsed from the simulator's response.
     * @param equalFields       field paths (e.g. {@code status}, {@code depth.buy}) whose values must be equal.
     * @param presenceMayDiffer field paths that may be null in one and set in the other (documented differences).
     * @return the differences, empty when the simulator is faithful.
     */
    static List<String> differences(
        final Object mock, final Object simulated, final Set<String> equalFields, final Set<String> presenceMayDiffer)
    {
        final ModelComparison comparison = new ModelComparison(equalFields, presenceMayDiffer);
        comparison.compare("", mock, simulated);
        return comparison.differences;
    }

    private void compare(final String path, final Object mock, final Object simulated)
    {
        if (null == mock || null == simulated)
        {
            if ((null == mock) != (null == simulated) && !presenceMayDiffer.contains(path))
            {
                differences.add(path + ": mock " + describe(mock) + " but simulator " + describe(simulated));
            }
            return;
        }
        if (equalFields.contains(path))
        {
            if (!deepEquals(mock, simulated))
            {
                differences.add(path + ": mock " + describe(mock) + " but simulator " + describe(simulated));
            }
            return;
        }
        if (mock instanceof String mockText && simulated instanceof String simText)
        {
            if (isNumber(mockText) && !isNumber(simText))
            {
                differences.add(path + ": mock number " + mockText + " but simulator " + simText);
            }
            return;
        }
        if (mock instanceof Collection<?> mockList && simulated instanceof Collection<?> simList)
        {
            if (!mockList.isEmpty() && !simList.isEmpty())
            {
                compare(path + "[0]", mockList.iterator().next(), simList.iterator().next());
            }
            else if (mockList.isEmpty() != simList.isEmpty() && !presenceMayDiffer.contains(path))
            {
                differences.add(path + ": mock size " + mockList.size() + " but simulator " + simList.size());
            }
            return;
        }
        if (mock instanceof Map<?, ?> || mock.getClass().isArray() || isValue(mock))
        {
            return;
        }
        if (!mock.getClass().equals(simulated.getClass()))
        {
            differences.add(path + ": mock " + mock.getClass() + " but simulator " + simulated.getClass());
            return;
        }
        for (Class<?> type = mock.getClass(); null != type && Object.class != type; type = type.getSuperclass())
        {
            for (final Field field : type.getDeclaredFields())
            {
                if (Modifier.isStatic(field.getModifiers()) || field.isSynthetic())
                {
                    continue;
                }
                field.setAccessible(true);
                try
                {
                    compare(path.isEmpty() ? field.getName() : path + '.' + field.getName(), field.get(mock),
                        field.get(simulated));
                }
                catch (final IllegalAccessException ex)
                {
                    throw new IllegalStateException(ex);
                }
            }
        }
    }

    private static boolean isValue(final Object value)
    {
        return value instanceof Number || value instanceof Boolean || value instanceof Character
            || value instanceof java.util.Date || value instanceof Enum<?>;
    }

    private static boolean deepEquals(final Object a, final Object b)
    {
        if (a.getClass().isArray() && b.getClass().isArray())
        {
            if (Array.getLength(a) != Array.getLength(b))
            {
                return false;
            }
            for (int i = 0; i < Array.getLength(a); i++)
            {
                if (!deepEquals(Array.get(a, i), Array.get(b, i)))
                {
                    return false;
                }
            }
            return true;
        }
        if (isValue(a) || a instanceof String || a instanceof Collection<?> || a instanceof Map<?, ?>)
        {
            if (a instanceof Collection<?> ca && b instanceof Collection<?> cb)
            {
                if (ca.size() != cb.size())
                {
                    return false;
                }
                final var ia = ca.iterator();
                final var ib = cb.iterator();
                while (ia.hasNext())
                {
                    if (!deepEquals(ia.next(), ib.next()))
                    {
                        return false;
                    }
                }
                return true;
            }
            if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb)
            {
                if (!ma.keySet().equals(mb.keySet()))
                {
                    return false;
                }
                for (final Map.Entry<?, ?> entry : ma.entrySet())
                {
                    final Object other = mb.get(entry.getKey());
                    if ((null == entry.getValue()) != (null == other)
                        || (null != other && !deepEquals(entry.getValue(), other)))
                    {
                        return false;
                    }
                }
                return true;
            }
            return a.equals(b);
        }
        if (!a.getClass().equals(b.getClass()))
        {
            return false;
        }
        for (Class<?> type = a.getClass(); null != type && Object.class != type; type = type.getSuperclass())
        {
            for (final Field field : type.getDeclaredFields())
            {
                if (Modifier.isStatic(field.getModifiers()))
                {
                    continue;
                }
                field.setAccessible(true);
                try
                {
                    final Object fa = field.get(a);
                    final Object fb = field.get(b);
                    if ((null == fa) != (null == fb) || (null != fa && !deepEquals(fa, fb)))
                    {
                        return false;
                    }
                }
                catch (final IllegalAccessException ex)
                {
                    throw new IllegalStateException(ex);
                }
            }
        }
        return true;
    }

    private static boolean isNumber(final String text)
    {
        try
        {
            Double.parseDouble(text);
            return true;
        }
        catch (final NumberFormatException ex)
        {
            return false;
        }
    }

    private static String describe(final Object value)
    {
        if (null == value)
        {
            return "null";
        }
        if (value.getClass().isArray())
        {
            final StringBuilder text = new StringBuilder("[");
            for (int i = 0; i < Array.getLength(value); i++)
            {
                text.append(i > 0 ? ", " : "").append(Array.get(value, i));
            }
            return text.append(']').toString();
        }
        return String.valueOf(value);
    }
}
