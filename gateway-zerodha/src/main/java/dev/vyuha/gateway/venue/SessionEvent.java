package dev.vyuha.gateway.venue;

import dev.vyuha.sbe.BrokerSessionStatus;

/**
 * The broker session changed state.
 *
 * @param account broker account.
 * @param status  valid, expired or disconnected.
 * @param reason  human-readable cause (never a token).
 */
public record SessionEvent(String account, BrokerSessionStatus status, String reason)
{
}
