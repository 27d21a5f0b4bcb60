package dev.vyuha.feed.kite;

import com.zerodhatech.models.Depth;
import com.zerodhatech.models.Tick;
import com.zerodhatech.ticker.KiteTicker;
import dev.vyuha.feed.source.MarketDataFrames;
import dev.vyuha.kitesim.DepthLevel;
import dev.vyuha.kitesim.SimQuote;
import dev.vyuha.kitesim.TickerPackets;
import dev.vyuha.reference.ReferenceData;
import dev.vyuha.sbe.DerivativeTickDecoder;
import dev.vyuha.sbe.IndexTickDecoder;
import dev.vyuha.sbe.TickMode;
import dev.vyuha.wire.FrameReader;
import dev.vyuha.wire.FrameVerdict;
import org.agrona.concurrent.UnsafeBuffer;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ticker packets decode to the right values: the official packets of {@code ../shared/data/6_kite_mocks} against
 * their JSON, every packet kind the Kite simulator sends against the quote it was made from, and all of them against
 * the SDK's own parser.
 */
class KiteTickerDecoderTest
{
    private static final long OPTION = 11547650L;
    private static final long NIFTY = 256265L;

    private final KiteTickerDecoder decoder = new KiteTickerDecoder();
    private final UnsafeBuffer out = new UnsafeBuffer(ByteBuffer.allocateDirect(1024));
    private final FrameReader reader = new FrameReader();

    @Test
    void shouldDecodeTheOfficialFullPacketToTheValuesOfItsJson() throws IOException
    {
        final byte[] packet = fixture("ticker_full.packet");
        final JSONObject expected = json("ticker_full.json");

        final DerivativeTickDecoder tick = derivative(packet);

        assertEquals(TickMode.FULL, tick.mode());
        assertEquals(expected.getLong("instrument_token"), tick.instrumentToken());
        assertEquals(paise(expected, "last_price"), tick.lastPrice());
        assertEquals(expected.getInt("last_quantity"), tick.lastQuantity());
        assertEquals(paise(expected, "average_price"), tick.averagePrice());
        assertEquals(expected.getLong("volume"), tick.volume());
        assertEquals(expected.getLong("buy_quantity"), tick.totalBuyQuantity());
        assertEquals(expected.getLong("sell_quantity"), tick.totalSellQuantity());
        final JSONObject ohlc = expected.getJSONObject("ohlc");
        assertEquals(paise(ohlc, "open"), tick.openPrice());
        assertEquals(paise(ohlc, "high"), tick.highPrice());
        assertEquals(paise(ohlc, "low"), tick.lowPrice());
        assertEquals(paise(ohlc, "close"), tick.closePrice());
        assertEquals(epochNanos(expected.getString("last_trade_time")), tick.lastTradeTimeNs());
        assertEquals(epochNanos(expected.getString("timestamp")), tick.exchangeTimestampNs());
        assertEquals(1_625_461_887_000_000_000L, tick.exchangeTimestampNs(), "2021-07-05 10:41:27 IST (KITE.md §7.2)");
        assertEquals(expected.getLong("oi"), tick.openInterest());
        final List<long[]> bids = new ArrayList<>();
        for (int level = 0; level < tick.bidDepth(); level++)
        {
            bids.add(new long[] {tick.bidPrice(level), tick.bidQuantity(level), tick.bidOrders(level)});
        }
        final List<long[]> asks = new ArrayList<>();
        for (int level = 0; level < tick.askDepth(); level++)
        {
            asks.add(new long[] {tick.askPrice(level), tick.askQuantity(level), tick.askOrders(level)});
        }
        assertDepth(expected.getJSONObject("depth").getJSONArray("buy"), bids);
        assertDepth(expected.getJSONObject("depth").getJSONArray("sell"), asks);
        assertEquals(157_340, bids.get(0)[0], "first bid 5 @ 1573.40 / 1 order");
        assertEquals(172, asks.get(0)[1], "first ask 172 @ 1573.70 / 3 orders");
    }

