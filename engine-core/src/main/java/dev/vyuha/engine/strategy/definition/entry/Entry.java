package dev.vyuha.engine.strategy.definition.entry;

import dev.vyuha.engine.strategy.definition.ModelInvariants;
import dev.vyuha.engine.strategy.definition.condition.MarketCondition;

import java.util.List;

/**
 * How a strategy enters: a trigger, and market filters that must all hold at the moment of entry (a filter that
 * does not hold defers a conditional entry, and skips an immediate one for the day).
 *
 * @param trigger what the strategy waits for.
 * @param filters conditions that must all hold; may be empty.
 */
public record Entry(EntryTrigger trigger, List<MarketCondition> filters)
{
    /** Enter at the entry time, unconditionally. */
    public static final Entry IMMEDIATE = new Entry(new EntryTrigger.Immediate(), List.of());

    /**
     * Validates the components.
     */
    public Entry
    {
        ModelInvariants.nonNull(trigger, "trigger");
        filters = ModelInvariants.list(filters, "filters");
    }
}
