package dev.vyuha.engine.strategy.definition.parse;

import dev.vyuha.engine.strategy.definition.risk.Combine;
import dev.vyuha.engine.strategy.definition.risk.LegExitLevel;
import dev.vyuha.engine.strategy.definition.risk.LegExitType;
import dev.vyuha.engine.strategy.definition.risk.MoveSlToCost;
import dev.vyuha.engine.strategy.definition.risk.ProfitProtection;
import dev.vyuha.engine.strategy.definition.risk.ReEntry;
import dev.vyuha.engine.strategy.definition.risk.ReEntryType;
import dev.vyuha.engine.strategy.definition.risk.SquareOffScope;
import dev.vyuha.engine.strategy.definition.risk.StrategyRisk;
import dev.vyuha.engine.strategy.definition.risk.TrailingStop;
import dev.vyuha.engine.strategy.definition.risk.TrailingUnit;

import java.time.LocalTime;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Exits and risk (../shared/DOMAIN.md §5, §6): leg stop loss, target, trailing and re-entry; strategy risk.
 */
final class RiskFormat
{
    /** Largest leg stop loss or target in percent of the premium. */
    private static final long MAX_PREMIUM_PERCENT_BASIS_POINTS = 100_000;
    /** Largest leg stop loss or target in percent of the underlying. */
    private static final long MAX_UNDERLYING_PERCENT_BASIS_POINTS = 2_000;

    static final Field<LegExitType> EXIT_TYPE = Field.required("type", EnumSpec.of(LegExitType.class),
        "POINTS or PERCENT of the entry premium, PREMIUM (absolute level), UNDERLYING_POINTS or UNDERLYING_PERCENT "
            + "(move of the underlying against the position).");
    static final Field<Long> EXIT_VALUE = Field.required("value",
        new DecimalSpec(NumericBounds.aboveUpTo("0", "1000000"), "points or percent"),
        "Premium points for POINTS and PREMIUM, index points for UNDERLYING_POINTS, percent for the PERCENT types.");
    static final ObjectSpec<LegExitLevel> EXIT_LEVEL = ObjectSpec
        .named("LegExitLevel", "A leg's stop loss or target, evaluated on every tick (BUY mirrors SELL).")
        .fields(EXIT_TYPE, EXIT_VALUE)
        .rule((values, context) ->
        {
            if (values.hasAll(EXIT_TYPE, EXIT_VALUE) && values.get(EXIT_TYPE).isPercent())
            {
                final long limit = values.get(EXIT_TYPE).isOnUnderlying() ? MAX_UNDERLYING_PERCENT_BASIS_POINTS
                    : MAX_PREMIUM_PERCENT_BASIS_POINTS;
                if (values.get(EXIT_VALUE) > limit)
                {
                    context.error(EXIT_VALUE, "must be <= " + ValueText.hundredths(limit) + " for "
                        + values.get(EXIT_TYPE) + ", was " + ValueText.hundredths(values.get(EXIT_VALUE)));
                }
            }
        })
        .build((values, context) -> new LegExitLevel(values.get(EXIT_TYPE), values.get(EXIT_VALUE)));

