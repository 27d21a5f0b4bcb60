package dev.vyuha.engine.strategy.definition.parse;

import dev.vyuha.engine.market.OptionType;
import dev.vyuha.engine.market.StrikeBasis;
import dev.vyuha.engine.market.Underlying;
import dev.vyuha.engine.order.Side;
import dev.vyuha.engine.strategy.definition.CapitalAllocation;
import dev.vyuha.engine.strategy.definition.Leg;
import dev.vyuha.engine.strategy.definition.PositionSizing;
import dev.vyuha.engine.strategy.definition.Schedule;
import dev.vyuha.engine.strategy.definition.Strategy;
import dev.vyuha.engine.strategy.definition.StrategyType;
import dev.vyuha.engine.strategy.definition.entry.Entry;
import dev.vyuha.engine.strategy.definition.entry.EntryTimeout;
import dev.vyuha.engine.strategy.definition.entry.EntryTrigger;
import dev.vyuha.engine.strategy.definition.execution.OrderPolicy;
import dev.vyuha.engine.strategy.definition.risk.ReEntry;
import dev.vyuha.engine.strategy.definition.risk.SquareOffScope;
import dev.vyuha.engine.strategy.definition.risk.StrategyRisk;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A strategy (../shared/DOMAIN.md §1), and the checks that need its legs, schedule, entry and risk together.
 */
final class StrategyFormat
{
    static final Field<Long> ALLOCATION_INR = Field.required("value", Scalars.INR, "Capital, in INR.");
    static final ObjectSpec<CapitalAllocation> ALLOCATION_AMOUNT = ObjectSpec
        .named("CapitalAmount", "A fixed amount of the basket's deployable capital.")
        .variant("type", "INR")
        .fields(ALLOCATION_INR)
        .build((values, context) -> new CapitalAllocation.Amount(values.get(ALLOCATION_INR)));
    static final Field<Long> ALLOCATION_PERCENT = Field.required("value", Scalars.percent("0", true, "100"),
        "Percent of the basket's deployable capital (0.01 to 100).");
    static final ObjectSpec<CapitalAllocation> ALLOCATION_SHARE = ObjectSpec
        .named("CapitalPercent", "A percentage of the basket's deployable capital.")
        .variant("type", "PERCENT")
        .fields(ALLOCATION_PERCENT)
        .build((values, context) -> new CapitalAllocation.Percent(values.get(ALLOCATION_PERCENT)));
    static final UnionSpec<CapitalAllocation> ALLOCATION = new UnionSpec<>("CapitalAllocation",
        "The strategy's share of the deployable capital (initial_capital x deployable_percentage), by type.",
        null, ALLOCATION_AMOUNT, ALLOCATION_SHARE);

    static final ObjectSpec<PositionSizing> FIXED_LOTS = ObjectSpec
        .named("FixedLotsSizing", "Every leg trades its configured lots.")
        .variant("type", "FIXED_LOTS")
        .build((values, context) -> new PositionSizing.FixedLots());
    static final Field<Integer> SIZING_MULTIPLIER = Field.required("multiplier", IntegerSpec.range(1, 100),
        "Every leg trades lots x multiplier (1 to 100).");
    static final ObjectSpec<PositionSizing> MULTIPLIER = ObjectSpec
        .named("MultiplierSizing", "Every leg trades its lots times a multiplier.")
        .variant("type", "MULTIPLIER")
        .fields(SIZING_MULTIPLIER)
        .build((values, context) -> new PositionSizing.Multiplier(values.get(SIZING_MULTIPLIER)));
    static final Field<Long> MARGIN_PER_LOT = Field.optional("margin_per_lot", Scalars.INR,
        "Margin (INR) of one unit of the strategy (every leg at its lots); estimated from the broker unless set.");
    static final ObjectSpec<PositionSizing> CAPITAL_BASED = ObjectSpec
        .named("CapitalBasedSizing", "Multiplier = floor(allocated capital / margin_per_lot); needs "
            + "capital_allocation.")
        .variant("type", "CAPITAL_BASED")
        .fields(MARGIN_PER_LOT)
        .build((values, context) -> new PositionSizing.CapitalBased(
            RiskFormat.optionalLong(values, MARGIN_PER_LOT)));
    static final UnionSpec<PositionSizing> SIZING = new UnionSpec<>("PositionSizing",
        "How many units of the legs the strategy trades, by type.", null, FIXED_LOTS, MULTIPLIER, CAPITAL_BASED);

