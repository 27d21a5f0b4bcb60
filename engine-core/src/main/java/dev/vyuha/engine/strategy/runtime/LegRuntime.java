package dev.vyuha.engine.strategy.runtime;

import dev.vyuha.engine.market.InstrumentMaster;
import dev.vyuha.engine.order.Side;
import dev.vyuha.engine.strategy.definition.Leg;
import dev.vyuha.engine.strategy.definition.risk.LegExitLevel;
import dev.vyuha.engine.strategy.definition.risk.LegExitType;
import dev.vyuha.engine.strategy.definition.risk.ReEntry;
import dev.vyuha.engine.strategy.definition.risk.TrailingStop;
import dev.vyuha.engine.strategy.definition.risk.TrailingUnit;

/**
 * One leg of one strategy instance (a strategy on one account): its state, the instrument it trades, its position
 * slot, and the stop-loss and target levels it is watched against. Levels are absolute prices in paise, on the premium
 * or on the underlying; a level of 0 means none. BUY mirrors SELL: a short's stop is above its entry premium, a long's
 * below; on the underlying the adverse direction is up for a short CE or long PE and down for a long CE or short PE. A
 * price exactly at a level hits it.
 */
final class LegRuntime
{
    final Leg definition;
    final int handle;
    final StrategyRuntime strategy;
    int lots;

    LegState state = LegState.IDLE;
    Side side;
    int instrumentId = InstrumentMaster.NOT_FOUND;
    int indexId = InstrumentMaster.NOT_FOUND;
    int quantity;
    int positionSlot = -1;
    long entryPrice;
    long entryUnderlying;

    long stopLevel;
    boolean stopOnUnderlying;
    long targetLevel;
    boolean targetOnUnderlying;
    boolean trailingActive;
    long trailingBestProfit;
    boolean movedToCost;

    int pendingOrder = -1;
    boolean pendingIsExit;
    int attempts;
    long retryAtNs = Long.MAX_VALUE;

    int reEntriesAfterStop;
    int reEntriesAfterTarget;
    ReEntry pendingReEntry;
    long costPrice;
    boolean costFromAbove;

    long momentumReference;
    long momentumDeadlineNs = Long.MAX_VALUE;
    long rangeHigh = Long.MIN_VALUE;
    long rangeLow = Long.MAX_VALUE;
    int lastExitOrder = -1;
    boolean momentumOnUnderlying;

    long realisedEarlierCycles;
    long entryPremiumValue;
    String lastExitRule = "";
    String lastSelectionFailure = "";
    long enteredNs;
    Side entrySide;

    LegRuntime(final Leg definition, final int handle, final StrategyRuntime strategy)
    {
        this.definition = definition;
        this.handle = handle;
        this.strategy = strategy;
        this.side = definition.side();
    }

    /**
     * Reset for a new trading day. A leg still holding or acquiring a position keeps it (and its state); any other
     * leg starts the day flat with no P&amp;L.
     */
    void newDay()
    {
        if (state == LegState.OPEN || state == LegState.EXIT_PENDING || state == LegState.ENTRY_PENDING)
        {
            return;
        }
        state = LegState.IDLE;
        side = definition.side();
        instrumentId = InstrumentMaster.NOT_FOUND;
        reEntriesAfterStop = 0;
        reEntriesAfterTarget = 0;
        pendingReEntry = null;
        attempts = 0;
        retryAtNs = Long.MAX_VALUE;
        momentumDeadlineNs = Long.MAX_VALUE;
        movedToCost = false;
        trailingActive = false;
        rangeHigh = Long.MIN_VALUE;
        rangeLow = Long.MAX_VALUE;
        lastExitOrder = -1;
        pendingOrder = -1;
        lastExitRule = "";
        lastSelectionFailure = "";
        positionSlot = -1;
        realisedEarlierCycles = 0;
        entryPremiumValue = 0;
        entryPrice = 0;
        stopLevel = 0;
        targetLevel = 0;
    }

    /** @return +1 if a price rise is a profit (long), -1 if a loss (short). */
    int direction()
    {
        return side.sign();
    }

    /**
     * Set the stop-loss and target levels from the entry fill.
     *
     * @param fillPrice       average entry price, paise.
     * @param underlyingPrice the underlying at entry, paise (0 if unknown).
     * @param optionIsCall    true for a CE.
     */
    void setLevelsAtEntry(final long fillPrice, final long underlyingPrice, final boolean optionIsCall)
    {
        entryPrice = fillPrice;
        entryUnderlying = underlyingPrice;
        trailingActive = false;
        trailingBestProfit = 0;
        movedToCost = false;
        stopLevel = 0;
        targetLevel = 0;
        if (definition.stopLoss().isPresent())
        {
            final LegExitLevel stop = definition.stopLoss().get();
            stopOnUnderlying = stop.type().isOnUnderlying();
            stopLevel = level(stop, -1, optionIsCall);
        }
        if (definition.target().isPresent())
        {
            final LegExitLevel target = definition.target().get();
            targetOnUnderlying = target.type().isOnUnderlying();
            targetLevel = level(target, 1, optionIsCall);
        }
    }

