package dev.vyuha.bench.gateway;

import dev.vyuha.gateway.GatewayContext;
import dev.vyuha.sbe.Exchange;
import dev.vyuha.sbe.ExecutionReportDecoder;
import dev.vyuha.sbe.MessageHeaderEncoder;
import dev.vyuha.sbe.NewOrderEncoder;
import dev.vyuha.sbe.OrderType;
import dev.vyuha.sbe.Product;
import dev.vyuha.sbe.Side;
import dev.vyuha.sbe.Validity;
import dev.vyuha.wire.FrameReader;
import dev.vyuha.wire.FrameVerdict;
import dev.vyuha.wire.OrderTags;
import io.aeron.Aeron;
import io.aeron.FragmentAssembler;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.aeron.logbuffer.FragmentHandler;
import org.agrona.CloseHelper;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.File;
import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * The engine's end of the benchmarks: an embedded media driver (SHARED, backoff) in a fresh temp directory, an
 * {@code aeron:ipc} publication of NewOrder frames and a subscription of reports. Not thread safe: one thread.
 */
final class BenchEngine implements AutoCloseable
{
    static final int COMMANDS = 3001;
    static final int REPORTS = 3002;

    /** Receives the client order id of every ACK. */
    @FunctionalInterface
    interface AckHandler
    {
        void onAck(long clientOrderId, long nowNanos);
    }

    private final String directory;
    private final MediaDriver driver;
    private final Aeron aeron;
    private final Publication commands;
    private final Subscription reports;
    private final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(1024));
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final NewOrderEncoder newOrder = new NewOrderEncoder();
    private final FrameReader reader = new FrameReader();
    private final UnsafeBuffer tag = new UnsafeBuffer(new byte[NewOrderEncoder.tagLength()]);
    private AckHandler ackHandler = (id, now) ->
    {
    };
    private final FragmentHandler handler = new FragmentAssembler((frame, offset, length, frameHeader) ->
    {
        if (FrameVerdict.VALID == reader.read(frame, offset, length)
            && ExecutionReportDecoder.TEMPLATE_ID == reader.templateId())
        {
            final ExecutionReportDecoder report = reader.executionReport();
            if (dev.vyuha.sbe.ExecType.ACK == report.execType())
            {
                ackHandler.onAck(report.clientOrderId(), System.nanoTime());
            }
        }
    });

    BenchEngine()
    {
        directory = new File(System.getProperty("java.io.tmpdir"), "vyuha-bench-" + UUID.randomUUID())
            .getAbsolutePath();
        driver = MediaDriver.launchEmbedded(new MediaDriver.Context()
            .aeronDirectoryName(directory)
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(new BackoffIdleStrategy())
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true));
        aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(directory));
        commands = aeron.addPublication("aeron:ipc", COMMANDS);
        reports = aeron.addSubscription("aeron:ipc", REPORTS);
    }

    GatewayContext gatewayContext()
    {
        return new GatewayContext().aeronDirectoryName(directory).embeddedDriver(false)
            .commandChannel("aeron:ipc").commandStreamId(COMMANDS)
            .reportChannel("aeron:ipc").reportStreamId(REPORTS);
    }

    void onAck(final AckHandler handler)
    {
        this.ackHandler = handler;
    }

    boolean connected()
    {
        return commands.isConnected();
    }

    /**
     * Publish a resting buy (far below the market) for one lot; retries through back-pressure.
     */
    void sendNewOrder(final long clientOrderId, final long instrumentToken, final String symbol, final long limit)
    {
        OrderTags.putIntentTag(clientOrderId, tag, 0);
        newOrder.wrapAndApplyHeader(buffer, 0, header);
        newOrder.commandHeader().sequence(clientOrderId).timestampNs(0);
        newOrder.clientOrderId(clientOrderId).putTag(tag.byteArray(), 0).account("").instrumentToken(instrumentToken)
            .tradingSymbol(symbol).exchange(Exchange.NFO).side(Side.BUY).orderType(OrderType.LIMIT)
            .product(Product.NRML).validity(Validity.DAY).quantity(65).limitPrice(limit)
            .triggerPrice(Long.MIN_VALUE).marketProtection((short)0).lotSize(65).freezeQuantity(1800).tickSize(5)
            .referencePrice(Long.MIN_VALUE);
        final int length = MessageHeaderEncoder.ENCODED_LENGTH + newOrder.encodedLength();
        while (commands.offer(buffer, 0, length) < 0)
        {
            poll();
        }
    }

    int poll()
    {
        return reports.poll(handler, 64);
    }

    @Override
    public void close()
    {
        CloseHelper.quietCloseAll(aeron, driver);
    }
}
