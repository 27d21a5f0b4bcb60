package dev.vyuha.engine.strategy.definition.execution;

import dev.vyuha.engine.strategy.definition.ModelInvariants;

/**
 * How a rejected, lapsed or unfilled order of a leg is retried. The n-th retry (from 1) waits
 * min(backoffMillis × 2^(n−1), maxBackoffMillis) after the failure.
 *
 * @param maxRetries       retries after the first attempt; 0..10.
 * @param backoffMillis    wait before the first retry; 0..60000.
 * @param maxBackoffMillis largest wait; backoffMillis..60000.
 * @param onGiveUp         what happens after the last retry failed.
 */
public record RetryPolicy(int maxRetries, int backoffMillis, int maxBackoffMillis, GiveUpAction onGiveUp)
{
    /** Three retries after 500 ms, 1 s and 2 s, then square off the strategy. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, 500, 5_000, GiveUpAction.SQUARE_OFF_STRATEGY);

    /**
     * Validates the components.
     */
    public RetryPolicy
    {
        ModelInvariants.range(maxRetries, 0, 10, "maxRetries");
        ModelInvariants.range(backoffMillis, 0, 60_000, "backoffMillis");
        ModelInvariants.range(maxBackoffMillis, backoffMillis, 60_000, "maxBackoffMillis");
        ModelInvariants.nonNull(onGiveUp, "onGiveUp");
    }

    /**
     * @param retry the retry number, from 1.
     * @return how long to wait before it, in milliseconds.
     */
    public long backoffBeforeRetry(final int retry)
    {
        final int doublings = Math.min(Math.max(retry - 1, 0), 16);
        return Math.min((long)backoffMillis << doublings, maxBackoffMillis);
    }
}
