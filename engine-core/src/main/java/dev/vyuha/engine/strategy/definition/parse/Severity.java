package dev.vyuha.engine.strategy.definition.parse;

/**
 * How serious an {@link Issue} is.
 */
public enum Severity
{
    /** The document is rejected. */
    ERROR,
    /** The document is accepted, but probably not what its author meant, or risky. */
    WARNING
}
