package dev.vyuha.engine.strategy.definition.entry;

import dev.vyuha.engine.strategy.definition.ModelInvariants;

/**
 * A limit on how long a conditional entry waits.
 *
 * @param minutes  minutes after waiting starts; 1..375.
 * @param fallback what happens when they have passed.
 */
public record EntryTimeout(int minutes, TimeoutFallback fallback)
{
    /**
     * Validates the components.
     */
    public EntryTimeout
    {
        ModelInvariants.range(minutes, 1, 375, "minutes");
        ModelInvariants.nonNull(fallback, "fallback");
    }
}
