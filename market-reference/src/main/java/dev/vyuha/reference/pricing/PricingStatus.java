package dev.vyuha.reference.pricing;

/**
 * Outcome of pricing an option: inputs the model can use, an expired option (valued at its limit), or inputs no
 * price can come from. Never a silent NaN.
 */
public enum PricingStatus
{
    /** Priced; every Greek is meaningful. */
    OK,
    /** Time to expiry or volatility is zero: the option is worth its (discounted) intrinsic value; vega, gamma and
     * theta are 0 and delta is the step of the payoff. */
    AT_EXPIRY,
    /** An input is NaN, infinite or out of its domain (non-positive spot, forward or strike, negative volatility or
     * time): nothing was priced and every output is 0. */
    INVALID_INPUT
}
