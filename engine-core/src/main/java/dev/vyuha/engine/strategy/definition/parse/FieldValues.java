package dev.vyuha.engine.strategy.definition.parse;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Collections;

/**
 * The fields read from one object: which were present in the document and which of those were valid.
 */
final class FieldValues
{
    private final Set<Field<?>> present = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<Field<?>, Object> valid = new IdentityHashMap<>();

    void markPresent(final Field<?> field)
    {
        present.add(field);
    }

    void put(final Field<?> field, final Object value)
    {
        valid.put(field, value);
    }

    /**
     * @return true if the field appears in the document (valid or not).
     */
    boolean present(final Field<?> field)
    {
        return present.contains(field);
    }

    /**
     * @return true if a value is available: present and valid, or absent with a default.
     */
    boolean has(final Field<?> field)
    {
        return valid.containsKey(field) || (!present.contains(field) && field.hasDefault());
    }

    boolean hasAll(final Field<?>... fields)
    {
        for (final Field<?> field : fields)
        {
            if (!has(field))
            {
                return false;
            }
        }
        return true;
    }

    /**
     * @return the value, or the default if absent.
     * @throws IllegalStateException if no value is available (a rule forgot to check {@link #has(Field)}).
     */
    <V> V get(final Field<V> field)
    {
        if (valid.containsKey(field))
        {
            @SuppressWarnings("unchecked") final V value = (V)valid.get(field);
            return value;
        }
        if (!present.contains(field) && field.hasDefault())
        {
            return field.defaultValue();
        }
        throw new IllegalStateException("no value for " + field);
    }

    /**
     * @return the valid value present in the document; empty if absent or invalid.
     */
    <V> Optional<V> optional(final Field<V> field)
    {
        @SuppressWarnings("unchecked") final V value = (V)valid.get(field);
        return Optional.ofNullable(value);
    }

    /**
     * @return true if every present field is valid.
     */
    boolean allPresentValid()
    {
        return valid.size() == present.size();
    }
}
