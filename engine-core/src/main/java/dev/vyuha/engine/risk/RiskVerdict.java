package dev.vyuha.engine.risk;

/**
 * The answer of a pre-trade check: accepted, or the reason an order intent was refused. A refusal is an event with
 * this reason, never an exception.
 */
public enum RiskVerdict
{
    /** The order may go. */
    ACCEPTED("accepted"),
    /** The kill switch is engaged: no new entries until an operator clears it. */
    KILL_SWITCH_ENGAGED("kill switch engaged"),
    /** Today is not a trading day (weekend or exchange holiday). */
    NOT_A_TRADING_DAY("not a trading day"),
    /** Outside the session's trading hours. */
    OUTSIDE_TRADING_WINDOW("outside the trading window"),
    /** The quantity is zero, negative, or not a whole number of lots. */
    QUANTITY_NOT_WHOLE_LOTS("quantity is not a positive whole number of lots"),
    /** More lots than one order may carry. */
    ABOVE_MAX_LOTS_PER_ORDER("above the maximum lots per order"),
    /** Order value above the per-order limit. */
    ABOVE_MAX_ORDER_VALUE("above the maximum order value"),
    /** No freeze quantity is configured for the underlying: slicing cannot be planned. */
    FREEZE_QUANTITY_UNKNOWN("freeze quantity not configured"),
    /** More entries in the last second than the budget allows. */
    RATE_LIMIT_PER_SECOND("order rate above the per-second budget"),
    /** More entries in the last minute than the budget allows. */
    RATE_LIMIT_PER_MINUTE("order rate above the per-minute budget"),
    /** The day's order budget is spent. */
    RATE_LIMIT_PER_DAY("daily order budget spent"),
    /** The broker session expired: no new entries until a new login. */
    BROKER_SESSION_EXPIRED("broker session expired"),
    /** The engine's order book is full for the day. */
    ORDER_BOOK_FULL("order book full"),
    /** The basket's open lots would exceed its max_open_lots. */
    ABOVE_BASKET_MAX_OPEN_LOTS("above the basket's max open lots"),
    /** Above the basket's max_order_value. */
    ABOVE_BASKET_MAX_ORDER_VALUE("above the basket's maximum order value"),
    /** The basket's own order-rate budget is spent. */
    BASKET_ORDER_RATE("the basket's order-rate budget is spent"),
    /** The position book has no free slot. */
    POSITION_BOOK_FULL("position book full");

    private final String description;

    RiskVerdict(final String description)
    {
        this.description = description;
    }

    /**
     * @return the reason in words.
     */
    public String description()
    {
        return description;
    }
}
