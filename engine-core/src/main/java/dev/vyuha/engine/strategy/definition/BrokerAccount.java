package dev.vyuha.engine.strategy.definition;

/**
 * One broker account a basket trades on (fan-out: every strategy of the basket runs on every account).
 *
 * @param account    the account id at the broker, e.g. {@code ZERODHA-AB1234}.
 * @param multiplier every leg's lots are multiplied by this on this account; 1..100.
 */
public record BrokerAccount(String account, int multiplier)
{
    /** Largest per-account multiplier. */
    public static final int MAX_MULTIPLIER = 100;

    /**
     * Validates the components.
     */
    public BrokerAccount
    {
        ModelInvariants.nonNull(account, "account");
        ModelInvariants.range(multiplier, 1, MAX_MULTIPLIER, "multiplier");
    }
}