    static final Field<ReEntry> DEFAULT_ON_SL = Field.optional("on_sl", RiskFormat.RE_ENTRY,
        "Re-entry after a stop loss, for legs that set none.");
    static final Field<ReEntry> DEFAULT_ON_TARGET = Field.optional("on_target", RiskFormat.RE_ENTRY,
        "Re-entry after a target, for legs that set none.");
    static final ObjectSpec<ReEntryDefaults> RE_ENTRY_DEFAULTS = ObjectSpec
        .named("ReEntryDefaults", "Default re-entries of the strategy's legs (hedge legs inherit none).")
        .fields(DEFAULT_ON_SL, DEFAULT_ON_TARGET)
        .build((values, context) -> new ReEntryDefaults(values.optional(DEFAULT_ON_SL),
            values.optional(DEFAULT_ON_TARGET)));

    static final Field<String> ID = Field.optional("id", Scalars.ID,
        "Unique within the basket; S<position> unless set.");
    static final Field<String> NAME = Field.required("name", Scalars.NAME, "Display name.");
    static final Field<String> DESCRIPTION = Field.optional("description", Scalars.TEXT, "Free text.");
    static final Field<Underlying> UNDERLYING = Field.required("underlying", EnumSpec.of(Underlying.class),
        "The index whose options the legs trade.");
    static final Field<StrategyType> TYPE = Field.withDefault("type", EnumSpec.of(StrategyType.class),
        StrategyType.CUSTOM, "A label; the legs are what count.");
    static final Field<StrikeBasis> STRIKE_BASIS = Field.withDefault("strike_basis", EnumSpec.of(StrikeBasis.class),
        StrikeBasis.SPOT, "Strikes are selected against the index (SPOT) or its current-month FUTURE.");
    static final Field<Boolean> IS_ACTIVE = Field.withDefault("is_active", BooleanSpec.INSTANCE, true,
        "false keeps the strategy in the basket without trading it.");
    static final Field<Schedule> SCHEDULE = Field.required("schedule", ScheduleFormat.SCHEDULE, "When it trades.");
    static final Field<Entry> ENTRY = Field.withDefault("entry", EntryFormat.ENTRY, Entry.IMMEDIATE,
        "How it enters; immediately at entry_time unless set.");
    static final Field<List<LegFormat.Draft>> LEGS = Field.required("legs",
        new ListSpec<>(LegFormat.LEG, 1, Strategy.MAX_LEGS, false), "The legs (1 to 20).");
    static final Field<StrategyRisk> RISK = Field.withDefault("risk", RiskFormat.STRATEGY_RISK, StrategyRisk.NONE,
        "Strategy-level exits.");
    static final Field<ReEntryDefaults> RE_ENTRY = Field.optional("re_entry", RE_ENTRY_DEFAULTS,
        "Default re-entries for the legs.");
    static final Field<CapitalAllocation> CAPITAL_ALLOCATION = Field.optional("capital_allocation", ALLOCATION,
        "Its share of the basket's deployable capital.");
    static final Field<PositionSizing> POSITION_SIZING = Field.withDefault("position_sizing", SIZING,
        new PositionSizing.FixedLots(), "How many units it trades; FIXED_LOTS unless set.");
    static final Field<Integer> MAX_POSITIONS = Field.withDefault("max_positions", IntegerSpec.range(1, 50), 1,
        "Most entries open at once, re-entries included (1 to 50).");
    static final Field<OrderPolicy> EXECUTION = Field.withDefault("execution", ExecutionFormat.EXECUTION,
        OrderPolicy.DEFAULT, "Default order settings of its legs.");
    static final Field<List<String>> TAGS = Field.withDefault("tags", Scalars.TAGS, List.of(), "Free labels.");

