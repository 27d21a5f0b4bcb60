package dev.vyuha.kitesim;

import com.fasterxml.jackson.databind.JsonNode;
import com.zerodhatech.models.Tick;
import com.zerodhatech.ticker.KiteTicker;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ticker encoding against the official binary fixtures: a quote built from {@code ticker_full.json} and
 * {@code ticker_quote.json} encodes to exactly the bytes of {@code ticker_full.packet} and {@code ticker_quote.packet},
 * and the SDK's own parser turns both into identical ticks.
 */
class TickerPacketsTest
{
    @Test
    void shouldEncodeTheFullFixtureByteForByte() throws Exception
    {
        final byte[] fixture = KiteFixtures.packet("ticker_full.packet");
        final SimQuote quote = fromJson(KiteJson.mapper().readTree(KiteFixtures.mock("ticker_full.json")));

        assertArrayEquals(fixture, TickerPackets.packet(quote, TickerPackets.MODE_FULL));
    }

    @Test
    void shouldEncodeTheQuoteFixtureByteForByte() throws Exception
    {
        final byte[] fixture = KiteFixtures.packet("ticker_quote.packet");
        final SimQuote quote = fromJson(KiteJson.mapper().readTree(KiteFixtures.mock("ticker_quote.json")));

        assertArrayEquals(fixture, TickerPackets.packet(quote, TickerPackets.MODE_QUOTE));
    }

    @Test
    void shouldMakeTheSdkParseOurPacketsAndTheFixtureIntoEqualTicks() throws Exception
    {
        final SimQuote quote = fromJson(KiteJson.mapper().readTree(KiteFixtures.mock("ticker_full.json")));
        final byte[] fixture = KiteFixtures.packet("ticker_full.packet");
        final ByteBuffer framed = ByteBuffer.allocate(4 + fixture.length).putShort((short)1)
            .putShort((short)fixture.length).put(fixture);

        final List<Tick> fromFixture = parse(framed.array());
        final List<Tick> fromSimulator = parse(array(TickerPackets.message(List.of(quote), List.of("full"))));

        assertEquals(1, fromFixture.size());
        final Set<String> all = Set.of("mode", "tradable", "instrumentToken", "lastTradedPrice", "highPrice",
            "lowPrice", "openPrice", "closePrice", "change", "lastTradedQuantity", "averageTradePrice",
            "volumeTradedToday", "totalBuyQuantity", "totalSellQuantity", "lastTradedTime", "oi", "oiDayHigh",
            "oiDayLow", "tickTimestamp", "depth");
        assertEquals(List.of(), ModelComparison.differences(fromFixture.get(0), fromSimulator.get(0), all, Set.of()));
        assertEquals(1573.7, fromSimulator.get(0).getLastTradedPrice());
        assertEquals(5, fromSimulator.get(0).getMarketDepth().get("buy").get(0).getQuantity());
    }

    @Test
    void shouldEncodeLtpIndexAndCurrencyPacketsTheSdkParses() throws Exception
    {
        final long nifty = 256265;
        final long usdInr = (1000L << 8) | 3;
        final List<SimQuote> quotes = List.of(
            SimQuote.builder(408065).lastPrice(1573_15).build(),
            SimQuote.builder(nifty).lastPrice(24450_50).ohlc(24400_00, 24500_00, 24380_00, 24410_00).build(),
            SimQuote.builder(nifty).lastPrice(24451_00).ohlc(24400_00, 24500_00, 24380_00, 24410_00)
                .times(0, 1_786_000_000L).build(),
            SimQuote.builder(usdInr).lastPrice(83_25).build());

        final List<Tick> ticks = parse(array(TickerPackets.message(quotes, List.of("ltp", "quote", "full", "ltp"))));

        assertEquals(4, ticks.size());
        assertEquals(1573.15, ticks.get(0).getLastTradedPrice());
        assertEquals("ltp", ticks.get(0).getMode());
        assertFalse(ticks.get(1).isTradable());
        assertEquals(24450.5, ticks.get(1).getLastTradedPrice());
        assertEquals(24410.0, ticks.get(1).getClosePrice());
        assertEquals(1_786_000_000_000L, ticks.get(2).getTickTimestamp().getTime());
        assertEquals(83.25, ticks.get(3).getLastTradedPrice(), 1e-9);
        assertTrue(TickerPackets.isIndex(nifty));
    }

    @Test
    void shouldSendAZeroHeartbeatTheSdkReadsAsNoTicks() throws Exception
    {
        assertEquals(List.of(), parse(array(TickerPackets.heartbeat())));
    }

    static SimQuote fromJson(final JsonNode tick)
    {
        final JsonNode ohlc = tick.path("ohlc");
        final SimQuote.Builder builder = SimQuote.builder(tick.path("instrument_token").asLong())
            .lastPrice(paise(tick.path("last_price")))
            .lastQuantity(tick.path("last_quantity").asInt())
            .averagePrice(paise(tick.path("average_price")))
            .volume(tick.path("volume").asLong())
            .totals(tick.path("buy_quantity").asLong(), tick.path("sell_quantity").asLong())
            .ohlc(paise(ohlc.path("open")), paise(ohlc.path("high")), paise(ohlc.path("low")),
                paise(ohlc.path("close")))
            .openInterest(tick.path("oi").asLong(), tick.path("oi_day_high").asLong(),
                tick.path("oi_day_low").asLong());
        if (tick.has("timestamp"))
        {
            builder.times(OffsetDateTime.parse(tick.path("last_trade_time").asText()).toEpochSecond(),
                OffsetDateTime.parse(tick.path("timestamp").asText()).toEpochSecond());
        }
        for (int i = 0; i < tick.path("depth").path("buy").size(); i++)
        {
            final JsonNode bid = tick.path("depth").path("buy").get(i);
            final JsonNode ask = tick.path("depth").path("sell").get(i);
            builder.bid(i, paise(bid.path("price")), bid.path("quantity").asInt(), bid.path("orders").asInt());
            builder.ask(i, paise(ask.path("price")), ask.path("quantity").asInt(), ask.path("orders").asInt());
        }
        return builder.build();
    }

    @SuppressWarnings("unchecked")
    static List<Tick> parse(final byte[] message) throws Exception
    {
        final KiteTicker ticker = SdkRoutes.kiteTicker("ws://127.0.0.1:9/?access_token=:access_token&api_key=:api_key",
            "k", "t");
        final Method parseBinary = KiteTicker.class.getDeclaredMethod("parseBinary", byte[].class);
        parseBinary.setAccessible(true);
        return (List<Tick>)parseBinary.invoke(ticker, (Object)message);
    }

    private static long paise(final JsonNode price)
    {
        return price.decimalValue().movePointRight(2).longValueExact();
    }

    private static byte[] array(final ByteBuffer buffer)
    {
        final byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
