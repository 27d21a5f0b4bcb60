package dev.vyuha.gateway;

import dev.vyuha.gateway.venue.ExecutionEvent;
import dev.vyuha.sbe.ExecutionReportEncoder;
import dev.vyuha.sbe.MessageHeaderEncoder;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;

/**
 * Encodes {@link ExecutionEvent}s as SBE {@code ExecutionReport} frames and offers them. Codecs and buffer are reused.
 */
final class ExecutionReportPublisher
{
    private final ReportPublication publication;
    private final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(8 * 1024));
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final ExecutionReportEncoder encoder = new ExecutionReportEncoder();

    ExecutionReportPublisher(final ReportPublication publication)
    {
        this.publication = publication;
    }

    /**
     * @param event the event.
     * @return true if published, false to retry later.
     */
    boolean publish(final ExecutionEvent event)
    {
        encoder.wrapAndApplyHeader(buffer, 0, header);
        encoder.commandHeader().sequence(0).timestampNs(0);
        encoder.clientOrderId(event.clientOrderId())
            .requestId(event.requestId())
            .account(FixedText.fit(event.account(), ExecutionReportEncoder.accountLength()))
            .brokerOrderId(FixedText.fit(event.brokerOrderId(), ExecutionReportEncoder.brokerOrderIdLength()))
            .execType(event.execType())
            .rejectReason(event.rejectReason())
            .instrumentToken(event.instrumentToken())
            .side(event.side())
            .sliceNumber(event.sliceNumber())
            .sliceCount(event.sliceCount())
            .orderQuantity(event.orderQuantity())
            .lastQuantity(event.lastQuantity())
            .lastPrice(event.lastPrice())
            .cumulativeQuantity(event.cumulativeQuantity())
            .averagePrice(event.averagePrice())
            .leavesQuantity(event.leavesQuantity())
            .tradeId(FixedText.fit(event.tradeId(), ExecutionReportEncoder.tradeIdLength()))
            .brokerTimestampNs(event.brokerTimestampNs())
            .text(FixedText.fit(event.text(), 1024));
        return publication.offer(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength());
    }
}
