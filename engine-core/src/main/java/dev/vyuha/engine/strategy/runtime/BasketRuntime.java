package dev.vyuha.engine.strategy.runtime;

import dev.vyuha.engine.event.EngineEvent;
import dev.vyuha.engine.money.Paise;
import dev.vyuha.engine.risk.OrderRateBudget;
import dev.vyuha.engine.risk.RiskVerdict;
import dev.vyuha.engine.strategy.definition.Basket;
import dev.vyuha.engine.strategy.definition.BasketStatus;
import dev.vyuha.engine.strategy.definition.BrokerAccount;
import dev.vyuha.engine.strategy.definition.OrderRateLimit;
import dev.vyuha.engine.strategy.definition.PortfolioLimits;
import dev.vyuha.engine.strategy.definition.PositionSizing;
import dev.vyuha.engine.strategy.definition.Strategy;
import dev.vyuha.engine.strategy.definition.Subscription;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * A loaded basket: its strategies fanned out over its broker accounts (one strategy instance per strategy and
 * account, legs sized by sizing x account multiplier x subscription multiplier), its status, and the portfolio limits
 * of DOMAIN.md §5 applied to the basket as a whole: max daily loss and max drawdown (square off the basket and block
 * entries for the rest of the day), max open lots and max order value (refuse the entry), and its own order-rate
 * budget. MTM is kept incrementally: each strategy reports its MTM when it changes and the basket adds the difference.
 */
final class BasketRuntime
{
    final TradingEngine engine;
    final long number;
    final String id;
    final Basket definition;
    final long version;
    final List<String> accounts = new ArrayList<>();
    final List<StrategyRuntime> strategies = new ArrayList<>();
    private final OrderRateBudget rate;

    BasketStatus status;
    String haltReason;
    long mtm;
    long peakMtm;
    long troughMtm;

    BasketRuntime(final TradingEngine engine, final long number, final String id, final Basket definition,
        final long version)
    {
        this.engine = engine;
        this.number = number;
        this.id = id;
        this.definition = definition;
        this.version = version;
        this.status = definition.status();
        final OrderRateLimit limit = definition.limits().orderRate();
        this.rate = new OrderRateBudget(limit.perSecond(), limit.perMinute(), limit.perDay());
        final int subscription = definition.subscription().map(Subscription::multiplier).orElse(1);
        final List<BrokerAccount> brokerAccounts = definition.brokerAccounts().isEmpty() ?
            List.of(new BrokerAccount(engine.desk.config.defaultAccount(), 1)) : definition.brokerAccounts();
        for (final BrokerAccount account : brokerAccounts)
        {
            accounts.add(account.account());
        }
        for (final Strategy strategy : definition.strategies())
        {
            for (final BrokerAccount account : brokerAccounts)
            {
                final int base = account.multiplier() * subscription;
                final long units = units(definition, strategy);
                strategies.add(new StrategyRuntime(strategy, this, account.account(), base, (int)Math.max(0, units),
                    engine.desk, engine.strategyCount() + strategies.size()));
            }
        }
    }

    /**
     * @return the strategy's units (sizing multiplier) of one entry, or 0 if they are estimated at entry (capital
     * based sizing without a configured margin per lot).
     */
    static long units(final Basket basket, final Strategy strategy)
    {
        final PositionSizing sizing = strategy.positionSizing();
        if (sizing instanceof PositionSizing.Multiplier multiplier)
        {
            return multiplier.multiplier();
        }
        if (sizing instanceof PositionSizing.CapitalBased capital)
        {
            final OptionalLong allocation = basket.allocatedCapitalPaise(strategy);
            if (capital.marginPerLotPaise().isEmpty() || allocation.isEmpty())
            {
                return 0;
            }
            return allocation.getAsLong() / capital.marginPerLotPaise().getAsLong();
        }
        return 1;
    }

    /** @return number of broker accounts the basket trades on. */
    int accountCount()
    {
        return accounts.size();
    }

