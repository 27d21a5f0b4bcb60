package dev.vyuha.engine.strategy.definition.parse;

import dev.vyuha.engine.strategy.definition.Basket;
import dev.vyuha.engine.strategy.definition.BasketStatus;
import dev.vyuha.engine.strategy.definition.BrokerAccount;
import dev.vyuha.engine.strategy.definition.ExecutionMode;
import dev.vyuha.engine.strategy.definition.OrderRateLimit;
import dev.vyuha.engine.strategy.definition.PortfolioLimits;
import dev.vyuha.engine.strategy.definition.PositionSizing;
import dev.vyuha.engine.strategy.definition.Strategy;
import dev.vyuha.engine.strategy.definition.Subscription;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The basket: the root of a document (../shared/DOMAIN.md §1, §5, §7, §8), and the checks across its strategies.
 */
final class BasketFormat
{
    static final Field<String> ACCOUNT = Field.required("account", Scalars.ID, "Broker account id.");
    static final Field<Integer> ACCOUNT_MULTIPLIER = Field.withDefault("multiplier",
        IntegerSpec.range(1, BrokerAccount.MAX_MULTIPLIER), 1, "Lots multiplier on this account (1 to 100).");
    static final ObjectSpec<BrokerAccount> BROKER_ACCOUNT = ObjectSpec
        .named("BrokerAccount", "A broker account the basket's strategies run on.")
        .fields(ACCOUNT, ACCOUNT_MULTIPLIER)
        .build((values, context) -> new BrokerAccount(values.get(ACCOUNT), values.get(ACCOUNT_MULTIPLIER)));

    static final Field<Integer> PER_SECOND = Field.withDefault("per_second", IntegerSpec.range(1, 1_000),
        OrderRateLimit.KITE.perSecond(), "Orders per second.");
    static final Field<Integer> PER_MINUTE = Field.withDefault("per_minute", IntegerSpec.range(1, 60_000),
        OrderRateLimit.KITE.perMinute(), "Orders per minute.");
    static final Field<Integer> PER_DAY = Field.withDefault("per_day", IntegerSpec.range(1, 1_000_000),
        OrderRateLimit.KITE.perDay(), "Orders per day.");
    static final ObjectSpec<OrderRateLimit> ORDER_RATE = ObjectSpec
        .named("OrderRateLimit", "Order-rate budget (placements, modifications, cancellations); Kite's 10/s, "
            + "400/min, 5000/day unless set.")
        .fields(PER_SECOND, PER_MINUTE, PER_DAY)
        .rule((values, context) ->
        {
            if (values.hasAll(PER_SECOND, PER_MINUTE) && values.get(PER_MINUTE) < values.get(PER_SECOND))
            {
                context.error(PER_MINUTE, "must be >= per_second " + values.get(PER_SECOND) + ", was "
                    + values.get(PER_MINUTE));
            }
            if (values.hasAll(PER_MINUTE, PER_DAY) && values.get(PER_DAY) < values.get(PER_MINUTE))
            {
                context.error(PER_DAY, "must be >= per_minute " + values.get(PER_MINUTE) + ", was "
                    + values.get(PER_DAY));
            }
            if (values.hasAll(PER_SECOND, PER_MINUTE, PER_DAY)
                && (values.get(PER_SECOND) > OrderRateLimit.KITE.perSecond()
                || values.get(PER_MINUTE) > OrderRateLimit.KITE.perMinute()
                || values.get(PER_DAY) > OrderRateLimit.KITE.perDay()))
            {
                context.warning(context.path(), "above Kite's limits of 10 orders/s, 400/min, 5000/day: the broker "
                    + "will reject the excess");
            }
        })
        .build((values, context) -> new OrderRateLimit(values.get(PER_SECOND), values.get(PER_MINUTE),
            values.get(PER_DAY)));

    static final Field<String> TEMPLATE_ID = Field.required("template_id", Scalars.ID,
        "Id of the marketplace template subscribed to.");
    static final Field<Integer> TEMPLATE_VERSION = Field.optional("template_version", IntegerSpec.range(1,
        Integer.MAX_VALUE), "Version of the template instantiated.");
    static final Field<Integer> SUBSCRIPTION_MULTIPLIER = Field.withDefault("multiplier",
        IntegerSpec.range(1, Subscription.MAX_MULTIPLIER), 1, "Quantity multiplier of the subscription (1 to 100).");
    static final ObjectSpec<Subscription> SUBSCRIPTION = ObjectSpec
        .named("Subscription", "This basket is a user's instance of a marketplace template.")
        .fields(TEMPLATE_ID, TEMPLATE_VERSION, SUBSCRIPTION_MULTIPLIER)
        .build((values, context) -> new Subscription(values.get(TEMPLATE_ID),
            values.optional(TEMPLATE_VERSION).map(OptionalLong::of).orElse(OptionalLong.empty()),
            values.get(SUBSCRIPTION_MULTIPLIER)));

