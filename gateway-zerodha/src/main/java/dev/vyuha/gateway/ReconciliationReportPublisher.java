package dev.vyuha.gateway;

import dev.vyuha.gateway.venue.ReconciliationSnapshot;
import dev.vyuha.sbe.BooleanType;
import dev.vyuha.sbe.MessageHeaderEncoder;
import dev.vyuha.sbe.ReconciliationReportEncoder;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;

/**
 * Encodes a {@link ReconciliationSnapshot} as one or more SBE {@code ReconciliationReport} parts, at most
 * {@link #ROWS_PER_PART} rows of each group per part, numbered from 1 with the last flagged. A part that cannot be
 * published is retried later from where it stopped ({@link Cursor}).
 */
final class ReconciliationReportPublisher
{
    /** Rows of each group per part: keeps a part near 30 KB, well inside an Aeron message. */
    static final int ROWS_PER_PART = 100;

    /** Publication progress through one snapshot. */
    static final class Cursor
    {
        final ReconciliationSnapshot snapshot;
        final int parts;
        int nextPart = 1;

        Cursor(final ReconciliationSnapshot snapshot)
        {
            this.snapshot = snapshot;
            final int largest = Math.max(snapshot.orders().size(), Math.max(snapshot.trades().size(),
                snapshot.positions().size()));
            this.parts = Math.max(1, (largest + ROWS_PER_PART - 1) / ROWS_PER_PART);
        }

        boolean isDone()
        {
            return nextPart > parts;
        }
    }

    private final ReportPublication publication;
    private final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(64 * 1024));
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final ReconciliationReportEncoder encoder = new ReconciliationReportEncoder();

    ReconciliationReportPublisher(final ReportPublication publication)
    {
        this.publication = publication;
    }

    /**
     * Publish the remaining parts of a snapshot.
     *
     * @param cursor progress; advanced for every part published.
     * @return true when every part is published.
     */
    boolean publish(final Cursor cursor)
    {
        while (!cursor.isDone())
        {
            if (!publishPart(cursor.snapshot, cursor.nextPart, cursor.parts))
            {
                return false;
            }
            cursor.nextPart++;
        }
        return true;
    }

    private boolean publishPart(final ReconciliationSnapshot snapshot, final int part, final int parts)
    {
        final int from = (part - 1) * ROWS_PER_PART;
        encoder.wrapAndApplyHeader(buffer, 0, header);
        encoder.commandHeader().sequence(0).timestampNs(0);
        encoder.requestId(snapshot.requestId())
            .account(FixedText.fit(snapshot.account(), ReconciliationReportEncoder.accountLength()))
            .part(part)
            .lastPart(part == parts ? BooleanType.TRUE : BooleanType.FALSE)
            .brokerTimestampNs(snapshot.brokerTimestampNs());

        final int orderCount = rows(snapshot.orders().size(), from);
        final ReconciliationReportEncoder.OrdersEncoder orders = encoder.ordersCount(orderCount);
        for (int i = from; i < from + orderCount; i++)
        {
            final ReconciliationSnapshot.Order o = snapshot.orders().get(i);
            orders.next()
                .brokerOrderId(FixedText.fit(o.brokerOrderId(), ReconciliationReportEncoder.OrdersEncoder
                    .brokerOrderIdLength()))
                .tag(FixedText.fit(o.tag(), ReconciliationReportEncoder.OrdersEncoder.tagLength()))
                .clientOrderId(o.clientOrderId())
                .instrumentToken(o.instrumentToken())
                .side(o.side())
                .orderType(o.orderType())
                .status(o.status())
                .quantity(o.quantity())
                .filledQuantity(o.filledQuantity())
                .pendingQuantity(o.pendingQuantity())
                .price(o.price())
                .triggerPrice(o.triggerPrice())
                .averagePrice(o.averagePrice())
                .orderTimestampNs(o.orderTimestampNs());
        }
        final int tradeCount = rows(snapshot.trades().size(), from);
        final ReconciliationReportEncoder.TradesEncoder trades = encoder.tradesCount(tradeCount);
        for (int i = from; i < from + tradeCount; i++)
        {
            final ReconciliationSnapshot.Trade t = snapshot.trades().get(i);
            trades.next()
                .tradeId(FixedText.fit(t.tradeId(), ReconciliationReportEncoder.TradesEncoder.tradeIdLength()))
                .brokerOrderId(FixedText.fit(t.brokerOrderId(), ReconciliationReportEncoder.TradesEncoder
                    .brokerOrderIdLength()))
                .tag(FixedText.fit(t.tag(), ReconciliationReportEncoder.TradesEncoder.tagLength()))
                .clientOrderId(t.clientOrderId())
                .instrumentToken(t.instrumentToken())
                .side(t.side())
                .quantity(t.quantity())
                .price(t.price())
                .fillTimestampNs(t.fillTimestampNs());
        }
        final int positionCount = rows(snapshot.positions().size(), from);
        final ReconciliationReportEncoder.PositionsEncoder positions = encoder.positionsCount(positionCount);
        for (int i = from; i < from + positionCount; i++)
        {
            final ReconciliationSnapshot.Position p = snapshot.positions().get(i);
            positions.next()
                .instrumentToken(p.instrumentToken())
                .tradingSymbol(FixedText.fit(p.tradingSymbol(), ReconciliationReportEncoder.PositionsEncoder
                    .tradingSymbolLength()))
                .netQuantity(p.netQuantity())
                .averagePrice(p.averagePrice())
                .buyQuantity(p.buyQuantity())
                .sellQuantity(p.sellQuantity())
                .buyValue(p.buyValue())
                .sellValue(p.sellValue())
                .realisedPnl(p.realisedPnl())
                .unrealisedPnl(p.unrealisedPnl());
        }
        return publication.offer(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength());
    }

    private static int rows(final int size, final int from)
    {
        return Math.max(0, Math.min(ROWS_PER_PART, size - from));
    }
}
