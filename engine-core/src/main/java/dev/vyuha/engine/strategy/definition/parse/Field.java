package dev.vyuha.engine.strategy.definition.parse;

/**
 * One field of an object: its snake_case name, its value spec, whether it is required or has a default, and the
 * description that goes into the schema.
 *
 * @param <V> the model value.
 */
final class Field<V>
{
    private final String name;
    private final Spec<V> spec;
    private final boolean required;
    private final V defaultValue;
    private final String description;

    private Field(final String name, final Spec<V> spec, final boolean required, final V defaultValue,
        final String description)
    {
        this.name = name;
        this.spec = spec;
        this.required = required;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    static <V> Field<V> required(final String name, final Spec<V> spec, final String description)
    {
        return new Field<>(name, spec, true, null, description);
    }

    static <V> Field<V> optional(final String name, final Spec<V> spec, final String description)
    {
        return new Field<>(name, spec, false, null, description);
    }

    static <V> Field<V> withDefault(final String name, final Spec<V> spec, final V defaultValue,
        final String description)
    {
        return new Field<>(name, spec, false, defaultValue, description);
    }

    String name()
    {
        return name;
    }

    Spec<V> spec()
    {
        return spec;
    }

    boolean required()
    {
        return required;
    }

    boolean hasDefault()
    {
        return null != defaultValue;
    }

    V defaultValue()
    {
        return defaultValue;
    }

    String description()
    {
        return description;
    }

    @Override
    public String toString()
    {
        return name;
    }
}