    static final Field<String> SCHEMA = Field.optional("$schema", new StringSpec(1, 2_000, null, null),
        "The JSON Schema of this document, for editors; ignored by the engine.");
    static final Field<String> ID = Field.optional("id", Scalars.ID,
        "Basket id; omitted for a new basket (the admin API assigns one).");
    static final Field<String> NAME = Field.required("name", Scalars.NAME, "Display name.");
    static final Field<String> DESCRIPTION = Field.optional("description", Scalars.TEXT, "Free text.");
    static final Field<String> OWNER = Field.optional("owner", Scalars.ID, "The owning user.");
    static final Field<String> BROKER_ACCOUNT_ID = Field.optional("broker_account", Scalars.ID,
        "The broker account to trade on (multiplier 1); or list several in broker_accounts.");
    static final Field<List<BrokerAccount>> BROKER_ACCOUNTS = Field.optional("broker_accounts",
        new ListSpec<>(BROKER_ACCOUNT, 1, 20, false), "Accounts every strategy runs on, each with a multiplier.");
    static final Field<Long> INITIAL_CAPITAL = Field.required("initial_capital", Scalars.INR, "Capital, in INR.");
    static final Field<Long> DEPLOYABLE = Field.withDefault("deployable_percentage",
        Scalars.percent("1", false, "100"), 10_000L, "Percent of the capital strategies may use (1 to 100).");
    static final Field<ExecutionMode> EXECUTION_MODE = Field.required("execution_mode",
        EnumSpec.of(ExecutionMode.class), "LIVE (real orders), PAPER (simulated fills on live quotes) or BACKTEST.");
    static final Field<BasketStatus> STATUS = Field.withDefault("status", EnumSpec.of(BasketStatus.class),
        BasketStatus.ACTIVE, "ACTIVE, PAUSED, INACTIVE or ARCHIVED.");
    static final Field<Long> MAX_DAILY_LOSS = Field.optional("max_daily_loss", Scalars.INR,
        "Square off everything and stop for the day at this loss (INR).");
    static final Field<Long> MAX_DRAWDOWN = Field.optional("max_drawdown_percentage",
        Scalars.percent("0", true, "100"), "Largest fall of equity from its peak, percent of initial_capital.");
    static final Field<Integer> MAX_OPEN_LOTS = Field.optional("max_open_lots", IntegerSpec.range(1, 1_000_000),
        "Most lots open at once over every strategy and account.");
    static final Field<Long> MAX_ORDER_VALUE = Field.optional("max_order_value", Scalars.INR,
        "Largest value (price x quantity) of one order, INR.");
    static final Field<OrderRateLimit> ORDER_RATE_LIMIT = Field.withDefault("order_rate_limit", ORDER_RATE,
        OrderRateLimit.KITE, "Order-rate budget.");
    static final Field<Integer> VERSION = Field.optional("version", IntegerSpec.range(1, Integer.MAX_VALUE),
        "The version this document replaces (optimistic locking); omitted for a new basket.");
    static final Field<Boolean> IS_TEMPLATE = Field.withDefault("is_template", BooleanSpec.INSTANCE, false,
        "A marketplace template: published, not traded, names no broker account.");
    static final Field<Subscription> SUBSCRIPTION_FIELD = Field.optional("subscription", SUBSCRIPTION,
        "Set when this basket instantiates a marketplace template.");
    static final Field<List<String>> TAGS = Field.withDefault("tags", Scalars.TAGS, List.of(), "Free labels.");
    static final Field<List<Strategy>> STRATEGIES = Field.required("strategies",
        new ListSpec<>(StrategyFormat.STRATEGY, 1, Basket.MAX_STRATEGIES, false), "The strategies (1 to 50).");

    static final ObjectSpec<Basket> BASKET = ObjectSpec
        .named("Basket", "A Vyuha basket: strategies traded together under one capital and one set of portfolio "
            + "limits. Amounts are INR, percentages are percent (both with at most 2 decimals), times are IST.")
        .fields(SCHEMA, ID, NAME, DESCRIPTION, OWNER, BROKER_ACCOUNT_ID, BROKER_ACCOUNTS, INITIAL_CAPITAL, DEPLOYABLE,
            EXECUTION_MODE, STATUS, MAX_DAILY_LOSS, MAX_DRAWDOWN, MAX_OPEN_LOTS, MAX_ORDER_VALUE, ORDER_RATE_LIMIT,
            VERSION, IS_TEMPLATE, SUBSCRIPTION_FIELD, TAGS, STRATEGIES)
        .atMostOneOf(BROKER_ACCOUNT_ID, BROKER_ACCOUNTS)
        .rule(BasketFormat::checkAccounts)
        .build(BasketFormat::build);

