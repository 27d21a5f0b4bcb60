package dev.vyuha.engine.event;

import java.util.List;

/**
 * Something the engine decided or learned, with the command that caused it. Events are derived state: a journal
 * replayed into a fresh engine emits the same events, which is how the audit report explains a day after the fact.
 */
public sealed interface EngineEvent
{
    /** @return sequence of the command that caused the event. */
    long sequence();

    /** @return timestamp of that command, nanoseconds since the epoch. */
    long timestampNs();

    /** @return a one-line description for the audit timeline and logs. */
    String describe();

    /**
     * Where in the basket tree an event belongs; empty strings where not applicable.
     *
     * @param basketId   engine basket id (or empty).
     * @param strategyId strategy id within the basket (or empty).
     * @param legId      leg id within the strategy (or empty).
     */
    record Scope(String basketId, String strategyId, String legId)
    {
        /** No basket, strategy or leg: account-wide. */
        public static final Scope ACCOUNT = new Scope("", "", "");

        @Override
        public String toString()
        {
            if (basketId.isEmpty())
            {
                return "account";
            }
            return basketId + (strategyId.isEmpty() ? "" : "/" + strategyId) + (legId.isEmpty() ? "" : "/" + legId);
        }
    }

    /**
     * A command the engine could not use (invalid frame, unknown message, refused document).
     *
     * @param sequence    command sequence.
     * @param timestampNs command time.
     * @param reason      why.
     */
    record CommandRejected(long sequence, long timestampNs, String reason) implements EngineEvent
    {
        @Override
        public String describe()
        {
            return "command rejected: " + reason;
        }
    }

    /**
     * The instrument master was loaded (or refused).
     *
     * @param sequence    command sequence.
     * @param timestampNs command time.
     * @param loaded      true if the engine now trades from it.
     * @param summary     counts of the load, or why it was refused.
     * @param errors      rejected rows (first ones).
     */
    record InstrumentMasterLoaded(long sequence, long timestampNs, boolean loaded, String summary, List<String> errors)
        implements EngineEvent
    {
        @Override
        public String describe()
        {
            return (loaded ? "instrument master loaded: " : "instrument master refused: ") + summary;
        }
    }

    /**
     * A basket was created, validated, updated, activated, paused, resumed, squared off, archived, or refused.
     *
     * @param sequence    command sequence.
     * @param timestampNs command time.
     * @param requestId   the admin request it answers.
     * @param basketNumber the engine-assigned basket number (0 if the document was refused before one was given).
     * @param scope       basket (and strategy, for strategy-level actions).
     * @param action      what happened.
     * @param version     basket version after the action (0 if none).
     * @param errors      path-qualified errors (a refused document), else empty.
     * @param warnings    path-qualified warnings.
     */
    record BasketChanged(long sequence, long timestampNs, long requestId, long basketNumber, Scope scope, String action,
        long version, List<String> errors, List<String> warnings) implements EngineEvent
    {
        @Override
        public String describe()
        {
            return "basket " + (basketNumber > 0 ? "#" + basketNumber + " " : "") + scope + " " + action + (version > 0 ? " (version " + version + ")" : "")
                + (errors.isEmpty() ? "" : ": " + errors.size() + " error(s): " + String.join("; ", errors));
        }
    }

    /**
     * A strategy changed state: waiting, watching its entry, entering, in position, exiting, done, paused.
     *
     * @param sequence    command sequence.
     * @param timestampNs command time.
     * @param scope       the strategy.
     * @param from        previous state.
     * @param to          new state.
     * @param reason      why.
     */
    record StrategyStateChanged(long sequence, long timestampNs, Scope scope, String from, String to, String reason)
        implements EngineEvent
    {
        @Override
        public String describe()
        {
            return "strategy " + scope + ": " + from + " -> " + to + " (" + reason + ")";
        }
    }

    /**
     * A strike was chosen for a leg (or could not be).
     *
     * @param sequence       command sequence.
     * @param timestampNs    command time.
     * @param scope          the leg.
     * @param criterion      the leg's criterion, as the basket states it.
     * @param basis          SPOT or FUTURE.
     * @param basisPaise     the basis price used.
     * @param atmStrikePaise the ATM strike.
     * @param expiryEpochDay the expiry chosen.
     * @param candidates     what was considered, e.g. "24500CE ltp 112.35".
     * @param chosenSymbol   trading symbol chosen, or empty if none.
     * @param reason         why this one (or why none).
     */
    record StrikeChosen(long sequence, long timestampNs, Scope scope, String criterion, String basis, long basisPaise,
        long atmStrikePaise, int expiryEpochDay, List<String> candidates, String chosenSymbol, String reason)
        implements EngineEvent
    {
        @Override
        public String describe()
        {
            return "strike " + scope + ": " + criterion + " on " + basis + " " + rupees(basisPaise) + ", ATM "
                + rupees(atmStrikePaise) + " -> " + (chosenSymbol.isEmpty() ? "none" : chosenSymbol) + " (" + reason
                + ")";
        }
    }

