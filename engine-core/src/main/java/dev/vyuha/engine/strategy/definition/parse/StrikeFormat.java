package dev.vyuha.engine.strategy.definition.parse;

import dev.vyuha.engine.strategy.definition.condition.MarketCondition;
import dev.vyuha.engine.strategy.definition.strike.DynamicStrikeRule;
import dev.vyuha.engine.strategy.definition.strike.PriceSource;
import dev.vyuha.engine.strategy.definition.strike.StrikeCriterion;
import dev.vyuha.engine.strategy.definition.strike.StrikeDistance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Strike criteria, by {@code method} (../shared/DOMAIN.md §2). Three unions: every criterion; the base of a DYNAMIC
 * criterion (no DYNAMIC); the fallback of a PREMIUM_RANGE criterion (neither DYNAMIC nor PREMIUM_RANGE, so fallbacks
 * never chain).
 */
final class StrikeFormat
{
    private static final String DISCRIMINATOR = "method";

    static final Field<Integer> ATM_OFFSET = Field.withDefault("offset", IntegerSpec.range(-50, 50), 0,
        "Listed strikes from ATM: positive is a higher strike, negative a lower one (-50 to 50).");
    static final ObjectSpec<StrikeCriterion> ATM = ObjectSpec
        .named("AtmStrike", "ATM (the listed strike nearest the basis price; ties to the lower strike), shifted by "
            + "offset listed strikes.")
        .variant(DISCRIMINATOR, "ATM")
        .fields(ATM_OFFSET)
        .build((values, context) -> new StrikeCriterion.Atm(values.get(ATM_OFFSET)));

    static final ObjectSpec<StrikeCriterion> OTM = moneyness("OtmStrike", "OTM",
        "Out of the money by steps (listed strikes), points (index points) or percent of ATM: above ATM for CE, "
            + "below for PE.", StrikeCriterion.Otm::new);
    static final ObjectSpec<StrikeCriterion> ITM = moneyness("ItmStrike", "ITM",
        "In the money by steps (listed strikes), points (index points) or percent of ATM: below ATM for CE, "
            + "above for PE.", StrikeCriterion.Itm::new);

    static final Field<Long> ATM_PERCENT_VALUE = Field.required("percent", Scalars.percent("-50", false, "50"),
        "Signed percent of ATM (-50 to 50).");
    static final ObjectSpec<StrikeCriterion> ATM_PERCENT = ObjectSpec
        .named("AtmPercentStrike", "The listed strike nearest ATM x (1 + percent/100).")
        .variant(DISCRIMINATOR, "ATM_PERCENT")
        .fields(ATM_PERCENT_VALUE)
        .build((values, context) -> new StrikeCriterion.AtmPercent(values.get(ATM_PERCENT_VALUE)));

    static final Field<Long> SPOT_PERCENT_VALUE = Field.required("percent", Scalars.percent("-50", false, "50"),
        "Signed percent of the basis price (-50 to 50).");
    static final ObjectSpec<StrikeCriterion> SPOT_PERCENT = ObjectSpec
        .named("SpotPercentStrike", "The listed strike nearest basis price x (1 + percent/100).")
        .variant(DISCRIMINATOR, "SPOT_PERCENT")
        .fields(SPOT_PERCENT_VALUE)
        .build((values, context) -> new StrikeCriterion.SpotPercent(values.get(SPOT_PERCENT_VALUE)));

