package dev.vyuha.engine.strategy.definition;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A basket of strategies traded together under one capital and one set of portfolio limits: the root of a basket
 * file (../shared/DOMAIN.md §1, §7, §8).
 *
 * @param id                    the basket id; empty in a file for a new basket (the admin API assigns one).
 * @param name                  display name.
 * @param description           free text; empty for none.
 * @param owner                 the owning user; empty for none.
 * @param brokerAccounts        the accounts every strategy runs on, each with its lot multiplier; empty for a
 *                              marketplace template, or for PAPER and BACKTEST baskets not tied to an account.
 * @param initialCapitalPaise   capital, in paise; positive.
 * @param deployableBasisPoints share of the capital strategies may use, in basis points; 100..10000 (1–100%).
 * @param executionMode         LIVE, PAPER or BACKTEST.
 * @param status                lifecycle state.
 * @param limits                portfolio limits.
 * @param version               the version this document replaces (optimistic locking of updates); empty for a new
 *                              basket.
 * @param template              true for a marketplace template published by an admin: not traded, never tied to an
 *                              account.
 * @param subscription          set when this basket is a user's instance of a marketplace template.
 * @param tags                  free labels; unique.
 * @param strategies            the strategies, in document order; 1..{@link #MAX_STRATEGIES}; unique ids.
 */
public record Basket(
    Optional<String> id,
    String name,
    Optional<String> description,
    Optional<String> owner,
    List<BrokerAccount> brokerAccounts,
    long initialCapitalPaise,
    long deployableBasisPoints,
    ExecutionMode executionMode,
    BasketStatus status,
    PortfolioLimits limits,
    OptionalLong version,
    boolean template,
    Optional<Subscription> subscription,
    List<String> tags,
    List<Strategy> strategies)
{
    /** Most strategies in one basket. */
    public static final int MAX_STRATEGIES = 50;
    /** Largest initial capital: 10,000 crore INR, in paise. */
    public static final long MAX_CAPITAL_PAISE = 10_000_000_000_000L;

    /**
     * Validates the components.
     */
    public Basket
    {
        ModelInvariants.optional(id, "id");
        ModelInvariants.nonNull(name, "name");
        ModelInvariants.optional(description, "description");
        ModelInvariants.optional(owner, "owner");
        brokerAccounts = ModelInvariants.list(brokerAccounts, "brokerAccounts");
        ModelInvariants.range(initialCapitalPaise, 1, MAX_CAPITAL_PAISE, "initialCapitalPaise");
        ModelInvariants.range(deployableBasisPoints, 100, 10_000, "deployableBasisPoints");
        ModelInvariants.nonNull(executionMode, "executionMode");
        ModelInvariants.nonNull(status, "status");
        ModelInvariants.nonNull(limits, "limits");
        ModelInvariants.range(version, 1, Long.MAX_VALUE, "version");
        ModelInvariants.optional(subscription, "subscription");
        tags = ModelInvariants.list(tags, "tags");
        strategies = ModelInvariants.list(strategies, "strategies");
        ModelInvariants.check(!strategies.isEmpty() && strategies.size() <= MAX_STRATEGIES,
            "1.." + MAX_STRATEGIES + " strategies");
        ModelInvariants.check(strategies.stream().map(Strategy::id).distinct().count() == strategies.size(),
            "strategy ids must be unique");
        ModelInvariants.check(!template || brokerAccounts.isEmpty(), "a template names no broker account");
        ModelInvariants.check(!template || subscription.isEmpty(), "a template is not a subscription");
    }

    /**
     * @return initial capital × deployable percentage, in paise (rounded down).
     */
    public long deployableCapitalPaise()
    {
        return Math.multiplyExact(initialCapitalPaise, deployableBasisPoints) / 10_000;
    }

    /**
     * @param strategy one of this basket's strategies.
     * @return the capital allocated to it, in paise; empty if it has no allocation.
     */
    public OptionalLong allocatedCapitalPaise(final Strategy strategy)
    {
        return strategy.capitalAllocation()
            .map(allocation -> OptionalLong.of(allocation.resolvePaise(deployableCapitalPaise())))
            .orElse(OptionalLong.empty());
    }
}
