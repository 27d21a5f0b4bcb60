package dev.vyuha.kitesim;

/**
 * The REST endpoints the simulator serves, for fault injection and request counting.
 */
public enum KiteEndpoint
{
    /** {@code POST /session/token}. */
    SESSION_TOKEN,
    /** {@code DELETE /session/token}. */
    SESSION_INVALIDATE,
    /** {@code GET /user/profile}. */
    PROFILE,
    /** {@code GET /user/margins} and {@code /user/margins/:segment}. */
    MARGINS,
    /** {@code POST /orders/:variety}. */
    PLACE_ORDER,
    /** {@code PUT /orders/:variety/:order_id}. */
    MODIFY_ORDER,
    /** {@code DELETE /orders/:variety/:order_id}. */
    CANCEL_ORDER,
    /** {@code GET /orders}. */
    ORDERS,
    /** {@code GET /orders/:order_id}. */
    ORDER_HISTORY,
    /** {@code GET /orders/:order_id/trades}. */
    ORDER_TRADES,
    /** {@code GET /trades}. */
    TRADES,
    /** {@code GET /portfolio/positions}. */
    POSITIONS,
    /** {@code GET /instruments} and {@code /instruments/:exchange}. */
    INSTRUMENTS,
    /** {@code GET /quote}, {@code /quote/ohlc}, {@code /quote/ltp}. */
    QUOTE;

    /**
     * @return true for the endpoints Kite counts against the order rate limits (place, modify, cancel).
     */
    public boolean isOrderEndpoint()
    {
        return this == PLACE_ORDER || this == MODIFY_ORDER || this == CANCEL_ORDER;
    }
}
