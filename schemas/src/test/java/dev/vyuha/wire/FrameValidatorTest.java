package dev.vyuha.wire;

import dev.vyuha.sbe.DerivativeTickEncoder;
import dev.vyuha.sbe.LoadBasketEncoder;
import dev.vyuha.sbe.MessageHeaderEncoder;
import dev.vyuha.sbe.NewOrderEncoder;
import dev.vyuha.sbe.ReconciliationReportEncoder;
import dev.vyuha.sbe.Side;
import dev.vyuha.sbe.TickMode;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import uk.co.real_logic.sbe.ir.Token;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrameValidatorTest
{
    private final FrameValidator validator = new FrameValidator();
    private final FrameReader reader = new FrameReader(validator);

    @TestFactory
    Stream<DynamicTest> shouldRejectEveryTruncationOfEveryMessageAsTruncated()
    {
        return SchemaIr.messagesByTemplateId().stream().map(tokens -> DynamicTest.dynamicTest(tokens.get(0).name(),
            () ->
            {
                final Random random = new Random(tokens.get(0).id());
                for (int sample = 0; sample < 20; sample++)
                {
                    final UnsafeBuffer frame = encodeRandom(tokens, random);
                    final int length = frame.capacity();
                    assertEquals(FrameVerdict.VALID, validator.validate(frame, 0, length));
                    for (int cut = 0; cut < length; cut++)
                    {
                        final UnsafeBuffer truncated = new UnsafeBuffer(new byte[cut]);
                        truncated.putBytes(0, frame, 0, cut);
                        assertEquals(FrameVerdict.TRUNCATED, reader.read(truncated, 0, cut),
                            tokens.get(0).name() + " cut at " + cut + " of " + length);
                        assertTrue(reader.rejectionReason().startsWith("frame ends before the message does"));
                    }
                }
            }));
    }

    @Test
    void shouldRejectBytesAfterTheEndOfTheMessageAsTrailing()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
        final int length = encodeNewOrder(buffer);
        assertEquals(FrameVerdict.VALID, validator.validate(buffer, 0, length));
        assertEquals(FrameVerdict.TRAILING_BYTES, reader.read(buffer, 0, length + 3));
        assertEquals("frame has bytes after the end of the message: 3 extra bytes after offset " + length
            + " (NewOrder, template 30)", reader.rejectionReason());
    }

    @Test
    void shouldRejectFrameLargerThanTheConfiguredMaximum()
    {
        final FrameValidator small = new FrameValidator(64);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
        final int length = encodeNewOrder(buffer);
        assertEquals(FrameVerdict.TOO_LARGE, small.validate(buffer, 0, length));
        assertEquals("frame exceeds the maximum frame length: length " + length + ", maximum 64",
            small.describe(FrameVerdict.TOO_LARGE));
    }

    @Test
    void shouldRejectOffsetAndLengthOutsideTheBuffer()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[32]);
        assertEquals(FrameVerdict.OUT_OF_BOUNDS, validator.validate(buffer, 16, 17));
        assertEquals(FrameVerdict.OUT_OF_BOUNDS, validator.validate(buffer, -1, 8));
        assertEquals(FrameVerdict.OUT_OF_BOUNDS, validator.validate(buffer, 0, -8));
        assertEquals(FrameVerdict.OUT_OF_BOUNDS, validator.validate(null, 0, 0));
        assertEquals(FrameVerdict.OUT_OF_BOUNDS, validator.validate(buffer, Integer.MAX_VALUE, Integer.MAX_VALUE));
    }

    @Test
    void shouldRejectAnotherSchemaUnknownTemplateAndVersionZero()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
        final int length = encodeNewOrder(buffer);

        buffer.putShort(4, (short)42, ByteOrder.LITTLE_ENDIAN);
        assertEquals(FrameVerdict.UNKNOWN_SCHEMA, reader.read(buffer, 0, length));
        assertEquals("message belongs to another schema: schema id 42, expected 7001", reader.rejectionReason());

        encodeNewOrder(buffer);
        buffer.putShort(2, (short)999, ByteOrder.LITTLE_ENDIAN);
        assertEquals(FrameVerdict.UNKNOWN_TEMPLATE, reader.read(buffer, 0, length));
        assertEquals("unknown template id: template id 999", reader.rejectionReason());

        encodeNewOrder(buffer);
        buffer.putShort(2, (short)3, ByteOrder.LITTLE_ENDIAN);
        assertEquals(FrameVerdict.UNKNOWN_TEMPLATE, reader.read(buffer, 0, length), "a gap in the id range");

        encodeNewOrder(buffer);
        buffer.putShort(6, (short)0, ByteOrder.LITTLE_ENDIAN);
        assertEquals(FrameVerdict.UNSUPPORTED_VERSION, reader.read(buffer, 0, length));
    }

    @Test
    void shouldRefuseVersionOneFramesWhoseTickBookWasARepeatingGroup()
    {
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(512);
        final int length = encodeFullTick(buffer);
        assertEquals(FrameVerdict.VALID, reader.read(buffer, 0, length));
        buffer.putShort(6, (short)1, ByteOrder.LITTLE_ENDIAN);
        assertEquals(FrameVerdict.UNSUPPORTED_VERSION, reader.read(buffer, 0, length));
        assertEquals("unsupported schema version: version 1 (DerivativeTick, template 2)", reader.rejectionReason());
    }

    @Test
    void shouldRejectABookDeeperThanFiveLevelsNamingTheSide()
    {
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(512);
        final int length = encodeFullTick(buffer);
        final int askDepth = FrameValidator.HEADER_LENGTH + DerivativeTickEncoder.askDepthEncodingOffset();
        buffer.putByte(askDepth, (byte)6);
        assertEquals(FrameVerdict.INVALID_ENUM, reader.read(buffer, 0, length));
        assertTrue(reader.rejectionReason().contains("DerivativeTick.askDepth = 6"), reader.rejectionReason());
    }

    @Test
    void shouldRejectUndefinedEnumValueNamingTheField()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
        final int length = encodeNewOrder(buffer);
        buffer.putByte(FrameValidator.HEADER_LENGTH + NewOrderEncoder.sideEncodingOffset(), (byte)7);
        assertEquals(FrameVerdict.INVALID_ENUM, reader.read(buffer, 0, length));
        assertEquals("enum field holds an undefined value: NewOrder.side = 7 at offset "
            + (FrameValidator.HEADER_LENGTH + NewOrderEncoder.sideEncodingOffset()) + " (NewOrder, template 30)",
            reader.rejectionReason());
    }

    @Test
    void shouldRejectNullInRequiredEnumButAcceptItInOptionalEnum()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
        final int length = encodeNewOrder(buffer);
        buffer.putByte(FrameValidator.HEADER_LENGTH + NewOrderEncoder.sideEncodingOffset(), (byte)Side.NULL_VAL.value());
        assertEquals(FrameVerdict.INVALID_ENUM, validator.validate(buffer, 0, length));

        final ExpandableArrayBuffer feedState = new ExpandableArrayBuffer(128);
        final dev.vyuha.sbe.FeedStateEncoder encoder = new dev.vyuha.sbe.FeedStateEncoder()
            .wrapAndApplyHeader(feedState, 0, new MessageHeaderEncoder())
            .scope(dev.vyuha.sbe.FeedScope.FEED).status(dev.vyuha.sbe.FeedStatus.STALE)
            .underlying(dev.vyuha.sbe.Underlying.NULL_VAL).instrumentToken(0)
            .lastTickTimeNs(dev.vyuha.sbe.FeedStateEncoder.lastTickTimeNsNullValue())
            .reason("no tick for 5 s in market hours");
        assertEquals(FrameVerdict.VALID,
            validator.validate(feedState, 0, MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength()));
    }

    @Test
    void shouldRejectInvalidEnumInsideARepeatingGroupEntry()
    {
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(512);
        final ReconciliationReportEncoder encoder = new ReconciliationReportEncoder()
            .wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
            .requestId(1).account("AB1234").part(1).lastPart(dev.vyuha.sbe.BooleanType.TRUE)
            .brokerTimestampNs(0);
        encoder.ordersCount(0);
        final ReconciliationReportEncoder.TradesEncoder trades = encoder.tradesCount(2);
        trades.next().tradeId("T1").brokerOrderId("B1").tag("t").clientOrderId(1).instrumentToken(1)
            .side(Side.BUY).quantity(65).price(10_000).fillTimestampNs(0);
        trades.next().tradeId("T2").brokerOrderId("B1").tag("t").clientOrderId(1).instrumentToken(1)
            .side(Side.SELL).quantity(65).price(10_500).fillTimestampNs(0);
        encoder.positionsCount(0);
        final int length = MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength();
        assertEquals(FrameVerdict.VALID, validator.validate(buffer, 0, length));

        final int secondEntrySide = length - 4 - ReconciliationReportEncoder.TradesEncoder.sbeBlockLength()
            + ReconciliationReportEncoder.TradesEncoder.sideEncodingOffset();
        buffer.putByte(secondEntrySide, (byte)0);
        assertEquals(FrameVerdict.INVALID_ENUM, validator.validate(buffer, 0, length));
        assertTrue(validator.describe(FrameVerdict.INVALID_ENUM).contains("ReconciliationReport.side = 0"));
    }

    @Test
    void shouldRejectBlockShorterThanTheSchemaVersionDefines()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
        final int length = encodeNewOrder(buffer);
        buffer.putShort(0, (short)(NewOrderEncoder.BLOCK_LENGTH - 1), ByteOrder.LITTLE_ENDIAN);
        assertEquals(FrameVerdict.BLOCK_TOO_SHORT, reader.read(buffer, 0, length));
        assertEquals("block length shorter than the message's fields: NewOrder declares " + (NewOrderEncoder.BLOCK_LENGTH - 1)
            + " bytes, needs at least " + NewOrderEncoder.BLOCK_LENGTH + " (NewOrder, template 30)",
            reader.rejectionReason());
    }

    @Test
    void shouldAcceptFrameFromNewerSchemaVersionWithLongerBlock()
    {
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(512);
        final int oldLength = encodeLoadBasket(buffer, 0, "{\"name\":\"x\"}");
        // A newer producer appended 8 bytes of fields to the block: shift the variable-length part and say so.
        final int extra = 8;
        final ExpandableArrayBuffer newer = new ExpandableArrayBuffer(512);
        final int blockEnd = MessageHeaderEncoder.ENCODED_LENGTH + LoadBasketEncoder.BLOCK_LENGTH;
        newer.putBytes(0, buffer, 0, blockEnd);
        newer.setMemory(blockEnd, extra, (byte)0x5A);
        newer.putBytes(blockEnd + extra, buffer, blockEnd, oldLength - blockEnd);
        newer.putShort(0, (short)(LoadBasketEncoder.BLOCK_LENGTH + extra), ByteOrder.LITTLE_ENDIAN);
        newer.putShort(6, (short)(LoadBasketEncoder.SCHEMA_VERSION + 1), ByteOrder.LITTLE_ENDIAN);

        assertEquals(FrameVerdict.VALID, reader.read(newer, 0, oldLength + extra), reader::rejectionReason);
        reader.loadBasket().skipRequestedBy();
        assertEquals("{\"name\":\"x\"}", reader.loadBasket().basketText());
    }

    @Test
    void shouldRejectGroupEntryShorterThanItsFields()
    {
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(512);
        final ReconciliationReportEncoder encoder = new ReconciliationReportEncoder()
            .wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
            .requestId(1).account("AB1234").part(1).lastPart(dev.vyuha.sbe.BooleanType.TRUE)
            .brokerTimestampNs(0);
        encoder.ordersCount(0);
        encoder.tradesCount(1).next().tradeId("T1").brokerOrderId("B1").tag("t").clientOrderId(1)
            .instrumentToken(1).side(Side.BUY).quantity(65).price(10_000).fillTimestampNs(0);
        encoder.positionsCount(0);
        final int length = MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength();
        assertEquals(FrameVerdict.VALID, reader.read(buffer, 0, length));
        // The trades group header follows the block and the empty orders group's 4-byte header.
        final int tradesHeader = MessageHeaderEncoder.ENCODED_LENGTH + ReconciliationReportEncoder.BLOCK_LENGTH + 4;
        buffer.putShort(tradesHeader, (short)8, ByteOrder.LITTLE_ENDIAN);
        assertEquals(FrameVerdict.BLOCK_TOO_SHORT, reader.read(buffer, 0, length));
        assertTrue(reader.rejectionReason().contains("trades declares"), reader.rejectionReason());
    }

    @Test
    void shouldRejectVariableLengthFieldLongerThanTheSchemaAllows()
    {
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(512);
        final int length = encodeLoadBasket(buffer, 0, "{}");
        final int requestedByLength = MessageHeaderEncoder.ENCODED_LENGTH + LoadBasketEncoder.BLOCK_LENGTH;
        buffer.putInt(requestedByLength, 0xF000_0000, ByteOrder.LITTLE_ENDIAN);
        assertEquals(FrameVerdict.VAR_DATA_TOO_LONG, reader.read(buffer, 0, length));
        assertEquals("variable-length field longer than the schema allows: requestedBy declares 4026531840 bytes at offset "
            + requestedByLength + " (LoadBasket, template 11)", reader.rejectionReason());

        encodeLoadBasket(buffer, 0, "{}");
        buffer.putInt(requestedByLength, 1 << 20, ByteOrder.LITTLE_ENDIAN);
        assertEquals(FrameVerdict.TRUNCATED, reader.read(buffer, 0, length));
        assertTrue(reader.rejectionReason().contains("requestedBy needs 1048576 bytes"));
    }

    @Test
    void shouldValidateFramesAtAnyOffsetOfALargerBuffer()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[1024]);
        final UnsafeBuffer frame = new UnsafeBuffer(new byte[256]);
        final int length = encodeNewOrder(frame);
        for (final int offset : new int[]{0, 1, 7, 333, 1024 - length})
        {
            buffer.setMemory(0, buffer.capacity(), (byte)0xFF);
            buffer.putBytes(offset, frame, 0, length);
            assertEquals(FrameVerdict.VALID, reader.read(buffer, offset, length), "offset " + offset);
            assertEquals("VY1-1", reader.newOrder().tag());
        }
    }

    @Test
    void shouldRefuseTypedAccessToADecoderThatWasNotRead()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
        final int length = encodeNewOrder(buffer);
        assertEquals(FrameVerdict.VALID, reader.read(buffer, 0, length));
        assertThrows(IllegalStateException.class, reader::derivativeTick);
        assertEquals(FrameVerdict.TRUNCATED, reader.read(buffer, 0, 4));
        assertThrows(IllegalStateException.class, reader::newOrder);
    }

    static UnsafeBuffer encodeRandom(final List<Token> tokens, final Random random)
    {
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(1024);
        final int length = new ReflectiveMessageCodec(random, 4, 40)
            .encodeRandom(tokens, buffer, 0, new ArrayList<>());
        final UnsafeBuffer frame = new UnsafeBuffer(new byte[length]);
        frame.putBytes(0, buffer, 0, length);
        return frame;
    }

    private static int encodeNewOrder(final org.agrona.MutableDirectBuffer buffer)
    {
        final NewOrderEncoder encoder = new NewOrderEncoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder());
        encoder.clientOrderId(1).tag("VY1-1").account("AB1234").instrumentToken(256_265)
            .tradingSymbol("NIFTY2681824450CE").exchange(dev.vyuha.sbe.Exchange.NFO).side(Side.BUY)
            .orderType(dev.vyuha.sbe.OrderType.LIMIT).product(dev.vyuha.sbe.Product.NRML)
            .validity(dev.vyuha.sbe.Validity.DAY).quantity(65).limitPrice(1_250).triggerPrice(Long.MIN_VALUE)
            .marketProtection((short)0).lotSize(65).freezeQuantity(1_755).tickSize(5).referencePrice(1_240);
        return MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength();
    }

    private static int encodeLoadBasket(final org.agrona.MutableDirectBuffer buffer, final int offset, final String text)
    {
        final LoadBasketEncoder encoder = new LoadBasketEncoder()
            .wrapAndApplyHeader(buffer, offset, new MessageHeaderEncoder())
            .requestId(5).format(dev.vyuha.sbe.BasketFormat.JSON).validateOnly(dev.vyuha.sbe.BooleanType.FALSE)
            .requestedBy("ops")
            .basketText(text);
        return MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength();
    }

    private static int encodeFullTick(final org.agrona.MutableDirectBuffer buffer)
    {
        final DerivativeTickEncoder encoder = new DerivativeTickEncoder()
            .wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder())
            .instrumentToken(408_065).mode(TickMode.FULL).lastPrice(157_370);
        encoder.bidDepth((short)5).askDepth((short)5);
        for (int i = 0; i < 5; i++)
        {
            encoder.bidPrice(i, 157_340 - 5 * i).bidQuantity(i, 5).bidOrders(i, 1)
                .askPrice(i, 157_370 + 5 * i).askQuantity(i, 172).askOrders(i, 3);
        }
        return MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength();
    }
}
