package dev.vyuha.engine.strategy.runtime;

import dev.vyuha.engine.event.EngineEvent;
import dev.vyuha.engine.market.InstrumentKind;
import dev.vyuha.engine.market.InstrumentMaster;
import dev.vyuha.engine.market.OptionChain;
import dev.vyuha.engine.market.OptionType;
import dev.vyuha.engine.market.StrikeBasis;
import dev.vyuha.engine.money.Paise;
import dev.vyuha.engine.order.OrderState;
import dev.vyuha.engine.order.Side;
import dev.vyuha.engine.strategy.definition.Leg;
import dev.vyuha.engine.strategy.definition.Schedule;
import dev.vyuha.engine.strategy.definition.Strategy;
import dev.vyuha.engine.strategy.definition.condition.Direction;
import dev.vyuha.engine.strategy.definition.condition.MarketCondition;
import dev.vyuha.engine.strategy.definition.entry.EntryTimeout;
import dev.vyuha.engine.strategy.definition.entry.EntryTrigger;
import dev.vyuha.engine.strategy.definition.entry.Move;
import dev.vyuha.engine.strategy.definition.entry.TimeoutFallback;
import dev.vyuha.engine.strategy.definition.entry.WaitAndTrade;
import dev.vyuha.engine.strategy.definition.entry.WatchedInstrument;
import dev.vyuha.engine.strategy.definition.execution.GiveUpAction;
import dev.vyuha.engine.strategy.definition.execution.RetryPolicy;
import dev.vyuha.engine.strategy.definition.risk.Combine;
import dev.vyuha.engine.strategy.definition.risk.MoveSlToCost;
import dev.vyuha.engine.strategy.definition.risk.ProfitProtection;
import dev.vyuha.engine.strategy.definition.risk.ReEntry;
import dev.vyuha.engine.strategy.definition.risk.ReEntryType;
import dev.vyuha.engine.strategy.definition.risk.SquareOffScope;
import dev.vyuha.engine.strategy.definition.risk.StrategyRisk;
import dev.vyuha.reference.calendar.IndiaTime;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * One strategy on one broker account, through its trading day: scheduled, watching its entry trigger, entering
 * (hedges first), active (exits watched on every tick), exiting (hedges last), done. Every decision is an event with
 * its reason and numbers. Driven by the engine on the business-logic thread; time is the command's.
 */
final class StrategyRuntime
{
    /** After a failed strike selection, the next attempt waits this long (then the next watched tick retries). */
    static final long SELECTION_RETRY_NS = 1_000_000_000L;

    final Strategy definition;
    final BasketRuntime basket;
    final String account;
    /** Account multiplier x subscription multiplier. */
    final int accountMultiplier;
    /** Sizing units of one entry; 0 while capital-based sizing waits for its estimate at entry. */
    int units;
    final TradingDesk desk;
    final LegRuntime[] legs;
    final int index;

    StrategyState state = StrategyState.IDLE;
    boolean paused;
    /** Emitted during the current command (the engine's deadline bookkeeping). */
    boolean deadlineTouched;
    /** Leaf of this strategy in the engine's deadline tree. */
    int deadlineSlot = -1;
    /** Whether {@link #hasExpiring} held when the engine last looked. */
    boolean deadlineExpiring;
    boolean activatedByOperator;
    long day = Long.MIN_VALUE;
    long lastTimeNs = Long.MIN_VALUE;
    long reportedMtm;
    long selectionRetryAtNs = Long.MIN_VALUE;
    String lastEntryBlock;
    boolean triggerRecorded;
    /** True if a leg's level or wait-and-trade is on the underlying: index ticks matter after entry too. */
    private final boolean watchesUnderlyingAfterEntry;
    String lastReason = "";
    boolean unitsEstimated;

    long entryNs = Long.MAX_VALUE;
    long exitNs = Long.MAX_VALUE;
    long lastEntryNs = Long.MAX_VALUE;
    long noReEntryAfterNs = Long.MAX_VALUE;
    long rangeStartNs = Long.MAX_VALUE;
    long rangeEndNs = Long.MAX_VALUE;
    long triggerDeadlineNs = Long.MAX_VALUE;
    long rangeHigh;
    long rangeLow;
    long momentumReference;
    boolean legsSelected;

    long mtmPeak;
    long trailingStopRaise;
    boolean exitingAll;
    String exitReason = "";
    int indexId = InstrumentMaster.NOT_FOUND;

    StrategyRuntime(final Strategy definition, final BasketRuntime basket, final String account,
        final int accountMultiplier, final int units, final TradingDesk desk, final int index)
    {
        this.definition = definition;
        this.basket = basket;
        this.account = account;
        this.accountMultiplier = accountMultiplier;
        this.units = units;
        this.desk = desk;
        this.index = index;
        paused = basket.definition.status() == dev.vyuha.engine.strategy.definition.BasketStatus.PAUSED;
        final List<Leg> ordered = definition.legsInExecutionOrder();
        boolean underlying = false;
        for (final Leg leg : ordered)
        {
            underlying |= leg.stopLoss().map(level -> level.type().isOnUnderlying()).orElse(false)
                || leg.target().map(level -> level.type().isOnUnderlying()).orElse(false)
                || leg.waitAndTrade().map(wait -> wait.instrument() == WatchedInstrument.UNDERLYING).orElse(false);
        }
        watchesUnderlyingAfterEntry = underlying;
        legs = new LegRuntime[ordered.size()];
        for (int i = 0; i < legs.length; i++)
        {
            final LegRuntime leg = new LegRuntime(ordered.get(i), desk.legsByHandle.size(), this);
            leg.lots = ordered.get(i).lots() * accountMultiplier * Math.max(1, units);
            desk.legsByHandle.add(leg);
            legs[i] = leg;
        }
    }

    EngineEvent.Scope scope()
    {
        return new EngineEvent.Scope(basket.id, definition.id() + accountSuffix(), "");
    }

    EngineEvent.Scope scope(final LegRuntime leg)
    {
        return new EngineEvent.Scope(basket.id, definition.id() + accountSuffix(), leg.definition.id());
    }

    private String accountSuffix()
    {
        return basket.accountCount() > 1 ? "@" + account : "";
    }

    /** @return the earliest command time at which this strategy has something to do without a tick. */
    long nextDeadlineNs()
    {
        long next = Long.MAX_VALUE;
        switch (state)
        {
            case SCHEDULED -> next = Math.min(pending(entryNs), pending(rangeStartNs));
            case WATCHING -> next = Math.min(Math.min(pending(saturatedNext(lastEntryNs)), pending(triggerDeadlineNs)),
                Math.min(pending(rangeEndNs), pending(exitNs)));
            case ENTERING, ACTIVE -> next = pending(exitNs);
            default ->
            {
            }
        }
        for (final LegRuntime leg : legs)
        {
            next = Math.min(next, Math.min(leg.retryAtNs, leg.momentumDeadlineNs));
        }
        return next;
    }

    /** @return the deadline if time has not been applied at or after it yet, else never. */
    private long pending(final long deadlineNs)
    {
        return deadlineNs > lastTimeNs ? deadlineNs : Long.MAX_VALUE;
    }

