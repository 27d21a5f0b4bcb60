package dev.vyuha.engine.strategy.definition.parse;

import dev.vyuha.engine.strategy.definition.execution.GiveUpAction;
import dev.vyuha.engine.strategy.definition.execution.OrderPolicy;
import dev.vyuha.engine.strategy.definition.execution.OrderType;
import dev.vyuha.engine.strategy.definition.execution.RetryPolicy;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Order placement (../shared/DOMAIN.md §1, §8): order type, slippage, retries. A leg's settings override its
 * strategy's {@code execution} settings, field by field.
 */
final class ExecutionFormat
{
    static final Field<Long> PROTECTION = Field.optional("protection_percent", Scalars.percent("1", false, "100"),
        "Market protection, percent of LTP (1 to 100); the broker's automatic protection unless set.");
    static final ObjectSpec<OrderType> MARKET = ObjectSpec
        .named("MarketOrder", "A market order with market protection.")
        .variant("type", "MARKET")
        .fields(PROTECTION)
        .build((values, context) -> new OrderType.Market(RiskFormat.optionalLong(values, PROTECTION)));

    static final Field<Long> LIMIT_BUFFER = Field.required("buffer_percent", Scalars.percent("0", false, "20"),
        "Limit price = LTP +/- this percent, on the marketable side (0 to 20).");
    static final ObjectSpec<OrderType> LIMIT = ObjectSpec
        .named("LimitOrder", "A limit order at LTP +/- buffer.")
        .variant("type", "LIMIT")
        .fields(LIMIT_BUFFER)
        .build((values, context) -> new OrderType.Limit(values.get(LIMIT_BUFFER)));

    static final Field<Long> SL_LIMIT_BUFFER = Field.required("buffer_percent", Scalars.percent("0", true, "20"),
        "Limit = trigger +/- this percent for stop losses, LTP +/- this percent otherwise (0.01 to 20).");
    static final ObjectSpec<OrderType> SL_LIMIT = ObjectSpec
        .named("StopLossLimitOrder", "Stop losses rest at the exchange as SL (stop-limit) orders; entries and other "
            + "exits are limit orders.")
        .variant("type", "SL_LIMIT")
        .fields(SL_LIMIT_BUFFER)
        .build((values, context) -> new OrderType.StopLossLimit(values.get(SL_LIMIT_BUFFER)));

    static final UnionSpec<OrderType> ORDER_TYPE = new UnionSpec<>("OrderType",
        "How orders are priced, by type.", null, MARKET, LIMIT, SL_LIMIT);

    static final Field<Integer> MAX_RETRIES = Field.withDefault("max_retries", IntegerSpec.range(0, 10), 3,
        "Retries after the first attempt (0 to 10).");
    static final Field<Integer> BACKOFF = Field.withDefault("backoff_millis", IntegerSpec.range(0, 60_000), 500,
        "Wait before the first retry, doubling for each further one (milliseconds).");
    static final Field<Integer> MAX_BACKOFF = Field.optional("max_backoff_millis", IntegerSpec.range(0, 60_000),
        "Longest wait between retries (milliseconds); the larger of 5000 and backoff_millis unless set.");
    static final Field<GiveUpAction> ON_GIVE_UP = Field.withDefault("on_give_up", EnumSpec.of(GiveUpAction.class),
        GiveUpAction.SQUARE_OFF_STRATEGY, "After the last failed entry attempt: SQUARE_OFF_STRATEGY, "
            + "CONTINUE_WITHOUT_LEG or PAUSE_STRATEGY (exits are never given up).");
    static final ObjectSpec<RetryPolicy> RETRY = ObjectSpec
        .named("RetryPolicy", "How a rejected, lapsed or unfilled order is retried.")
        .fields(MAX_RETRIES, BACKOFF, MAX_BACKOFF, ON_GIVE_UP)
        .rule((values, context) ->
        {
            if (values.hasAll(BACKOFF, MAX_BACKOFF) && values.get(MAX_BACKOFF) < values.get(BACKOFF))
            {
                context.error(MAX_BACKOFF, "must be >= backoff_millis " + values.get(BACKOFF) + ", was "
                    + values.get(MAX_BACKOFF));
            }
        })
        .build((values, context) -> new RetryPolicy(values.get(MAX_RETRIES), values.get(BACKOFF),
            values.optional(MAX_BACKOFF).orElse(Math.max(RetryPolicy.DEFAULT.maxBackoffMillis(), values.get(BACKOFF))),
            values.get(ON_GIVE_UP)));

    static final Field<OrderType> ORDER_TYPE_FIELD = Field.optional("order_type", ORDER_TYPE,
        "How orders are priced; MARKET with automatic protection unless set.");
    static final Field<Long> MAX_SLIPPAGE = Field.optional("max_slippage_percent",
        Scalars.percent("0", true, "100"), "Worst acceptable fill, percent from the decision price; beyond it an "
            + "order is not chased.");
    static final Field<RetryPolicy> RETRY_FIELD = Field.optional("retry", RETRY, "Retry policy.");

    static final ObjectSpec<OrderPolicy> EXECUTION = ObjectSpec
        .named("Execution", "Default order settings for the strategy's legs.")
        .fields(ORDER_TYPE_FIELD, MAX_SLIPPAGE, RETRY_FIELD)
        .build((values, context) -> resolve(values, OrderPolicy.DEFAULT));

    private ExecutionFormat()
    {
    }

    /**
     * @param values   an object with order_type, max_slippage_percent and retry fields (an execution or a leg).
     * @param defaults what applies where a field is absent.
     * @return the resulting policy.
     */
    static OrderPolicy resolve(final FieldValues values, final OrderPolicy defaults)
    {
        final Optional<Long> slippage = values.optional(MAX_SLIPPAGE);
        return new OrderPolicy(
            values.optional(ORDER_TYPE_FIELD).orElse(defaults.orderType()),
            slippage.isPresent() ? OptionalLong.of(slippage.get()) : defaults.maxSlippageBasisPoints(),
            values.optional(RETRY_FIELD).orElse(defaults.retry()));
    }
}
