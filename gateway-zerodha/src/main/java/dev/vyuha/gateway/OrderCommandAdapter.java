package dev.vyuha.gateway;

import dev.vyuha.gateway.venue.BrokerVenue;
import dev.vyuha.gateway.venue.OrderAmendment;
import dev.vyuha.gateway.venue.OrderCancellation;
import dev.vyuha.gateway.venue.OrderIntent;
import dev.vyuha.gateway.venue.ReconciliationQuery;
import dev.vyuha.sbe.CancelOrderDecoder;
import dev.vyuha.sbe.ModifyOrderDecoder;
import dev.vyuha.sbe.NewOrderDecoder;
import dev.vyuha.sbe.ReconciliationRequestDecoder;
import dev.vyuha.wire.FrameReader;
import dev.vyuha.wire.FrameVerdict;
import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import org.agrona.DirectBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Decodes order commands from the engine (through {@link FrameReader}: every frame is validated before any field is
 * read) and hands them to the venue. A bad frame is counted and logged, never an exception; a valid frame of another
 * template is counted and ignored.
 */
final class OrderCommandAdapter implements FragmentHandler
{
    private static final Logger LOG = LoggerFactory.getLogger(OrderCommandAdapter.class);

    private final FrameReader reader = new FrameReader();
    private final BrokerVenue venue;
    private final AtomicLong commands = new AtomicLong();
    private final AtomicLong badFrames = new AtomicLong();
    private final AtomicLong unexpectedFrames = new AtomicLong();

    OrderCommandAdapter(final BrokerVenue venue)
    {
        this.venue = venue;
    }

    @Override
    public void onFragment(final DirectBuffer buffer, final int offset, final int length, final Header header)
    {
        final long receivedNanos = System.nanoTime();
        if (FrameVerdict.VALID != reader.read(buffer, offset, length))
        {
            badFrames.incrementAndGet();
            LOG.warn("bad order command frame ({} bytes) ignored: {}", length, reader.rejectionReason());
            return;
        }
        switch (reader.templateId())
        {
            case NewOrderDecoder.TEMPLATE_ID -> venue.onNewOrder(newOrder(reader.newOrder(), receivedNanos));
            case ModifyOrderDecoder.TEMPLATE_ID -> venue.onModifyOrder(amendment(reader.modifyOrder()));
            case CancelOrderDecoder.TEMPLATE_ID -> venue.onCancelOrder(cancellation(reader.cancelOrder()));
            case ReconciliationRequestDecoder.TEMPLATE_ID ->
            {
                final ReconciliationRequestDecoder request = reader.reconciliationRequest();
                venue.onReconciliationRequest(new ReconciliationQuery(request.requestId(), request.account(),
                    request.scope()));
            }
            default ->
            {
                unexpectedFrames.incrementAndGet();
                LOG.warn("frame of template {} is not an order command: ignored", reader.templateId());
                return;
            }
        }
        commands.incrementAndGet();
    }

    long commands()
    {
        return commands.get();
    }

    long badFrames()
    {
        return badFrames.get();
    }

    long unexpectedFrames()
    {
        return unexpectedFrames.get();
    }

    private static OrderIntent newOrder(final NewOrderDecoder order, final long receivedNanos)
    {
        return new OrderIntent(
            order.clientOrderId(),
            order.tag(),
            order.account(),
            order.instrumentToken(),
            order.tradingSymbol(),
            order.exchange(),
            order.side(),
            order.orderType(),
            order.product(),
            order.validity(),
            order.quantity(),
            order.limitPrice(),
            order.triggerPrice(),
            order.marketProtection(),
            order.lotSize(),
            order.freezeQuantity(),
            order.tickSize(),
            order.referencePrice(),
            receivedNanos);
    }

    private static OrderAmendment amendment(final ModifyOrderDecoder modify)
    {
        return new OrderAmendment(modify.requestId(), modify.clientOrderId(), modify.account(), modify.orderType(),
            modify.quantity(), modify.limitPrice(), modify.triggerPrice());
    }

    private static OrderCancellation cancellation(final CancelOrderDecoder cancel)
    {
        return new OrderCancellation(cancel.requestId(), cancel.clientOrderId(), cancel.account());
    }
}