    private static long saturatedNext(final long ns)
    {
        return ns == Long.MAX_VALUE ? ns : ns + 1;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The day
    // ---------------------------------------------------------------------------------------------------------------

    void onDay(final long epochDay)
    {
        day = epochDay;
        exitingAll = false;
        exitReason = "";
        mtmPeak = 0;
        trailingStopRaise = 0;
        legsSelected = false;
        selectionRetryAtNs = Long.MIN_VALUE;
        lastEntryBlock = null;
        triggerRecorded = false;
        triggerDeadlineNs = Long.MAX_VALUE;
        rangeStartNs = Long.MAX_VALUE;
        rangeEndNs = Long.MAX_VALUE;
        boolean carried = false;
        for (final LegRuntime leg : legs)
        {
            leg.newDay();
            carried |= leg.isLive();
        }
        if (unitsEstimated && !carried)
        {
            units = 0;
            unitsEstimated = false;
        }
        final Schedule schedule = definition.schedule();
        entryNs = at(schedule.entryTime());
        exitNs = at(schedule.exitTime());
        lastEntryNs = at(schedule.lastEntryTime());
        noReEntryAfterNs = schedule.noReEntryAfter().map(this::at).orElse(exitNs);
        if (carried)
        {
            transition(StrategyState.ACTIVE, "positions carried from the previous day");
            return;
        }
        final String skip = skipReason(epochDay);
        if (null != skip)
        {
            transition(StrategyState.SKIPPED, skip);
            return;
        }
        if (definition.entry().trigger() instanceof EntryTrigger.RangeBreakout breakout)
        {
            rangeStartNs = at(breakout.rangeStart());
            rangeEndNs = at(breakout.rangeEnd());
            rangeHigh = Long.MIN_VALUE;
            rangeLow = Long.MAX_VALUE;
        }
        transition(StrategyState.SCHEDULED, "entry at " + schedule.entryTime() + ", exit at " + schedule.exitTime());
    }

    private String skipReason(final long epochDay)
    {
        final LocalDate date = LocalDate.ofEpochDay(epochDay);
        if (!definition.active() && !activatedByOperator)
        {
            return "strategy is not active";
        }
        if (basket.status == dev.vyuha.engine.strategy.definition.BasketStatus.INACTIVE)
        {
            return "basket is inactive";
        }
        if (!desk.config.calendar().isTradingDay(epochDay))
        {
            final String holiday = desk.config.calendar().holidayName(date);
            return "not a trading day" + (null == holiday ? " (" + date.getDayOfWeek() + ")" : " (" + holiday + ")");
        }
        if (desk.nowNs > lastEntryNs)
        {
            return "past the last entry time " + definition.schedule().lastEntryTime() + " today";
        }
        final DayOfWeek weekday = date.getDayOfWeek();
        if (!definition.schedule().weekdays().contains(weekday))
        {
            return weekday + " is not among the strategy's weekdays " + definition.schedule().weekdays();
        }
        if (definition.schedule().dte().isPresent() && desk.master.count() > 0)
        {
            final int dte = daysToNearestExpiry(date);
            if (dte == Integer.MAX_VALUE)
            {
                return "no listed expiry for the legs";
            }
            if (!definition.schedule().dte().get().accepts(dte))
            {
                return "DTE " + dte + " " + definition.schedule().dte().get().unit() + " outside ["
                    + definition.schedule().dte().get().min() + ", " + definition.schedule().dte().get().max() + "]";
            }
        }
        return null;
    }

    private int daysToNearestExpiry(final LocalDate date)
    {
        int nearest = Integer.MAX_VALUE;
        for (final LegRuntime leg : legs)
        {
            final int expiry = desk.master.resolveExpiry(definition.underlying(), leg.definition.expiry(),
                (int)date.toEpochDay());
            if (expiry != InstrumentMaster.NOT_FOUND)
            {
                nearest = Math.min(nearest, desk.config.calendar().daysToExpiry(date, LocalDate.ofEpochDay(expiry),
                    definition.schedule().dte().get().unit()));
            }
        }
        return nearest;
    }

    private long at(final LocalTime time)
    {
        return IndiaTime.epochNanos(day, time.toNanoOfDay());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Time
    // ---------------------------------------------------------------------------------------------------------------

    void onTime(final long nowNs)
    {
        lastTimeNs = nowNs;
        for (final LegRuntime leg : legs)
        {
            if (leg.retryAtNs <= nowNs)
            {
                leg.retryAtNs = Long.MAX_VALUE;
                retry(leg);
            }
            if (leg.momentumDeadlineNs <= nowNs && leg.state == LegState.WAITING_MOMENTUM)
            {
                leg.momentumDeadlineNs = Long.MAX_VALUE;
                momentumTimedOut(leg);
            }
        }
        switch (state)
        {
            case SCHEDULED ->
            {
                if (nowNs >= rangeStartNs && definition.entry().trigger() instanceof EntryTrigger.RangeBreakout b
                    && b.instrument() == WatchedInstrument.OPTION && !legsSelected)
                {
                    if (selectStrikes("range start " + b.rangeStart()))
                    {
                        legsSelected = true;
                    }
                }
                if (nowNs >= Math.min(entryNs, rangeStartNs))
                {
                    startWatching(nowNs);
                }
            }
            case WATCHING ->
            {
                if (nowNs >= exitNs || nowNs > lastEntryNs)
                {
                    transition(StrategyState.DONE, "no entry by " + definition.schedule().lastEntryTime());
                    unwatchAll();
                    return;
                }
                if (nowNs >= triggerDeadlineNs)
                {
                    triggerTimedOut();
                    return;
                }
                evaluateTrigger("timer " + IndiaTime.time(nowNs));
            }
            case ENTERING, ACTIVE ->
            {
                if (nowNs >= exitNs && !exitingAll)
                {
                    desk.emitFor(this, new EngineEvent.ConditionMet(desk.sequence, nowNs, scope(), "time exit "
                        + definition.schedule().exitTime(), 0, 0, "timer " + IndiaTime.time(nowNs)));
                    exitAll("time exit at " + definition.schedule().exitTime());
                }
            }
            default ->
            {
            }
        }
    }

    private void startWatching(final long nowNs)
    {
        if (definition.entry().trigger() instanceof EntryTrigger.RangeBreakout breakout)
        {
            transition(StrategyState.WATCHING, "opening range " + breakout.rangeStart() + "-" + breakout.rangeEnd()
                + " on the " + breakout.instrument().name().toLowerCase());
            watchUnderlying(true);
            return;
        }
        if (nowNs < entryNs)
        {
            return;
        }
        transition(StrategyState.WATCHING, "entry time " + definition.schedule().entryTime());
        watchUnderlying(true);
        evaluateTrigger("timer " + IndiaTime.time(nowNs));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Ticks
    // ---------------------------------------------------------------------------------------------------------------

    /** A tick of an instrument this strategy or one of its legs watches. */
    void onTick(final int instrumentId, final long price)
    {
        if (state == StrategyState.WATCHING)
        {
            trackRange(instrumentId, price);
            evaluateTrigger(null);
        }
        boolean marked = false;
        for (final LegRuntime leg : legs)
        {
            if (leg.instrumentId == instrumentId || instrumentId == indexId)
            {
                marked |= onLegTick(leg, instrumentId, price);
            }
        }
        if (marked)
        {
            evaluateMtm(instrumentId);
        }
    }

    private boolean onLegTick(final LegRuntime leg, final int instrumentId, final long price)
    {
        final boolean call = leg.definition.optionType() == OptionType.CE;
        final boolean onUnderlying = instrumentId == indexId && instrumentId != leg.instrumentId;
        switch (leg.state)
        {
            case OPEN ->
            {
                if (!onUnderlying && leg.positionSlot >= 0)
                {
                    desk.positions.markTo(leg.positionSlot, price);
                    if (leg.trail(price))
                    {
                        desk.emitFor(this, new EngineEvent.ConditionMet(desk.sequence, desk.nowNs, scope(leg),
                            "trailing stop moved", leg.stopLevel, price, desk.tickOf(instrumentId)));
                    }
                }
                if (exitingAll)
                {
                    return !onUnderlying;
                }
                if (leg.stopHit(price, onUnderlying, call))
                {
                    onLegStop(leg, price, instrumentId);
                }
                else if (leg.targetHit(price, onUnderlying, call))
                {
                    onLegTarget(leg, price, instrumentId);
                }
                return !onUnderlying;
            }
            case WAITING_MOMENTUM ->
            {
                if (leg.momentumOnUnderlying == onUnderlying || instrumentId == leg.instrumentId)
                {
                    checkLegMomentum(leg, onUnderlying ? price : desk.market.lastPrice(leg.instrumentId),
                        instrumentId);
                }
                return false;
            }
            case WAITING_COST ->
            {
                if (!onUnderlying && (leg.costFromAbove ? price <= leg.costPrice : price >= leg.costPrice))
                {
                    desk.emitFor(this, new EngineEvent.ConditionMet(desk.sequence, desk.nowNs, scope(leg),
                        "re-entry at cost " + leg.pendingReEntry.type(), leg.costPrice, price,
                        desk.tickOf(instrumentId)));
                    enter(leg, "re-entry at cost");
                }
                return false;
            }
            case ENTRY_PENDING, EXIT_PENDING ->
            {
                if (!onUnderlying && leg.positionSlot >= 0)
                {
                    desk.positions.markTo(leg.positionSlot, price);
                    return true;
                }
                return false;
            }
            default ->
            {
                return false;
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Entry
    // ---------------------------------------------------------------------------------------------------------------

    /** @return why no entry may start now, or null. */
    String entryBlocked()
    {
        if (paused)
        {
            return "strategy paused";
        }
        final String basketBlock = basket.entryBlock();
        if (null != basketBlock)
        {
            return basketBlock;
        }
        if (desk.risk.isKillSwitchEngaged())
        {
            return "kill switch engaged";
        }
        if (desk.risk.isBrokerSessionExpired())
        {
            return "broker session expired";
        }
        if (desk.master.count() == 0)
        {
            return "no instrument master loaded";
        }
        if (desk.market.isStale(definition.underlying()))
        {
            return definition.underlying() + " market data is stale";
        }
        if (!desk.config.calendar().isWithinSession(desk.nowNs))
        {
            return "outside the trading window";
        }
        return null;
    }

    private void evaluateTrigger(final String trigger)
    {
        if (state != StrategyState.WATCHING || desk.nowNs < entryNs)
        {
            return;
        }
        final String blocked = entryBlocked();
        if (null != blocked)
        {
            if (!blocked.equals(lastEntryBlock))
            {
                // Recorded once per distinct reason while the entry waits.
                lastEntryBlock = blocked;
                desk.emitFor(this, new EngineEvent.StrategyStateChanged(desk.sequence, desk.nowNs, scope(), state.name(),
                    state.name(), "entry waits: " + blocked));
            }
            return;
        }
        lastEntryBlock = null;
        final EntryTrigger entryTrigger = definition.entry().trigger();
        String fired = null;
        if (entryTrigger instanceof EntryTrigger.Immediate)
        {
            fired = null == trigger ? "entry time " + definition.schedule().entryTime() : trigger;
        }
        else if (entryTrigger instanceof EntryTrigger.RangeBreakout breakout)
        {
            fired = breakout(breakout);
        }
        else if (entryTrigger instanceof EntryTrigger.OverallMomentum momentum)
        {
            if (!legsSelected)
            {
                armOverallMomentum(momentum);
                return;
            }
            final long combined = combinedPremium();
            if (moved(momentum.move(), momentumReference, combined))
            {
                desk.emitFor(this, new EngineEvent.ConditionMet(desk.sequence, desk.nowNs, scope(), "overall momentum "
                    + describe(momentum.move()) + " from " + Paise.toRupees(momentumReference),
                    threshold(momentum.move(), momentumReference), combined,
                    "combined premium"));
                fired = "overall momentum";
            }
        }
        if (null == fired)
        {
            return;
        }
        for (final MarketCondition filter : definition.entry().filters())
        {
            if (!desk.conditions.holds(filter, definition.underlying(), desk.nowNs))
            {
                final String observed = desk.conditions.observed(filter, definition.underlying(), desk.nowNs);
                if (entryTrigger instanceof EntryTrigger.Immediate)
                {
                    transition(StrategyState.SKIPPED, "entry filter " + filter.type() + " does not hold ("
                        + observed + ")");
                    unwatchAll();
                }
                return;
            }
        }
        for (final MarketCondition filter : definition.entry().filters())
        {
            desk.emitFor(this, new EngineEvent.ConditionMet(desk.sequence, desk.nowNs, scope(), "entry filter "
                + filter.type(), 0, 0, desk.conditions.observed(filter, definition.underlying(), desk.nowNs)));
        }
        enterStrategy(fired);
    }

    /**
     * Choose the strikes and take their combined premium as the reference the overall move is measured from; the
     * timeout runs from here.
     */
    private void armOverallMomentum(final EntryTrigger.OverallMomentum momentum)
    {
        if (!selectStrikes("overall momentum reference"))
        {
            return;
        }
        legsSelected = true;
        momentumReference = combinedPremium();
        final long now = desk.nowNs;
        triggerDeadlineNs = momentum.timeout().map(t -> now + t.minutes() * IndiaTime.NANOS_PER_MINUTE)
            .orElse(Long.MAX_VALUE);
        desk.emitFor(this, new EngineEvent.StrategyStateChanged(desk.sequence, now, scope(), state.name(), state.name(),
            "overall momentum: " + describe(momentum.move()) + " from the combined premium "
            + Paise.toRupees(momentumReference)));
        for (final LegRuntime leg : legs)
        {
            watch(leg.instrumentId, leg);
        }
    }

    private String breakout(final EntryTrigger.RangeBreakout breakout)
    {
        if (desk.nowNs < rangeEndNs)
        {
            return null;
        }
        if (breakout.instrument() == WatchedInstrument.UNDERLYING)
        {
            final long price = desk.market.lastPrice(indexId);
            if (rangeHigh == Long.MIN_VALUE || price <= 0)
            {
                return null;
            }
            final boolean up = price > rangeHigh && breakout.direction() != Direction.DOWN;
            final boolean down = price < rangeLow && breakout.direction() != Direction.UP;
            if (up || down)
            {
                if (!triggerRecorded)
                {
                    triggerRecorded = true;
                    desk.emitFor(this, new EngineEvent.ConditionMet(desk.sequence, desk.nowNs, scope(), "range breakout "
                        + (up ? "above high" : "below low"), up ? rangeHigh : rangeLow, price, desk.tickOf(indexId)));
                }
                return "range breakout";
            }
            return null;
        }
        // On the options: each leg's own range was tracked from range start; enter when the first leg breaks.
        for (final LegRuntime leg : legs)
        {
            if (leg.instrumentId == InstrumentMaster.NOT_FOUND)
            {
                continue;
            }
            final long price = desk.market.lastPrice(leg.instrumentId);
            if (leg.rangeLow == Long.MAX_VALUE || price <= 0)
            {
                continue;
            }
            final boolean up = price > leg.rangeHigh && breakout.direction() != Direction.DOWN;
            final boolean down = price < leg.rangeLow && breakout.direction() != Direction.UP;
            if (up || down)
            {
                if (triggerRecorded)
                {
                    return "option range breakout";
                }
                triggerRecorded = true;
                desk.emitFor(this, new EngineEvent.ConditionMet(desk.sequence, desk.nowNs, scope(leg), "option range breakout "
                    + (up ? "above high" : "below low"), up ? leg.rangeHigh : leg.rangeLow, price,
                    desk.tickOf(leg.instrumentId)));
                return "option range breakout";
            }
        }
        return null;
    }

    private void trackRange(final int instrumentId, final long price)
    {
        if (!(definition.entry().trigger() instanceof EntryTrigger.RangeBreakout breakout)
            || desk.nowNs < rangeStartNs || desk.nowNs >= rangeEndNs || price <= 0)
        {
            return;
        }
        if (breakout.instrument() == WatchedInstrument.UNDERLYING && instrumentId == indexId)
        {
            rangeHigh = Math.max(rangeHigh, price);
            rangeLow = Math.min(rangeLow, price);
        }
        else if (breakout.instrument() == WatchedInstrument.OPTION)
        {
            for (final LegRuntime leg : legs)
            {
                if (leg.instrumentId == instrumentId)
                {
                    leg.rangeHigh = Math.max(leg.rangeHigh, price);
                    leg.rangeLow = Math.min(leg.rangeLow, price);
                }
            }
        }
    }

    private void triggerTimedOut()
    {
        triggerDeadlineNs = Long.MAX_VALUE;
        final EntryTrigger trigger = definition.entry().trigger();
        final EntryTimeout timeout = trigger instanceof EntryTrigger.OverallMomentum momentum ?
            momentum.timeout().orElse(null) : null;
        if (null != timeout && timeout.fallback() == TimeoutFallback.EXECUTE_ANYWAY && null == entryBlocked())
        {
            desk.emitFor(this, new EngineEvent.ConditionMet(desk.sequence, desk.nowNs, scope(), "entry timeout "
                + timeout.minutes() + " min: EXECUTE_ANYWAY", 0, 0, "timer " + IndiaTime.time(desk.nowNs)));
            enterStrategy("entry timeout, execute anyway");
            return;
        }
        transition(StrategyState.DONE, "entry condition not met within its timeout");
        unwatchAll();
    }

    private void enterStrategy(final String why)
    {
        if (!legsSelected && !selectStrikes(why))
        {
            return;
        }
        legsSelected = true;
        if (units == 0 && !sizeFromCapital())
        {
            return;
        }
        transition(StrategyState.ENTERING, why);
        if (!watchesUnderlyingAfterEntry)
        {
            // From here only the legs' own ticks matter: index ticks no longer reach this strategy.
            watchUnderlying(false);
        }
        boolean hedgesPending = false;
        for (final LegRuntime leg : legs)
        {
            if (leg.definition.hedge())
            {
                hedgesPending = true;
                enter(leg, why + " (hedge first)");
            }
        }
        for (final LegRuntime leg : legs)
        {
            if (leg.definition.hedge())
            {
                continue;
            }
            if (leg.definition.waitAndTrade().isPresent())
            {
                startMomentum(leg, leg.definition.waitAndTrade().get(), "wait and trade");
            }
            else if (hedgesPending)
            {
                leg.state = LegState.AWAITING_HEDGES;
            }
            else
            {
                enter(leg, why);
            }
        }
        settleEntering();
    }

    /**
     * Capital-based sizing without a configured margin: estimate one unit's margin from the chosen instruments
     * (a bought leg needs its premium; a sold leg about 15 % of its notional on the underlying, a conservative
     * stand-in for SPAN plus exposure margin) and take floor(allocated capital / estimate) units.
     *
     * @return true if at least one unit fits; otherwise the strategy is done for the day with the reason.
     */
    private boolean sizeFromCapital()
    {
        final long spot = indexId == InstrumentMaster.NOT_FOUND ? 0 : desk.market.lastPrice(indexId);
        long perUnit = 0;
        for (final LegRuntime leg : legs)
        {
            final long lotUnits = (long)desk.master.lotSize(leg.instrumentId) * leg.definition.lots();
            perUnit += leg.side == Side.BUY ? desk.market.lastPrice(leg.instrumentId) * lotUnits :
                (spot > 0 ? spot : desk.master.strikePaise(leg.instrumentId)) * lotUnits * 15 / 100;
        }
        final long allocation = basket.definition.allocatedCapitalPaise(definition).orElse(0L);
        final long estimated = perUnit > 0 ? allocation / perUnit : 0;
        if (estimated <= 0)
        {
            transition(StrategyState.DONE, "capital-based sizing: allocated " + Paise.toRupees(allocation)
                + " buys no unit at an estimated margin of " + Paise.toRupees(perUnit) + " per unit");
            unwatchAll();
            return false;
        }
        units = (int)Math.min(estimated, 100);
        unitsEstimated = true;
        for (final LegRuntime leg : legs)
        {
            leg.lots = leg.definition.lots() * accountMultiplier * units;
        }
        desk.emitFor(this, new EngineEvent.StrategyStateChanged(desk.sequence, desk.nowNs, scope(), state.name(), state.name(),
            "capital-based sizing: " + units + " unit(s) = floor(" + Paise.toRupees(allocation) + " / estimated margin "
            + Paise.toRupees(perUnit) + ")" + (estimated > 100 ? ", capped at 100" : "")));
        return true;
    }

    /**
     * Select every leg's strike; on any failure no leg is selected (a strategy never enters half its legs because a
     * strike was missing) and the entry is retried on later ticks until the last entry time.
     *
     * @param why the moment, for the decision records.
     * @return true if every leg has an instrument.
     */
    private boolean selectStrikes(final String why)
    {
        final String blocked = entryBlocked();
        if (null != blocked || desk.nowNs < selectionRetryAtNs)
        {
            return false;
        }
        final int[] chosen = new int[legs.length];
        for (int i = 0; i < legs.length; i++)
        {
            final LegRuntime leg = legs[i];
            chosen[i] = select(leg, leg.definition.strike(), leg.side);
            if (chosen[i] == InstrumentMaster.NOT_FOUND)
            {
                selectionRetryAtNs = desk.nowNs + SELECTION_RETRY_NS;
                return false;
            }
        }
        for (int i = 0; i < legs.length; i++)
        {
            legs[i].instrumentId = chosen[i];
        }
        return true;
    }

    private int select(final LegRuntime leg, final dev.vyuha.engine.strategy.definition.strike.StrikeCriterion criterion,
        final Side side)
    {
        final int today = (int)day;
        final int expiry = desk.master.resolveExpiry(definition.underlying(), leg.definition.expiry(), today);
        final OptionChain chain = expiry == InstrumentMaster.NOT_FOUND ? null :
            desk.master.chain(definition.underlying(), expiry);
        final boolean spot = definition.strikeBasis() == StrikeBasis.SPOT;
        final int basisId = spot ? indexId : desk.master.nearestFutureId(definition.underlying(), today);
        final boolean basisFresh = basisId != InstrumentMaster.NOT_FOUND
            && desk.market.updatedNs(basisId) >= desk.nowNs - desk.config.maxQuoteAgeNs();
        final long basis = basisFresh ? desk.market.lastPrice(basisId) : 0;
        final StrikeSelection selection = desk.selector.select(new StrikeSelector.Context(desk.master, desk.market,
            chain, basis, spot, desk.nowNs, desk.config.maxQuoteAgeNs(), desk.conditions), criterion,
            leg.definition.optionType(), side);
        if (selection.chosen() || !selection.reason().equals(leg.lastSelectionFailure))
        {
            // A failure is recorded once per distinct reason, not on every retry.
            desk.emitFor(this, new EngineEvent.StrikeChosen(desk.sequence, desk.nowNs, scope(leg), describe(criterion),
                definition.strikeBasis().name(), basis, selection.atmStrikePaise(), expiry, selection.candidates(),
                selection.chosen() ? desk.master.tradingSymbol(selection.instrumentId()) : "", selection.reason()));
        }
        leg.lastSelectionFailure = selection.chosen() ? "" : selection.reason();
        return selection.instrumentId();
    }

    private static String describe(final dev.vyuha.engine.strategy.definition.strike.StrikeCriterion criterion)
    {
        final String text = criterion.toString();
        return text.length() > 160 ? text.substring(0, 160) + "..." : text;
    }

    /**
     * Send a leg's entry order at its chosen instrument.
     */
    void enter(final LegRuntime leg, final String why)
    {
        if (leg.instrumentId == InstrumentMaster.NOT_FOUND)
        {
            leg.state = LegState.FAILED;
            return;
        }
        watch(leg.instrumentId, leg);
        final int lotSize = desk.master.lotSize(leg.instrumentId);
        leg.quantity = leg.lots * lotSize;
        final long reference = desk.market.lastPrice(leg.instrumentId);
        // An entry attempt, even one refused before sending: a retry of it must be an entry again, whatever the
        // leg's previous order (yesterday's exit, say) was.
        leg.pendingIsExit = false;
        final boolean newSlot = leg.positionSlot < 0 || desk.positions.netQuantity(leg.positionSlot) == 0;
        if (newSlot && desk.positions.count() == desk.positions.capacity())
        {
            desk.refuse(leg, leg.side, leg.quantity, reference, dev.vyuha.engine.risk.RiskVerdict.POSITION_BOOK_FULL,
                why);
            onEntryFailed(leg, "refused before sending");
            return;
        }
        final int order = desk.placeOrder(leg, leg.side, leg.quantity, false, reference, why);
        if (order < 0)
        {
            onEntryFailed(leg, "refused before sending");
            return;
        }
        if (newSlot)
        {
            if (leg.positionSlot >= 0)
            {
                leg.realisedEarlierCycles += desk.positions.pnl(leg.positionSlot);
            }
            leg.positionSlot = desk.positions.open(leg.instrumentId);
        }
        leg.pendingOrder = order;
        leg.pendingIsExit = false;
        leg.state = LegState.ENTRY_PENDING;
    }

    private void startMomentum(final LegRuntime leg, final WaitAndTrade wait, final String why)
    {
        leg.momentumOnUnderlying = wait.instrument() == WatchedInstrument.UNDERLYING;
        leg.momentumReference = leg.momentumOnUnderlying ? desk.market.lastPrice(indexId) :
            desk.market.lastPrice(leg.instrumentId);
        leg.momentumDeadlineNs = wait.timeout().map(t -> desk.nowNs + t.minutes() * IndiaTime.NANOS_PER_MINUTE)
            .orElse(Long.MAX_VALUE);
        leg.state = LegState.WAITING_MOMENTUM;
        watch(leg.instrumentId, leg);
        desk.emitFor(this, new EngineEvent.StrategyStateChanged(desk.sequence, desk.nowNs, scope(leg), "selected",
            "waiting for momentum", why + ": " + describe(wait.move()) + " from "
            + Paise.toRupees(leg.momentumReference) + " on the " + (leg.momentumOnUnderlying ? "underlying" : "option")));
    }

    private void checkLegMomentum(final LegRuntime leg, final long price, final int instrumentId)
    {
        final WaitAndTrade wait = leg.definition.waitAndTrade().orElse(null);
        if (null == wait || price <= 0 || leg.momentumReference <= 0)
        {
            return;
        }
        if (moved(wait.move(), leg.momentumReference, price) && null == entryBlocked())
        {
            leg.momentumDeadlineNs = Long.MAX_VALUE;
            desk.emitFor(this, new EngineEvent.ConditionMet(desk.sequence, desk.nowNs, scope(leg), "wait and trade "
                + describe(wait.move()) + " from " + Paise.toRupees(leg.momentumReference),
                threshold(wait.move(), leg.momentumReference), price, desk.tickOf(instrumentId)));
            enter(leg, "wait and trade");
            settleEntering();
        }
    }

    private void momentumTimedOut(final LegRuntime leg)
    {
        final WaitAndTrade wait = leg.definition.waitAndTrade().orElse(null);
        if (null != wait && wait.timeout().isPresent() && wait.timeout().get().fallback() == TimeoutFallback.EXECUTE_ANYWAY
            && null == entryBlocked())
        {
            desk.emitFor(this, new EngineEvent.ConditionMet(desk.sequence, desk.nowNs, scope(leg), "wait and trade timeout: "
                + "EXECUTE_ANYWAY", leg.momentumReference, desk.market.lastPrice(leg.instrumentId),
                "timer " + IndiaTime.time(desk.nowNs)));
            enter(leg, "wait and trade timeout");
        }
        else
        {
            leg.state = LegState.FAILED;
            desk.emitFor(this, new EngineEvent.StrategyStateChanged(desk.sequence, desk.nowNs, scope(leg),
                "waiting for momentum", "cancelled", "wait and trade timed out"));
        }
        settleEntering();
    }

    private static String describe(final Move move)
    {
        return move.kind() + " " + (move.kind().isPercent() ? move.value() / 100.0 + " %" : Paise.toRupees(move.value()));
    }

    private static boolean moved(final Move move, final long reference, final long price)
    {
        return move.kind().isUp() ? price >= threshold(move, reference) : price <= threshold(move, reference);
    }

    /** @return the price a move from the reference must reach (exactly reaching it counts). */
    private static long threshold(final Move move, final long reference)
    {
        final long amount = move.kind().isPercent() ? reference * move.value() / 10_000 : move.value();
        return move.kind().isUp() ? reference + amount : reference - amount;
    }

    private long combinedPremium()
    {
        long combined = 0;
        for (final LegRuntime leg : legs)
        {
            combined += desk.market.lastPrice(leg.instrumentId) * leg.definition.lots();
        }
        return combined;
    }

    private void settleEntering()
    {
        if (state != StrategyState.ENTERING)
        {
            return;
        }
        boolean anyOpen = false;
        for (final LegRuntime leg : legs)
        {
            if (leg.state == LegState.ENTRY_PENDING || leg.state == LegState.RETRY_WAIT
                || leg.state == LegState.AWAITING_HEDGES || leg.state == LegState.WAITING_MOMENTUM)
            {
                return;
            }
            anyOpen |= leg.state == LegState.OPEN || leg.state == LegState.EXIT_PENDING;
        }
        if (anyOpen)
        {
            transition(StrategyState.ACTIVE, "legs entered");
        }
        else
        {
            transition(StrategyState.DONE, "no leg entered");
            unwatchAll();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Orders
    // ---------------------------------------------------------------------------------------------------------------

    /**
     * An execution report for one of this strategy's orders has been applied to the order book.
     *
     * @param leg        the leg.
     * @param order      the order's index.
     * @param filled     units newly filled (0 if none).
     * @param fillValue  their value, paise.
     * @param terminal   true if the report made the order final.
     */
    void onOrderUpdate(final LegRuntime leg, final int order, final int filled, final long fillValue,
        final boolean terminal)
    {
        if (filled > 0 && leg.positionSlot >= 0)
        {
            final Side side = desk.orders.side(order);
            desk.positions.fill(leg.positionSlot, side, filled, fillValue);
            desk.positions.markTo(leg.positionSlot, desk.market.lastPrice(leg.instrumentId) > 0 ?
                desk.market.lastPrice(leg.instrumentId) : fillValue / filled);
        }
        if (order != leg.pendingOrder)
        {
            evaluateMtm(leg.instrumentId);
            return;
        }
        final OrderState orderState = desk.orders.state(order);
        final long net = leg.positionSlot >= 0 ? desk.positions.netQuantity(leg.positionSlot) : 0;
        if (!leg.pendingIsExit)
        {
            if (orderState == OrderState.FILLED || (terminal && net != 0))
            {
                entered(leg);
            }
            else if (terminal)
            {
                leg.pendingOrder = -1;
                onEntryFailed(leg, orderState == OrderState.REJECTED ? "rejected" : "cancelled unfilled");
            }
        }
        else if (terminal)
        {
            leg.pendingOrder = -1;
            if (net == 0)
            {
                exited(leg);
            }
            else if (orderState == OrderState.REJECTED)
            {
                scheduleRetry(leg, "exit rejected");
            }
            else
            {
                sendExit(leg, "rest of a partly filled exit");
            }
        }
        evaluateMtm(leg.instrumentId);
    }

    private void entered(final LegRuntime leg)
    {
        leg.pendingOrder = -1;
        leg.attempts = 0;
        leg.state = LegState.OPEN;
        leg.enteredNs = desk.nowNs;
        leg.entrySide = leg.side;
        leg.lastExitRule = "";
        final long average = Math.abs(desk.positions.averagePrice(leg.positionSlot));
        final long underlying = indexId == InstrumentMaster.NOT_FOUND ? 0 : desk.market.lastPrice(indexId);
        leg.setLevelsAtEntry(average, underlying, leg.definition.optionType() == OptionType.CE);
        leg.entryPremiumValue = average * Math.abs(desk.positions.netQuantity(leg.positionSlot));
        if (leg.stopOnUnderlying || leg.targetOnUnderlying)
        {
            watch(indexId, leg);
        }
        desk.emitFor(this, new EngineEvent.StrategyStateChanged(desk.sequence, desk.nowNs, scope(leg), "entering", "open",
            "filled " + Math.abs(desk.positions.netQuantity(leg.positionSlot)) + " @ " + Paise.toRupees(average)
            + (leg.stopLevel > 0 ? ", stop " + Paise.toRupees(leg.stopLevel) + (leg.stopOnUnderlying ? " (underlying)" : "")
            : "") + (leg.targetLevel > 0 ? ", target " + Paise.toRupees(leg.targetLevel)
            + (leg.targetOnUnderlying ? " (underlying)" : "") : "")));
        if (leg.definition.hedge())
        {
            releaseHedgedLegs();
        }
        if (exitingAll)
        {
            sendExit(leg, exitReason);
            return;
        }
        settleEntering();
    }

    private void releaseHedgedLegs()
    {
        for (final LegRuntime hedge : legs)
        {
            if (hedge.definition.hedge() && hedge.state != LegState.OPEN && hedge.state != LegState.FAILED)
            {
                return;
            }
        }
        for (final LegRuntime leg : legs)
        {
            if (leg.state == LegState.AWAITING_HEDGES)
            {
                enter(leg, "hedges filled");
            }
        }
    }

    private void onEntryFailed(final LegRuntime leg, final String why)
    {
        final RetryPolicy retry = leg.definition.order().retry();
        if (exitingAll)
        {
            leg.state = LegState.FAILED;
            settleExit();
            return;
        }
        if (leg.attempts < retry.maxRetries())
        {
            scheduleRetry(leg, "entry " + why);
            return;
        }
        leg.state = LegState.FAILED;
        desk.emitFor(this, new EngineEvent.StrategyStateChanged(desk.sequence, desk.nowNs, scope(leg), "entering", "failed",
            "entry " + why + " after " + leg.attempts + " retries: " + retry.onGiveUp()));
        if (leg.definition.hedge())
        {
            // A short leg never enters without its hedge: give up the unhedged legs too.
            for (final LegRuntime other : legs)
            {
                if (other.state == LegState.AWAITING_HEDGES)
                {
                    other.state = LegState.FAILED;
                }
            }
        }
        if (retry.onGiveUp() == GiveUpAction.SQUARE_OFF_STRATEGY || leg.definition.hedge())
        {
            exitAll("entry of leg " + leg.definition.id() + " failed");
        }
        else if (retry.onGiveUp() == GiveUpAction.PAUSE_STRATEGY)
        {
            paused = true;
            desk.emitFor(this, new EngineEvent.StrategyStateChanged(desk.sequence, desk.nowNs, scope(), state.name(), "paused",
                "entry of leg " + leg.definition.id() + " failed"));
        }
        settleEntering();
        settleDone();
    }

    private void scheduleRetry(final LegRuntime leg, final String why)
    {
        final RetryPolicy retry = leg.definition.order().retry();
        final long backoff = Math.min((long)retry.backoffMillis() << Math.min(leg.attempts, 20),
            retry.maxBackoffMillis());
        leg.attempts++;
        leg.retryAtNs = desk.nowNs + Math.max(1, backoff) * 1_000_000L;
        final boolean exit = leg.pendingIsExit || leg.state == LegState.EXIT_PENDING;
        leg.state = exit ? LegState.EXIT_PENDING : LegState.RETRY_WAIT;
        desk.emitFor(this, new EngineEvent.StrategyStateChanged(desk.sequence, desk.nowNs, scope(leg), "order", "retry",
            why + "; attempt " + leg.attempts + " in " + backoff + " ms"));
    }

    private void retry(final LegRuntime leg)
    {
        if (leg.state == LegState.RETRY_WAIT)
        {
            if (null != entryBlocked() || exitingAll)
            {
                onEntryFailed(leg, "blocked at retry: " + entryBlocked());
                return;
            }
            enter(leg, "retry " + leg.attempts);
        }
        else if (leg.state == LegState.EXIT_PENDING && leg.pendingOrder < 0)
        {
            sendExit(leg, "exit retry " + leg.attempts);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Exits
    // ---------------------------------------------------------------------------------------------------------------

    private void onLegStop(final LegRuntime leg, final long price, final int instrumentId)
    {
        desk.emitFor(this, new EngineEvent.ConditionMet(desk.sequence, desk.nowNs, scope(leg), "leg stop loss "
            + leg.definition.stopLoss().map(s -> s.type() + " " + s.value()).orElse("") + (leg.movedToCost ?
            " (moved to cost)" : ""), leg.stopLevel, price, desk.tickOf(instrumentId)));
        leg.lastExitRule = "stop";
        final StrategyRisk risk = definition.risk();
        if (risk.squareOff() == SquareOffScope.COMPLETE)
        {
            exitAll("leg " + leg.definition.id() + " stop loss (complete square-off)");
            return;
        }
        sendExit(leg, "stop loss");
        if (risk.moveSlToCost().isPresent())
        {
            for (final LegRuntime other : legs)
            {
                if (other != leg && other.state == LegState.OPEN && (risk.moveSlToCost().get() == MoveSlToCost.ALL_LEGS
                    || other.definition.stopLoss().isPresent()) && other.moveStopToCost())
                {
                    desk.emitFor(this, new EngineEvent.ConditionMet(desk.sequence, desk.nowNs, scope(other),
                        "stop moved to cost after " + leg.definition.id() + " stop loss", other.stopLevel,
                        desk.market.lastPrice(other.instrumentId), desk.tickOf(instrumentId)));
                }
            }
        }
    }

    private void onLegTarget(final LegRuntime leg, final long price, final int instrumentId)
    {
        desk.emitFor(this, new EngineEvent.ConditionMet(desk.sequence, desk.nowNs, scope(leg), "leg target "
            + leg.definition.target().map(t -> t.type() + " " + t.value()).orElse(""), leg.targetLevel, price,
            desk.tickOf(instrumentId)));
        leg.lastExitRule = "target";
        sendExit(leg, "target");
    }

    private void sendExit(final LegRuntime leg, final String why)
    {
        if (leg.positionSlot < 0)
        {
            return;
        }
        final long net = desk.positions.netQuantity(leg.positionSlot);
        if (net == 0)
        {
            exited(leg);
            return;
        }
        final Side side = net > 0 ? Side.SELL : Side.BUY;
        final int order = desk.placeOrder(leg, side, (int)Math.abs(net), true, desk.market.lastPrice(leg.instrumentId),
            why);
        leg.pendingIsExit = true;
        leg.state = LegState.EXIT_PENDING;
        if (order < 0)
        {
            leg.pendingOrder = -1;
            scheduleRetry(leg, "exit refused");
            return;
        }
        leg.pendingOrder = order;
        leg.lastExitOrder = order;
    }

    private void exited(final LegRuntime leg)
    {
        leg.pendingOrder = -1;
        leg.state = LegState.CLOSED;
        recordTrade(leg);
        desk.emitFor(this, new EngineEvent.StrategyStateChanged(desk.sequence, desk.nowNs, scope(leg), "exiting", "closed",
            "P&L " + Paise.toRupees(desk.positions.pnl(leg.positionSlot))));
        if (leg.definition.hedge() || exitingAll)
        {
            settleExit();
            return;
        }
        if (exitingAll || basket.entryBlock() != null)
        {
            settleExit();
            return;
        }
        final ReEntry reEntry = "stop".equals(leg.lastExitRule) ? leg.definition.reEntryOnStopLoss().orElse(null) :
            "target".equals(leg.lastExitRule) ? leg.definition.reEntryOnTarget().orElse(null) : null;
        if (null != reEntry && (state == StrategyState.ACTIVE || state == StrategyState.ENTERING))
        {
            planReEntry(leg, reEntry);
        }
        settleDone();
    }

    private void recordTrade(final LegRuntime leg)
    {
        final int slot = leg.positionSlot;
        if (slot < 0 || desk.positions.boughtQuantity(slot) == 0 || desk.positions.soldQuantity(slot) == 0)
        {
            return;
        }
        final long quantity = Math.min(desk.positions.boughtQuantity(slot), desk.positions.soldQuantity(slot));
        final long pnl = desk.positions.realised(slot);
        final int direction = leg.entrySide == Side.BUY ? 1 : -1;
        final long exitPrice = leg.lastExitOrder >= 0 && desk.orders.filledQuantity(leg.lastExitOrder) > 0 ?
            desk.orders.averageFillPrice(leg.lastExitOrder) : leg.entryPrice + pnl / quantity * direction;
        final EngineEvent.Scope scope = scope(leg);
        desk.recordClosedTrade(new dev.vyuha.engine.readmodel.ClosedTrade(scope.basketId(), scope.strategyId(),
            scope.legId(), account, desk.master.tradingSymbol(leg.instrumentId), leg.entrySide.name(), quantity,
            leg.entryPrice, exitPrice, pnl, leg.enteredNs, desk.nowNs, "stop".equals(leg.lastExitRule) ? "leg stop loss"
            : "target".equals(leg.lastExitRule) ? "leg target" : exitReason.isEmpty() ? "exit" : exitReason));
    }

    private void planReEntry(final LegRuntime leg, final ReEntry reEntry)
    {
        final boolean afterStop = "stop".equals(leg.lastExitRule);
        final int count = afterStop ? leg.reEntriesAfterStop : leg.reEntriesAfterTarget;
        final long cutOff = reEntry.noReEntryAfter().map(this::at).orElse(noReEntryAfterNs);
        if (count >= reEntry.maxCount() || desk.nowNs >= cutOff || paused || null != entryBlocked())
        {
            final String reason = count >= reEntry.maxCount() ? "re-entries used up (" + count + ")" :
                desk.nowNs >= cutOff ? "past the re-entry cut-off" : "entries blocked: " + entryBlocked();
            desk.emitFor(this, new EngineEvent.StrategyStateChanged(desk.sequence, desk.nowNs, scope(leg), "closed", "closed",
                "no " + reEntry.type() + ": " + reason));
            return;
        }
        if (afterStop)
        {
            leg.reEntriesAfterStop++;
        }
        else
        {
            leg.reEntriesAfterTarget++;
        }
        final ReEntryType type = reEntry.type();
        leg.pendingReEntry = reEntry;
        final Side side = type.sideFor(leg.definition.side());
        final long exitPrice = leg.lastExitOrder >= 0 ? desk.orders.averageFillPrice(leg.lastExitOrder) : 0;
        switch (type)
        {
            case RE_COST, RE_COST_REVERSE ->
            {
                leg.side = side;
                leg.costPrice = leg.entryPrice;
                leg.costFromAbove = desk.market.lastPrice(leg.instrumentId) > leg.entryPrice;
                leg.state = LegState.WAITING_COST;
                desk.emitFor(this, new EngineEvent.StrategyStateChanged(desk.sequence, desk.nowNs, scope(leg), "closed",
                    "waiting for cost", type + " " + (afterStop ? leg.reEntriesAfterStop : leg.reEntriesAfterTarget)
                    + "/" + reEntry.maxCount() + ": back to " + Paise.toRupees(leg.costPrice) + " (exit "
                    + Paise.toRupees(exitPrice) + ")"));
            }
            case RE_ASAP, RE_ASAP_REVERSE ->
            {
                final int chosen = select(leg, leg.definition.strike(), side);
                if (chosen == InstrumentMaster.NOT_FOUND)
                {
                    return;
                }
                unwatch(leg.instrumentId, leg);
                leg.instrumentId = chosen;
                leg.side = side;
                enter(leg, type + " " + (afterStop ? leg.reEntriesAfterStop : leg.reEntriesAfterTarget) + "/"
                    + reEntry.maxCount());
            }
            case RE_MOMENTUM, RE_MOMENTUM_REVERSE ->
            {
                final int chosen = select(leg, leg.definition.strike(), side);
                if (chosen == InstrumentMaster.NOT_FOUND || leg.definition.waitAndTrade().isEmpty())
                {
                    return;
                }
                unwatch(leg.instrumentId, leg);
                leg.instrumentId = chosen;
                leg.side = side;
                startMomentum(leg, leg.definition.waitAndTrade().get(), type.name());
            }
            default ->
            {
            }
        }
    }

    /**
     * Exit every leg: non-hedge legs first, hedges once they are flat; pending entries are cancelled.
     *
     * @param why the rule that fired.
     */
    void exitAll(final String why)
    {
        if (exitingAll && state == StrategyState.EXITING)
        {
            return;
        }
        exitingAll = true;
        exitReason = why;
        if (state != StrategyState.DONE)
        {
            transition(StrategyState.EXITING, why);
        }
        boolean nonHedgeOpen = false;
        for (final LegRuntime leg : legs)
        {
            switch (leg.state)
            {
                case WAITING_MOMENTUM, WAITING_COST, AWAITING_HEDGES, IDLE -> leg.state = LegState.CLOSED;
                case RETRY_WAIT ->
                {
                    leg.retryAtNs = Long.MAX_VALUE;
                    leg.state = LegState.FAILED;
                }
                case ENTRY_PENDING ->
                {
                    desk.frames.cancelOrder(desk.sink, desk.sequence, desk.nowNs,
                        desk.sequence * TradingDesk.ORDERS_PER_COMMAND + desk.ordersThisCommand++,
                        desk.orders.clientOrderId(leg.pendingOrder), account);
                    nonHedgeOpen |= !leg.definition.hedge();
                }
                case OPEN ->
                {
                    if (!leg.definition.hedge())
                    {
                        sendExit(leg, why);
                        nonHedgeOpen = true;
                    }
                }
                case EXIT_PENDING -> nonHedgeOpen |= !leg.definition.hedge();
                default ->
                {
                }
            }
        }
        if (!nonHedgeOpen)
        {
            exitHedges(why);
        }
        settleExit();
    }

    private void exitHedges(final String why)
    {
        for (final LegRuntime leg : legs)
        {
            if (leg.definition.hedge() && leg.state == LegState.OPEN)
            {
                sendExit(leg, why + " (hedge last)");
            }
        }
    }

    private void settleExit()
    {
        if (!exitingAll)
        {
            settleDone();
            return;
        }
        boolean nonHedgeLive = false;
        boolean anyLive = false;
        for (final LegRuntime leg : legs)
        {
            final boolean live = leg.isLive();
            anyLive |= live;
            nonHedgeLive |= live && !leg.definition.hedge();
        }
        if (!nonHedgeLive)
        {
            exitHedges(exitReason);
        }
        if (!anyLive)
        {
            transition(StrategyState.DONE, exitReason);
            unwatchAll();
        }
    }

    private void settleDone()
    {
        if (state != StrategyState.ACTIVE && state != StrategyState.ENTERING)
        {
            return;
        }
        for (final LegRuntime leg : legs)
        {
            if (leg.state != LegState.CLOSED && leg.state != LegState.FAILED)
            {
                return;
            }
        }
        transition(StrategyState.DONE, "every leg closed");
        unwatchAll();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Settlement at expiry
    // ---------------------------------------------------------------------------------------------------------------

    /**
     * @param lastExpiryDay an IST epoch day.
     * @return true if a leg holds, acquires or waits to trade a contract expiring on or before that day.
     */
    boolean hasExpiring(final long lastExpiryDay)
    {
        for (final LegRuntime leg : legs)
        {
            if (tradesItsInstrument(leg) && desk.expiresBy(leg.instrumentId, lastExpiryDay))
            {
                return true;
            }
        }
        return false;
    }

    /** @return true if the leg holds or is acquiring a position, or waits to (re-)enter its chosen contract. */
    private static boolean tradesItsInstrument(final LegRuntime leg)
    {
        return leg.isLive() || leg.state == LegState.WAITING_COST || leg.state == LegState.WAITING_MOMENTUM
            || leg.state == LegState.AWAITING_HEDGES;
    }

    /**
     * Settle the legs whose contract expired: the exchange has cancelled their working orders at the close (the engine
     * has already marked them {@link OrderState#EXPIRED}) and settles what is open at the settlement price (see
     * {@link TradingDesk#settlementPrice}). A settled leg is closed with its round trip recorded (exit time: the
     * expiry day's close); a leg whose entry lapsed unfilled has failed; a leg waiting to re-enter an expired contract
     * is closed. When no leg holds a position any more the strategy is done for the day.
     *
     * @param lastExpiryDay contracts expiring on or before this IST epoch day are settled.
     * @param atRoll        true when found by the first command of a later day: the basket's day is over and its
     *                      MTM (which the new day starts again) is not updated.
     */
    void settleExpired(final long lastExpiryDay, final boolean atRoll)
    {
        boolean settled = false;
        for (final LegRuntime leg : legs)
        {
            if (tradesItsInstrument(leg) && desk.expiresBy(leg.instrumentId, lastExpiryDay))
            {
                settled = true;
                settle(leg);
            }
        }
        if (!settled)
        {
            return;
        }
        boolean live = false;
        for (final LegRuntime leg : legs)
        {
            live |= leg.isLive();
        }
        if (!live && isTradingToday())
        {
            final String why = "flat after settlement at expiry" + (exitingAll ? " (was exiting: " + exitReason + ")"
                : "");
            for (final LegRuntime leg : legs)
            {
                if (tradesItsInstrument(leg))
                {
                    // Waiting to (re-)enter a contract that has not expired: nothing more happens today.
                    leg.state = LegState.CLOSED;
                    leg.momentumDeadlineNs = Long.MAX_VALUE;
                    desk.emitFor(this, new EngineEvent.StrategyStateChanged(desk.sequence, desk.nowNs, scope(leg), "waiting",
                        "closed", why));
                }
            }
            transition(StrategyState.DONE, why);
            unwatchAll();
        }
        if (!atRoll)
        {
            final long mtm = mtm();
            if (mtm != reportedMtm)
            {
                basket.onStrategyMtm(this, mtm);
            }
        }
    }

    private void settle(final LegRuntime leg)
    {
        final boolean entering = leg.state == LegState.ENTRY_PENDING || leg.state == LegState.RETRY_WAIT;
        final String from = leg.state == LegState.OPEN ? "open" : leg.state == LegState.EXIT_PENDING ? "exiting" :
            entering ? "entering" : "waiting";
        final int order = leg.pendingOrder;
        leg.pendingOrder = -1;
        leg.retryAtNs = Long.MAX_VALUE;
        leg.momentumDeadlineNs = Long.MAX_VALUE;
        final int slot = leg.positionSlot;
        final long net = slot >= 0 && leg.isLive() ? desk.positions.netQuantity(slot) : 0;
        final String symbol = desk.master.tradingSymbol(leg.instrumentId);
        final int expiry = desk.master.expiryEpochDay(leg.instrumentId);
        if (net == 0)
        {
            leg.state = entering ? LegState.FAILED : LegState.CLOSED;
            unwatch(leg.instrumentId, leg);
            desk.emitFor(this, new EngineEvent.StrategyStateChanged(desk.sequence, desk.nowNs, scope(leg), from,
                entering ? "failed" : "closed", symbol + " expired " + LocalDate.ofEpochDay(expiry)
                + (entering ? ": the entry lapsed unfilled at the close" : ": no position to settle")));
            return;
        }
        if (entering)
        {
            // A partly filled entry: what filled is the position held to expiry.
            leg.entrySide = leg.side;
            leg.entryPrice = Math.abs(desk.positions.averagePrice(slot));
            leg.enteredNs = order >= 0 ? desk.orders.createdNs(order) : desk.nowNs;
        }
        final TradingDesk.SettlementPrice price = desk.settlementPrice(leg.instrumentId);
        final long quantity = Math.abs(net);
        desk.positions.fill(slot, net > 0 ? Side.SELL : Side.BUY, quantity, price.pricePaise() * quantity);
        desk.positions.markTo(slot, price.pricePaise());
        leg.state = LegState.CLOSED;
        leg.lastExitRule = "expiry";
        unwatch(leg.instrumentId, leg);
        desk.emitFor(this, new EngineEvent.ExpirySettled(desk.sequence, desk.nowNs, scope(leg), symbol, expiry, net,
            price.strikePaise(), price.underlyingPaise(), price.pricePaise(), desk.positions.realised(slot),
            price.basis()));
        recordSettledTrade(leg, quantity, price, expiry);
        desk.emitFor(this, new EngineEvent.StrategyStateChanged(desk.sequence, desk.nowNs, scope(leg), from, "closed",
            price.reason() + ", P&L " + Paise.toRupees(desk.positions.pnl(slot))));
    }

    private void recordSettledTrade(final LegRuntime leg, final long settled, final TradingDesk.SettlementPrice price,
        final int expiry)
    {
        final int slot = leg.positionSlot;
        final long quantity = Math.min(desk.positions.boughtQuantity(slot), desk.positions.soldQuantity(slot));
        final long pnl = desk.positions.realised(slot);
        final int direction = leg.entrySide == Side.BUY ? 1 : -1;
        // Part of the position closed by an exit order first: the trade's exit price is the average of both.
        final long exitPrice = quantity == settled ? price.pricePaise() : leg.entryPrice + pnl / quantity * direction;
        final EngineEvent.Scope scope = scope(leg);
        desk.recordClosedTrade(new dev.vyuha.engine.readmodel.ClosedTrade(scope.basketId(), scope.strategyId(),
            scope.legId(), account, desk.master.tradingSymbol(leg.instrumentId), leg.entrySide.name(), quantity,
            leg.entryPrice, exitPrice, pnl, leg.enteredNs, desk.settlementNs(expiry), price.reason()));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Strategy MTM
    // ---------------------------------------------------------------------------------------------------------------

    /** @return realised plus unrealised P&amp;L of every leg today, paise. */
    long mtm()
    {
        long total = 0;
        for (final LegRuntime leg : legs)
        {
            total += leg.realisedEarlierCycles + (leg.positionSlot >= 0 ? desk.positions.pnl(leg.positionSlot) : 0);
        }
        return total;
    }

    private long entryPremium()
    {
        long premium = 0;
        for (final LegRuntime leg : legs)
        {
            premium += leg.entryPremiumValue;
        }
        return premium;
    }

    private void evaluateMtm(final int instrumentId)
    {
        final long mtm = mtm();
        if (mtm != reportedMtm)
        {
            basket.onStrategyMtm(this, mtm);
        }
        if (exitingAll || (state != StrategyState.ACTIVE && state != StrategyState.ENTERING))
        {
            return;
        }
        mtmPeak = Math.max(mtmPeak, mtm);
        final StrategyRisk risk = definition.risk();
        final long premium = entryPremium();
        final ProfitProtection protection = risk.profitProtection().orElse(null);
        if (protection instanceof ProfitProtection.TrailingStopLoss trailing && mtmPeak > 0)
        {
            trailingStopRaise = mtmPeak / trailing.everyPaise() * trailing.raiseByPaise();
        }
        final long stopInr = risk.mtmStopLossPaise().isPresent() ? -risk.mtmStopLossPaise().getAsLong()
            + trailingStopRaise : Long.MIN_VALUE;
        final long stopPercent = risk.mtmStopLossBasisPoints().isPresent() && premium > 0 ?
            -premium * risk.mtmStopLossBasisPoints().getAsLong() / 10_000 + trailingStopRaise : Long.MIN_VALUE;
        if (hit(risk.combine(), stopInr != Long.MIN_VALUE, mtm <= stopInr, stopPercent != Long.MIN_VALUE,
            mtm <= stopPercent))
        {
            mtmExit("MTM stop loss" + (trailingStopRaise > 0 ? " (trailed up " + Paise.toRupees(trailingStopRaise)
                + ")" : ""), Math.max(stopInr, stopPercent), mtm, instrumentId);
            return;
        }
        final long targetInr = risk.mtmTargetPaise().isPresent() ? risk.mtmTargetPaise().getAsLong() : Long.MAX_VALUE;
        final long targetPercent = risk.mtmTargetBasisPoints().isPresent() && premium > 0 ?
            premium * risk.mtmTargetBasisPoints().getAsLong() / 10_000 : Long.MAX_VALUE;
        if (hit(risk.combine(), targetInr != Long.MAX_VALUE, mtm >= targetInr, targetPercent != Long.MAX_VALUE,
            mtm >= targetPercent))
        {
            mtmExit("MTM target", Math.min(targetInr, targetPercent), mtm, instrumentId);
            return;
        }
        if (protection instanceof ProfitProtection.Lock lock && mtmPeak >= lock.lockAtPaise() && mtm <= lock.lockPaise())
        {
            mtmExit("MTM lock (reached " + Paise.toRupees(lock.lockAtPaise()) + ")", lock.lockPaise(), mtm,
                instrumentId);
        }
        else if (protection instanceof ProfitProtection.LockAndTrail trail && mtmPeak >= trail.lockAtPaise())
        {
            final long floor = trail.lockPaise() + (mtmPeak - trail.lockAtPaise()) / trail.everyPaise()
                * trail.raiseByPaise();
            if (mtm <= floor)
            {
                mtmExit("MTM lock and trail (peak " + Paise.toRupees(mtmPeak) + ")", floor, mtm, instrumentId);
            }
        }
    }

    private static boolean hit(final Combine combine, final boolean inrSet, final boolean inrHit,
        final boolean percentSet, final boolean percentHit)
    {
        if (!inrSet && !percentSet)
        {
            return false;
        }
        if (combine == Combine.ALL && inrSet && percentSet)
        {
            return inrHit && percentHit;
        }
        return (inrSet && inrHit) || (percentSet && percentHit);
    }

    private void mtmExit(final String rule, final long threshold, final long mtm, final int instrumentId)
    {
        desk.emitFor(this, new EngineEvent.ConditionMet(desk.sequence, desk.nowNs, scope(), rule, threshold, mtm,
            instrumentId == InstrumentMaster.NOT_FOUND ? "order update" : desk.tickOf(instrumentId)));
        exitAll(rule);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Operator controls
    // ---------------------------------------------------------------------------------------------------------------

    void pause(final String why)
    {
        paused = true;
        desk.emitFor(this, new EngineEvent.StrategyStateChanged(desk.sequence, desk.nowNs, scope(), state.name(), state.name()
            + " (paused)", why));
    }

    void resume(final String why)
    {
        paused = false;
        desk.emitFor(this, new EngineEvent.StrategyStateChanged(desk.sequence, desk.nowNs, scope(), state.name() + " (paused)",
            state.name(), why));
    }

    void squareOff(final String why)
    {
        if (state == StrategyState.SCHEDULED || state == StrategyState.WATCHING || state == StrategyState.IDLE)
        {
            transition(StrategyState.DONE, why);
            unwatchAll();
            return;
        }
        if (state == StrategyState.ENTERING || state == StrategyState.ACTIVE || state == StrategyState.EXITING)
        {
            exitAll(why);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Subscriptions and state
    // ---------------------------------------------------------------------------------------------------------------

    void onInstrumentMaster()
    {
        indexId = desk.master.indexId(definition.underlying());
    }

    private void watchUnderlying(final boolean watching)
    {
        if (indexId != InstrumentMaster.NOT_FOUND)
        {
            if (watching)
            {
                basket.engine.watchers.watchStrategy(indexId, this);
            }
            else
            {
                basket.engine.watchers.unwatchStrategy(indexId, this);
            }
        }
    }

    private void watch(final int instrumentId, final LegRuntime leg)
    {
        if (instrumentId != InstrumentMaster.NOT_FOUND)
        {
            basket.engine.watchers.watchStrategy(instrumentId, this);
        }
        if (leg.momentumOnUnderlying || leg.stopOnUnderlying || leg.targetOnUnderlying)
        {
            watchUnderlying(true);
        }
    }

    private void unwatch(final int instrumentId, final LegRuntime leg)
    {
        boolean stillUsed = false;
        for (final LegRuntime other : legs)
        {
            stillUsed |= other != leg && other.instrumentId == instrumentId && other.state != LegState.CLOSED
                && other.state != LegState.FAILED;
        }
        if (!stillUsed && instrumentId != InstrumentMaster.NOT_FOUND)
        {
            basket.engine.watchers.unwatchStrategy(instrumentId, this);
        }
    }

    private void unwatchAll()
    {
        for (final LegRuntime leg : legs)
        {
            if (leg.instrumentId != InstrumentMaster.NOT_FOUND && !leg.isLive())
            {
                basket.engine.watchers.unwatchStrategy(leg.instrumentId, this);
            }
        }
        if (indexId != InstrumentMaster.NOT_FOUND)
        {
            basket.engine.watchers.unwatchStrategy(indexId, this);
        }
    }

    private void transition(final StrategyState next, final String reason)
    {
        final StrategyState previous = state;
        state = next;
        lastReason = reason;
        desk.emitFor(this, new EngineEvent.StrategyStateChanged(desk.sequence, desk.nowNs, scope(), previous.name(),
            next.name(), reason));
    }

    boolean isTradingToday()
    {
        return state == StrategyState.ENTERING || state == StrategyState.ACTIVE || state == StrategyState.EXITING;
    }

    long openLots()
    {
        long lots = 0;
        for (final LegRuntime leg : legs)
        {
            if (leg.isLive() && leg.positionSlot >= 0)
            {
                lots += leg.lots;
            }
        }
        return lots;
    }

    static boolean isOption(final InstrumentKind kind)
    {
        return kind == InstrumentKind.CALL || kind == InstrumentKind.PUT;
    }
}
