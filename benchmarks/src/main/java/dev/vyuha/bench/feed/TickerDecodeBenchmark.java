package dev.vyuha.bench.feed;

import com.neovisionaries.ws.client.WebSocketAdapter;
import com.zerodhatech.models.Tick;
import com.zerodhatech.ticker.KiteTicker;
import dev.vyuha.feed.kite.KiteTickerDecoder;
import dev.vyuha.kitesim.SimQuote;
import dev.vyuha.kitesim.TickerPackets;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Cost of decoding one Kite ticker packet into an SBE frame with the feed's {@code KiteTickerDecoder}: a FULL option
 * packet (184 bytes: quote, OI, timestamps, 5+5 depth), a QUOTE packet (44 bytes), an index FULL packet (32 bytes), and
 * a binary message of ten FULL packets (per packet). Baseline: the SDK's own parser (kiteconnect 3.5.1
 * {@code KiteTicker}'s adapter, doubles, {@code Date}s and maps) on the same one-packet and ten-packet messages.
 * Run with {@code -prof gc} to see the allocation of each: {@code java -jar benchmarks/target/benchmarks.jar
 * TickerDecodeBenchmark -wi 3 -i 5 -f 1 -prof gc}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED"})
@State(Scope.Thread)
public class TickerDecodeBenchmark
{
    private static final long OPTION = 11547650L;
    private static final long NIFTY = 256265L;

    private final KiteTickerDecoder decoder = new KiteTickerDecoder();
    private final UnsafeBuffer out = new UnsafeBuffer(ByteBuffer.allocateDirect(1024));
    private UnsafeBuffer full;
    private UnsafeBuffer quote;
    private UnsafeBuffer index;
    private UnsafeBuffer tenFull;
    private int tenFullLength;
    private byte[] fullMessage;
    private byte[] tenFullMessage;
    private WebSocketAdapter sdk;
    private final List<Tick> sink = new ArrayList<>();
    private long frames;
    private final KiteTickerDecoder.FrameHandler handler = this::onFrame;

    /**
     * Packets built by the Kite simulator's encoder.
     */
    @Setup
    public void setUp()
    {
        final SimQuote option = SimQuote.builder(OPTION).lastPrice(123_45).lastQuantity(65).averagePrice(122_10)
            .volume(3_000_000).totals(12_345, 23_456).ohlc(110_00, 130_00, 105_00, 115_50)
            .times(1_786_935_600L, 1_786_935_601L).openInterest(6_500_000, 6_600_000, 6_400_000)
            .bid(0, 123_40, 650, 3).bid(1, 123_35, 1_300, 5).bid(2, 123_30, 650, 2).bid(3, 123_25, 195, 1)
            .bid(4, 123_20, 3_250, 9).ask(0, 123_50, 390, 2).ask(1, 123_55, 65, 1).ask(2, 123_60, 1_950, 4)
            .ask(3, 123_65, 130, 1).ask(4, 124_00, 65, 1).build();
        final SimQuote nifty = SimQuote.builder(NIFTY).lastPrice(24_612_35).ohlc(24_580_00, 24_650_10, 24_550_05,
            24_570_25).times(0, 1_786_935_601L).build();
        full = new UnsafeBuffer(TickerPackets.packet(option, TickerPackets.MODE_FULL));
        quote = new UnsafeBuffer(TickerPackets.packet(option, TickerPackets.MODE_QUOTE));
        index = new UnsafeBuffer(TickerPackets.packet(nifty, TickerPackets.MODE_FULL));
        fullMessage = bytes(TickerPackets.message(List.of(option), List.of(TickerPackets.MODE_FULL)));
        tenFullMessage = bytes(TickerPackets.message(Collections.nCopies(10, option),
            Collections.nCopies(10, TickerPackets.MODE_FULL)));
        tenFull = new UnsafeBuffer(tenFullMessage);
        tenFullLength = tenFullMessage.length;
        final KiteTicker ticker = new KiteTicker("token", "key");
        ticker.setOnTickerArrivalListener(ticks ->
        {
            sink.clear();
            sink.addAll(ticks);
        });
        sdk = ticker.getWebsocketAdapter();
    }

    private static byte[] bytes(final ByteBuffer buffer)
    {
        final byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    private void onFrame(final DirectBuffer buffer, final int offset, final int length)
    {
        frames += length;
    }

    /** @return frame length. */
    @Benchmark
    public int fullPacket()
    {
        return decoder.decodePacket(full, 0, full.capacity(), out, 0);
    }

    /** @return frame length. */
    @Benchmark
    public int quotePacket()
    {
        return decoder.decodePacket(quote, 0, quote.capacity(), out, 0);
    }

    /** @return frame length. */
    @Benchmark
    public int indexFullPacket()
    {
        return decoder.decodePacket(index, 0, index.capacity(), out, 0);
    }

    /** @return frame bytes so far. */
    @Benchmark
    @OperationsPerInvocation(10)
    public long messageOfTenFullPackets()
    {
        decoder.decodeMessage(tenFull, 0, tenFullLength, out, 0, handler);
        return frames;
    }

    /**
     * @return ticks parsed.
     * @throws Exception never (the SDK's signature).
     */
    @Benchmark
    public int sdkParseFullPacket() throws Exception
    {
        sdk.onBinaryMessage(null, fullMessage);
        return sink.size();
    }

    /**
     * @return ticks parsed.
     * @throws Exception never (the SDK's signature).
     */
    @Benchmark
    @OperationsPerInvocation(10)
    public int sdkParseTenFullPackets() throws Exception
    {
        sdk.onBinaryMessage(null, tenFullMessage);
        return sink.size();
    }
}