    /**
     * @param exit      the configured level.
     * @param favourable +1 for a target (a move in the position's favour), -1 for a stop loss (against it).
     * @return the absolute level in paise, or 0 if it cannot be set (no underlying price).
     */
    private long level(final LegExitLevel exit, final int favourable, final boolean optionIsCall)
    {
        final LegExitType type = exit.type();
        if (type == LegExitType.PREMIUM)
        {
            return exit.value();
        }
        if (type == LegExitType.POINTS || type == LegExitType.PERCENT)
        {
            final long move = type == LegExitType.POINTS ? exit.value() : entryPrice * exit.value() / 10_000;
            return Math.max(1, entryPrice + (long)favourable * direction() * move);
        }
        if (entryUnderlying <= 0)
        {
            return 0;
        }
        // On the underlying: a long CE or a short PE profits when it rises.
        final int underlyingDirection = (optionIsCall ? 1 : -1) * direction();
        final long move = type == LegExitType.UNDERLYING_POINTS ? exit.value() : entryUnderlying * exit.value() / 10_000;
        return entryUnderlying + (long)favourable * underlyingDirection * move;
    }

    /**
     * @param price       the watched price (premium or underlying, per the level).
     * @param onUnderlying true if the level is on the underlying.
     * @param optionIsCall true for a CE.
     * @return true if the stop loss is hit.
     */
    boolean stopHit(final long price, final boolean onUnderlying, final boolean optionIsCall)
    {
        if (stopLevel == 0 || onUnderlying != stopOnUnderlying || price <= 0)
        {
            return false;
        }
        final int adverse = onUnderlying ? -(optionIsCall ? 1 : -1) * direction() : -direction();
        return adverse > 0 ? price >= stopLevel : price <= stopLevel;
    }

    /**
     * @param price        the watched price.
     * @param onUnderlying true if the level is on the underlying.
     * @param optionIsCall true for a CE.
     * @return true if the target is hit.
     */
    boolean targetHit(final long price, final boolean onUnderlying, final boolean optionIsCall)
    {
        if (targetLevel == 0 || onUnderlying != targetOnUnderlying || price <= 0)
        {
            return false;
        }
        final int favourable = onUnderlying ? (optionIsCall ? 1 : -1) * direction() : direction();
        return favourable > 0 ? price >= targetLevel : price <= targetLevel;
    }

    /**
     * Trail the premium stop loss: once the profit per unit reaches activateAt, every further {@code every} of profit
     * moves the stop by {@code moveBy} in the position's favour (from its level at activation); a profit lock raises
     * the stop to lock that much profit once reached. The stop never loosens.
     *
     * @param price the premium.
     * @return true if the stop moved.
     */
    boolean trail(final long price)
    {
        if (definition.trailingStop().isEmpty() || stopLevel == 0 || stopOnUnderlying || price <= 0)
        {
            return false;
        }
        final TrailingStop trailing = definition.trailingStop().get();
        final long profit = (price - entryPrice) * direction();
        final boolean percent = trailing.unit() == TrailingUnit.PERCENT;
        final long activateAt = percent ? entryPrice * trailing.activateAt() / 10_000 : trailing.activateAt();
        final long every = percent ? entryPrice * trailing.every() / 10_000 : trailing.every();
        final long moveBy = percent ? entryPrice * trailing.moveBy() / 10_000 : trailing.moveBy();
        long candidate = stopLevel;
        if (profit >= activateAt && every > 0)
        {
            if (!trailingActive)
            {
                trailingActive = true;
                trailingBestProfit = activateAt;
            }
            if (profit > trailingBestProfit)
            {
                final long steps = (profit - activateAt) / every - (trailingBestProfit - activateAt) / every;
                trailingBestProfit = profit;
                candidate = stopLevel + direction() * steps * moveBy;
            }
        }
        if (trailing.lockProfit().isPresent())
        {
            final TrailingStop.ProfitLock lock = trailing.lockProfit().get();
            final long lockAt = percent ? entryPrice * lock.at() / 10_000 : lock.at();
            final long locked = percent ? entryPrice * lock.lock() / 10_000 : lock.lock();
            if (profit >= lockAt)
            {
                final long lockLevel = entryPrice + direction() * locked;
                candidate = direction() > 0 ? Math.max(candidate, lockLevel) : Math.min(candidate, lockLevel);
            }
        }
        final long tightened = direction() > 0 ? Math.max(stopLevel, candidate) : Math.min(stopLevel, candidate);
        if (tightened != stopLevel)
        {
            stopLevel = Math.max(1, tightened);
            return true;
        }
        return false;
    }

    /**
     * Move the stop loss to cost (the entry premium), keeping a tighter stop if it already is.
     *
     * @return true if it moved.
     */
    boolean moveStopToCost()
    {
        if (state != LegState.OPEN || entryPrice <= 0)
        {
            return false;
        }
        final long cost = entryPrice;
        final long current = stopOnUnderlying || stopLevel == 0 ? (direction() > 0 ? 0 : Long.MAX_VALUE) : stopLevel;
        final long tightened = direction() > 0 ? Math.max(current, cost) : Math.min(current, cost);
        stopOnUnderlying = false;
        stopLevel = tightened;
        movedToCost = true;
        return true;
    }

    /** @return true while the leg holds or is acquiring a position. */
    boolean isLive()
    {
        return state == LegState.OPEN || state == LegState.EXIT_PENDING || state == LegState.ENTRY_PENDING
            || state == LegState.RETRY_WAIT;
    }
}