    @Test
    void shouldDecodeTheOfficialQuotePacketToTheValuesOfItsJson() throws IOException
    {
        final JSONObject expected = json("ticker_quote.json");

        final DerivativeTickDecoder tick = derivative(fixture("ticker_quote.packet"));

        assertEquals(TickMode.QUOTE, tick.mode());
        assertEquals(expected.getLong("instrument_token"), tick.instrumentToken());
        assertEquals(paise(expected, "last_price"), tick.lastPrice());
        assertEquals(expected.getInt("last_quantity"), tick.lastQuantity());
        assertEquals(paise(expected, "average_price"), tick.averagePrice());
        assertEquals(expected.getLong("volume"), tick.volume());
        assertEquals(expected.getLong("buy_quantity"), tick.totalBuyQuantity());
        assertEquals(expected.getLong("sell_quantity"), tick.totalSellQuantity());
        assertEquals(paise(expected.getJSONObject("ohlc"), "close"), tick.closePrice());
        assertEquals(MarketDataFrames.NULL_TIME, tick.exchangeTimestampNs());
        assertEquals(MarketDataFrames.NULL_COUNT, tick.openInterest());
        assertEquals(0, tick.bidDepth());
        assertEquals(0, tick.askDepth());
    }

    @Test
    void shouldDecodeTheOfficialPacketsInAMessageExactlyAsTheSdkParsesThem() throws IOException
    {
        final byte[] quote = fixture("ticker_quote.packet");
        final byte[] full = fixture("ticker_full.packet");
        final ByteBuffer message = ByteBuffer.allocate(2 + 2 + quote.length + 2 + full.length);
        message.putShort((short)2).putShort((short)quote.length).put(quote).putShort((short)full.length).put(full);

        assertSameAsSdk(message.array(), 2);
    }

    @Test
    void shouldDecodeEveryPacketKindTheSimulatorSendsToTheQuoteItCameFrom()
    {
        final SimQuote option = SimQuote.builder(OPTION).lastPrice(123_45).lastQuantity(65).averagePrice(122_10)
            .volume(3_000_000_000L).totals(12_345, 23_456).ohlc(110_00, 130_00, 105_00, 115_50)
            .times(1_786_935_600L, 1_786_935_601L).openInterest(6_500_000, 6_600_000, 6_400_000)
            .bid(0, 123_40, 650, 3).bid(1, 123_35, 1_300, 5).ask(0, 123_50, 390, 2).ask(4, 124_00, 65, 1).build();
        final SimQuote index = SimQuote.builder(NIFTY).lastPrice(24_612_35).ohlc(24_580_00, 24_650_10, 24_550_05,
            24_570_25).times(0, 1_786_935_601L).build();
        final List<SimQuote> quotes = List.of(option, option, option, index, index, index);
        final List<String> modes = List.of("ltp", "quote", "full", "ltp", "quote", "full");
        final ByteBuffer message = TickerPackets.message(quotes, modes);
        final byte[] bytes = new byte[message.remaining()];
        message.get(bytes);

        final List<Object> frames = decodeAll(bytes);

        assertEquals(6, frames.size());
        final long[] ltp = (long[])frames.get(0);
        assertEquals(List.of(OPTION, (long)TickMode.LTP.value(), 123_45L), List.of(ltp[0], ltp[1], ltp[2]));
        final long[] quoteTick = (long[])frames.get(1);
        assertEquals(List.of(OPTION, (long)TickMode.QUOTE.value(), 123_45L, 65L, 122_10L, 3_000_000_000L, 12_345L,
            23_456L, 110_00L, 130_00L, 105_00L, 115_50L), boxed(quoteTick, 12));
        final long[] fullTick = (long[])frames.get(2);
        assertEquals(List.of(OPTION, (long)TickMode.FULL.value(), 123_45L, 65L, 122_10L, 3_000_000_000L, 12_345L,
            23_456L, 110_00L, 130_00L, 105_00L, 115_50L, 1_786_935_600_000_000_000L, 6_500_000L, 6_600_000L,
            6_400_000L, 1_786_935_601_000_000_000L), boxed(fullTick, 17));
        final List<DepthLevel> bids = option.bids();
        final List<DepthLevel> asks = option.asks();
        for (int level = 0; level < 5; level++)
        {
            assertEquals(bids.get(level).price(), fullTick[17 + level * 3]);
            assertEquals(bids.get(level).quantity(), fullTick[18 + level * 3]);
            assertEquals(bids.get(level).orders(), fullTick[19 + level * 3]);
            assertEquals(asks.get(level).price(), fullTick[32 + level * 3]);
            assertEquals(asks.get(level).quantity(), fullTick[33 + level * 3]);
            assertEquals(asks.get(level).orders(), fullTick[34 + level * 3]);
        }
        assertEquals(List.of(NIFTY, (long)TickMode.LTP.value(), 24_612_35L, MarketDataFrames.NULL_PRICE),
            boxed((long[])frames.get(3), 4));
        assertEquals(List.of(NIFTY, (long)TickMode.QUOTE.value(), 24_612_35L, 24_580_00L, 24_650_10L, 24_550_05L,
            24_570_25L, 24_612_35L - 24_570_25L, MarketDataFrames.NULL_TIME), boxed((long[])frames.get(4), 9));
        assertEquals(List.of(NIFTY, (long)TickMode.FULL.value(), 24_612_35L, 24_580_00L, 24_650_10L, 24_550_05L,
            24_570_25L, 24_612_35L - 24_570_25L, 1_786_935_601_000_000_000L), boxed((long[])frames.get(5), 9));
        assertSameAsSdk(bytes, 6);
    }