    static final Field<PriceSource> PRICE_SOURCE = Field.withDefault("price_source", EnumSpec.of(PriceSource.class),
        PriceSource.LTP, "Which option price is compared: LTP (last traded) or MID (of best bid and offer).");
    static final Field<Long> PREMIUM = Field.required("premium", Scalars.PREMIUM, "Premium, in rupees per unit.");
    static final ObjectSpec<StrikeCriterion> CLOSEST_PREMIUM = ObjectSpec
        .named("ClosestPremiumStrike", "The strike whose premium is nearest premium.")
        .variant(DISCRIMINATOR, "CLOSEST_PREMIUM")
        .fields(PREMIUM, PRICE_SOURCE)
        .build((values, context) -> new StrikeCriterion.ClosestPremium(values.get(PREMIUM),
            values.get(PRICE_SOURCE)));
    static final ObjectSpec<StrikeCriterion> PREMIUM_GTE = ObjectSpec
        .named("PremiumAtLeastStrike", "The strike with the smallest premium at or above premium.")
        .variant(DISCRIMINATOR, "PREMIUM_GTE")
        .fields(PREMIUM, PRICE_SOURCE)
        .build((values, context) -> new StrikeCriterion.PremiumAtLeast(values.get(PREMIUM),
            values.get(PRICE_SOURCE)));
    static final ObjectSpec<StrikeCriterion> PREMIUM_LTE = ObjectSpec
        .named("PremiumAtMostStrike", "The strike with the largest premium at or below premium.")
        .variant(DISCRIMINATOR, "PREMIUM_LTE")
        .fields(PREMIUM, PRICE_SOURCE)
        .build((values, context) -> new StrikeCriterion.PremiumAtMost(values.get(PREMIUM),
            values.get(PRICE_SOURCE)));

    static final Field<Double> WIDTH_MULTIPLIER = Field.required("multiplier",
        new RatioSpec(NumericBounds.aboveUpTo("0", "5")), "m in ATM +/- m x straddle width (0 to 5, e.g. 0.5).");
    static final ObjectSpec<StrikeCriterion> STRADDLE_WIDTH = ObjectSpec
        .named("StraddleWidthStrike", "W = price(ATM CE) + price(ATM PE); CE: strike nearest ATM + m x W, "
            + "PE: strike nearest ATM - m x W.")
        .variant(DISCRIMINATOR, "STRADDLE_WIDTH")
        .fields(WIDTH_MULTIPLIER, PRICE_SOURCE)
        .build((values, context) -> new StrikeCriterion.StraddleWidth(values.get(WIDTH_MULTIPLIER),
            values.get(PRICE_SOURCE)));

    static final Field<Long> STRADDLE_PERCENT = Field.required("percent", Scalars.percent("0", true, "200"),
        "Percent of the ATM straddle premium (0.01 to 200).");
    static final ObjectSpec<StrikeCriterion> STRADDLE_PREMIUM_PERCENT = ObjectSpec
        .named("StraddlePremiumPercentStrike", "The strike whose premium is nearest percent x (ATM CE + ATM PE).")
        .variant(DISCRIMINATOR, "STRADDLE_PREMIUM_PERCENT")
        .fields(STRADDLE_PERCENT, PRICE_SOURCE)
        .build((values, context) -> new StrikeCriterion.StraddlePremiumPercent(values.get(STRADDLE_PERCENT),
            values.get(PRICE_SOURCE)));

    static final Field<Double> DELTA_TARGET = Field.optional("target", new RatioSpec(NumericBounds.open("0", "1")),
        "Absolute delta to get nearest to, between 0 and 1 (e.g. 0.25).");
    static final Field<Double> DELTA_MIN = Field.optional("min", new RatioSpec(NumericBounds.open("0", "1")),
        "Smallest absolute delta of the accepted range.");
    static final Field<Double> DELTA_MAX = Field.optional("max", new RatioSpec(NumericBounds.open("0", "1")),
        "Largest absolute delta of the accepted range.");
    static final ObjectSpec<StrikeCriterion> DELTA = ObjectSpec
        .named("DeltaStrike", "By absolute delta (IV implied from each option's own price): nearest target, or "
            + "inside [min, max] (nearest its middle).")
        .variant(DISCRIMINATOR, "DELTA")
        .fields(DELTA_TARGET, DELTA_MIN, DELTA_MAX)
        .exactlyOneOf(DELTA_TARGET, DELTA_MIN)
        .together(DELTA_MIN, DELTA_MAX)
        .rule((values, context) ->
        {
            if (values.hasAll(DELTA_MIN, DELTA_MAX) && values.get(DELTA_MIN) >= values.get(DELTA_MAX))
            {
                context.error(DELTA_MAX, "must be > min " + ValueText.ratio(values.get(DELTA_MIN)) + ", was "
                    + ValueText.ratio(values.get(DELTA_MAX)));
            }
        })
        .build((values, context) -> values.optional(DELTA_TARGET)
            .<StrikeCriterion>map(StrikeCriterion.DeltaTarget::new)
            .orElseGet(() -> new StrikeCriterion.DeltaRange(values.get(DELTA_MIN), values.get(DELTA_MAX))));

