package dev.vyuha.gateway;

import dev.vyuha.sbe.BrokerSessionDecoder;
import dev.vyuha.sbe.BrokerSessionStatus;
import dev.vyuha.sbe.CancelOrderEncoder;
import dev.vyuha.sbe.DerivativeTickEncoder;
import dev.vyuha.sbe.Exchange;
import dev.vyuha.sbe.ExecType;
import dev.vyuha.sbe.ExecutionReportDecoder;
import dev.vyuha.sbe.MessageHeaderEncoder;
import dev.vyuha.sbe.ModifyOrderEncoder;
import dev.vyuha.sbe.NewOrderEncoder;
import dev.vyuha.sbe.OrderType;
import dev.vyuha.sbe.Product;
import dev.vyuha.sbe.ReconciliationReportDecoder;
import dev.vyuha.sbe.ReconciliationRequestEncoder;
import dev.vyuha.sbe.ReconciliationScope;
import dev.vyuha.sbe.RejectReason;
import dev.vyuha.sbe.Side;
import dev.vyuha.sbe.TickMode;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The engine's side of the wire in tests, with no engine-core: an embedded media driver in a fresh directory under
 * the temp dir, plain SBE encoders publishing order commands and market data over {@code aeron:ipc}, and a
 * subscriber decoding every report (through {@link FrameReader}) into plain records.
 */
final class EngineSide implements AutoCloseable
{
    static final int COMMAND_STREAM = 3001;
    static final int REPORT_STREAM = 3002;
    static final int MARKET_DATA_STREAM = 2001;
    static final String CHANNEL = "aeron:ipc";
    static final long AWAIT_NS = TimeUnit.SECONDS.toNanos(60);

    /** A decoded ExecutionReport. */
    record Execution(long clientOrderId, long requestId, String brokerOrderId, ExecType execType,
        RejectReason rejectReason, long instrumentToken, Side side, int sliceNumber, int sliceCount, int orderQuantity,
        int lastQuantity, long lastPrice, int cumulativeQuantity, long averagePrice, int leavesQuantity, String text)
    {
    }

    /** A decoded BrokerSession. */
    record Session(String account, BrokerSessionStatus status, String reason)
    {
    }

    /** A decoded ReconciliationReport part. */
    record ReconciliationPart(long requestId, int part, boolean lastPart, List<long[]> orders, List<String> orderTags,
        List<long[]> trades, List<long[]> positions)
    {
    }

