package dev.vyuha.wire;

import dev.vyuha.sbe.BooleanType;
import dev.vyuha.sbe.DerivativeTickDecoder;
import dev.vyuha.sbe.DerivativeTickEncoder;
import dev.vyuha.sbe.Exchange;
import dev.vyuha.sbe.MessageHeaderEncoder;
import dev.vyuha.sbe.NewOrderDecoder;
import dev.vyuha.sbe.NewOrderEncoder;
import dev.vyuha.sbe.OrderType;
import dev.vyuha.sbe.Product;
import dev.vyuha.sbe.Side;
import dev.vyuha.sbe.TickMode;
import dev.vyuha.sbe.Validity;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import uk.co.real_logic.sbe.ir.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessageRoundTripTest
{
    private static final int ITERATIONS_PER_MESSAGE = 300;

    @TestFactory
    Stream<DynamicTest> shouldDecodeEveryFieldOfEveryMessageAsEncoded()
    {
        return SchemaIr.messagesByTemplateId().stream().map(tokens -> DynamicTest.dynamicTest(
            tokens.get(0).name() + " (template " + tokens.get(0).id() + ")", () -> roundTrip(tokens)));
    }

    private static void roundTrip(final List<Token> tokens)
    {
        final Random random = new Random(7001L * tokens.get(0).id());
        final ReflectiveMessageCodec codec = new ReflectiveMessageCodec(random, 300, 100_000);
        final FrameReader reader = new FrameReader();
        final ExpandableArrayBuffer encodeBuffer = new ExpandableArrayBuffer(4096);
        for (int i = 0; i < ITERATIONS_PER_MESSAGE; i++)
        {
            final List<String> written = new ArrayList<>();
            final int offset = random.nextInt(64);
            final int length = codec.encodeRandom(tokens, encodeBuffer, offset, written);

            // Decode from an exact copy of the frame: nothing may be read beyond it.
            final byte[] frame = new byte[length];
            encodeBuffer.getBytes(offset, frame);
            final UnsafeBuffer decodeBuffer = new UnsafeBuffer(frame);
            final FrameVerdict verdict = reader.read(decodeBuffer, 0, length);
            assertEquals(FrameVerdict.VALID, verdict, () -> reader.rejectionReason() + " for " + written);

            final Object decoder = ReflectiveMessageCodec.invoke(reader, decapitalise(tokens.get(0).name()),
                new Class<?>[0]);
            assertSameValues(written, codec.decodeAll(tokens, decoder));
        }
    }

    @Test
    void shouldRoundTripFullDerivativeTickFromKiteFullPacket()
    {
        // Values of ../shared/data/6_kite_mocks/ticker_full.packet (KITE.md §7.2), in paise and nanoseconds.
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[512]);
        final DerivativeTickEncoder encoder = new DerivativeTickEncoder()
            .wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder());
        encoder.commandHeader().sequence(42).timestampNs(1_625_461_887_000_000_123L);
        encoder.instrumentToken(408_065).mode(TickMode.FULL).lastPrice(157_370).lastQuantity(5).averagePrice(157_171)
            .volume(1_192_471).totalBuyQuantity(378_856).totalSellQuantity(502_220)
            .openPrice(156_915).highPrice(157_500).lowPrice(156_105).closePrice(156_780)
            .lastTradeTimeNs(1_625_461_887_000_000_000L).openInterest(0).openInterestDayHigh(0).openInterestDayLow(0)
            .exchangeTimestampNs(1_625_461_887_000_000_000L);
        encoder.bidDepth((short)5).askDepth((short)5);
        for (int level = 0; level < 5; level++)
        {
            encoder.bidPrice(level, 157_340 - 5 * level).bidQuantity(level, 5 + level).bidOrders(level, 1 + level)
                .askPrice(level, 157_370 + 5 * level).askQuantity(level, 172 + level).askOrders(level, 3 + level);
        }
        final int length = MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength();

        final FrameReader reader = new FrameReader();
        assertEquals(FrameVerdict.VALID, reader.read(buffer, 0, length), reader::rejectionReason);
        final DerivativeTickDecoder tick = reader.derivativeTick();
        assertEquals(42, tick.commandHeader().sequence());
        assertEquals(1_625_461_887_000_000_123L, tick.commandHeader().timestampNs());
        assertEquals(408_065, tick.instrumentToken());
        assertEquals(TickMode.FULL, tick.mode());
        assertEquals(157_370, tick.lastPrice());
        assertEquals(1_192_471, tick.volume());
        assertEquals(156_780, tick.closePrice());
        assertEquals(1_625_461_887_000_000_000L, tick.exchangeTimestampNs());
        assertEquals(5, tick.bidDepth());
        assertEquals(5, tick.askDepth());
        for (int level = 0; level < 5; level++)
        {
            assertEquals(157_340 - 5 * level, tick.bidPrice(level));
            assertEquals(5 + level, tick.bidQuantity(level));
            assertEquals(1 + level, tick.bidOrders(level));
            assertEquals(157_370 + 5 * level, tick.askPrice(level));
            assertEquals(172 + level, tick.askQuantity(level));
            assertEquals(3 + level, tick.askOrders(level));
        }
        assertEquals(length - MessageHeaderEncoder.ENCODED_LENGTH, tick.encodedLength());
    }

    @Test
    void shouldRepresentAbsentQuoteFieldsOfLtpTickAsNullNotZero()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[512]);
        final DerivativeTickEncoder encoder = new DerivativeTickEncoder()
            .wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder());
        encoder.instrumentToken(14_866_434).mode(TickMode.LTP).lastPrice(2_456_005)
            .lastQuantity(DerivativeTickEncoder.lastQuantityNullValue())
            .averagePrice(DerivativeTickEncoder.averagePriceNullValue())
            .volume(DerivativeTickEncoder.volumeNullValue())
            .totalBuyQuantity(DerivativeTickEncoder.totalBuyQuantityNullValue())
            .totalSellQuantity(DerivativeTickEncoder.totalSellQuantityNullValue())
            .openPrice(DerivativeTickEncoder.openPriceNullValue())
            .highPrice(DerivativeTickEncoder.highPriceNullValue())
            .lowPrice(DerivativeTickEncoder.lowPriceNullValue())
            .closePrice(DerivativeTickEncoder.closePriceNullValue())
            .lastTradeTimeNs(DerivativeTickEncoder.lastTradeTimeNsNullValue())
            .openInterest(0)
            .openInterestDayHigh(DerivativeTickEncoder.openInterestDayHighNullValue())
            .openInterestDayLow(DerivativeTickEncoder.openInterestDayLowNullValue())
            .exchangeTimestampNs(DerivativeTickEncoder.exchangeTimestampNsNullValue());
        encoder.bidDepth((short)0).askDepth((short)0);

        final FrameReader reader = new FrameReader();
        assertEquals(FrameVerdict.VALID,
            reader.read(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength()));
        final DerivativeTickDecoder tick = reader.derivativeTick();
        assertEquals(Long.MIN_VALUE, tick.volume());
        assertEquals(DerivativeTickDecoder.volumeNullValue(), tick.volume());
        assertEquals(0, tick.openInterest(), "a zero open interest stays zero, distinct from null");
        assertEquals(0, tick.bidDepth());
        assertEquals(0, tick.askDepth());
    }

    @Test
    void shouldRoundTripNewOrderWithTagAndSymbolAtFullWidth()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
        final NewOrderEncoder encoder = new NewOrderEncoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder());
        encoder.commandHeader().sequence(9_000_001).timestampNs(1_787_000_000_000_000_000L);
        encoder.clientOrderId(9_000_001_01L).tag("VY9000001-01-ABCDEFG").account("AB1234")
            .instrumentToken(12_345_678).tradingSymbol("BANKNIFTY26AUG57900CE").exchange(Exchange.NFO)
            .side(Side.SELL).orderType(OrderType.LIMIT).product(Product.MIS).validity(Validity.DAY)
            .quantity(1_200).limitPrice(24_005).triggerPrice(NewOrderEncoder.triggerPriceNullValue())
            .marketProtection((short)-1).lotSize(30).freezeQuantity(600).tickSize(5).referencePrice(24_100);

        final FrameReader reader = new FrameReader();
        assertEquals(FrameVerdict.VALID,
            reader.read(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength()));
        final NewOrderDecoder order = reader.newOrder();
        assertEquals("VY9000001-01-ABCDEFG", order.tag());
        assertEquals(20, order.tag().length());
        assertEquals("AB1234", order.account());
        assertEquals("BANKNIFTY26AUG57900CE", order.tradingSymbol());
        assertEquals(Side.SELL, order.side());
        assertEquals(OrderType.LIMIT, order.orderType());
        assertEquals(1_200, order.quantity());
        assertEquals(24_005, order.limitPrice());
        assertEquals(NewOrderDecoder.triggerPriceNullValue(), order.triggerPrice());
        assertEquals(-1, order.marketProtection());
        assertEquals(600, order.freezeQuantity());
        assertEquals(5, order.tickSize());
        assertEquals(9_000_001, order.commandHeader().sequence());
    }

    @Test
    void shouldCoverEveryMessageOfTheSchemaWithALayout()
    {
        final List<Integer> schemaTemplates = SchemaIr.messagesByTemplateId().stream()
            .map(tokens -> tokens.get(0).id()).toList();
        final List<Integer> layoutTemplates = MessageLayouts.all().stream().map(MessageLayout::templateId).toList();
        assertEquals(schemaTemplates, layoutTemplates);
        assertFalse(schemaTemplates.isEmpty());
        assertTrue(BooleanType.TRUE.value() == 1);
    }

    private static void assertSameValues(final List<String> written, final List<String> read)
    {
        for (int i = 0; i < Math.min(written.size(), read.size()); i++)
        {
            if (!written.get(i).equals(read.get(i)))
            {
                assertEquals(abbreviate(written.get(i)), abbreviate(read.get(i)), "value " + i + " differs");
            }
        }
        assertEquals(written.size(), read.size(), "number of values");
    }

    private static String abbreviate(final String text)
    {
        return text.length() <= 160 ? text : text.substring(0, 160) + "...(" + text.length() + " chars)";
    }

    static String decapitalise(final String name)
    {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