    @Test
    void shouldScaleCurrencyPricesToPaiseAndReadNothingInAHeartbeatOrAMalformedMessage()
    {
        final long cds = (1000L << 8) | 3;
        final ByteBuffer message = ByteBuffer.allocate(2 + 2 + 8);
        message.putShort((short)1).putShort((short)8).putInt((int)cds).putInt(832_512_500);
        assertEquals(8_325L, ((long[])decodeAll(message.array()).get(0))[2], "83.25125 rupees, in whole paise");

        assertEquals(0, decoder.decodeMessage(new UnsafeBuffer(new byte[] {0}), 0, 1, out, 0, (b, o, l) ->
        {
            throw new AssertionError("a heartbeat has no packets");
        }));
        final ByteBuffer odd = ByteBuffer.allocate(2 + 2 + 12 + 2 + 8);
        odd.putShort((short)3).putShort((short)12).put(new byte[12]).putShort((short)8).putInt(1).putInt(2);
        final long before = decoder.malformed();
        assertEquals(1, decoder.decodeMessage(new UnsafeBuffer(odd.array()), 0, odd.capacity(), out, 0, (b, o, l) ->
        {
        }));
        assertEquals(before + 2, decoder.malformed(), "a 12-byte packet and the missing third packet");
    }

    @Test
    void shouldNeverReadPastAMessageWhateverItsBytesSay()
    {
        // Valid messages of every packet kind, then cut short, bit-flipped or replaced by noise, each in a buffer of
        // exactly its size: the decoder must stay inside it (tests run with Agrona's bounds checks on, so a read past
        // the end throws here), and every frame it emits must be a valid frame.
        final Random random = new Random(2021);
        final SimQuote option = SimQuote.builder(OPTION).lastPrice(123_45).lastQuantity(65).averagePrice(122_10)
            .volume(3_000_000L).totals(12_345, 23_456).ohlc(110_00, 130_00, 105_00, 115_50)
            .times(1_786_935_600L, 1_786_935_601L).openInterest(6_500_000, 6_600_000, 6_400_000)
            .bid(0, 123_40, 650, 3).ask(0, 123_50, 390, 2).build();
        final SimQuote index = SimQuote.builder(NIFTY).lastPrice(24_612_35).ohlc(24_580_00, 24_650_10, 24_550_05,
            24_570_25).times(0, 1_786_935_601L).build();
        final List<String> kinds = List.of("ltp", "quote", "full");
        int frames = 0;
        for (int i = 0; i < 20_000; i++)
        {
            final int packets = 1 + random.nextInt(4);
            final List<SimQuote> quotes = new ArrayList<>();
            final List<String> modes = new ArrayList<>();
            for (int p = 0; p < packets; p++)
            {
                quotes.add(random.nextBoolean() ? option : index);
                modes.add(kinds.get(random.nextInt(kinds.size())));
            }
            final ByteBuffer valid = TickerPackets.message(quotes, modes);
            byte[] bytes = new byte[valid.remaining()];
            valid.get(bytes);
            switch (random.nextInt(4))
            {
                case 0 -> bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
                case 1 ->
                {
                    for (int flips = 1 + random.nextInt(4); flips > 0; flips--)
                    {
                        bytes[random.nextInt(bytes.length)] ^= (byte)(1 << random.nextInt(8));
                    }
                }
                case 2 -> random.nextBytes(bytes);
                default ->
                {
                    // The message as sent.
                }
            }
            final UnsafeBuffer message = new UnsafeBuffer(bytes);
            final int[] emitted = {0};
            decoder.decodeMessage(message, 0, bytes.length, out, 0, (buffer, offset, length) ->
            {
                assertEquals(FrameVerdict.VALID, reader.read(buffer, offset, length), reader::rejectionReason);
                emitted[0]++;
            });
            frames += emitted[0];
        }
        assertTrue(frames > 10_000, "intact and partly intact messages still decode: " + frames);
    }

