package dev.vyuha.engine.strategy.definition.execution;

import dev.vyuha.engine.strategy.definition.ModelInvariants;

import java.util.OptionalLong;

/**
 * How a leg's orders are placed: the leg's own settings, else its strategy's {@code execution} settings, else
 * {@link #DEFAULT}.
 *
 * @param orderType               pricing of the orders.
 * @param maxSlippageBasisPoints  the worst acceptable fill price, in basis points from the reference price; an order
 *                                that would have to be priced beyond it is not chased and counts as a failed attempt
 *                                for the retry policy; 1..10000; empty for no limit.
 * @param retry                   the retry policy.
 */
public record OrderPolicy(OrderType orderType, OptionalLong maxSlippageBasisPoints, RetryPolicy retry)
{
    /** MARKET with automatic protection, no slippage limit, the default retry policy. */
    public static final OrderPolicy DEFAULT = new OrderPolicy(OrderType.MARKET, OptionalLong.empty(),
        RetryPolicy.DEFAULT);

    /**
     * Validates the components.
     */
    public OrderPolicy
    {
        ModelInvariants.nonNull(orderType, "orderType");
        ModelInvariants.range(maxSlippageBasisPoints, 1, 10_000, "maxSlippageBasisPoints");
        ModelInvariants.nonNull(retry, "retry");
    }
}
