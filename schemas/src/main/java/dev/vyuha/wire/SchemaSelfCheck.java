package dev.vyuha.wire;

import dev.vyuha.sbe.DerivativeTickDecoder;
import dev.vyuha.sbe.DerivativeTickEncoder;
import dev.vyuha.sbe.Exchange;
import dev.vyuha.sbe.MessageHeaderDecoder;
import dev.vyuha.sbe.MessageHeaderEncoder;
import dev.vyuha.sbe.NewOrderDecoder;
import dev.vyuha.sbe.NewOrderEncoder;
import dev.vyuha.sbe.OrderType;
import dev.vyuha.sbe.Product;
import dev.vyuha.sbe.Side;
import dev.vyuha.sbe.TickMode;
import dev.vyuha.sbe.Validity;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Proves, inside the JVM it runs in, that the wire format works there: the codecs load and run over off-heap buffers
 * (which needs the Agrona JVM flag), a full option tick and an order survive encode, validate and decode, every
 * truncation and corruption of them is rejected with a reason, and the command stamp lands where every message keeps
 * it. It also lists the schema's messages. Operators run it to check a deployment; the build runs it as a test.
 */
public final class SchemaSelfCheck
{
    /**
     * One check and its outcome.
     *
     * @param name   what was checked.
     * @param passed whether it held.
     * @param detail numbers or the reason it failed.
     */
    public record Check(String name, boolean passed, String detail)
    {
    }

    /**
     * The outcome of a self-check.
     *
     * @param schemaId      SBE schema id.
     * @param schemaVersion SBE schema version.
     * @param catalogue     one line per message of the schema.
     * @param checks        every check run.
     */
    public record Report(int schemaId, int schemaVersion, List<String> catalogue, List<Check> checks)
    {
        /**
         * @return true if every check passed.
         */
        public boolean passed()
        {
            return checks.stream().allMatch(Check::passed);
        }
    }

    private SchemaSelfCheck()
    {
    }

    /**
     * Run every check.
     *
     * @return the report; never throws for a failed check.
     */
    public static Report run()
    {
        final List<Check> checks = new ArrayList<>();
        final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(1024));
        final FrameReader reader = new FrameReader();

        final int tickLength = encodeFullTick(buffer);
        checks.add(checkTick(reader, buffer, tickLength));
        checks.add(checkEveryTruncationRejected("full DerivativeTick", reader, buffer, tickLength));
        checks.add(checkCorruptionRejected("full DerivativeTick", reader, buffer, tickLength,
            DerivativeTickEncoder.modeEncodingOffset()));

        final int orderLength = encodeOrder(buffer);
        checks.add(checkOrder(reader, buffer, orderLength));
        checks.add(checkEveryTruncationRejected("NewOrder", reader, buffer, orderLength));
        checks.add(checkCorruptionRejected("NewOrder", reader, buffer, orderLength,
            NewOrderEncoder.sideEncodingOffset()));

        encodeOrder(buffer);
        CommandStamp.stamp(buffer, 0, 77L, 1_787_040_000_000_000_001L);
        final boolean stamped = reader.read(buffer, 0, orderLength) == FrameVerdict.VALID
            && reader.newOrder().commandHeader().sequence() == 77L
            && reader.newOrder().commandHeader().timestampNs() == 1_787_040_000_000_000_001L;
        checks.add(new Check("command stamp read back by the decoder", stamped, "sequence 77"));

