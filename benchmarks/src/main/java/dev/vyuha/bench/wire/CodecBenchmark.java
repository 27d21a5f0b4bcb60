package dev.vyuha.bench.wire;

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
import dev.vyuha.wire.FrameReader;
import dev.vyuha.wire.FrameVerdict;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.CompilerControl;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

/**
 * Encode + decode of the two hottest frames: a full option tick (every quote field, 5+5 depth) and a new order (with
 * its 20-character tag and trading symbol). "Raw" decodes with the generated decoder; "validated" first runs the
 * frame through the {@link FrameReader}, which is what consumers do. Fixed-width text (tag, account, symbol) is
 * copied from pre-encoded bytes, as the engine keeps it. Target: &lt; 50 ns/op and 0 B/op ({@code -prof gc}).
 *
 * <p>Encoding and decoding are each compiled as a unit of their own ({@code DONT_INLINE}), as they are in the feed or
 * gateway that encodes and the engine that decodes. Inlined into one method, the two exceed C2's inlining budget
 * (NodeCountInliningCutoff) and the decoder's accessors stay calls: 118 ns instead of about 40.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar CodecBenchmark -prof gc</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED"})
@State(Scope.Thread)
public class CodecBenchmark
{
    private static final byte[] TAG = fixedWidth("VY1234567-0", NewOrderEncoder.tagLength());
    private static final byte[] SYMBOL = fixedWidth("NIFTY2681824450CE", NewOrderEncoder.tradingSymbolLength());

    private static final byte[] ACCOUNT = fixedWidth("AB1234", NewOrderEncoder.accountLength());

    private final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(1024));
    private final UnsafeBuffer encodedTick = new UnsafeBuffer(ByteBuffer.allocateDirect(1024));
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final MessageHeaderDecoder headerDecoder = new MessageHeaderDecoder();
    private final DerivativeTickEncoder tickEncoder = new DerivativeTickEncoder();
    private final DerivativeTickDecoder tickDecoder = new DerivativeTickDecoder();
    private final NewOrderEncoder orderEncoder = new NewOrderEncoder();
    private final NewOrderDecoder orderDecoder = new NewOrderDecoder();
    private final FrameReader reader = new FrameReader();
    private final byte[] tagOut = new byte[NewOrderDecoder.tagLength()];
    private final byte[] symbolOut = new byte[NewOrderDecoder.tradingSymbolLength()];

    private long lastPrice;
    private long sequence;

    /**
     * Starting values.
     */
    @Setup
    public void setUp()
    {
        lastPrice = 157_370;
        sequence = 1;
        encodeFullTick();
        encodedTick.putBytes(0, buffer, 0, 1024);
    }

    /**
     * @return a value derived from every decoded field group, so nothing is dead code.
     */
    @Benchmark
    public long fullTickEncodeDecodeRaw()
    {
        final int length = encodeFullTick();
        headerDecoder.wrap(buffer, 0);
        tickDecoder.wrap(buffer, MessageHeaderDecoder.ENCODED_LENGTH, headerDecoder.blockLength(), headerDecoder.version());
        return length + sumTick(tickDecoder);
    }

    /**
     * @return a value derived from every decoded field group.
     */
    @Benchmark
    public long fullTickEncodeValidateDecode()
    {
        final int length = encodeFullTick();
        if (reader.read(buffer, 0, length) != FrameVerdict.VALID)
        {
            throw new IllegalStateException(reader.rejectionReason());
        }
        return length + sumTick(reader.derivativeTick());
    }

    /**
     * @return a value derived from the decoded fields.
     */
    @Benchmark
    public long newOrderEncodeDecodeRaw()
    {
        final int length = encodeOrder();
        headerDecoder.wrap(buffer, 0);
        orderDecoder.wrap(buffer, MessageHeaderDecoder.ENCODED_LENGTH, headerDecoder.blockLength(),
            headerDecoder.version());
        return length + sumOrder(orderDecoder);
    }

    /**
     * @return a value derived from the decoded fields.
     */
    @Benchmark
    public long newOrderEncodeValidateDecode()
    {
        final int length = encodeOrder();
        if (reader.read(buffer, 0, length) != FrameVerdict.VALID)
        {
            throw new IllegalStateException(reader.rejectionReason());
        }
        return length + sumOrder(reader.newOrder());
    }

    /**
     * @return the encoded length.
     */
    @Benchmark
    public long fullTickEncodeOnly()
    {
        return encodeFullTick();
    }

    /**
     * Decode every field of a full tick encoded once in setup.
     *
     * @return a value derived from every decoded field group.
     */
    @Benchmark
    public long fullTickDecodeOnly()
    {
        headerDecoder.wrap(encodedTick, 0);
        tickDecoder.wrap(encodedTick, MessageHeaderDecoder.ENCODED_LENGTH, headerDecoder.blockLength(),
            headerDecoder.version());
        return sumTick(tickDecoder);
    }

    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    private int encodeFullTick()
    {
        final long ltp = ++lastPrice;
        final DerivativeTickEncoder encoder = tickEncoder.wrapAndApplyHeader(buffer, 0, headerEncoder);
        encoder.commandHeader().sequence(++sequence).timestampNs(1_787_040_000_000_000_000L + sequence);
        encoder.instrumentToken(10_253_058).mode(TickMode.FULL).lastPrice(ltp).lastQuantity(65).averagePrice(ltp - 20)
            .volume(1_192_471).totalBuyQuantity(378_856).totalSellQuantity(502_220)
            .openPrice(156_915).highPrice(157_500).lowPrice(156_105).closePrice(156_780)
            .lastTradeTimeNs(1_787_040_000_000_000_000L).openInterest(4_512_300).openInterestDayHigh(4_600_000)
            .openInterestDayLow(4_400_000).exchangeTimestampNs(1_787_040_000_000_000_000L);
        encoder.bidDepth((short)5).askDepth((short)5);
        for (int level = 0; level < 5; level++)
        {
            encoder.bidPrice(level, ltp - 5 - 5 * level).bidQuantity(level, 65 * (level + 1)).bidOrders(level, level + 1)
                .askPrice(level, ltp + 5 * level).askQuantity(level, 65 * (level + 2)).askOrders(level, level + 2);
        }
        return MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength();
    }

    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    private static long sumTick(final DerivativeTickDecoder tick)
    {
        long sum = tick.commandHeader().sequence() + tick.instrumentToken() + tick.mode().value() + tick.lastPrice()
            + tick.lastQuantity() + tick.averagePrice() + tick.volume() + tick.totalBuyQuantity()
            + tick.totalSellQuantity() + tick.openPrice() + tick.highPrice() + tick.lowPrice() + tick.closePrice()
            + tick.lastTradeTimeNs() + tick.openInterest() + tick.openInterestDayHigh() + tick.openInterestDayLow()
            + tick.exchangeTimestampNs();
        final int bidDepth = tick.bidDepth();
        for (int level = 0; level < bidDepth; level++)
        {
            sum += tick.bidPrice(level) + tick.bidQuantity(level) + tick.bidOrders(level);
        }
        final int askDepth = tick.askDepth();
        for (int level = 0; level < askDepth; level++)
        {
            sum += tick.askPrice(level) + tick.askQuantity(level) + tick.askOrders(level);
        }
        return sum;
    }

    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    private int encodeOrder()
    {
        final NewOrderEncoder encoder = orderEncoder.wrapAndApplyHeader(buffer, 0, headerEncoder);
        final long seq = ++sequence;
        encoder.commandHeader().sequence(seq).timestampNs(1_787_040_000_000_000_000L + seq);
        encoder.clientOrderId(seq).putTag(TAG, 0).putAccount(ACCOUNT, 0).instrumentToken(10_253_058)
            .putTradingSymbol(SYMBOL, 0).exchange(Exchange.NFO).side(Side.SELL).orderType(OrderType.LIMIT)
            .product(Product.MIS).validity(Validity.DAY).quantity(130).limitPrice(12_345 + (seq & 7))
            .triggerPrice(NewOrderEncoder.triggerPriceNullValue()).marketProtection((short)0).lotSize(65)
            .freezeQuantity(1_755).tickSize(5).referencePrice(12_400);
        return MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength();
    }

    private static byte[] fixedWidth(final String text, final int width)
    {
        return java.util.Arrays.copyOf(text.getBytes(java.nio.charset.StandardCharsets.US_ASCII), width);
    }

    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    private long sumOrder(final NewOrderDecoder order)
    {
        order.getTag(tagOut, 0);
        order.getTradingSymbol(symbolOut, 0);
        return order.commandHeader().sequence() + order.clientOrderId() + tagOut[10] + symbolOut[16]
            + order.instrumentToken() + order.exchange().value() + order.side().value() + order.orderType().value()
            + order.product().value() + order.validity().value() + order.quantity() + order.limitPrice()
            + order.triggerPrice() + order.marketProtection() + order.lotSize() + order.freezeQuantity()
            + order.tickSize() + order.referencePrice();
    }
}