    /**
     * @return why entries are blocked at basket level now, or null.
     */
    String entryBlock()
    {
        if (null != haltReason)
        {
            return haltReason;
        }
        return switch (status)
        {
            case ACTIVE -> null;
            case PAUSED -> "basket " + id + " is paused";
            case INACTIVE -> "basket " + id + " is inactive";
            case ARCHIVED -> "basket " + id + " is removed";
        };
    }

    /**
     * The basket's checks on an entry order, before the account-wide ones. Nothing is counted.
     *
     * @param lots  lots of the order.
     * @param value its value at the reference price, paise.
     * @return the verdict.
     */
    RiskVerdict checkEntry(final long lots, final long value)
    {
        final PortfolioLimits limits = definition.limits();
        if (limits.maxOrderValuePaise().isPresent() && value > limits.maxOrderValuePaise().getAsLong())
        {
            return RiskVerdict.ABOVE_BASKET_MAX_ORDER_VALUE;
        }
        if (limits.maxOpenLots().isPresent() && openLots() + lots > limits.maxOpenLots().getAsInt())
        {
            return RiskVerdict.ABOVE_BASKET_MAX_OPEN_LOTS;
        }
        return rate.check(true, engine.desk.nowNs) == RiskVerdict.ACCEPTED ? RiskVerdict.ACCEPTED :
            RiskVerdict.BASKET_ORDER_RATE;
    }

    /**
     * Count an order that left (entries and exits alike count towards the basket's budgets).
     */
    void recordOrder()
    {
        rate.record(engine.desk.nowNs);
    }

    /** @return lots of every leg holding or acquiring a position. */
    long openLots()
    {
        long lots = 0;
        for (final StrategyRuntime strategy : strategies)
        {
            lots += strategy.openLots();
        }
        return lots;
    }

    /**
     * A strategy's MTM changed: update the basket's and apply the loss limits.
     *
     * @param strategy  the strategy.
     * @param latestMtm its MTM now, paise.
     */
    void onStrategyMtm(final StrategyRuntime strategy, final long latestMtm)
    {
        mtm += latestMtm - strategy.reportedMtm;
        strategy.reportedMtm = latestMtm;
        peakMtm = Math.max(peakMtm, mtm);
        troughMtm = Math.min(troughMtm, mtm);
        if (null != haltReason)
        {
            return;
        }
        final PortfolioLimits limits = definition.limits();
        if (limits.maxDailyLossPaise().isPresent() && mtm <= -limits.maxDailyLossPaise().getAsLong())
        {
            halt("basket max daily loss " + Paise.toRupees(limits.maxDailyLossPaise().getAsLong()),
                -limits.maxDailyLossPaise().getAsLong());
        }
        else if (limits.maxDrawdownBasisPoints().isPresent())
        {
            final long allowed = Math.multiplyExact(definition.initialCapitalPaise(),
                limits.maxDrawdownBasisPoints().getAsLong()) / 10_000;
            if (peakMtm - mtm >= allowed)
            {
                halt("basket max drawdown " + limits.maxDrawdownBasisPoints().getAsLong() / 100.0 + " % of capital ("
                    + Paise.toRupees(allowed) + " from the peak " + Paise.toRupees(peakMtm) + ")", peakMtm - allowed);
            }
        }
    }

    private void halt(final String rule, final long threshold)
    {
        final TradingDesk desk = engine.desk;
        haltReason = rule + " hit: square-off, no entries today";
        desk.emit(new EngineEvent.ConditionMet(desk.sequence, desk.nowNs, new EngineEvent.Scope(id, "", ""), rule,
            threshold, mtm, "basket MTM"));
        for (final StrategyRuntime strategy : strategies)
        {
            strategy.squareOff(rule);
        }
    }

    /**
     * A new trading day: the day's MTM, peak and halt start again.
     */
    void onDay()
    {
        haltReason = null;
        mtm = 0;
        peakMtm = 0;
        troughMtm = 0;
        for (final StrategyRuntime strategy : strategies)
        {
            strategy.reportedMtm = 0;
        }
    }

    /** @return true if any strategy holds or is acquiring a position, or has orders working. */
    boolean isTrading()
    {
        for (final StrategyRuntime strategy : strategies)
        {
            if (strategy.isTradingToday())
            {
                return true;
            }
        }
        return false;
    }
}
