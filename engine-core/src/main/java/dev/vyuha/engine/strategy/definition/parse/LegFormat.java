package dev.vyuha.engine.strategy.definition.parse;

import dev.vyuha.engine.market.ExpiryCycle;
import dev.vyuha.engine.market.ExpirySelector;
import dev.vyuha.engine.market.OptionType;
import dev.vyuha.engine.order.Side;
import dev.vyuha.engine.strategy.definition.Leg;
import dev.vyuha.engine.strategy.definition.entry.WaitAndTrade;
import dev.vyuha.engine.strategy.definition.execution.OrderPolicy;
import dev.vyuha.engine.strategy.definition.risk.LegExitLevel;
import dev.vyuha.engine.strategy.definition.risk.LegExitType;
import dev.vyuha.engine.strategy.definition.risk.ReEntry;
import dev.vyuha.engine.strategy.definition.risk.TrailingStop;
import dev.vyuha.engine.strategy.definition.strike.StrikeCriterion;

import java.util.List;
import java.util.Optional;

/**
 * A leg (../shared/DOMAIN.md §1). A leg reads into a {@link Draft}: its strategy completes it with its defaults.
 */
final class LegFormat
{
    static final Field<String> ID = Field.optional("id", Scalars.ID,
        "Unique within the strategy; L<leg_number> unless set.");
    static final Field<Integer> LEG_NUMBER = Field.optional("leg_number", IntegerSpec.range(1, Leg.MAX_LEG_NUMBER),
        "Execution order (hedges always enter first and exit last); unique; the leg's position unless set.");
    static final Field<OptionType> OPTION_TYPE = Field.required("option_type", EnumSpec.of(OptionType.class),
        "CE or PE.");
    static final Field<Side> SIDE = Field.required("side", EnumSpec.of(Side.class), "BUY or SELL.");
    static final Field<Integer> LOTS = Field.required("lots", IntegerSpec.range(1, Leg.MAX_LOTS),
        "Lots per unit of the strategy (lot sizes come from the instrument master).");
    static final Field<ExpiryCycle> EXPIRY = Field.optional("expiry", EnumSpec.only(List.of(ExpiryCycle.WEEKLY,
        ExpiryCycle.NEXT_WEEKLY, ExpiryCycle.MONTHLY, ExpiryCycle.NEXT_MONTHLY)),
        "WEEKLY (nearest listed expiry), NEXT_WEEKLY, MONTHLY or NEXT_MONTHLY; or set expiry_offset.");
    static final Field<Integer> EXPIRY_OFFSET = Field.optional("expiry_offset", IntegerSpec.range(0, 12),
        "The n-th listed expiry from today, 0 being the nearest; or set expiry.");
    static final Field<StrikeCriterion> STRIKE = Field.required("strike", StrikeFormat.CRITERION,
        "How the strike is chosen.");
    static final Field<Boolean> IS_HEDGE = Field.withDefault("is_hedge", BooleanSpec.INSTANCE, false,
        "A protective BUY leg: enters first, exits last.");
    static final Field<LegExitLevel> STOP_LOSS = Field.optional("stop_loss", RiskFormat.EXIT_LEVEL,
        "The leg's stop loss.");
    static final Field<LegExitLevel> TARGET = Field.optional("target", RiskFormat.EXIT_LEVEL, "The leg's target.");
    static final Field<TrailingStop> TRAILING_STOP = Field.optional("trailing_stop", RiskFormat.TRAILING_STOP,
        "Trailing of the stop loss (needs a premium-based stop_loss).");
    static final Field<WaitAndTrade> WAIT_AND_TRADE = Field.optional("wait_and_trade", EntryFormat.WAIT_AND_TRADE,
        "Enter only after a momentum move (only with the IMMEDIATE strategy trigger).");
    static final Field<ReEntry> RE_ENTRY_ON_SL = Field.optional("re_entry_on_sl", RiskFormat.RE_ENTRY,
        "Re-entry after a stop-loss exit; the strategy's re_entry.on_sl unless set (hedges inherit none).");
    static final Field<ReEntry> RE_ENTRY_ON_TARGET = Field.optional("re_entry_on_target", RiskFormat.RE_ENTRY,
        "Re-entry after a target exit; the strategy's re_entry.on_target unless set (hedges inherit none).");
    static final Field<List<String>> TAGS = Field.withDefault("tags", Scalars.TAGS, List.of(), "Free labels.");

    static final ObjectSpec<Draft> LEG = ObjectSpec
        .named("Leg", "One option position of the strategy.")
        .fields(ID, LEG_NUMBER, OPTION_TYPE, SIDE, LOTS, EXPIRY, EXPIRY_OFFSET, STRIKE, IS_HEDGE,
            ExecutionFormat.ORDER_TYPE_FIELD, ExecutionFormat.MAX_SLIPPAGE, ExecutionFormat.RETRY_FIELD, STOP_LOSS,
            TARGET, TRAILING_STOP, WAIT_AND_TRADE, RE_ENTRY_ON_SL, RE_ENTRY_ON_TARGET, TAGS)
        .exactlyOneOf(EXPIRY, EXPIRY_OFFSET)
        .rule(LegFormat::checkLeg)
        .build((values, context) -> new Draft(
            values.optional(ID),
            values.optional(LEG_NUMBER).orElse(context.path().lastIndex() + 1),
            values.get(OPTION_TYPE),
            values.get(SIDE),
            values.get(LOTS),
            values.optional(EXPIRY).map(cycle -> new ExpirySelector(cycle, 0))
                .orElseGet(() -> ExpirySelector.offset(values.get(EXPIRY_OFFSET))),
            values.get(STRIKE),
            values,
            values.optional(STOP_LOSS),
            values.optional(TARGET),
            values.optional(TRAILING_STOP),
            values.optional(WAIT_AND_TRADE),
            values.optional(RE_ENTRY_ON_SL),
            values.optional(RE_ENTRY_ON_TARGET),
            values.get(IS_HEDGE),
            values.get(TAGS)));