    private final String directory;
    private final MediaDriver driver;
    private final Aeron aeron;
    private final Publication commands;
    private final Publication marketData;
    private final Subscription reports;
    private final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(4096));
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final NewOrderEncoder newOrder = new NewOrderEncoder();
    private final ModifyOrderEncoder modifyOrder = new ModifyOrderEncoder();
    private final CancelOrderEncoder cancelOrder = new CancelOrderEncoder();
    private final ReconciliationRequestEncoder reconciliation = new ReconciliationRequestEncoder();
    private final DerivativeTickEncoder tick = new DerivativeTickEncoder();
    private final FrameReader reader = new FrameReader();
    private final FragmentHandler handler = new FragmentAssembler(this::onReport);
    final List<Execution> executions = new CopyOnWriteArrayList<>();
    final List<Session> sessions = new CopyOnWriteArrayList<>();
    final List<ReconciliationPart> reconciliations = new CopyOnWriteArrayList<>();
    private int badReports;

    EngineSide()
    {
        directory = new File(System.getProperty("java.io.tmpdir"), "vyuha-gateway-test-" + UUID.randomUUID())
            .getAbsolutePath();
        driver = MediaDriver.launchEmbedded(new MediaDriver.Context()
            .aeronDirectoryName(directory)
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(new BackoffIdleStrategy())
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true));
        aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(directory));
        commands = aeron.addPublication(CHANNEL, COMMAND_STREAM);
        marketData = aeron.addPublication(CHANNEL, MARKET_DATA_STREAM);
        reports = aeron.addSubscription(CHANNEL, REPORT_STREAM);
    }

    /** @return a gateway context wired to this engine's driver and streams. */
    GatewayContext gatewayContext()
    {
        return new GatewayContext()
            .aeronDirectoryName(directory)
            .embeddedDriver(false)
            .commandChannel(CHANNEL).commandStreamId(COMMAND_STREAM)
            .reportChannel(CHANNEL).reportStreamId(REPORT_STREAM)
            .marketDataChannel(CHANNEL).marketDataStreamId(MARKET_DATA_STREAM);
    }

    String directory()
    {
        return directory;
    }

    /** A new order frame, ready to change and send. */
    final class Order
    {
        long clientOrderId;
        String tag;
        String account = "";
        long token;
        String symbol;
        Side side = Side.BUY;
        OrderType type = OrderType.LIMIT;
        Validity validity = Validity.DAY;
        int quantity;
        long limit = Long.MIN_VALUE;
        long trigger = Long.MIN_VALUE;
        short protection;
        int lotSize = 65;
        int freeze = 1800;
        long tick = 5;
        long reference = Long.MIN_VALUE;

        Order(final long clientOrderId, final long token, final String symbol)
        {
            this.clientOrderId = clientOrderId;
            this.tag = OrderTags.intentTag(clientOrderId);
            this.token = token;
            this.symbol = symbol;
        }

        Order side(final Side side)
        {
            this.side = side;
            return this;
        }

        Order quantity(final int quantity)
        {
            this.quantity = quantity;
            return this;
        }

        Order limit(final long limit)
        {
            this.type = OrderType.LIMIT;
            this.limit = limit;
            return this;
        }

        Order market(final long reference)
        {
            this.type = OrderType.MARKET;
            this.reference = reference;
            return this;
        }

        Order freeze(final int freeze)
        {
            this.freeze = freeze;
            return this;
        }

        Order lotSize(final int lotSize)
        {
            this.lotSize = lotSize;
            return this;
        }

        Order validity(final Validity validity)
        {
            this.validity = validity;
            return this;
        }

        Order tag(final String tag)
        {
            this.tag = tag;
            return this;
        }

        Order account(final String account)
        {
            this.account = account;
            return this;
        }

        void send()
        {
            newOrder.wrapAndApplyHeader(buffer, 0, header);
            newOrder.commandHeader().sequence(clientOrderId).timestampNs(System.currentTimeMillis() * 1_000_000L);
            newOrder.clientOrderId(clientOrderId).tag(tag).account(account).instrumentToken(token)
                .tradingSymbol(symbol).exchange(Exchange.NFO).side(side).orderType(type).product(Product.NRML)
                .validity(validity).quantity(quantity).limitPrice(limit).triggerPrice(trigger)
                .marketProtection(protection).lotSize(lotSize).freezeQuantity(freeze).tickSize(tick)
                .referencePrice(reference);
            offer(commands, MessageHeaderEncoder.ENCODED_LENGTH + newOrder.encodedLength());
        }
    }

    Order order(final long clientOrderId, final long token, final String symbol)
    {
        return new Order(clientOrderId, token, symbol);
    }

    void modify(final long requestId, final long clientOrderId, final int quantity, final long limit)
    {
        modifyOrder.wrapAndApplyHeader(buffer, 0, header);
        modifyOrder.commandHeader().sequence(requestId).timestampNs(0);
        modifyOrder.requestId(requestId).clientOrderId(clientOrderId).account("").orderType(OrderType.LIMIT)
            .quantity(quantity).limitPrice(limit).triggerPrice(Long.MIN_VALUE);
        offer(commands, MessageHeaderEncoder.ENCODED_LENGTH + modifyOrder.encodedLength());
    }

    void cancel(final long requestId, final long clientOrderId)
    {
        cancelOrder.wrapAndApplyHeader(buffer, 0, header);
        cancelOrder.commandHeader().sequence(requestId).timestampNs(0);
        cancelOrder.requestId(requestId).clientOrderId(clientOrderId).account("");
        offer(commands, MessageHeaderEncoder.ENCODED_LENGTH + cancelOrder.encodedLength());
    }

    void reconcile(final long requestId)
    {
        reconciliation.wrapAndApplyHeader(buffer, 0, header);
        reconciliation.commandHeader().sequence(requestId).timestampNs(0);
        reconciliation.requestId(requestId).account("").scope(ReconciliationScope.ALL);
        offer(commands, MessageHeaderEncoder.ENCODED_LENGTH + reconciliation.encodedLength());
    }

    void sendGarbage()
    {
        buffer.setMemory(0, 64, (byte)0x7F);
        offer(commands, 64);
    }

    void tick(final long token, final long lastPrice, final long bid, final int bidQuantity, final long ask,
        final int askQuantity)
    {
        tick.wrapAndApplyHeader(buffer, 0, header);
        tick.commandHeader().sequence(0).timestampNs(0);
        tick.instrumentToken(token).mode(TickMode.FULL).lastPrice(lastPrice).lastQuantity(0)
            .averagePrice(Long.MIN_VALUE).volume(Long.MIN_VALUE).totalBuyQuantity(Long.MIN_VALUE)
            .totalSellQuantity(Long.MIN_VALUE).openPrice(Long.MIN_VALUE).highPrice(Long.MIN_VALUE)
            .lowPrice(Long.MIN_VALUE).closePrice(Long.MIN_VALUE).lastTradeTimeNs(Long.MIN_VALUE)
            .openInterest(Long.MIN_VALUE).openInterestDayHigh(Long.MIN_VALUE).openInterestDayLow(Long.MIN_VALUE)
            .exchangeTimestampNs(Long.MIN_VALUE);
        tick.bidDepth((short)1).bidPrice(0, bid).bidQuantity(0, bidQuantity).bidOrders(0, 1)
            .askDepth((short)1).askPrice(0, ask).askQuantity(0, askQuantity).askOrders(0, 1);
        offer(marketData, MessageHeaderEncoder.ENCODED_LENGTH + tick.encodedLength());
    }

    int poll()
    {
        return reports.poll(handler, 100);
    }

    void await(final BooleanSupplier condition, final String what)
    {
        final long deadline = System.nanoTime() + AWAIT_NS;
        while (!condition.getAsBoolean())
        {
            if (0 == poll())
            {
                if (System.nanoTime() > deadline)
                {
                    fail("timed out waiting for " + what + "; executions: " + executions + "; sessions: " + sessions);
                }
                sleep(2);
            }
        }
    }

    Execution awaitExecution(final Predicate<Execution> match, final String what)
    {
        await(() -> executions.stream().anyMatch(match), what);
        return executions.stream().filter(match).findFirst().orElseThrow();
    }

    /** Keep polling for a while to catch anything sent late (duplicates). */
    void drain(final long millis)
    {
        final long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < until)
        {
            if (0 == poll())
            {
                sleep(2);
            }
        }
    }

    List<Execution> executionsOf(final long clientOrderId)
    {
        return executions.stream().filter(e -> e.clientOrderId() == clientOrderId).toList();
    }

    int filledQuantity(final long clientOrderId)
    {
        return executionsOf(clientOrderId).stream().mapToInt(Execution::lastQuantity).sum();
    }

    /** @return the net position the engine would hold from the fills it was told about. */
    long netFilled(final long token)
    {
        long net = 0;
        for (final Execution e : executions)
        {
            if (e.instrumentToken() == token && e.lastQuantity() > 0)
            {
                net += Side.BUY == e.side() ? e.lastQuantity() : -e.lastQuantity();
            }
        }
        return net;
    }

    int badReports()
    {
        return badReports;
    }

    @Override
    public void close()
    {
        CloseHelper.quietCloseAll(aeron, driver);
    }

    private void offer(final Publication publication, final int length)
    {
        final long deadline = System.nanoTime() + AWAIT_NS;
        while (publication.offer(buffer, 0, length) < 0)
        {
            if (System.nanoTime() > deadline)
            {
                fail("could not publish: " + (publication.isConnected() ? "back-pressured" : "not connected"));
            }
            poll();
            sleep(1);
        }
    }

    private void onReport(final org.agrona.DirectBuffer frame, final int offset, final int length,
        final io.aeron.logbuffer.Header frameHeader)
    {
        if (FrameVerdict.VALID != reader.read(frame, offset, length))
        {
            badReports++;
            return;
        }
        switch (reader.templateId())
        {
            case ExecutionReportDecoder.TEMPLATE_ID ->
            {
                final ExecutionReportDecoder r = reader.executionReport();
                executions.add(new Execution(r.clientOrderId(), r.requestId(), r.brokerOrderId(), r.execType(),
                    r.rejectReason(), r.instrumentToken(), r.side(), r.sliceNumber(), r.sliceCount(),
                    r.orderQuantity(), r.lastQuantity(), r.lastPrice(), r.cumulativeQuantity(), r.averagePrice(),
                    r.leavesQuantity(), r.text()));
            }
            case BrokerSessionDecoder.TEMPLATE_ID ->
            {
                final BrokerSessionDecoder s = reader.brokerSession();
                sessions.add(new Session(s.account(), s.status(), s.reason()));
            }
            case ReconciliationReportDecoder.TEMPLATE_ID ->
            {
                final ReconciliationReportDecoder r = reader.reconciliationReport();
                final long requestId = r.requestId();
                final int part = r.part();
                final boolean last = r.lastPart() == dev.vyuha.sbe.BooleanType.TRUE;
                final List<long[]> orders = new ArrayList<>();
                final List<String> tags = new ArrayList<>();
                for (final ReconciliationReportDecoder.OrdersDecoder o : r.orders())
                {
                    orders.add(new long[] {o.clientOrderId(), o.instrumentToken(), o.quantity(), o.filledQuantity(),
                        o.status().value(), o.side().value()});
                    tags.add(o.tag());
                }
                final List<long[]> trades = new ArrayList<>();
                for (final ReconciliationReportDecoder.TradesDecoder t : r.trades())
                {
                    trades.add(new long[] {t.clientOrderId(), t.instrumentToken(), t.quantity(), t.price()});
                }
                final List<long[]> positions = new ArrayList<>();
                for (final ReconciliationReportDecoder.PositionsDecoder p : r.positions())
                {
                    positions.add(new long[] {p.instrumentToken(), p.netQuantity()});
                }
                reconciliations.add(new ReconciliationPart(requestId, part, last, orders, tags, trades, positions));
            }
            default -> badReports++;
        }
    }

    private static void sleep(final long millis)
    {
        try
        {
            Thread.sleep(millis);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
