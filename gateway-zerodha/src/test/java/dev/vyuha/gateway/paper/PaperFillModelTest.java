package dev.vyuha.gateway.paper;

import dev.vyuha.gateway.venue.MarketQuote;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PaperFillModelTest
{
    private static final long TOKEN = 11547650;
    private static final long MS = 1_000_000;

    private final List<String> events = new ArrayList<>();
    private final PaperFillModel.FillListener listener = new PaperFillModel.FillListener()
    {
        @Override
        public void onFill(final long orderId, final int quantity, final long price, final long timeNs)
        {
            events.add("fill " + orderId + " " + quantity + "@" + price + " t" + timeNs / MS);
        }

        @Override
        public void onCancelled(final long orderId, final int quantity, final long timeNs)
        {
            events.add("cancel " + orderId + " " + quantity + " t" + timeNs / MS);
        }
    };

    @Test
    void shouldBuyAtTheAskAndSellAtTheBid()
    {
        final PaperFillModel model = new PaperFillModel(0, 0, listener);
        model.submit(1, TOKEN, true, 65, PaperFillModel.MARKET, false, 0);
        model.submit(2, TOKEN, false, 65, PaperFillModel.MARKET, false, 0);

        model.onQuote(quote(1, 100_00, 130, 100_05, 130));

        assertEquals(List.of("fill 1 65@10005 t1", "fill 2 65@10000 t1"), events);
    }

    @Test
    void shouldWalkTheDepthBeyondTheTopOfTheBookWhileTheLimitAllows()
    {
        final PaperFillModel model = new PaperFillModel(0, 0, listener);
        model.submit(1, TOKEN, true, 260, 100_10, false, 0);

        model.onQuote(quote(1, 99_95, 65, 100_00, 65).addAsk(100_05, 65).addAsk(100_10, 65).addAsk(100_15, 65));

        assertEquals(List.of("fill 1 65@10000 t1", "fill 1 65@10005 t1", "fill 1 65@10010 t1"), events);
        assertEquals(65, model.openQuantity(1), "the level above the limit is not taken");
    }

    @Test
    void shouldRestWhatTheBookCannotFillUntilANewQuoteBringsLiquidity()
    {
        final PaperFillModel model = new PaperFillModel(0, 0, listener);
        model.submit(1, TOKEN, true, 130, 100_00, false, 0);
        model.onQuote(quote(1, 99_95, 65, 100_00, 65));
        model.advance(2 * MS);
        assertEquals(List.of("fill 1 65@10000 t1"), events, "consumed liquidity is gone until the next quote");

        model.onQuote(quote(3, 99_95, 65, 100_00, 65));

        assertEquals(List.of("fill 1 65@10000 t1", "fill 1 65@10000 t3"), events);
        assertEquals(0, model.openQuantity(1));
    }

    @Test
    void shouldShareConsumedLiquidityBetweenOrdersInSubmissionOrder()
    {
        final PaperFillModel model = new PaperFillModel(0, 0, listener);
        model.submit(1, TOKEN, true, 65, 100_00, false, 0);
        model.submit(2, TOKEN, true, 65, 100_00, false, 0);

        model.onQuote(quote(1, 99_95, 65, 100_00, 65));

        assertEquals(List.of("fill 1 65@10000 t1"), events);
        assertEquals(65, model.openQuantity(2));
    }

    @Test
    void shouldNotFillBeforeTheLatencyHasElapsed()
    {
        final PaperFillModel model = new PaperFillModel(0, 50 * MS, listener);
        model.submit(1, TOKEN, true, 65, PaperFillModel.MARKET, false, 0);
        model.onQuote(quote(10, 99_95, 65, 100_00, 65));
        assertTrue(events.isEmpty());

        model.advance(49 * MS);
        assertTrue(events.isEmpty());
        model.advance(50 * MS);

        assertEquals(List.of("fill 1 65@10000 t50"), events);
    }

    @Test
    void shouldMoveFillsAgainstTheOrderBySlippageButNeverBeyondItsLimit()
    {
        final PaperFillModel model = new PaperFillModel(10, 0, listener);
        model.submit(1, TOKEN, true, 65, PaperFillModel.MARKET, false, 0);
        model.submit(2, TOKEN, false, 65, PaperFillModel.MARKET, false, 0);
        model.submit(3, TOKEN, true, 65, 100_05, false, 0);

        model.onQuote(quote(1, 100_00, 130, 100_00, 130));

        assertEquals(List.of("fill 1 65@10010 t1", "fill 2 65@9990 t1", "fill 3 65@10005 t1"), events);
    }

    @Test
    void shouldCancelTheUnfilledRestOfAnImmediateOrCancelOrder()
    {
        final PaperFillModel model = new PaperFillModel(0, 0, listener);
        model.submit(1, TOKEN, true, 130, 100_00, true, 0);

        model.onQuote(quote(1, 99_95, 65, 100_00, 65));

        assertEquals(List.of("fill 1 65@10000 t1", "cancel 1 65 t1"), events);
        assertEquals(0, model.openQuantity(1));
    }

    @Test
    void shouldFillTheWholeQuantityAtTheLastPriceWhenTheQuoteHasNoDepth()
    {
        final PaperFillModel model = new PaperFillModel(0, 0, listener);
        model.submit(1, TOKEN, false, 650, 99_00, false, 0);

        model.onQuote(new MarketQuote().reset(TOKEN, MS, 99_50));

        assertEquals(List.of("fill 1 650@9950 t1"), events);
    }

    @Test
    void shouldCancelAndAmendLiveOrders()
    {
        final PaperFillModel model = new PaperFillModel(0, 0, listener);
        model.submit(1, TOKEN, true, 130, 90_00, false, 0);
        model.submit(2, TOKEN, true, 130, 90_00, false, 0);

        assertEquals(130, model.cancel(1, 5 * MS));
        assertTrue(model.amend(2, 65, 100_00));
        assertFalse(model.amend(1, 65, 100_00), "a cancelled order cannot change");
        model.onQuote(quote(6, 99_95, 650, 100_00, 650));

        assertEquals(List.of("cancel 1 130 t5", "fill 2 65@10000 t6"), events);
    }

    @Test
    void shouldProduceTheSameFillsForTheSameInputs()
    {
        final List<String> first = run();
        events.clear();

        assertEquals(first, run());
    }

    private List<String> run()
    {
        final PaperFillModel model = new PaperFillModel(3, 5 * MS, listener);
        for (int i = 0; i < 20; i++)
        {
            model.submit(i, TOKEN, i % 2 == 0, 65 * (1 + i % 3), i % 4 == 0 ? PaperFillModel.MARKET : 100_00, false,
                i * MS);
            model.onQuote(quote(i, 99_95 - i, 65 + i, 100_00 + i, 130 - i));
        }
        model.advance(100 * MS);
        return List.copyOf(events);
    }

    private static MarketQuote quote(final long timeMs, final long bid, final int bidQty, final long ask,
        final int askQty)
    {
        return new MarketQuote().reset(TOKEN, timeMs * MS, ask).addBid(bid, bidQty).addAsk(ask, askQty);
    }
}
