package dev.vyuha.engine.strategy.definition.parse;

import dev.vyuha.engine.strategy.definition.Schedule;
import dev.vyuha.engine.strategy.definition.condition.Direction;
import dev.vyuha.engine.strategy.definition.condition.MarketCondition;
import dev.vyuha.engine.strategy.definition.entry.Entry;
import dev.vyuha.engine.strategy.definition.entry.EntryTimeout;
import dev.vyuha.engine.strategy.definition.entry.EntryTrigger;
import dev.vyuha.engine.strategy.definition.entry.Move;
import dev.vyuha.engine.strategy.definition.entry.MoveKind;
import dev.vyuha.engine.strategy.definition.entry.TimeoutFallback;
import dev.vyuha.engine.strategy.definition.entry.WaitAndTrade;
import dev.vyuha.engine.strategy.definition.entry.WatchedInstrument;

import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/**
 * Entry conditions (../shared/DOMAIN.md §4): a leg's wait-and-trade, the strategy's trigger and market filters.
 */
final class EntryFormat
{
    /** Largest percent move of a premium. */
    private static final long MAX_PREMIUM_MOVE_BASIS_POINTS = 100_000;
    /** Largest percent move of the underlying. */
    private static final long MAX_UNDERLYING_MOVE_BASIS_POINTS = 2_000;

    static final Field<MoveKind> MOVE = Field.required("move", EnumSpec.of(MoveKind.class),
        "POINTS_UP, POINTS_DOWN, PERCENT_UP or PERCENT_DOWN from the price when waiting starts.");
    static final Field<Long> MOVE_VALUE = Field.required("value",
        new DecimalSpec(NumericBounds.aboveUpTo("0", "1000000"), "points or percent"),
        "Size of the move: points (premium or index points) for POINTS_*, percent for PERCENT_*.");
    static final Field<Integer> TIMEOUT = Field.optional("timeout_minutes", IntegerSpec.range(1, 375),
        "Give up waiting after this many minutes (1 to 375); without it, wait until no_entry_after or exit_time.");
    static final Field<TimeoutFallback> FALLBACK = Field.withDefault("fallback",
        EnumSpec.of(TimeoutFallback.class), TimeoutFallback.CANCEL,
        "What happens at the timeout: CANCEL (no entry) or EXECUTE_ANYWAY (enter at the market).");

    static final Field<WatchedInstrument> WAIT_INSTRUMENT = Field.withDefault("instrument",
        EnumSpec.of(WatchedInstrument.class), WatchedInstrument.OPTION,
        "The price watched: OPTION (the leg's premium) or UNDERLYING.");
    static final ObjectSpec<WaitAndTrade> WAIT_AND_TRADE = ObjectSpec
        .named("WaitAndTrade", "Simple momentum: after the entry time, the leg enters only once the watched price "
            + "has moved by value from its price at the entry time.")
        .fields(MOVE, MOVE_VALUE, WAIT_INSTRUMENT, TIMEOUT, FALLBACK)
        .requires(FALLBACK, TIMEOUT)
        .rule((values, context) ->
        {
            if (values.hasAll(MOVE, MOVE_VALUE, WAIT_INSTRUMENT))
            {
                checkMove(values, context, values.get(WAIT_INSTRUMENT) == WatchedInstrument.UNDERLYING);
            }
        })
        .build((values, context) -> new WaitAndTrade(move(values), values.get(WAIT_INSTRUMENT), timeout(values)));

    static final ObjectSpec<EntryTrigger> IMMEDIATE = ObjectSpec
        .named("ImmediateTrigger", "Enter at the entry time.")
        .variant("type", "IMMEDIATE")
        .build((values, context) -> new EntryTrigger.Immediate());

