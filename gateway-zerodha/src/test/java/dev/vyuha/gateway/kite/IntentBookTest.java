package dev.vyuha.gateway.kite;

import dev.vyuha.gateway.venue.ExecutionEvent;
import dev.vyuha.gateway.venue.OrderIntent;
import dev.vyuha.sbe.Exchange;
import dev.vyuha.sbe.ExecType;
import dev.vyuha.sbe.OrderType;
import dev.vyuha.sbe.Product;
import dev.vyuha.sbe.RejectReason;
import dev.vyuha.sbe.Side;
import dev.vyuha.sbe.Validity;
import dev.vyuha.wire.OrderTags;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class IntentBookTest
{
    private final List<ExecutionEvent> events = new ArrayList<>();
    private final IntentBook book = new IntentBook("VY1234", events::add);

    @Test
    void shouldReportEachFillOnceWhenTickerAndPollBothSeeIt()
    {
        final IntentBook.Intent intent = add(7, 130, 0);
        book.acknowledged(intent.slices.get(0), "O1", 0);

        book.apply(state("O1", null, "UPDATE", 130, 65, 100.0));
        book.apply(state("O1", null, "OPEN", 130, 65, 100.0));
        book.apply(state("O1", null, "COMPLETE", 130, 130, 100.25));
        book.apply(state("O1", null, "COMPLETE", 130, 130, 100.25));

        assertEquals(List.of(ExecType.ACK, ExecType.PARTIAL_FILL, ExecType.FILL), types());
        final ExecutionEvent second = events.get(2);
        assertEquals(65, second.lastQuantity());
        assertEquals(100_50, second.lastPrice(), "derived from the average: (100.25 * 130 - 100 * 65) / 65");
        assertEquals(130, second.cumulativeQuantity());
        assertEquals(100_25, second.averagePrice());
        assertEquals(0, second.leavesQuantity());
    }

    @Test
    void shouldAggregateFillsOverSlicesAndAttributeThemByOrderId()
    {
        final IntentBook.Intent intent = add(9, 3900, 1800);
        assertEquals(3, intent.slices.size());
        book.acknowledged(intent.slices.get(0), "A", 0);
        book.acknowledged(intent.slices.get(1), "B", 0);
        book.acknowledged(intent.slices.get(2), "C", 0);

        book.apply(state("B", null, "COMPLETE", 1755, 1755, 101.0));
        book.apply(state("A", null, "COMPLETE", 1755, 1755, 100.0));
        book.apply(state("C", null, "COMPLETE", 390, 390, 102.0));

        final List<ExecutionEvent> fills = events.stream().filter(e -> e.lastQuantity() > 0).toList();
        assertEquals(List.of(2, 1, 3), fills.stream().map(ExecutionEvent::sliceNumber).toList());
        assertEquals(List.of(3, 3, 3), fills.stream().map(ExecutionEvent::sliceCount).toList());
        assertEquals(List.of(1755, 3510, 3900), fills.stream().map(ExecutionEvent::cumulativeQuantity).toList());
        assertEquals(List.of(2145, 390, 0), fills.stream().map(ExecutionEvent::leavesQuantity).toList());
        assertEquals(ExecType.FILL, fills.get(2).execType());
        assertEquals(Math.round((1755 * 101_00.0 + 1755 * 100_00.0 + 390 * 102_00.0) / 3900),
            fills.get(2).averagePrice());
    }

    @Test
    void shouldAdoptAnOrderSeenOnlyByItsSliceTag()
    {
        final IntentBook.Intent intent = add(11, 3900, 1800);
        final String tag = OrderTags.sliceTag(OrderTags.intentTag(11), 2);

        final IntentBook.Slice slice = book.apply(state("X2", tag, "OPEN", 1755, 0, 0));

        assertSame(intent.slices.get(1), slice);
        assertEquals("X2", slice.orderId);
        assertEquals(IntentBook.SliceState.LIVE, slice.state);
        assertEquals(List.of(ExecType.ACK), types());
        assertEquals("X2", events.get(0).brokerOrderId());
    }

    @Test
    void shouldReportCancellationsWithTheirRequestAndRejectionsWithTheirReason()
    {
        final IntentBook.Intent intent = add(13, 130, 0);
        final IntentBook.Slice slice = intent.slices.get(0);
        book.acknowledged(slice, "O13", 0);
        slice.cancelRequestId = 77;

        book.apply(state("O13", null, "UPDATE", 130, 65, 100.0));
        book.apply(state("O13", null, "CANCELLED", 130, 65, 100.0));
        final IntentBook.Intent rejected = add(14, 65, 0);
        book.acknowledged(rejected.slices.get(0), "O14", 0);
        book.apply(new BrokerOrderState("O14", null, "REJECTED", 65, 0, 0, 0, 0,
            "Insufficient funds. Required margin is 1 but available margin is 0.", 0, "S", "BUY", "LIMIT", 0, "t"));

        final ExecutionEvent cancelled = events.get(2);
        assertEquals(ExecType.CANCELLED, cancelled.execType());
        assertEquals(77, cancelled.requestId());
        assertEquals(65, cancelled.cumulativeQuantity());
        assertEquals(0, cancelled.leavesQuantity());
        final ExecutionEvent reject = events.get(4);
        assertEquals(ExecType.REJECT, reject.execType());
        assertEquals(RejectReason.MARGIN, reject.rejectReason());
    }

    @Test
    void shouldIgnoreOrdersThatAreNotOurs()
    {
        add(15, 65, 0);

        assertNull(book.apply(state("ZZ", "manual", "COMPLETE", 65, 65, 1.0)));
        assertEquals(List.of(), events);
    }

    private IntentBook.Intent add(final long clientOrderId, final int quantity, final int freeze)
    {
        final OrderIntent intent = new OrderIntent(clientOrderId, OrderTags.intentTag(clientOrderId), "VY1234",
            11547650, "NIFTY2681824450CE", Exchange.NFO, Side.BUY, OrderType.LIMIT, Product.NRML, Validity.DAY,
            quantity, 101_00, OrderIntent.NO_PRICE, 0, 65, freeze, 5, 100_00, 0);
        return book.add(intent, SlicePlan.of(quantity, 65, freeze, 10), OrderType.LIMIT, 101_00, OrderIntent.NO_PRICE,
            0);
    }

    private static BrokerOrderState state(final String orderId, final String tag, final String status,
        final int quantity, final int filled, final double average)
    {
        return new BrokerOrderState(orderId, tag, status, quantity, filled, average, 101.0, 0, null, 0,
            "NIFTY2681824450CE", "BUY", "LIMIT", 0, "test");
    }

    private List<ExecType> types()
    {
        return events.stream().map(ExecutionEvent::execType).toList();
    }
}