    static final ObjectSpec<Strategy> STRATEGY = ObjectSpec
        .named("Strategy", "A multi-leg option strategy on one underlying.")
        .fields(ID, NAME, DESCRIPTION, UNDERLYING, TYPE, STRIKE_BASIS, IS_ACTIVE, SCHEDULE, ENTRY, LEGS, RISK,
            RE_ENTRY, CAPITAL_ALLOCATION, POSITION_SIZING, MAX_POSITIONS, EXECUTION, TAGS)
        .rule((values, context) ->
        {
            if (values.has(POSITION_SIZING) && values.get(POSITION_SIZING) instanceof PositionSizing.CapitalBased
                && !values.present(CAPITAL_ALLOCATION))
            {
                context.error(POSITION_SIZING, "CAPITAL_BASED sizing needs a capital_allocation");
            }
        })
        .build(StrategyFormat::build);

    private StrategyFormat()
    {
    }

    private static Strategy build(final FieldValues values, final RuleContext context)
    {
        final Optional<ReEntry> onSl = values.optional(RE_ENTRY).flatMap(ReEntryDefaults::onStopLoss);
        final Optional<ReEntry> onTarget = values.optional(RE_ENTRY).flatMap(ReEntryDefaults::onTarget);
        final List<LegFormat.Draft> drafts = values.get(LEGS);
        final List<Leg> legs = new ArrayList<>(drafts.size());
        for (final LegFormat.Draft draft : drafts)
        {
            legs.add(draft.complete(values.get(EXECUTION), onSl, onTarget));
        }
        final Schedule schedule = values.get(SCHEDULE);
        final Entry entry = values.get(ENTRY);
        final StrategyRisk risk = values.get(RISK);
        checkLegIdentity(legs, drafts, context);
        values.optional(RE_ENTRY).ifPresent(defaults ->
        {
            defaults.onStopLoss().ifPresent(reEntry -> checkCutOff(reEntry,
                context.at(RE_ENTRY).field(DEFAULT_ON_SL.name()), schedule, context));
            defaults.onTarget().ifPresent(reEntry -> checkCutOff(reEntry,
                context.at(RE_ENTRY).field(DEFAULT_ON_TARGET.name()), schedule, context));
        });
        checkLegs(legs, drafts, schedule, entry, risk, context);
        checkEntry(entry, schedule, context);
        if (context.failed())
        {
            return null;
        }
        final int index = context.path().lastIndex();
        return new Strategy(values.optional(ID).orElse("S" + (index + 1)), values.get(NAME),
            values.optional(DESCRIPTION), values.get(UNDERLYING), values.get(TYPE), values.get(STRIKE_BASIS),
            values.get(IS_ACTIVE), schedule, entry, legs, risk, onSl, onTarget, values.optional(CAPITAL_ALLOCATION),
            values.get(POSITION_SIZING), values.get(MAX_POSITIONS), values.get(EXECUTION), values.get(TAGS));
    }

    private static void checkLegIdentity(final List<Leg> legs, final List<LegFormat.Draft> drafts,
        final RuleContext context)
    {
        final Map<Integer, Integer> firstByNumber = new HashMap<>();
        final List<Boolean> duplicateNumber = new ArrayList<>();
        for (int i = 0; i < legs.size(); i++)
        {
            final Leg leg = legs.get(i);
            final Integer sameNumber = firstByNumber.putIfAbsent(leg.legNumber(), i);
            duplicateNumber.add(null != sameNumber);
            if (null != sameNumber)
            {
                context.error(leg(context, i).field(LegFormat.LEG_NUMBER.name()), "duplicate leg_number "
                    + leg.legNumber() + ", also used by " + leg(context, sameNumber));
            }
        }
        final Map<String, Integer> firstById = new HashMap<>();
        for (int i = 0; i < legs.size(); i++)
        {
            final Leg leg = legs.get(i);
            final Integer sameId = firstById.putIfAbsent(leg.id(), i);
            if (null != sameId && (drafts.get(i).hasOwnId() || !duplicateNumber.get(i)))
            {
                context.error(leg(context, i).field(LegFormat.ID.name()), "duplicate leg id "
                    + ValueText.quote(leg.id()) + ", also used by " + leg(context, sameId));
            }
        }
        if (legs.stream().allMatch(Leg::hedge))
        {
            context.error(context.at(LEGS), "needs at least one leg that is not a hedge");
        }
    }

