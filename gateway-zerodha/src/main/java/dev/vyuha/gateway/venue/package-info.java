/**
 * The broker venue abstraction: what the Aeron side of the gateway hands a broker (order intents, amendments,
 * cancellations, reconciliation requests, market quotes) and what comes back (execution, session and reconciliation
 * events). Kite and the paper venue implement it; another broker is another implementation, with no change on the
 * Aeron side.
 */
package dev.vyuha.gateway.venue;
