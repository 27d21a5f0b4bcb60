package dev.vyuha.journal.audit;

import dev.vyuha.engine.event.EngineEvent;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

/**
 * Which part of a journal's timeline to show: one IST date, one basket (by id or number), one strategy (by id; a
 * strategy fanned out over accounts matches on every account), and whether to show every market tick. The whole
 * journal is replayed whatever the filter: state needs every command.
 *
 * @param date     IST date, or null for every date.
 * @param basket   basket id or number, or null for every basket.
 * @param strategy strategy id, or null for every strategy.
 * @param ticks    show ticks that caused nothing too.
 */
public record AuditFilter(LocalDate date, String basket, String strategy, boolean ticks)
{
    /** Everything but ticks that caused nothing. */
    public static final AuditFilter ALL = new AuditFilter(null, null, null, false);

    /** @return true if the timeline is narrowed to a basket or strategy. */
    public boolean scoped()
    {
        return null != basket || null != strategy;
    }

    /**
     * @param day an IST date.
     * @return true if it is shown.
     */
    public boolean showsDate(final LocalDate day)
    {
        return null == date || date.equals(day);
    }

    /**
     * @param event         an event.
     * @param basketNumbers basket numbers by basket id, as loaded so far.
     * @return true if the event is shown: in scope, or account-wide (kill switch, broker session, feed, master,
     *     rejected commands), which explain every basket's decisions.
     */
    public boolean shows(final EngineEvent event, final Map<String, Long> basketNumbers)
    {
        if (!scoped())
        {
            return true;
        }
        final EngineEvent.Scope scope = scopeOf(event);
        if (null == scope)
        {
            return true;
        }
        return showsScope(scope.basketId(), scope.strategyId(), basketNumbers.get(scope.basketId()),
            event instanceof EngineEvent.BasketChanged changed ? changed.basketNumber() : 0);
    }

    private static EngineEvent.Scope scopeOf(final EngineEvent event)
    {
        if (event instanceof EngineEvent.BasketChanged changed)
        {
            return changed.scope();
        }
        if (event instanceof EngineEvent.StrategyStateChanged changed)
        {
            return changed.scope();
        }
        if (event instanceof EngineEvent.StrikeChosen chosen)
        {
            return chosen.scope();
        }
        if (event instanceof EngineEvent.ConditionMet met)
        {
            return met.scope();
        }
        if (event instanceof EngineEvent.OrderChanged order)
        {
            return order.scope();
        }
        if (event instanceof EngineEvent.ExpirySettled settled)
        {
            return settled.scope();
        }
        return null;
    }

    /**
     * @param basketId     a basket id.
     * @param strategyId   a strategy id ("" for the basket itself).
     * @param basketNumber its number if known (null or 0 if not).
     * @param eventNumber  a number the event itself carries (0 if none).
     * @return true if in scope.
     */
    public boolean showsScope(final String basketId, final String strategyId, final Long basketNumber,
        final long eventNumber)
    {
        if (null != basket && !basket.equalsIgnoreCase(basketId) && !matchesNumber(basketNumber)
            && !(eventNumber > 0 && matchesNumber(eventNumber)))
        {
            return false;
        }
        if (null != strategy)
        {
            final String id = strategyId.toLowerCase(Locale.ROOT);
            final String wanted = strategy.toLowerCase(Locale.ROOT);
            return id.isEmpty() && null != basket || id.equals(wanted) || id.startsWith(wanted + "@");
        }
        return true;
    }

    private boolean matchesNumber(final Long number)
    {
        if (null == number || number <= 0)
        {
            return false;
        }
        final String text = basket.startsWith("#") ? basket.substring(1) : basket;
        return text.equals(Long.toString(number));
    }
}