    private BasketFormat()
    {
    }

    private static void checkAccounts(final FieldValues values, final RuleContext context)
    {
        final boolean named = values.present(BROKER_ACCOUNT_ID) || values.present(BROKER_ACCOUNTS);
        final boolean template = values.has(IS_TEMPLATE) && values.get(IS_TEMPLATE);
        if (template && named)
        {
            context.error(values.present(BROKER_ACCOUNT_ID) ? BROKER_ACCOUNT_ID : BROKER_ACCOUNTS,
                "a marketplace template must not name a broker account: subscribers bring their own");
        }
        if (template && values.present(SUBSCRIPTION_FIELD))
        {
            context.error(SUBSCRIPTION_FIELD, "a marketplace template cannot itself be a subscription");
        }
        if (!template && !named && values.has(EXECUTION_MODE) && values.get(EXECUTION_MODE) == ExecutionMode.LIVE)
        {
            context.error(BROKER_ACCOUNT_ID, "is required for a LIVE basket (or broker_accounts)");
        }
        if (values.has(BROKER_ACCOUNTS))
        {
            final Map<String, Integer> first = new HashMap<>();
            final List<BrokerAccount> accounts = values.get(BROKER_ACCOUNTS);
            for (int i = 0; i < accounts.size(); i++)
            {
                final Integer same = first.putIfAbsent(accounts.get(i).account(), i);
                if (null != same)
                {
                    context.error(context.at(BROKER_ACCOUNTS).index(i).field(ACCOUNT.name()), "duplicate account "
                        + ValueText.quote(accounts.get(i).account()) + ", also in "
                        + context.at(BROKER_ACCOUNTS).index(same));
                }
            }
        }
        if (!template && values.has(EXECUTION_MODE) && values.get(EXECUTION_MODE) == ExecutionMode.LIVE
            && !values.present(MAX_DAILY_LOSS))
        {
            context.warning(context.path(), "a LIVE basket without max_daily_loss has no portfolio loss limit");
        }
    }

    private static Basket build(final FieldValues values, final RuleContext context)
    {
        final List<BrokerAccount> accounts = values.optional(BROKER_ACCOUNTS).orElseGet(() ->
            values.optional(BROKER_ACCOUNT_ID).map(account -> List.of(new BrokerAccount(account, 1)))
                .orElse(List.of()));
        final PortfolioLimits limits = new PortfolioLimits(RiskFormat.optionalLong(values, MAX_DAILY_LOSS),
            RiskFormat.optionalLong(values, MAX_DRAWDOWN),
            values.optional(MAX_OPEN_LOTS).map(OptionalInt::of).orElse(OptionalInt.empty()),
            RiskFormat.optionalLong(values, MAX_ORDER_VALUE), values.get(ORDER_RATE_LIMIT));
        checkStrategyIdentity(values.get(STRATEGIES), context);
        if (context.failed())
        {
            return null;
        }
        final Basket basket = new Basket(values.optional(ID), values.get(NAME), values.optional(DESCRIPTION),
            values.optional(OWNER), accounts, values.get(INITIAL_CAPITAL), values.get(DEPLOYABLE),
            values.get(EXECUTION_MODE), values.get(STATUS), limits,
            values.optional(VERSION).map(OptionalLong::of).orElse(OptionalLong.empty()), values.get(IS_TEMPLATE),
            values.optional(SUBSCRIPTION_FIELD), values.get(TAGS), values.get(STRATEGIES));
        checkCapital(basket, context);
        checkLimits(basket, context);
        return context.failed() ? null : basket;
    }

    /**
     * Reports duplicate strategy ids (errors) and names (warnings).
     */
    private static void checkStrategyIdentity(final List<Strategy> strategies, final RuleContext context)
    {
        final Map<String, Integer> firstById = new HashMap<>();
        final Map<String, Integer> firstByName = new HashMap<>();
        for (int i = 0; i < strategies.size(); i++)
        {
            final Strategy strategy = strategies.get(i);
            final Integer sameId = firstById.putIfAbsent(strategy.id(), i);
            if (null != sameId)
            {
                context.error(strategy(context, i).field(StrategyFormat.ID.name()), "duplicate strategy id "
                    + ValueText.quote(strategy.id()) + ", also used by " + strategy(context, sameId));
            }
            final Integer sameName = firstByName.putIfAbsent(strategy.name(), i);
            if (null != sameName)
            {
                context.warning(strategy(context, i).field(StrategyFormat.NAME.name()), "same name as "
                    + strategy(context, sameName) + ": reports and audit will be hard to read");
            }
        }
    }