    @Test
    void shouldRefuseARangeOutsideTheBufferItIsGiven()
    {
        final UnsafeBuffer message = new UnsafeBuffer(new byte[12]);
        final long before = decoder.malformed();
        assertEquals(0, decoder.decodeMessage(message, 4, 12, out, 0, (b, o, l) ->
        {
            throw new AssertionError("nothing to decode");
        }));
        assertEquals(-1, decoder.decodePacket(message, -1, 8, out, 0));
        assertEquals(-1, decoder.decodePacket(message, 8, 8, out, 0));
        assertEquals(before + 3, decoder.malformed());
    }

    private DerivativeTickDecoder derivative(final byte[] packet)
    {
        final int length = decoder.decodePacket(new UnsafeBuffer(packet), 0, packet.length, out, 0);
        assertEquals(FrameVerdict.VALID, reader.read(out, 0, length), reader::rejectionReason);
        return reader.derivativeTick();
    }

    private List<Object> decodeAll(final byte[] message)
    {
        final List<Object> frames = new ArrayList<>();
        decoder.decodeMessage(new UnsafeBuffer(message), 0, message.length, out, 16, (buffer, offset, length) ->
        {
            assertEquals(FrameVerdict.VALID, reader.read(buffer, offset, length), reader::rejectionReason);
            frames.add(reader.templateId() == IndexTickDecoder.TEMPLATE_ID ? flatten(reader.indexTick()) :
                flatten(reader.derivativeTick()));
        });
        return frames;
    }

    private void assertSameAsSdk(final byte[] message, final int expectedTicks)
    {
        final List<Tick> sdk = new ArrayList<>();
        final KiteTicker ticker = new KiteTicker("token", "key");
        ticker.setOnTickerArrivalListener(sdk::addAll);
        try
        {
            ticker.getWebsocketAdapter().onBinaryMessage(null, message);
        }
        catch (final Exception ex)
        {
            throw new AssertionError("the SDK could not parse the message", ex);
        }
        final List<Object> ours = decodeAll(message);
        assertEquals(expectedTicks, sdk.size());
        assertEquals(expectedTicks, ours.size());
        for (int i = 0; i < sdk.size(); i++)
        {
            final Tick tick = sdk.get(i);
            final long[] frame = (long[])ours.get(i);
            assertEquals(tick.getInstrumentToken(), frame[0]);
            assertEquals(Math.round(tick.getLastTradedPrice() * 100), frame[2]);
            if (tick.isTradable() && !"ltp".equals(tick.getMode()))
            {
                assertEquals((long)tick.getLastTradedQuantity(), frame[3]);
                assertEquals(Math.round(tick.getAverageTradePrice() * 100), frame[4]);
                // SDK 3.5.1 reads the volume as a signed int (negative above 2^31 - 1 units); ours is unsigned.
                assertEquals(tick.getVolumeTradedToday() & 0xFFFF_FFFFL, frame[5]);
                assertEquals(Math.round(tick.getOpenPrice() * 100), frame[8]);
                assertEquals(Math.round(tick.getHighPrice() * 100), frame[9]);
                assertEquals(Math.round(tick.getLowPrice() * 100), frame[10]);
                assertEquals(Math.round(tick.getClosePrice() * 100), frame[11]);
            }
            if ("full".equals(tick.getMode()) && tick.isTradable())
            {
                assertEquals(tick.getLastTradedTime().getTime() * 1_000_000L, frame[12]);
                assertEquals((long)tick.getOi(), frame[13]);
                assertEquals(tick.getTickTimestamp().getTime() * 1_000_000L, frame[16]);
                final List<Depth> buy = tick.getMarketDepth().get("buy");
                final List<Depth> sell = tick.getMarketDepth().get("sell");
                for (int level = 0; level < 5; level++)
                {
                    assertEquals(Math.round(buy.get(level).getPrice() * 100), frame[17 + level * 3]);
                    assertEquals(buy.get(level).getQuantity(), frame[18 + level * 3]);
                    assertEquals(Math.round(sell.get(level).getPrice() * 100), frame[32 + level * 3]);
                    assertEquals(sell.get(level).getQuantity(), frame[33 + level * 3]);
                }
            }
            if (!tick.isTradable() && !"ltp".equals(tick.getMode()))
            {
                assertEquals(Math.round(tick.getOpenPrice() * 100), frame[3]);
                assertEquals(Math.round(tick.getHighPrice() * 100), frame[4]);
                assertEquals(Math.round(tick.getLowPrice() * 100), frame[5]);
                assertEquals(Math.round(tick.getClosePrice() * 100), frame[6]);
            }
        }
    }

