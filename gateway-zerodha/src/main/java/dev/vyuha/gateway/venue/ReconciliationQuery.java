package dev.vyuha.gateway.venue;

import dev.vyuha.sbe.ReconciliationScope;

/**
 * A {@code ReconciliationRequest}: what the engine wants to see of the broker's state.
 *
 * @param requestId correlates the report; 0 for the gateway's own start-up reconciliation.
 * @param account   broker account.
 * @param scope     orders, trades, positions or all.
 */
public record ReconciliationQuery(long requestId, String account, ReconciliationScope scope)
{
}