    private static void checkCapital(final Basket basket, final RuleContext context)
    {
        final long deployable = basket.deployableCapitalPaise();
        long allocated = 0;
        for (int i = 0; i < basket.strategies().size(); i++)
        {
            final Strategy strategy = basket.strategies().get(i);
            final OptionalLong allocation = basket.allocatedCapitalPaise(strategy);
            if (allocation.isEmpty())
            {
                continue;
            }
            final long before = allocated;
            allocated += allocation.getAsLong();
            if (before <= deployable && allocated > deployable)
            {
                context.error(strategy(context, i).field(StrategyFormat.CAPITAL_ALLOCATION.name()),
                    "allocations total " + ValueText.hundredths(allocated) + " INR up to here, more than the "
                        + "deployable capital " + ValueText.hundredths(deployable) + " INR (initial_capital x "
                        + "deployable_percentage)");
            }
            if (strategy.positionSizing() instanceof PositionSizing.CapitalBased)
            {
                final OptionalLong margin = ((PositionSizing.CapitalBased)strategy.positionSizing())
                    .marginPerLotPaise();
                if (margin.isPresent() && allocation.getAsLong() / margin.getAsLong() == 0)
                {
                    context.error(strategy(context, i).field(StrategyFormat.POSITION_SIZING.name())
                        .field(StrategyFormat.MARGIN_PER_LOT.name()), "the allocated capital "
                        + ValueText.hundredths(allocation.getAsLong()) + " INR buys 0 lots at this margin, was "
                        + ValueText.hundredths(margin.getAsLong()));
                }
            }
        }
    }

    private static void checkLimits(final Basket basket, final RuleContext context)
    {
        final int accountMultiplier = basket.brokerAccounts().stream().mapToInt(BrokerAccount::multiplier).max()
            .orElse(1) * basket.subscription().map(Subscription::multiplier).orElse(1);
        final OptionalInt maxOpenLots = basket.limits().maxOpenLots();
        long basketLots = 0;
        for (int i = 0; i < basket.strategies().size(); i++)
        {
            final Strategy strategy = basket.strategies().get(i);
            final Optional<Long> units = units(basket, strategy);
            final long lots = (long)strategy.lotsPerUnit() * units.orElse(1L) * accountMultiplier;
            basketLots += lots;
            if (maxOpenLots.isPresent() && units.isPresent() && lots > maxOpenLots.getAsInt())
            {
                context.error(strategy(context, i).field(StrategyFormat.LEGS.name()), "one entry needs " + lots
                    + " lots (legs x sizing x account multiplier), more than the basket's max_open_lots "
                    + maxOpenLots.getAsInt() + ": it could never enter");
            }
            final OptionalLong maxDailyLoss = basket.limits().maxDailyLossPaise();
            if (maxDailyLoss.isPresent() && strategy.risk().mtmStopLossPaise().isPresent()
                && strategy.risk().mtmStopLossPaise().getAsLong() > maxDailyLoss.getAsLong())
            {
                context.warning(strategy(context, i).field(StrategyFormat.RISK.name())
                    .field(RiskFormat.MTM_STOP_LOSS.name()), "larger than the basket's max_daily_loss "
                    + ValueText.hundredths(maxDailyLoss.getAsLong()) + ": the basket limit acts first");
            }
        }
        if (maxOpenLots.isPresent() && basketLots > maxOpenLots.getAsInt() && !context.failed())
        {
            context.warning(context.path().field(MAX_OPEN_LOTS.name()), "the strategies together need "
                + basketLots + " lots at once, more than " + maxOpenLots.getAsInt() + ": some entries will be refused");
        }
        if (basket.limits().maxDailyLossPaise().isPresent()
            && basket.limits().maxDailyLossPaise().getAsLong() > basket.deployableCapitalPaise())
        {
            context.warning(context.path().field(MAX_DAILY_LOSS.name()), "larger than the deployable capital "
                + ValueText.hundredths(basket.deployableCapitalPaise()) + " INR");
        }
    }

    /**
     * @return the units (sizing multiplier) of one entry, if known without market data.
     */
    private static Optional<Long> units(final Basket basket, final Strategy strategy)
    {
        final PositionSizing sizing = strategy.positionSizing();
        if (sizing instanceof PositionSizing.FixedLots)
        {
            return Optional.of(1L);
        }
        if (sizing instanceof PositionSizing.Multiplier)
        {
            return Optional.of((long)((PositionSizing.Multiplier)sizing).multiplier());
        }
        final OptionalLong margin = ((PositionSizing.CapitalBased)sizing).marginPerLotPaise();
        final OptionalLong allocation = basket.allocatedCapitalPaise(strategy);
        return margin.isPresent() && allocation.isPresent()
            ? Optional.of(allocation.getAsLong() / margin.getAsLong()) : Optional.empty();
    }

    private static DocumentPath strategy(final RuleContext context, final int index)
    {
        return context.at(STRATEGIES).index(index);
    }
}
