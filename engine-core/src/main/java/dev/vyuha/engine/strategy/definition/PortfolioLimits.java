package dev.vyuha.engine.strategy.definition;

import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Basket-level (portfolio) limits, checked before every order and on every mark-to-market (../shared/DOMAIN.md §5).
 * Breaching a loss limit squares off the basket and blocks new entries for the day.
 *
 * @param maxDailyLossPaise      largest loss of the day (realised plus unrealised), in paise; empty for none.
 * @param maxDrawdownBasisPoints largest fall of the basket's equity from its peak, in basis points of the initial
 *                               capital; empty for none.
 * @param maxOpenLots            most lots open at once over every strategy and account; empty for none.
 * @param maxOrderValuePaise     largest value (price × quantity) of one order, in paise; empty for none.
 * @param orderRate              the order-rate budget; {@link OrderRateLimit#KITE} unless configured.
 */
public record PortfolioLimits(
    OptionalLong maxDailyLossPaise,
    OptionalLong maxDrawdownBasisPoints,
    OptionalInt maxOpenLots,
    OptionalLong maxOrderValuePaise,
    OrderRateLimit orderRate)
{
    /**
     * Validates the components.
     */
    public PortfolioLimits
    {
        ModelInvariants.range(maxDailyLossPaise, 1, Long.MAX_VALUE, "maxDailyLossPaise");
        ModelInvariants.range(maxDrawdownBasisPoints, 1, 10_000, "maxDrawdownBasisPoints");
        ModelInvariants.range(maxOpenLots, 1, Integer.MAX_VALUE, "maxOpenLots");
        ModelInvariants.range(maxOrderValuePaise, 1, Long.MAX_VALUE, "maxOrderValuePaise");
        ModelInvariants.nonNull(orderRate, "orderRate");
    }
}
