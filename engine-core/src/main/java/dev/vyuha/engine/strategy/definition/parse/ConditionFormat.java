package dev.vyuha.engine.strategy.definition.parse;

import dev.vyuha.engine.strategy.definition.condition.CrossoverDirection;
import dev.vyuha.engine.strategy.definition.condition.Direction;
import dev.vyuha.engine.strategy.definition.condition.MarketCondition;
import dev.vyuha.engine.strategy.definition.condition.ThresholdBounds;

import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * Market conditions: entry filters and dynamic-strike triggers.
 */
final class ConditionFormat
{
    private static final String DISCRIMINATOR = "type";

    static final Field<Direction> MOVE_DIRECTION = Field.required("direction", EnumSpec.of(Direction.class),
        "Direction of the move: UP, DOWN or EITHER.");
    static final Field<Long> MOVE_PERCENT = Field.required("percent", Scalars.percent("0", true, "20"),
        "Smallest move, in percent of the underlying (0.01 to 20).");
    static final Field<Integer> WITHIN_MINUTES = Field.required("within_minutes", IntegerSpec.range(1, 375),
        "Look-back window in minutes (1 to 375).");
    static final ObjectSpec<MarketCondition> PRICE_MOVEMENT = ObjectSpec
        .named("PriceMovementCondition", "The underlying moved by at least percent within the last within_minutes.")
        .variant(DISCRIMINATOR, "PRICE_MOVEMENT")
        .fields(MOVE_DIRECTION, MOVE_PERCENT, WITHIN_MINUTES)
        .build((values, context) -> new MarketCondition.PriceMovement(values.get(MOVE_DIRECTION),
            values.get(MOVE_PERCENT), values.get(WITHIN_MINUTES)));

    static final IntegerSpec CANDLE_MINUTES_SPEC = IntegerSpec.oneOf(MarketCondition.CANDLE_MINUTES);
    static final Field<Integer> FAST_PERIOD = Field.required("fast_period", IntegerSpec.range(1, 199),
        "Candles of the fast EMA (1 to 199).");
    static final Field<Integer> SLOW_PERIOD = Field.required("slow_period", IntegerSpec.range(2, 200),
        "Candles of the slow EMA (2 to 200); more than fast_period.");
    static final Field<Integer> EMA_CANDLE = Field.required("candle_minutes", CANDLE_MINUTES_SPEC,
        "Candle length in minutes.");
    static final Field<CrossoverDirection> CROSSOVER = Field.required("direction",
        EnumSpec.of(CrossoverDirection.class), "BULLISH: fast EMA above slow EMA; BEARISH: below.");
    static final ObjectSpec<MarketCondition> EMA_CROSSOVER = ObjectSpec
        .named("EmaCrossoverCondition", "The fast EMA of the underlying is on the given side of the slow EMA.")
        .variant(DISCRIMINATOR, "EMA_CROSSOVER")
        .fields(FAST_PERIOD, SLOW_PERIOD, EMA_CANDLE, CROSSOVER)
        .rule((values, context) ->
        {
            if (values.hasAll(FAST_PERIOD, SLOW_PERIOD) && values.get(SLOW_PERIOD) <= values.get(FAST_PERIOD))
            {
                context.error(SLOW_PERIOD, "must be > fast_period " + values.get(FAST_PERIOD) + ", was "
                    + values.get(SLOW_PERIOD));
            }
        })
        .build((values, context) -> new MarketCondition.EmaCrossover(values.get(FAST_PERIOD),
            values.get(SLOW_PERIOD), values.get(EMA_CANDLE), values.get(CROSSOVER)));

    static final Field<Integer> RSI_PERIOD = Field.withDefault("period", IntegerSpec.range(2, 100), 14,
        "RSI period in candles (2 to 100).");
    static final Field<Integer> RSI_CANDLE = Field.required("candle_minutes", CANDLE_MINUTES_SPEC,
        "Candle length in minutes.");
    static final Field<Double> RSI_MIN = Field.optional("min", new RatioSpec(NumericBounds.closed("0", "100")),
        "Lowest accepted RSI (0 to 100).");
    static final Field<Double> RSI_MAX = Field.optional("max", new RatioSpec(NumericBounds.closed("0", "100")),
        "Highest accepted RSI (0 to 100).");
    static final ObjectSpec<MarketCondition> RSI = ObjectSpec
        .named("RsiCondition", "Wilder's RSI of the underlying lies within [min, max].")
        .variant(DISCRIMINATOR, "RSI")
        .fields(RSI_PERIOD, RSI_CANDLE, RSI_MIN, RSI_MAX)
        .atLeastOneOf(RSI_MIN, RSI_MAX)
        .rule(minBelowMax(RSI_MIN, RSI_MAX))
        .build((values, context) -> new MarketCondition.Rsi(values.get(RSI_PERIOD), values.get(RSI_CANDLE),
            bounds(values, RSI_MIN, RSI_MAX)));

    static final ObjectSpec<MarketCondition> ATM_IV = bounded("AtmIvCondition", "ATM_IV",
        "Implied volatility of the nearest expiry's ATM strike, in percent (e.g. 14.5), lies within [min, max].",
        "500", MarketCondition.AtmIv::new);
    static final ObjectSpec<MarketCondition> VIX = bounded("VixCondition", "VIX",
        "The India VIX level lies within [min, max].", "200", MarketCondition.Vix::new);
    static final ObjectSpec<MarketCondition> PCR = bounded("PcrCondition", "PCR",
        "The put-call ratio (open interest) of the nearest expiry lies within [min, max].", "20",
        MarketCondition.Pcr::new);

    static final UnionSpec<MarketCondition> CONDITION = new UnionSpec<>("MarketCondition",
        "A condition on the market, by type.", null, ATM_IV, VIX, PCR, PRICE_MOVEMENT, EMA_CROSSOVER, RSI);

    private ConditionFormat()
    {
    }

    private static ObjectSpec<MarketCondition> bounded(final String name, final String tag, final String description,
        final String limit, final Function<ThresholdBounds, MarketCondition> constructor)
    {
        final Field<Double> min = Field.optional("min", new RatioSpec(NumericBounds.closed("0", limit)),
            "Lowest accepted value (inclusive).");
        final Field<Double> max = Field.optional("max", new RatioSpec(NumericBounds.closed("0", limit)),
            "Highest accepted value (inclusive).");
        return ObjectSpec.named(name, description)
            .variant(DISCRIMINATOR, tag)
            .fields(min, max)
            .atLeastOneOf(min, max)
            .rule(minBelowMax(min, max))
            .build((values, context) -> constructor.apply(bounds(values, min, max)));
    }

    private static ObjectSpec.Rule minBelowMax(final Field<Double> min, final Field<Double> max)
    {
        return (values, context) ->
        {
            if (values.hasAll(min, max) && values.get(min) >= values.get(max))
            {
                context.error(max, "must be > min " + ValueText.ratio(values.get(min)) + ", was "
                    + ValueText.ratio(values.get(max)));
            }
        };
    }

    private static ThresholdBounds bounds(final FieldValues values, final Field<Double> min, final Field<Double> max)
    {
        return new ThresholdBounds(
            values.optional(min).map(OptionalDouble::of).orElse(OptionalDouble.empty()),
            values.optional(max).map(OptionalDouble::of).orElse(OptionalDouble.empty()));
    }
}