    private static void checkLegs(final List<Leg> legs, final List<LegFormat.Draft> drafts, final Schedule schedule,
        final Entry entry, final StrategyRisk risk, final RuleContext context)
    {
        boolean anyStopLoss = false;
        for (int i = 0; i < legs.size(); i++)
        {
            final Leg leg = legs.get(i);
            anyStopLoss |= leg.stopLoss().isPresent();
            checkReEntry(leg, drafts.get(i), true, leg.reEntryOnStopLoss(), i, schedule, context);
            checkReEntry(leg, drafts.get(i), false, leg.reEntryOnTarget(), i, schedule, context);
            if (leg.waitAndTrade().isPresent())
            {
                final DocumentPath waitPath = leg(context, i).field(LegFormat.WAIT_AND_TRADE.name());
                if (!(entry.trigger() instanceof EntryTrigger.Immediate))
                {
                    context.error(waitPath, "a leg cannot wait_and_trade when the strategy's entry trigger is not "
                        + "IMMEDIATE");
                }
                final Optional<EntryTimeout> timeout = leg.waitAndTrade().get().timeout();
                timeout.ifPresent(t -> checkTimeout(t, waitPath.field(EntryFormat.TIMEOUT.name()), schedule,
                    context));
            }
            if (leg.side() == Side.SELL && leg.stopLoss().isEmpty() && !risk.hasMtmStopLoss()
                && !hedged(legs, leg.optionType()))
            {
                context.warning(leg(context, i), "SELL " + leg.optionType() + " leg without a stop loss (leg or "
                    + "strategy MTM) and without enough BUY " + leg.optionType() + " lots to hedge it: its loss is "
                    + "unbounded");
            }
            if (risk.squareOff() == SquareOffScope.COMPLETE && leg.reEntryOnStopLoss().isPresent())
            {
                context.warning(leg(context, i).field(LegFormat.RE_ENTRY_ON_SL.name()), "with square_off COMPLETE "
                    + "a stop loss exits every leg, and this re-entry brings back only this leg");
            }
        }
        if (risk.moveSlToCost().isPresent() && !anyStopLoss)
        {
            context.error(context.at(RISK).field(RiskFormat.MOVE_SL_TO_COST.name()), "no leg has a stop_loss, so "
                + "nothing can trigger it");
        }
    }

    private static void checkReEntry(final Leg leg, final LegFormat.Draft draft, final boolean onStopLoss,
        final Optional<ReEntry> reEntry, final int legIndex, final Schedule schedule, final RuleContext context)
    {
        if (reEntry.isEmpty())
        {
            return;
        }
        final boolean own = draft.hasOwnReEntry(onStopLoss);
        final Field<ReEntry> legField = onStopLoss ? LegFormat.RE_ENTRY_ON_SL : LegFormat.RE_ENTRY_ON_TARGET;
        final Field<ReEntry> defaultField = onStopLoss ? DEFAULT_ON_SL : DEFAULT_ON_TARGET;
        final DocumentPath path = own ? leg(context, legIndex).field(legField.name())
            : context.at(RE_ENTRY).field(defaultField.name());
        if (reEntry.get().type().needsMomentum() && leg.waitAndTrade().isEmpty())
        {
            context.error(path.field(RiskFormat.RE_ENTRY_TYPE.name()), reEntry.get().type()
                + " needs the leg's wait_and_trade (the momentum to wait for)"
                + (own ? "" : ", which " + leg(context, legIndex) + " inheriting it does not have"));
        }
        if (own)
        {
            checkCutOff(reEntry.get(), path, schedule, context);
        }
    }