        return new Report(MessageHeaderDecoder.SCHEMA_ID, MessageHeaderDecoder.SCHEMA_VERSION, catalogue(), checks);
    }

    private static List<String> catalogue()
    {
        final List<String> lines = new ArrayList<>();
        for (final MessageLayout layout : MessageLayouts.all())
        {
            final StringBuilder line = new StringBuilder()
                .append(String.format("%3d %-24s block %3d B", layout.templateId(), layout.name(), layout.blockLength()));
            for (final MessageLayout.Group group : layout.groups())
            {
                line.append(", group ").append(group.name()).append(" (").append(group.blockLength()).append(" B)");
            }
            for (final String varData : layout.varDataNames())
            {
                line.append(", text ").append(varData);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static Check checkTick(final FrameReader reader, final UnsafeBuffer buffer, final int length)
    {
        final FrameVerdict verdict = reader.read(buffer, 0, length);
        if (verdict != FrameVerdict.VALID)
        {
            return new Check("full DerivativeTick round trip", false, reader.rejectionReason());
        }
        final DerivativeTickDecoder tick = reader.derivativeTick();
        long bidTotal = 0;
        for (int level = 0; level < tick.bidDepth(); level++)
        {
            bidTotal += tick.bidQuantity(level);
        }
        long askTotal = 0;
        for (int level = 0; level < tick.askDepth(); level++)
        {
            askTotal += tick.askQuantity(level);
        }
        final boolean passed = tick.instrumentToken() == 408_065 && tick.lastPrice() == 157_370
            && tick.mode() == TickMode.FULL && tick.volume() == 1_192_471 && bidTotal == 35 && askTotal == 870;
        return new Check("full DerivativeTick round trip", passed,
            length + " B, ltp " + tick.lastPrice() + " paise, 5+5 depth levels");
    }

    private static Check checkOrder(final FrameReader reader, final UnsafeBuffer buffer, final int length)
    {
        final FrameVerdict verdict = reader.read(buffer, 0, length);
        if (verdict != FrameVerdict.VALID)
        {
            return new Check("NewOrder round trip", false, reader.rejectionReason());
        }
        final NewOrderDecoder order = reader.newOrder();
        final boolean passed = "VY17-0".equals(order.tag()) && "NIFTY2681824450CE".equals(order.tradingSymbol())
            && order.side() == Side.SELL && order.quantity() == 130 && order.limitPrice() == 12_345;
        return new Check("NewOrder round trip", passed, length + " B, tag " + order.tag());
    }

    private static Check checkEveryTruncationRejected(
        final String what, final FrameReader reader, final UnsafeBuffer buffer, final int length)
    {
        for (int cut = 0; cut < length; cut++)
        {
            final FrameVerdict verdict = reader.read(buffer, 0, cut);
            if (verdict != FrameVerdict.TRUNCATED)
            {
                return new Check(what + " truncations rejected", false, "cut at " + cut + ": " + verdict);
            }
        }
        return new Check(what + " truncations rejected", true, length + " cuts, each TRUNCATED");
    }

    private static Check checkCorruptionRejected(
        final String what, final FrameReader reader, final UnsafeBuffer buffer, final int length, final int enumOffset)
    {
        final int enumAt = FrameValidator.HEADER_LENGTH + enumOffset;
        final byte original = buffer.getByte(enumAt);
        buffer.putByte(enumAt, (byte)0x7F);
        final FrameVerdict badEnum = reader.read(buffer, 0, length);
        final String reason = reader.rejectionReason();
        buffer.putByte(enumAt, original);
        final FrameVerdict trailing = reader.read(buffer, 0, length + 1);
        final short templateId = buffer.getShort(2, java.nio.ByteOrder.LITTLE_ENDIAN);
        buffer.putShort(2, (short)0x7777, java.nio.ByteOrder.LITTLE_ENDIAN);
        final FrameVerdict unknown = reader.read(buffer, 0, length);
        buffer.putShort(2, templateId, java.nio.ByteOrder.LITTLE_ENDIAN);
        final boolean passed = badEnum == FrameVerdict.INVALID_ENUM && trailing == FrameVerdict.TRAILING_BYTES
            && unknown == FrameVerdict.UNKNOWN_TEMPLATE && reader.read(buffer, 0, length) == FrameVerdict.VALID;
        return new Check(what + " corruptions rejected", passed, reason);
    }

    private static int encodeFullTick(final UnsafeBuffer buffer)
    {
        final DerivativeTickEncoder encoder = new DerivativeTickEncoder()
            .wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder());
        encoder.instrumentToken(408_065).mode(TickMode.FULL).lastPrice(157_370).lastQuantity(5).averagePrice(157_171)
            .volume(1_192_471).totalBuyQuantity(378_856).totalSellQuantity(502_220)
            .openPrice(156_915).highPrice(157_500).lowPrice(156_105).closePrice(156_780)
            .lastTradeTimeNs(1_625_461_887_000_000_000L).openInterest(0).openInterestDayHigh(0).openInterestDayLow(0)
            .exchangeTimestampNs(1_625_461_887_000_000_000L);
        encoder.bidDepth((short)5).askDepth((short)5);
        for (int level = 0; level < 5; level++)
        {
            encoder.bidPrice(level, 157_340 - 5 * level).bidQuantity(level, 5 + level).bidOrders(level, 1)
                .askPrice(level, 157_370 + 5 * level).askQuantity(level, 172 + level).askOrders(level, 3);
        }
        return MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength();
    }

    private static int encodeOrder(final UnsafeBuffer buffer)
    {
        final NewOrderEncoder encoder = new NewOrderEncoder().wrapAndApplyHeader(buffer, 0, new MessageHeaderEncoder());
        encoder.clientOrderId(17).tag("VY17-0").account("AB1234").instrumentToken(10_253_058)
            .tradingSymbol("NIFTY2681824450CE").exchange(Exchange.NFO).side(Side.SELL).orderType(OrderType.LIMIT)
            .product(Product.MIS).validity(Validity.DAY).quantity(130).limitPrice(12_345)
            .triggerPrice(NewOrderEncoder.triggerPriceNullValue()).marketProtection((short)0).lotSize(65)
            .freezeQuantity(1_755).tickSize(5).referencePrice(12_400);
        return MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength();
    }
}
