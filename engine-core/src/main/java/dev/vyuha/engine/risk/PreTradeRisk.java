package dev.vyuha.engine.risk;

import dev.vyuha.engine.market.InstrumentMaster;
import dev.vyuha.reference.calendar.IndiaTime;
import dev.vyuha.reference.calendar.TradingCalendar;

/**
 * The checks every order intent passes before it leaves the engine: kill switch, broker session, trading day and
 * window, whole lots, lots and value per order, freeze quantity known, and the order-rate budgets counted in command
 * time. Exits (risk-reducing orders) bypass the kill switch, the session flag, the per-order lot and value limits,
 * the whole-lots rule (they flatten whatever is held) and the per-second and per-minute budgets (the gateway queues
 * them; it never drops an order), but not the trading window or the daily cap.
 *
 * <p>Owned by the business-logic thread; time comes from the command; no allocation.
 */
public final class PreTradeRisk
{
    private final RiskLimits limits;
    private final TradingCalendar calendar;
    private final OrderRateBudget budget;
    private long lastCheckNs;
    private boolean killSwitchEngaged;
    private boolean sessionExpired;

    /**
     * @param limits   limits and budgets.
     * @param calendar trading days and sessions.
     */
    public PreTradeRisk(final RiskLimits limits, final TradingCalendar calendar)
    {
        this.limits = limits;
        this.calendar = calendar;
        budget = new OrderRateBudget(limits.ordersPerSecond(), limits.ordersPerMinute(), limits.ordersPerDay());
    }

    /**
     * Check an intent and, if accepted, count it against the budgets.
     *
     * @param master       instruments.
     * @param instrumentId the instrument.
     * @param quantity     units.
     * @param price        reference price in paise (for the value limit).
     * @param exit         true for a risk-reducing order.
     * @param nowNs        command time.
     * @return ACCEPTED or the refusal reason.
     */
    public RiskVerdict check(final InstrumentMaster master, final int instrumentId, final int quantity,
        final long price, final boolean exit, final long nowNs)
    {
        if (!exit && killSwitchEngaged)
        {
            return RiskVerdict.KILL_SWITCH_ENGAGED;
        }
        if (!exit && sessionExpired)
        {
            return RiskVerdict.BROKER_SESSION_EXPIRED;
        }
        final long day = IndiaTime.epochDay(nowNs);
        if (!calendar.isTradingDay(day))
        {
            return RiskVerdict.NOT_A_TRADING_DAY;
        }
        if (!calendar.isWithinSession(nowNs))
        {
            return RiskVerdict.OUTSIDE_TRADING_WINDOW;
        }
        final int lot = master.lotSize(instrumentId);
        if (quantity <= 0 || lot <= 0 || (!exit && quantity % lot != 0))
        {
            // An exit flattens whatever is held, whole lots or not (an odd partial fill must still be closable).
            return RiskVerdict.QUANTITY_NOT_WHOLE_LOTS;
        }
        if (!exit && quantity / lot > limits.maxLotsPerOrder())
        {
            return RiskVerdict.ABOVE_MAX_LOTS_PER_ORDER;
        }
        if (!exit && price > 0 && price > limits.maxOrderValuePaise() / quantity)
        {
            return RiskVerdict.ABOVE_MAX_ORDER_VALUE;
        }
        if (master.maxOrderQuantity(instrumentId) <= 0)
        {
            return RiskVerdict.FREEZE_QUANTITY_UNKNOWN;
        }
        final RiskVerdict rate = budget.check(!exit, nowNs);
        if (rate != RiskVerdict.ACCEPTED)
        {
            return rate;
        }
        // Accepted: counted in the budgets.
        budget.record(nowNs);
        lastCheckNs = nowNs;
        return RiskVerdict.ACCEPTED;
    }

    /**
     * @param engaged true to engage the kill switch, false to clear it.
     */
    public void killSwitch(final boolean engaged)
    {
        killSwitchEngaged = engaged;
    }

    /** @return true while the kill switch is engaged. */
    public boolean isKillSwitchEngaged()
    {
        return killSwitchEngaged;
    }

    /**
     * @param expired true when the broker session expired, false when valid again.
     */
    public void brokerSessionExpired(final boolean expired)
    {
        sessionExpired = expired;
    }

    /** @return true while the broker session is expired. */
    public boolean isBrokerSessionExpired()
    {
        return sessionExpired;
    }

    /** @return intents accepted today. */
    public int ordersToday()
    {
        return budget.ordersOn(lastCheckNs);
    }

    /** @return the limits in force. */
    public RiskLimits limits()
    {
        return limits;
    }
}
