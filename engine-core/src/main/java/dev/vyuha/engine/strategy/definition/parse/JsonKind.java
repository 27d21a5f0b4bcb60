package dev.vyuha.engine.strategy.definition.parse;

/**
 * The kind of JSON value a {@link Spec} accepts: every field accepts exactly one kind.
 */
enum JsonKind
{
    STRING,
    NUMBER,
    BOOLEAN,
    ARRAY,
    OBJECT
}
