package dev.vyuha.engine.chain;

/**
 * How implied volatilities and Greeks of a chain are computed.
 */
public enum VolatilityModel
{
    /** Black-Scholes on the index level with the configured rate and no dividend yield: NSE's convention for the
     * option chain page. */
    SPOT_RATE,
    /** Black-76 on the forward implied by put-call parity at the strike where call and put prices are closest (the
     * CBOE VIX convention); spot carried at the rate when no strike has two-sided quotes on both sides. Calls and
     * puts of a strike then imply the same volatility, whatever the dividends or the futures basis. */
    IMPLIED_FORWARD
}