    static final Field<Long> ABSOLUTE_STRIKE = Field.required("strike", Scalars.INDEX_POINTS,
        "The strike price, e.g. 24500.");
    static final ObjectSpec<StrikeCriterion> ABSOLUTE = ObjectSpec
        .named("AbsoluteStrike", "Exactly this strike; selection fails if it is not listed for the expiry.")
        .variant(DISCRIMINATOR, "ABSOLUTE")
        .fields(ABSOLUTE_STRIKE)
        .rule((values, context) -> context.warning(context.path(), "an ABSOLUTE strike does not follow the market: "
            + "it may be far from the money, or not listed, on the days the strategy runs"))
        .build((values, context) -> new StrikeCriterion.Absolute(values.get(ABSOLUTE_STRIKE)));

    /** The criteria a PREMIUM_RANGE may fall back to. */
    static final UnionSpec<StrikeCriterion> FALLBACK = new UnionSpec<>("FallbackStrikeCriterion",
        "A strike criterion that is neither PREMIUM_RANGE nor DYNAMIC.",
        "a fallback cannot itself be PREMIUM_RANGE or DYNAMIC", ATM, OTM, ITM, ATM_PERCENT, SPOT_PERCENT,
        CLOSEST_PREMIUM, PREMIUM_GTE, PREMIUM_LTE, STRADDLE_WIDTH, STRADDLE_PREMIUM_PERCENT, DELTA, ABSOLUTE);

    static final Field<Long> RANGE_MIN = Field.required("min", Scalars.PREMIUM, "Smallest premium of the range.");
    static final Field<Long> RANGE_MAX = Field.required("max", Scalars.PREMIUM, "Largest premium of the range.");
    static final Field<StrikeCriterion> RANGE_FALLBACK = Field.optional("fallback", FALLBACK,
        "The criterion used when no strike's premium is in range; without one the strategy does not enter.");
    static final ObjectSpec<StrikeCriterion> PREMIUM_RANGE = ObjectSpec
        .named("PremiumRangeStrike", "Among strikes with premium in [min, max], SELL takes the highest premium and "
            + "BUY the lowest; if none, the fallback criterion.")
        .variant(DISCRIMINATOR, "PREMIUM_RANGE")
        .fields(RANGE_MIN, RANGE_MAX, PRICE_SOURCE, RANGE_FALLBACK)
        .rule((values, context) ->
        {
            if (values.hasAll(RANGE_MIN, RANGE_MAX) && values.get(RANGE_MIN) >= values.get(RANGE_MAX))
            {
                context.error(RANGE_MAX, "must be > min " + ValueText.hundredths(values.get(RANGE_MIN)) + ", was "
                    + ValueText.hundredths(values.get(RANGE_MAX)));
            }
            if (!values.present(RANGE_FALLBACK))
            {
                context.warning(context.path(), "no fallback: on days without a strike priced in range the "
                    + "strategy does not enter");
            }
        })
        .build((values, context) -> new StrikeCriterion.PremiumRange(values.get(RANGE_MIN), values.get(RANGE_MAX),
            values.get(PRICE_SOURCE), values.optional(RANGE_FALLBACK)));

    /** The criteria a DYNAMIC criterion may start from. */
    static final UnionSpec<StrikeCriterion> BASE = new UnionSpec<>("BaseStrikeCriterion",
        "A strike criterion that is not DYNAMIC.", "a DYNAMIC criterion cannot be the base of another", ATM, OTM,
        ITM, ATM_PERCENT, SPOT_PERCENT, CLOSEST_PREMIUM, PREMIUM_GTE, PREMIUM_LTE, PREMIUM_RANGE, STRADDLE_WIDTH,
        STRADDLE_PREMIUM_PERCENT, DELTA, ABSOLUTE);

