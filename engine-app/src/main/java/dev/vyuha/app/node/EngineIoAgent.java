package dev.vyuha.app.node;

import dev.vyuha.app.engine.JournaledEngine;
import io.aeron.ExclusivePublication;
import io.aeron.FragmentAssembler;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.logbuffer.FragmentHandler;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.ControlledMessageHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;

/**
 * The engine's I/O thread: offers handed-over orders to the gateway's stream (in order; an order is retried, never
 * skipped, while the gateway is back-pressured or absent) and feeds market data and execution reports from their
 * Aeron streams into the engine ring, stamped by the {@link CommandClock}. Reports may exceed one Aeron fragment
 * (reconciliation), so they go through a fragment assembler.
 */
final class EngineIoAgent implements Agent
{
    private static final Logger LOG = LoggerFactory.getLogger(EngineIoAgent.class);
    private static final long NOT_CONNECTED_LOG_INTERVAL_NS = TimeUnit.SECONDS.toNanos(10);

    private final OrderHandOff orders;
    private final ExclusivePublication orderPublication;
    private final Subscription marketData;
    private final Subscription reports;
    private final CommandClock clock;
    private final int fragmentLimit;
    private final FragmentHandler inbound = this::onInbound;
    private final FragmentAssembler reportAssembler = new FragmentAssembler(this::onInbound);
    private final ControlledMessageHandler orderOffer = this::offerOrder;
    private volatile JournaledEngine engine;
    private volatile boolean inboundOpen = true;
    private volatile long ordersPublished;
    private volatile long inboundFrames;
    private long lastNotConnectedLogNs = Long.MIN_VALUE;

    EngineIoAgent(final OrderHandOff orders, final ExclusivePublication orderPublication,
        final Subscription marketData, final Subscription reports, final CommandClock clock,
        final int fragmentLimit)
    {
        this.orders = orders;
        this.orderPublication = orderPublication;
        this.marketData = marketData;
        this.reports = reports;
        this.clock = clock;
        this.fragmentLimit = fragmentLimit;
    }

    /** Start feeding inbound streams into this engine. */
    void attach(final JournaledEngine engine)
    {
        this.engine = engine;
    }

    /** Stop taking market data and reports (shutdown); orders keep flowing out. */
    void closeInbound()
    {
        inboundOpen = false;
    }

    @Override
    public int doWork()
    {
        int work = orders.ring().controlledRead(orderOffer, 16);
        final JournaledEngine target = engine;
        if (null != target && inboundOpen)
        {
            work += reports.poll(reportAssembler, fragmentLimit);
            work += marketData.poll(inbound, fragmentLimit);
        }
        return work;
    }

    private ControlledMessageHandler.Action offerOrder(
        final int msgTypeId, final org.agrona.MutableDirectBuffer buffer, final int index, final int length)
    {
        final long result = orderPublication.offer(buffer, index, length);
        if (result > 0)
        {
            ordersPublished = ordersPublished + 1;
            return ControlledMessageHandler.Action.COMMIT;
        }
        if (result == Publication.NOT_CONNECTED)
        {
            final long now = System.nanoTime();
            if (now - lastNotConnectedLogNs > NOT_CONNECTED_LOG_INTERVAL_NS)
            {
                lastNotConnectedLogNs = now;
                LOG.warn("no gateway on {} stream {}: orders wait (in order) until one connects",
                    orderPublication.channel(), orderPublication.streamId());
            }
        }
        else if (result == Publication.CLOSED || result == Publication.MAX_POSITION_EXCEEDED)
        {
            LOG.error("the order publication cannot take more orders ({}); they stay queued", result);
        }
        return ControlledMessageHandler.Action.ABORT;
    }

    private void onInbound(final DirectBuffer buffer, final int offset, final int length,
        final io.aeron.logbuffer.Header header)
    {
        engine.publish(buffer, offset, length, clock.stamp(buffer, offset, length));
        inboundFrames = inboundFrames + 1;
    }

    /** @return orders offered successfully. */
    long ordersPublished()
    {
        return ordersPublished;
    }

    /** @return frames fed into the engine. */
    long inboundFrames()
    {
        return inboundFrames;
    }

    @Override
    public String roleName()
    {
        return "vyuha-engine-io";
    }
}
