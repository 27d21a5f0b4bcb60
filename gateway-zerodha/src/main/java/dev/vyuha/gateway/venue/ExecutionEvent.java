package dev.vyuha.gateway.venue;

import dev.vyuha.sbe.ExecType;
import dev.vyuha.sbe.RejectReason;
import dev.vyuha.sbe.Side;

/**
 * What happened to an order, as an {@code ExecutionReport} carries it: cumulative quantity, average price and leaves
 * quantity are over every slice of the intent; last quantity and price describe this fill only. Prices in paise,
 * {@link OrderIntent#NO_PRICE} when absent.
 *
 * @param clientOrderId      the intent.
 * @param requestId          the modify or cancel this answers; 0 for the order itself.
 * @param account            broker account.
 * @param brokerOrderId      the slice's broker order id (may be empty).
 * @param execType           what happened.
 * @param rejectReason       why it was refused ({@code NONE} otherwise).
 * @param instrumentToken    instrument.
 * @param side               side.
 * @param sliceNumber        1-based slice, 0 if not sliced.
 * @param sliceCount         slices, 0 if not sliced.
 * @param orderQuantity      the intent's total quantity.
 * @param lastQuantity       filled by this report.
 * @param lastPrice          price of this fill or {@link OrderIntent#NO_PRICE}.
 * @param cumulativeQuantity filled so far over all slices.
 * @param averagePrice       average fill price over all slices or {@link OrderIntent#NO_PRICE}.
 * @param leavesQuantity     still open over all slices.
 * @param tradeId            exchange trade id (may be empty).
 * @param brokerTimestampNs  broker's timestamp or {@link OrderIntent#NO_PRICE} (the SBE null).
 * @param text               broker status message or reject text (may be empty).
 */
public record ExecutionEvent(
    long clientOrderId,
    long requestId,
    String account,
    String brokerOrderId,
    ExecType execType,
    RejectReason rejectReason,
    long instrumentToken,
    Side side,
    int sliceNumber,
    int sliceCount,
    int orderQuantity,
    int lastQuantity,
    long lastPrice,
    int cumulativeQuantity,
    long averagePrice,
    int leavesQuantity,
    String tradeId,
    long brokerTimestampNs,
    String text)
{
}
