package dev.vyuha.gateway.venue;

import dev.vyuha.sbe.OrderType;

/**
 * A modification from a {@code ModifyOrder} frame: the new total quantity, type and prices of an intent.
 *
 * @param requestId     correlates the answer.
 * @param clientOrderId the intent.
 * @param account       broker account.
 * @param orderType     new order type.
 * @param quantity      new total quantity (filled included).
 * @param limitPrice    new limit price or {@link OrderIntent#NO_PRICE}.
 * @param triggerPrice  new trigger price or {@link OrderIntent#NO_PRICE}.
 */
public record OrderAmendment(
    long requestId,
    long clientOrderId,
    String account,
    OrderType orderType,
    int quantity,
    long limitPrice,
    long triggerPrice)
{
}