    static final DecimalSpec TRAIL_AMOUNT = new DecimalSpec(NumericBounds.aboveUpTo("0", "1000000"),
        "points or percent");
    static final DecimalSpec TRAIL_AMOUNT_OR_ZERO = new DecimalSpec(NumericBounds.closed("0", "1000000"),
        "points or percent");
    static final Field<TrailingUnit> TRAIL_UNIT = Field.required("unit", EnumSpec.of(TrailingUnit.class),
        "Unit of every amount: POINTS (premium points) or PERCENT (of the entry premium).");
    static final Field<Long> TRAIL_ACTIVATE_AT = Field.withDefault("activate_at", TRAIL_AMOUNT_OR_ZERO, 0L,
        "Profit before trailing starts; 0 to trail from entry.");
    static final Field<Long> TRAIL_EVERY = Field.required("every", TRAIL_AMOUNT,
        "For every favourable move of this much...");
    static final Field<Long> TRAIL_MOVE_BY = Field.required("move_by", TRAIL_AMOUNT,
        "...move the stop loss by this much (at most every).");
    static final Field<Long> LOCK_PROFIT_AT = Field.optional("lock_profit_at", TRAIL_AMOUNT,
        "When the profit reaches this...");
    static final Field<Long> LOCK_PROFIT = Field.optional("lock_profit", TRAIL_AMOUNT_OR_ZERO,
        "...move the stop loss to lock in this much profit (0 locks cost).");
    static final ObjectSpec<TrailingStop> TRAILING_STOP = ObjectSpec
        .named("TrailingStop", "Trails the leg's stop loss; it never loosens.")
        .fields(TRAIL_UNIT, TRAIL_ACTIVATE_AT, TRAIL_EVERY, TRAIL_MOVE_BY, LOCK_PROFIT_AT, LOCK_PROFIT)
        .together(LOCK_PROFIT_AT, LOCK_PROFIT)
        .rule((values, context) ->
        {
            if (values.hasAll(TRAIL_EVERY, TRAIL_MOVE_BY) && values.get(TRAIL_MOVE_BY) > values.get(TRAIL_EVERY))
            {
                context.error(TRAIL_MOVE_BY, "must be <= every " + ValueText.hundredths(values.get(TRAIL_EVERY))
                    + " (the stop loss would overtake the price), was "
                    + ValueText.hundredths(values.get(TRAIL_MOVE_BY)));
            }
            if (values.hasAll(LOCK_PROFIT_AT, LOCK_PROFIT) && values.get(LOCK_PROFIT) >= values.get(LOCK_PROFIT_AT))
            {
                context.error(LOCK_PROFIT, "must be < lock_profit_at " + ValueText.hundredths(
                    values.get(LOCK_PROFIT_AT)) + ", was " + ValueText.hundredths(values.get(LOCK_PROFIT)));
            }
        })
        .build((values, context) -> new TrailingStop(values.get(TRAIL_UNIT), values.get(TRAIL_ACTIVATE_AT),
            values.get(TRAIL_EVERY), values.get(TRAIL_MOVE_BY), values.optional(LOCK_PROFIT_AT)
            .map(at -> new TrailingStop.ProfitLock(at, values.get(LOCK_PROFIT)))));

    static final Field<ReEntryType> RE_ENTRY_TYPE = Field.required("type", EnumSpec.of(ReEntryType.class),
        "RE_ASAP, RE_ASAP_REVERSE, RE_COST, RE_COST_REVERSE, RE_MOMENTUM or RE_MOMENTUM_REVERSE.");
    static final Field<Integer> RE_ENTRY_MAX_COUNT = Field.required("max_count",
        IntegerSpec.range(1, ReEntry.MAX_COUNT), "Most re-entries per day for this kind of exit (1 to 20).");
    static final Field<LocalTime> RE_ENTRY_CUT_OFF = Field.optional("no_re_entry_after", Scalars.TIME,
        "No re-entry after this time (IST); defaults to the schedule's no_re_entry_after.");
    static final ObjectSpec<ReEntry> RE_ENTRY = ObjectSpec
        .named("ReEntry", "How a leg re-enters after a stop-loss or target exit.")
        .fields(RE_ENTRY_TYPE, RE_ENTRY_MAX_COUNT, RE_ENTRY_CUT_OFF)
        .build((values, context) -> new ReEntry(values.get(RE_ENTRY_TYPE), values.get(RE_ENTRY_MAX_COUNT),
            values.optional(RE_ENTRY_CUT_OFF)));

