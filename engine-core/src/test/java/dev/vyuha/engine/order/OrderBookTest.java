package dev.vyuha.engine.order;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderBookTest
{
    private final OrderBook book = new OrderBook(4);

    @Test
    void shouldCountEachFillOnceWhenReportsRepeatOrArriveOutOfOrder()
    {
        final int index = book.add(1001, 5, Side.SELL, 130, 100_00L, 0, 77, 1);
        assertEquals(65, book.applyFill(index, 65, 65 * 101_00L, 101_00L, 2));
        assertEquals(65 * 101_00L, book.lastAppliedValue());
        assertEquals(0, book.applyFill(index, 65, 65 * 101_00L, 101_00L, 3), "duplicate of the same fill");
        assertEquals(OrderState.PARTIALLY_FILLED, book.state(index));
        assertEquals(65, book.applyFill(index, 130, 130 * 100_50L, 100_00L, 4));
        assertEquals(130 * 100_50L - 65 * 101_00L, book.lastAppliedValue());
        assertEquals(0, book.applyFill(index, 65, 65 * 101_00L, 101_00L, 5), "a stale report after a newer one");
        assertEquals(OrderState.FILLED, book.state(index));
        assertEquals(100_50L, book.averageFillPrice(index));
        assertFalse(book.transition(index, OrderState.OPEN, 6), "a late ack does not reopen a filled order");
    }

    @Test
    void shouldBookAFillReportedAfterTheOrderWasCancelled()
    {
        final int index = book.add(2002, 5, Side.BUY, 65, 10_00L, 0, 1, 1);
        assertTrue(book.transition(index, OrderState.CANCELLED, 2));
        assertEquals(65, book.applyFill(index, 65, -1, 10_05L, 3), "the trade happened: book it");
        assertEquals(OrderState.CANCELLED, book.state(index));
        assertEquals(65 * 10_05L, book.filledValue(index));
    }

    @Test
    void shouldRefuseDuplicateIdsAndAFullBook()
    {
        assertEquals(0, book.add(1, 0, Side.BUY, 65, 0, 0, 1, 1));
        assertEquals(OrderBook.NOT_FOUND, book.add(1, 0, Side.BUY, 65, 0, 0, 1, 1));
        book.add(2, 0, Side.BUY, 65, 0, 0, 1, 1);
        book.add(3, 0, Side.BUY, 65, 0, 0, 1, 1);
        book.add(4, 0, Side.BUY, 65, 0, 0, 1, 1);
        assertEquals(OrderBook.NOT_FOUND, book.add(5, 0, Side.BUY, 65, 0, 0, 1, 1));
        assertEquals(3, book.indexOf(4));
        assertEquals(OrderBook.NOT_FOUND, book.indexOf(99));
    }

    @Test
    void shouldNeverBookMoreThanTheOrderedQuantity()
    {
        final int index = book.add(9, 0, Side.BUY, 65, 0, 0, 1, 1);
        assertEquals(65, book.applyFill(index, 130, 130 * 5_00L, 5_00L, 2));
        assertEquals(65, book.filledQuantity(index));
    }
}
