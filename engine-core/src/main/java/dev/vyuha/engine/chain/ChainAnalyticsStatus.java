package dev.vyuha.engine.chain;

/**
 * Outcome of {@link ChainAnalytics#compute}.
 */
public enum ChainAnalyticsStatus
{
    /** Everything computed. */
    OK,
    /** The snapshot has no strikes: nothing computed. */
    NO_STRIKES,
    /** The basis price (spot or future) is unknown: no ATM strike and no volatilities; PCR, max pain and the
     * highest-OI strikes are computed. */
    NO_BASIS,
    /** The expiry instant has passed: no volatilities or Greeks; the rest is computed. */
    EXPIRED
}