    static final Field<Long> LOCK_AT = Field.required("lock_at", Scalars.INR, "MTM (INR) that activates the lock.");
    static final Field<Long> LOCK = Field.required("lock", Scalars.INR_OR_ZERO,
        "MTM (INR) locked: exit every leg if MTM falls back to it; below lock_at.");
    static final Field<Long> EVERY = Field.required("every", Scalars.INR, "For every further this much MTM (INR)...");
    static final Field<Long> RAISE_BY = Field.required("raise_by", Scalars.INR, "...raise by this much (INR).");
    static final ObjectSpec<ProfitProtection> PROFIT_LOCK = ObjectSpec
        .named("ProfitLock", "When MTM reaches lock_at, lock lock.")
        .fields(LOCK_AT, LOCK)
        .rule(RiskFormat::checkLock)
        .build((values, context) -> new ProfitProtection.Lock(values.get(LOCK_AT), values.get(LOCK)));
    static final ObjectSpec<ProfitProtection> LOCK_AND_TRAIL = ObjectSpec
        .named("LockAndTrail", "When MTM reaches lock_at, lock lock; then for every further every of MTM, raise the "
            + "lock by raise_by.")
        .fields(LOCK_AT, LOCK, EVERY, RAISE_BY)
        .rule(RiskFormat::checkLock)
        .rule(RiskFormat::checkRaise)
        .build((values, context) -> new ProfitProtection.LockAndTrail(values.get(LOCK_AT), values.get(LOCK),
            values.get(EVERY), values.get(RAISE_BY)));
    static final ObjectSpec<ProfitProtection> OVERALL_TRAILING = ObjectSpec
        .named("OverallTrailingStop", "For every every of MTM profit, raise the strategy's MTM stop loss by "
            + "raise_by; it never loosens.")
        .fields(EVERY, RAISE_BY)
        .rule(RiskFormat::checkRaise)
        .build((values, context) -> new ProfitProtection.TrailingStopLoss(values.get(EVERY), values.get(RAISE_BY)));

    static final Field<Long> MTM_STOP_LOSS = Field.optional("mtm_stop_loss", Scalars.INR,
        "Exit every leg when the strategy's MTM loss reaches this (INR).");
    static final Field<Long> MTM_STOP_LOSS_PERCENT = Field.optional("mtm_stop_loss_percent",
        Scalars.percent("0", true, "1000"), "Exit every leg when the MTM loss reaches this percent of the combined "
            + "entry premium.");
    static final Field<Long> MTM_TARGET = Field.optional("mtm_target", Scalars.INR,
        "Exit every leg when the strategy's MTM profit reaches this (INR).");
    static final Field<Long> MTM_TARGET_PERCENT = Field.optional("mtm_target_percent",
        Scalars.percent("0", true, "1000"), "Exit every leg when the MTM profit reaches this percent of the "
            + "combined entry premium.");
    static final Field<Combine> COMBINE = Field.withDefault("combine", EnumSpec.of(Combine.class), Combine.ANY,
        "With both the INR and the percent form of a stop loss (or target): exit on ANY or only on ALL.");
    static final Field<ProfitProtection> RISK_PROFIT_LOCK = Field.optional("profit_lock", PROFIT_LOCK,
        "Lock profit.");
    static final Field<ProfitProtection> RISK_LOCK_AND_TRAIL = Field.optional("lock_and_trail", LOCK_AND_TRAIL,
        "Lock profit, then trail the lock.");
    static final Field<ProfitProtection> RISK_TRAILING_STOP = Field.optional("trailing_stop", OVERALL_TRAILING,
        "Overall trailing stop loss (needs an MTM stop loss).");
    static final Field<SquareOffScope> SQUARE_OFF = Field.withDefault("square_off", EnumSpec.of(SquareOffScope.class),
        SquareOffScope.PARTIAL, "What a leg's stop loss squares off: PARTIAL (that leg) or COMPLETE (every leg).");
    static final Field<MoveSlToCost> MOVE_SL_TO_COST = Field.optional("move_sl_to_cost",
        EnumSpec.of(MoveSlToCost.class), "After a leg's stop loss, move the other legs' stop loss to cost: ALL_LEGS "
            + "or SL_LEGS (only legs with a stop loss).");
    static final ObjectSpec<StrategyRisk> STRATEGY_RISK = ObjectSpec
        .named("StrategyRisk", "Strategy-level exits (MTM in INR or % of combined entry premium, lock, "
            + "lock-and-trail, overall trailing) and what a leg's stop loss does to the other legs.")
        .fields(MTM_STOP_LOSS, MTM_STOP_LOSS_PERCENT, MTM_TARGET, MTM_TARGET_PERCENT, COMBINE, RISK_PROFIT_LOCK,
            RISK_LOCK_AND_TRAIL, RISK_TRAILING_STOP, SQUARE_OFF, MOVE_SL_TO_COST)
        .atMostOneOf(RISK_PROFIT_LOCK, RISK_LOCK_AND_TRAIL, RISK_TRAILING_STOP)
        .rule(RiskFormat::checkStrategyRisk)
        .build((values, context) -> new StrategyRisk(optionalLong(values, MTM_STOP_LOSS),
            optionalLong(values, MTM_STOP_LOSS_PERCENT), optionalLong(values, MTM_TARGET),
            optionalLong(values, MTM_TARGET_PERCENT), values.get(COMBINE), profitProtection(values),
            values.get(SQUARE_OFF), values.optional(MOVE_SL_TO_COST)));

