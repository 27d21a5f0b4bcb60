package dev.vyuha.engine.strategy.definition;

import java.util.OptionalLong;

/**
 * Marks a basket as a user's instance of a marketplace template (../shared/DOMAIN.md §1).
 *
 * @param templateId      id of the template basket subscribed to.
 * @param templateVersion the template version instantiated; empty for "the version current at subscription".
 * @param multiplier      every leg's lots are multiplied by this; 1..100.
 */
public record Subscription(String templateId, OptionalLong templateVersion, int multiplier)
{
    /** Largest subscription multiplier. */
    public static final int MAX_MULTIPLIER = 100;

    /**
     * Validates the components.
     */
    public Subscription
    {
        ModelInvariants.nonNull(templateId, "templateId");
        ModelInvariants.range(templateVersion, 1, Long.MAX_VALUE, "templateVersion");
        ModelInvariants.range(multiplier, 1, MAX_MULTIPLIER, "multiplier");
    }
}