    /**
     * Checks a re-entry's cut-off against the schedule; warns when there is none at all.
     */
    private static void checkCutOff(final ReEntry reEntry, final DocumentPath path, final Schedule schedule,
        final RuleContext context)
    {
        final Optional<LocalTime> cutOff = reEntry.noReEntryAfter();
        if (cutOff.isPresent() && (!cutOff.get().isAfter(schedule.entryTime())
            || cutOff.get().isAfter(schedule.exitTime())))
        {
            context.error(path.field(RiskFormat.RE_ENTRY_CUT_OFF.name()), "must be after entry_time "
                + ValueText.time(schedule.entryTime()) + " and at or before exit_time "
                + ValueText.time(schedule.exitTime()) + ", was " + ValueText.time(cutOff.get()));
        }
        if (cutOff.isEmpty() && schedule.noReEntryAfter().isEmpty())
        {
            context.warning(path, "re-entry without a cut-off: set no_re_entry_after here or in the schedule, or "
                + "re-entries may happen until exit_time " + ValueText.time(schedule.exitTime()));
        }
    }

    private static void checkEntry(final Entry entry, final Schedule schedule, final RuleContext context)
    {
        final DocumentPath triggerPath = context.at(ENTRY).field(EntryFormat.ENTRY_TRIGGER.name());
        if (entry.trigger() instanceof EntryTrigger.RangeBreakout)
        {
            final LocalTime rangeEnd = ((EntryTrigger.RangeBreakout)entry.trigger()).rangeEnd();
            final DocumentPath rangeEndPath = triggerPath.field(EntryFormat.RANGE_END.name());
            if (!rangeEnd.isBefore(schedule.exitTime()))
            {
                context.error(rangeEndPath, "must be before exit_time " + ValueText.time(schedule.exitTime())
                    + ", was " + ValueText.time(rangeEnd));
            }
            else if (rangeEnd.isAfter(schedule.lastEntryTime()))
            {
                context.error(rangeEndPath, "must be at or before no_entry_after "
                    + ValueText.time(schedule.lastEntryTime()) + ", was " + ValueText.time(rangeEnd));
            }
        }
        if (entry.trigger() instanceof EntryTrigger.OverallMomentum)
        {
            ((EntryTrigger.OverallMomentum)entry.trigger()).timeout().ifPresent(timeout -> checkTimeout(timeout,
                triggerPath.field(EntryFormat.TIMEOUT.name()), schedule, context));
        }
    }

    private static void checkTimeout(final EntryTimeout timeout, final DocumentPath path, final Schedule schedule,
        final RuleContext context)
    {
        // entry_time is at most 15:30 and a timeout at most 375 minutes: the end is always the same day.
        final LocalTime end = LocalTime.ofSecondOfDay(schedule.entryTime().toSecondOfDay() + timeout.minutes() * 60L);
        if (!end.isBefore(schedule.exitTime()))
        {
            context.error(path, "must end before exit_time " + ValueText.time(schedule.exitTime()) + " (entry_time "
                + ValueText.time(schedule.entryTime()) + " + timeout ends at " + ValueText.time(end) + "), was "
                + timeout.minutes());
        }
        else if (end.isAfter(schedule.lastEntryTime()))
        {
            context.warning(path, "the timeout ends at " + ValueText.time(end) + ", after no_entry_after "
                + ValueText.time(schedule.lastEntryTime()) + ": entries stop before it can fire");
        }
    }

    private static boolean hedged(final List<Leg> legs, final OptionType optionType)
    {
        int bought = 0;
        int sold = 0;
        for (final Leg leg : legs)
        {
            if (leg.optionType() == optionType)
            {
                bought += leg.side() == Side.BUY ? leg.lots() : 0;
                sold += leg.side() == Side.SELL ? leg.lots() : 0;
            }
        }
        return bought >= sold;
    }

    private static DocumentPath leg(final RuleContext context, final int index)
    {
        return context.at(LEGS).index(index);
    }

    /**
     * The strategy's default re-entries, as read.
     *
     * @param onStopLoss after a stop loss.
     * @param onTarget   after a target.
     */
    record ReEntryDefaults(Optional<ReEntry> onStopLoss, Optional<ReEntry> onTarget)
    {
    }
}