    private RiskFormat()
    {
    }

    static OptionalLong optionalLong(final FieldValues values, final Field<Long> field)
    {
        return values.optional(field).map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    private static Optional<ProfitProtection> profitProtection(final FieldValues values)
    {
        return values.optional(RISK_PROFIT_LOCK)
            .or(() -> values.optional(RISK_LOCK_AND_TRAIL))
            .or(() -> values.optional(RISK_TRAILING_STOP));
    }

    private static void checkLock(final FieldValues values, final RuleContext context)
    {
        if (values.hasAll(LOCK_AT, LOCK) && values.get(LOCK) >= values.get(LOCK_AT))
        {
            context.error(LOCK, "must be < lock_at " + ValueText.hundredths(values.get(LOCK_AT)) + ", was "
                + ValueText.hundredths(values.get(LOCK)));
        }
    }

    private static void checkRaise(final FieldValues values, final RuleContext context)
    {
        if (values.hasAll(EVERY, RAISE_BY) && values.get(RAISE_BY) > values.get(EVERY))
        {
            context.error(RAISE_BY, "must be <= every " + ValueText.hundredths(values.get(EVERY))
                + " (it would rise faster than MTM), was " + ValueText.hundredths(values.get(RAISE_BY)));
        }
    }

    private static void checkStrategyRisk(final FieldValues values, final RuleContext context)
    {
        if (values.present(RISK_TRAILING_STOP) && !values.present(MTM_STOP_LOSS)
            && !values.present(MTM_STOP_LOSS_PERCENT))
        {
            context.error(RISK_TRAILING_STOP, "needs mtm_stop_loss or mtm_stop_loss_percent to trail");
        }
        if (values.present(MOVE_SL_TO_COST) && values.has(SQUARE_OFF)
            && values.get(SQUARE_OFF) == SquareOffScope.COMPLETE)
        {
            context.error(MOVE_SL_TO_COST, "needs square_off PARTIAL: with COMPLETE every leg exits at the first "
                + "stop loss, was " + values.optional(MOVE_SL_TO_COST).map(Enum::name).orElse("set"));
        }
        if (values.present(COMBINE) && values.has(COMBINE) && values.get(COMBINE) == Combine.ALL
            && !(values.present(MTM_STOP_LOSS) && values.present(MTM_STOP_LOSS_PERCENT))
            && !(values.present(MTM_TARGET) && values.present(MTM_TARGET_PERCENT)))
        {
            context.warning(COMBINE, "ALL has no effect: no stop loss or target is set in both INR and percent");
        }
        final Optional<Long> lockAt = values.optional(RISK_PROFIT_LOCK).or(() -> values.optional(RISK_LOCK_AND_TRAIL))
            .map(protection -> protection instanceof ProfitProtection.Lock
                ? ((ProfitProtection.Lock)protection).lockAtPaise()
                : ((ProfitProtection.LockAndTrail)protection).lockAtPaise());
        if (lockAt.isPresent() && values.has(MTM_TARGET) && lockAt.get() >= values.get(MTM_TARGET))
        {
            context.warning(values.present(RISK_PROFIT_LOCK) ? context.at(RISK_PROFIT_LOCK).field(LOCK_AT.name())
                : context.at(RISK_LOCK_AND_TRAIL).field(LOCK_AT.name()), "the lock never activates: lock_at "
                + ValueText.hundredths(lockAt.get()) + " is at or above mtm_target "
                + ValueText.hundredths(values.get(MTM_TARGET)));
        }
    }
}