    static final Field<LocalTime> RANGE_START = Field.required("range_start", Scalars.TIME,
        "Start of the range window (IST, at or after 09:15).");
    static final Field<LocalTime> RANGE_END = Field.required("range_end", Scalars.TIME,
        "End of the range window (IST, exclusive); entry happens at the first break after it.");
    static final Field<WatchedInstrument> RANGE_INSTRUMENT = Field.withDefault("instrument",
        EnumSpec.of(WatchedInstrument.class), WatchedInstrument.UNDERLYING,
        "UNDERLYING: the index's range; OPTION: each leg's own option's range (strike chosen at range_start).");
    static final Field<Direction> RANGE_DIRECTION = Field.required("direction", EnumSpec.of(Direction.class),
        "UP: enter on a trade above the range high; DOWN: below the low; EITHER.");
    static final ObjectSpec<EntryTrigger> RANGE_BREAKOUT = ObjectSpec
        .named("RangeBreakoutTrigger", "Opening-range breakout: enter at the first break of the high/low of "
            + "[range_start, range_end).")
        .variant("type", "RANGE_BREAKOUT")
        .fields(RANGE_START, RANGE_END, RANGE_INSTRUMENT, RANGE_DIRECTION)
        .rule((values, context) ->
        {
            if (values.has(RANGE_START) && values.get(RANGE_START).isBefore(Schedule.MARKET_OPEN))
            {
                context.error(RANGE_START, "must be at or after market open 09:15, was "
                    + ValueText.time(values.get(RANGE_START)));
            }
            if (values.hasAll(RANGE_START, RANGE_END) && !values.get(RANGE_START).isBefore(values.get(RANGE_END)))
            {
                context.error(RANGE_END, "must be after range_start " + ValueText.time(values.get(RANGE_START))
                    + ", was " + ValueText.time(values.get(RANGE_END)));
            }
        })
        .build((values, context) -> new EntryTrigger.RangeBreakout(values.get(RANGE_START), values.get(RANGE_END),
            values.get(RANGE_INSTRUMENT), values.get(RANGE_DIRECTION)));

    static final ObjectSpec<EntryTrigger> OVERALL_MOMENTUM = ObjectSpec
        .named("OverallMomentumTrigger", "Enter all legs when their combined premium (sum of premium x lots, "
            + "strikes chosen at the entry time) moves by value from its value at the entry time.")
        .variant("type", "OVERALL_MOMENTUM")
        .fields(MOVE, MOVE_VALUE, TIMEOUT, FALLBACK)
        .requires(FALLBACK, TIMEOUT)
        .rule((values, context) ->
        {
            if (values.hasAll(MOVE, MOVE_VALUE))
            {
                checkMove(values, context, false);
            }
        })
        .build((values, context) -> new EntryTrigger.OverallMomentum(move(values), timeout(values)));

    static final UnionSpec<EntryTrigger> TRIGGER = new UnionSpec<>("EntryTrigger",
        "What the strategy waits for, from its entry time, before entering.", null, IMMEDIATE, RANGE_BREAKOUT,
        OVERALL_MOMENTUM);

    static final Field<EntryTrigger> ENTRY_TRIGGER = Field.withDefault("trigger", TRIGGER,
        new EntryTrigger.Immediate(), "What the strategy waits for; IMMEDIATE unless set.");
    static final Field<List<MarketCondition>> FILTERS = Field.withDefault("filters",
        new ListSpec<>(ConditionFormat.CONDITION, 0, 10, false), List.of(),
        "Market conditions that must all hold for the strategy to enter (ATM IV, VIX, PCR, price movement, "
            + "EMA crossover, RSI).");
    static final ObjectSpec<Entry> ENTRY = ObjectSpec
        .named("Entry", "How the strategy enters: a trigger and market filters.")
        .fields(ENTRY_TRIGGER, FILTERS)
        .build((values, context) -> new Entry(values.get(ENTRY_TRIGGER), values.get(FILTERS)));

    private EntryFormat()
    {
    }

    private static void checkMove(final FieldValues values, final RuleContext context, final boolean underlying)
    {
        final MoveKind kind = values.get(MOVE);
        final long value = values.get(MOVE_VALUE);
        if (kind == MoveKind.PERCENT_DOWN && value >= 10_000)
        {
            context.error(MOVE_VALUE, "a PERCENT_DOWN move must be < 100 (a price cannot fall by 100%), was "
                + ValueText.hundredths(value));
        }
        else if (kind.isPercent() && value > (underlying ? MAX_UNDERLYING_MOVE_BASIS_POINTS
            : MAX_PREMIUM_MOVE_BASIS_POINTS))
        {
            context.error(MOVE_VALUE, "a percent move " + (underlying ? "of the underlying " : "") + "must be <= "
                + ValueText.hundredths(underlying ? MAX_UNDERLYING_MOVE_BASIS_POINTS : MAX_PREMIUM_MOVE_BASIS_POINTS)
                + ", was " + ValueText.hundredths(value));
        }
    }

    private static Move move(final FieldValues values)
    {
        return new Move(values.get(MOVE), values.get(MOVE_VALUE));
    }

    private static Optional<EntryTimeout> timeout(final FieldValues values)
    {
        return values.optional(TIMEOUT).map(minutes -> new EntryTimeout(minutes, values.get(FALLBACK)));
    }
}