    private static long[] flatten(final IndexTickDecoder tick)
    {
        return new long[] {tick.instrumentToken(), tick.mode().value(), tick.lastPrice(), tick.openPrice(),
            tick.highPrice(), tick.lowPrice(), tick.closePrice(), tick.change(), tick.exchangeTimestampNs()};
    }

    private static long[] flatten(final DerivativeTickDecoder tick)
    {
        final long[] values = new long[47];
        final long[] head = {tick.instrumentToken(), tick.mode().value(), tick.lastPrice(), tick.lastQuantity(),
            tick.averagePrice(), tick.volume(), tick.totalBuyQuantity(), tick.totalSellQuantity(), tick.openPrice(),
            tick.highPrice(), tick.lowPrice(), tick.closePrice(), tick.lastTradeTimeNs(), tick.openInterest(),
            tick.openInterestDayHigh(), tick.openInterestDayLow(), tick.exchangeTimestampNs()};
        System.arraycopy(head, 0, values, 0, head.length);
        int at = 17;
        for (int level = 0; level < tick.bidDepth(); level++)
        {
            values[at++] = tick.bidPrice(level);
            values[at++] = tick.bidQuantity(level);
            values[at++] = tick.bidOrders(level);
        }
        at = 32;
        for (int level = 0; level < tick.askDepth(); level++)
        {
            values[at++] = tick.askPrice(level);
            values[at++] = tick.askQuantity(level);
            values[at++] = tick.askOrders(level);
        }
        return values;
    }

    private static List<Long> boxed(final long[] values, final int count)
    {
        final List<Long> list = new ArrayList<>();
        for (int i = 0; i < count; i++)
        {
            list.add(values[i]);
        }
        return list;
    }

    private static void assertDepth(final JSONArray expected, final List<long[]> actual)
    {
        assertEquals(expected.length(), actual.size());
        for (int i = 0; i < expected.length(); i++)
        {
            final JSONObject level = expected.getJSONObject(i);
            assertEquals(paise(level, "price"), actual.get(i)[0]);
            assertEquals(level.getLong("quantity"), actual.get(i)[1]);
            assertEquals(level.getLong("orders"), actual.get(i)[2]);
        }
        assertTrue(actual.size() == 5);
    }

    private static long paise(final JSONObject object, final String key)
    {
        return Math.round(object.getDouble(key) * 100);
    }

    private static long epochNanos(final String isoTime)
    {
        return OffsetDateTime.parse(isoTime).toEpochSecond() * 1_000_000_000L;
    }

    private static byte[] fixture(final String name) throws IOException
    {
        return Base64.getDecoder().decode(Files.readString(ReferenceData.file("6_kite_mocks/" + name)).trim());
    }

    private static JSONObject json(final String name) throws IOException
    {
        return new JSONObject(Files.readString(ReferenceData.file("6_kite_mocks/" + name)));
    }
}
