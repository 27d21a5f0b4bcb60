package dev.vyuha.gateway.venue;

/**
 * A cancellation from a {@code CancelOrder} frame: every open slice of the intent.
 *
 * @param requestId     correlates the answer.
 * @param clientOrderId the intent.
 * @param account       broker account.
 */
public record OrderCancellation(long requestId, long clientOrderId, String account)
{
}