    static final Field<Integer> RULE_PRIORITY = Field.required("priority", IntegerSpec.range(1, 100),
        "Lower is considered first; unique within the criterion (1 to 100).");
    static final Field<MarketCondition> RULE_WHEN = Field.required("when", ConditionFormat.CONDITION,
        "The market condition that triggers the adjustment.");
    static final Field<Integer> RULE_SHIFT = Field.required("shift_strikes", IntegerSpec.range(-10, 10),
        "Listed strikes to move: positive further out of the money, negative towards it (-10 to 10, not 0).");
    static final ObjectSpec<DynamicStrikeRule> DYNAMIC_RULE = ObjectSpec
        .named("DynamicStrikeRule", "When the condition holds, move the base strike by shift_strikes.")
        .fields(RULE_PRIORITY, RULE_WHEN, RULE_SHIFT)
        .rule((values, context) ->
        {
            if (values.has(RULE_SHIFT) && values.get(RULE_SHIFT) == 0)
            {
                context.error(RULE_SHIFT, "must not be 0, was 0");
            }
        })
        .build((values, context) -> new DynamicStrikeRule(values.get(RULE_PRIORITY), values.get(RULE_WHEN),
            values.get(RULE_SHIFT)));

    static final Field<StrikeCriterion> DYNAMIC_BASE = Field.required("base", BASE,
        "The criterion before adjustment.");
    static final Field<List<DynamicStrikeRule>> DYNAMIC_RULES = Field.required("rules",
        new ListSpec<>(DYNAMIC_RULE, 1, 10, false), "Adjustments; the first (by priority) whose condition holds "
            + "applies, at most one.");
    static final ObjectSpec<StrikeCriterion> DYNAMIC = ObjectSpec
        .named("DynamicStrike", "A base criterion adjusted by market conditions, by priority.")
        .variant(DISCRIMINATOR, "DYNAMIC")
        .fields(DYNAMIC_BASE, DYNAMIC_RULES)
        .rule((values, context) ->
        {
            if (values.has(DYNAMIC_RULES))
            {
                final Map<Integer, Integer> firstByPriority = new HashMap<>();
                final List<DynamicStrikeRule> rules = values.get(DYNAMIC_RULES);
                for (int i = 0; i < rules.size(); i++)
                {
                    final Integer first = firstByPriority.putIfAbsent(rules.get(i).priority(), i);
                    if (null != first)
                    {
                        context.error(context.at(DYNAMIC_RULES).index(i).field(RULE_PRIORITY.name()),
                            "duplicate priority " + rules.get(i).priority() + ", also used by "
                                + context.at(DYNAMIC_RULES).index(first));
                    }
                }
            }
        })
        .build((values, context) -> new StrikeCriterion.Dynamic(values.get(DYNAMIC_BASE),
            values.get(DYNAMIC_RULES)));

    /** Every criterion. */
    static final UnionSpec<StrikeCriterion> CRITERION = new UnionSpec<>("StrikeCriterion",
        "How the leg's strike is chosen, by method.", null, ATM, OTM, ITM, ATM_PERCENT, SPOT_PERCENT,
        CLOSEST_PREMIUM, PREMIUM_GTE, PREMIUM_LTE, PREMIUM_RANGE, STRADDLE_WIDTH, STRADDLE_PREMIUM_PERCENT, DELTA,
        ABSOLUTE, DYNAMIC);

    private StrikeFormat()
    {
    }

    private static ObjectSpec<StrikeCriterion> moneyness(final String name, final String tag,
        final String description, final Function<StrikeDistance, StrikeCriterion> constructor)
    {
        final Field<Integer> steps = Field.optional("steps", IntegerSpec.range(1, 50),
            "Listed strikes from ATM (1 to 50).");
        final Field<Long> points = Field.optional("points", Scalars.INDEX_POINTS, "Index points from ATM.");
        final Field<Long> percent = Field.optional("percent", Scalars.percent("0", true, "50"),
            "Percent of ATM (0.01 to 50).");
        return ObjectSpec.named(name, description)
            .variant(DISCRIMINATOR, tag)
            .fields(steps, points, percent)
            .exactlyOneOf(steps, points, percent)
            .build((values, context) -> constructor.apply(distance(values, steps, points, percent)));
    }

    private static StrikeDistance distance(final FieldValues values, final Field<Integer> steps,
        final Field<Long> points, final Field<Long> percent)
    {
        if (values.has(steps))
        {
            return new StrikeDistance.Steps(values.get(steps));
        }
        if (values.has(points))
        {
            return new StrikeDistance.Points(values.get(points));
        }
        return new StrikeDistance.Percent(values.get(percent));
    }
}
