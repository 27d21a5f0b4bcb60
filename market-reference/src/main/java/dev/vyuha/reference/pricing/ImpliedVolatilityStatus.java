package dev.vyuha.reference.pricing;

/**
 * Outcome of an implied-volatility search. Every value except {@link #OK} and {@link #AT_INTRINSIC} means no
 * volatility reproduces the price, and says why.
 */
public enum ImpliedVolatilityStatus
{
    /** A unique volatility reproduces the price. */
    OK,
    /** The price equals the intrinsic value: volatility 0 is the (degenerate) answer. */
    AT_INTRINSIC,
    /** The price is below the option's intrinsic value: arbitrage, no volatility gives it. */
    BELOW_INTRINSIC,
    /** The price is at or above the option's upper bound (the forward for a call, the strike for a put). */
    ABOVE_MAXIMUM,
    /** Zero or negative time to expiry: an expired option has no volatility. */
    EXPIRED,
    /** An input is NaN, infinite, or out of its domain (non-positive price, forward, spot or strike). */
    INVALID_INPUT,
    /** The search did not converge within its iteration budget (never seen on the reference vectors). */
    NO_CONVERGENCE
}
