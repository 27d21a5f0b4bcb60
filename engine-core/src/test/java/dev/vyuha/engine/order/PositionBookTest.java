package dev.vyuha.engine.order;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PositionBookTest
{
    private final PositionBook book = new PositionBook(8);

    @Test
    void shouldProfitOnAShortStraddleLegWhenThePremiumFalls()
    {
        final int slot = book.open(7);
        book.fill(slot, Side.SELL, 65, 65 * 100_00L);
        assertEquals(-65, book.netQuantity(slot));
        assertEquals(100_00L, book.averagePrice(slot));
        book.markTo(slot, 80_00L);
        assertEquals(65 * 20_00L, book.unrealised(slot));
        book.fill(slot, Side.BUY, 65, 65 * 80_00L);
        assertEquals(0, book.netQuantity(slot));
        assertEquals(65 * 20_00L, book.realised(slot));
        assertEquals(0, book.unrealised(slot));
        assertEquals(65 * 20_00L, book.bestPnl(slot));
    }

    @Test
    void shouldLoseOnALongLegClosedLowerAndTrackTheWorstMark()
    {
        final int slot = book.open(3);
        book.fill(slot, Side.BUY, 30, 30 * 250_00L);
        book.markTo(slot, 200_00L);
        book.markTo(slot, 260_00L);
        book.fill(slot, Side.SELL, 30, 30 * 210_00L);
        assertEquals(-30 * 40_00L, book.realised(slot));
        assertEquals(-30 * 50_00L, book.worstPnl(slot));
        assertEquals(30 * 10_00L, book.bestPnl(slot));
    }

    @Test
    void shouldReleaseProportionalCostOnPartialClosesAndFlipThroughZero()
    {
        final int slot = book.open(1);
        book.fill(slot, Side.BUY, 130, 130 * 100_00L);
        book.fill(slot, Side.SELL, 65, 65 * 120_00L);
        assertEquals(65, book.netQuantity(slot));
        assertEquals(65 * 20_00L, book.realised(slot));
        book.fill(slot, Side.SELL, 130, 130 * 110_00L);
        assertEquals(-65, book.netQuantity(slot), "flipped short");
        assertEquals(65 * 20_00L + 65 * 10_00L, book.realised(slot));
        assertEquals(110_00L, book.averagePrice(slot));
    }

    @Test
    void shouldConserveMoneyAcrossRandomFillsWhenFlat()
    {
        // Whatever the path, once flat: realised P&L = cash received - cash paid, exactly when closes are whole.
        final Random random = new Random(5);
        for (int run = 0; run < 500; run++)
        {
            final PositionBook positions = new PositionBook(1);
            final int slot = positions.open(0);
            long cash = 0;
            for (int i = 0; i < 20; i++)
            {
                final Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
                final long quantity = 65L * (1 + random.nextInt(4));
                final long price = 50_00L + random.nextInt(20_000);
                positions.fill(slot, side, quantity, quantity * price);
                cash -= side.sign() * quantity * price;
            }
            final long net = positions.netQuantity(slot);
            if (net != 0)
            {
                final Side closing = net > 0 ? Side.SELL : Side.BUY;
                final long price = 100_00L;
                positions.fill(slot, closing, Math.abs(net), Math.abs(net) * price);
                cash -= closing.sign() * Math.abs(net) * price;
            }
            assertEquals(0, positions.netQuantity(slot));
            assertEquals(0, positions.openCost(slot));
            assertEquals(cash, positions.realised(slot), 65L * 20, "at most a paisa per unit per partial close");
        }
    }
}
