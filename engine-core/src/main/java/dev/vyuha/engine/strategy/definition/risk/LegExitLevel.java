package dev.vyuha.engine.strategy.definition.risk;

import dev.vyuha.engine.strategy.definition.ModelInvariants;

/**
 * A leg's stop loss or target, evaluated on every tick.
 *
 * @param type  how the level is expressed.
 * @param value positive; paise for POINTS and PREMIUM, hundredths of an index point for UNDERLYING_POINTS, basis
 *              points for PERCENT and UNDERLYING_PERCENT (see {@link LegExitType}).
 */
public record LegExitLevel(LegExitType type, long value)
{
    /**
     * Validates the components.
     */
    public LegExitLevel
    {
        ModelInvariants.nonNull(type, "type");
        ModelInvariants.range(value, 1, Long.MAX_VALUE, "value");
    }
}