    private LegFormat()
    {
    }

    private static void checkLeg(final FieldValues values, final RuleContext context)
    {
        final boolean hedge = values.has(IS_HEDGE) && values.get(IS_HEDGE);
        if (hedge && values.has(SIDE) && values.get(SIDE) != Side.BUY)
        {
            context.error(SIDE, "a hedge leg (is_hedge) must be BUY, was " + values.get(SIDE));
        }
        if (hedge && values.present(WAIT_AND_TRADE))
        {
            context.error(WAIT_AND_TRADE, "a hedge leg enters first and cannot wait_and_trade");
        }
        for (final Field<ReEntry> reEntry : List.of(RE_ENTRY_ON_SL, RE_ENTRY_ON_TARGET))
        {
            if (hedge && values.has(reEntry) && values.get(reEntry).type().reverses())
            {
                context.error(context.at(reEntry).field(RiskFormat.RE_ENTRY_TYPE.name()), "a hedge leg cannot "
                    + "re-enter reversed (it would SELL), was " + values.get(reEntry).type());
            }
        }
        if (values.present(TRAILING_STOP))
        {
            if (!values.present(STOP_LOSS))
            {
                context.error(TRAILING_STOP, "needs a stop_loss to trail");
            }
            else if (values.has(STOP_LOSS) && values.get(STOP_LOSS).type().isOnUnderlying())
            {
                context.error(TRAILING_STOP, "needs a premium-based stop_loss (POINTS, PERCENT or PREMIUM), was "
                    + values.get(STOP_LOSS).type());
            }
        }
        if (values.has(SIDE))
        {
            final Side side = values.get(SIDE);
            final Field<LegExitLevel> falling = side == Side.BUY ? STOP_LOSS : TARGET;
            if (values.has(falling) && values.get(falling).type() == LegExitType.PERCENT
                && values.get(falling).value() >= 10_000)
            {
                context.error(context.at(falling).field(RiskFormat.EXIT_VALUE.name()), "a " + side + " leg's PERCENT "
                    + falling.name() + " must be < 100 (a premium cannot fall below zero), was "
                    + ValueText.hundredths(values.get(falling).value()));
            }
        }
    }

    /**
     * A leg as read, before its strategy's defaults (order policy, re-entries) are applied.
     */
    static final class Draft
    {
        private final Optional<String> id;
        private final int legNumber;
        private final OptionType optionType;
        private final Side side;
        private final int lots;
        private final ExpirySelector expiry;
        private final StrikeCriterion strike;
        private final FieldValues orderFields;
        private final Optional<LegExitLevel> stopLoss;
        private final Optional<LegExitLevel> target;
        private final Optional<TrailingStop> trailingStop;
        private final Optional<WaitAndTrade> waitAndTrade;
        private final Optional<ReEntry> reEntryOnStopLoss;
        private final Optional<ReEntry> reEntryOnTarget;
        private final boolean hedge;
        private final List<String> tags;

        Draft(final Optional<String> id, final int legNumber, final OptionType optionType, final Side side,
            final int lots, final ExpirySelector expiry, final StrikeCriterion strike, final FieldValues orderFields,
            final Optional<LegExitLevel> stopLoss, final Optional<LegExitLevel> target,
            final Optional<TrailingStop> trailingStop, final Optional<WaitAndTrade> waitAndTrade,
            final Optional<ReEntry> reEntryOnStopLoss, final Optional<ReEntry> reEntryOnTarget, final boolean hedge,
            final List<String> tags)
        {
            this.id = id;
            this.legNumber = legNumber;
            this.optionType = optionType;
            this.side = side;
            this.lots = lots;
            this.expiry = expiry;
            this.strike = strike;
            this.orderFields = orderFields;
            this.stopLoss = stopLoss;
            this.target = target;
            this.trailingStop = trailingStop;
            this.waitAndTrade = waitAndTrade;
            this.reEntryOnStopLoss = reEntryOnStopLoss;
            this.reEntryOnTarget = reEntryOnTarget;
            this.hedge = hedge;
            this.tags = tags;
        }

        boolean hasOwnId()
        {
            return id.isPresent();
        }

        boolean hasOwnReEntry(final boolean onStopLoss)
        {
            return (onStopLoss ? reEntryOnStopLoss : reEntryOnTarget).isPresent();
        }

        /**
         * @param execution         the strategy's order policy.
         * @param reEntryOnSlDefault the strategy's default re-entry after a stop loss.
         * @param reEntryOnTargetDefault the strategy's default re-entry after a target.
         * @return the complete leg.
         */
        Leg complete(final OrderPolicy execution, final Optional<ReEntry> reEntryOnSlDefault,
            final Optional<ReEntry> reEntryOnTargetDefault)
        {
            return new Leg(
                id.orElse("L" + legNumber),
                legNumber,
                optionType,
                side,
                lots,
                expiry,
                strike,
                ExecutionFormat.resolve(orderFields, execution),
                stopLoss,
                target,
                trailingStop,
                waitAndTrade,
                reEntryOnStopLoss.or(() -> hedge ? Optional.empty() : reEntryOnSlDefault),
                reEntryOnTarget.or(() -> hedge ? Optional.empty() : reEntryOnTargetDefault),
                hedge,
                tags);
        }
    }
}