    /**
     * An entry or exit condition was met (or a rule fired): which rule, its threshold, the price that met it and the
     * tick that carried the price.
     *
     * @param sequence       command sequence.
     * @param timestampNs    command time.
     * @param scope          strategy or leg.
     * @param rule           the rule, e.g. "leg stop loss PERCENT 30", "MTM lock", "time exit 15:15".
     * @param thresholdPaise the level that was crossed (0 if not a price rule).
     * @param observedPaise  the value that crossed it.
     * @param trigger        what carried it: "tick NIFTY2681824450CE 145.20", "timer 15:15:00", ...
     */
    record ConditionMet(long sequence, long timestampNs, Scope scope, String rule, long thresholdPaise,
        long observedPaise, String trigger) implements EngineEvent
    {
        @Override
        public String describe()
        {
            return scope + ": " + rule + " (threshold " + rupees(thresholdPaise) + ", observed " + rupees(observedPaise)
                + ") on " + trigger;
        }
    }

    /**
     * An order changed: sent, acknowledged, filled, partly filled, cancelled, rejected, or refused before sending.
     *
     * @param sequence      command sequence.
     * @param timestampNs   command time.
     * @param scope         the leg.
     * @param clientOrderId the intent's id.
     * @param tag           its tag.
     * @param symbol        trading symbol.
     * @param side          BUY or SELL.
     * @param change        what happened.
     * @param quantity      units of the order.
     * @param filled        units filled so far.
     * @param pricePaise    limit or fill price.
     * @param detail        reason, broker text, risk verdict.
     */
    record OrderChanged(long sequence, long timestampNs, Scope scope, long clientOrderId, String tag, String symbol,
        String side, String change, long quantity, long filled, long pricePaise, String detail) implements EngineEvent
    {
        @Override
        public String describe()
        {
            return "order " + (tag.isEmpty() ? "(not sent)" : tag) + " " + side + " " + quantity + " " + symbol + " " + change + " filled " + filled
                + " @ " + rupees(pricePaise) + (detail.isEmpty() ? "" : " (" + detail + ")") + " [" + scope + "]";
        }
    }

    /**
     * A leg's position in a contract that expired was closed by the exchange's settlement at expiry instead of an
     * order: NSE index options are European and cash-settled at their intrinsic value, futures at the index.
     *
     * @param sequence             command sequence.
     * @param timestampNs          command time.
     * @param scope                the leg.
     * @param symbol               trading symbol.
     * @param expiryEpochDay       the contract's expiry (IST epoch day).
     * @param netQuantity          the position settled, units (positive long, negative short).
     * @param strikePaise          the option's strike (0 for a future).
     * @param underlyingPaise      the underlying's last index price the settlement used (0 if none was known).
     * @param settlementPricePaise the settlement price per unit.
     * @param pnlPaise             the leg's realised P&amp;L of the round trip, settlement included.
     * @param basis                how the price was found, e.g. "intrinsic max(0, 24650.15 - 24600.00) = 50.15".
     */
    record ExpirySettled(long sequence, long timestampNs, Scope scope, String symbol, int expiryEpochDay,
        long netQuantity, long strikePaise, long underlyingPaise, long settlementPricePaise, long pnlPaise,
        String basis) implements EngineEvent
    {
        @Override
        public String describe()
        {
            return "expiry settlement " + scope + ": " + (netQuantity > 0 ? "long " : "short ") + Math.abs(netQuantity)
                + " " + symbol + " expired " + java.time.LocalDate.ofEpochDay(expiryEpochDay) + ", settled at "
                + rupees(settlementPricePaise) + " (" + basis + "), P&L " + rupees(pnlPaise);
        }
    }

    /**
     * An account-wide control changed: kill switch, broker session, feed state.
     *
     * @param sequence    command sequence.
     * @param timestampNs command time.
     * @param control     which control.
     * @param state       its new state.
     * @param reason      why.
     */
    record ControlChanged(long sequence, long timestampNs, String control, String state, String reason)
        implements EngineEvent
    {
        @Override
        public String describe()
        {
            return control + " " + state + (reason.isEmpty() ? "" : ": " + reason);
        }
    }

    /**
     * Rupees with two decimals from paise.
     *
     * @param paise an amount.
     * @return e.g. "1234.50".
     */
    static String rupees(final long paise)
    {
        return dev.vyuha.engine.money.Paise.toRupees(paise);
    }
}
