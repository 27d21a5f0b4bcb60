package dev.vyuha.gateway;

import dev.vyuha.gateway.venue.SessionEvent;
import dev.vyuha.sbe.BrokerSessionEncoder;
import dev.vyuha.sbe.MessageHeaderEncoder;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;

/**
 * Encodes {@link SessionEvent}s as SBE {@code BrokerSession} frames (the engine stops new entries on EXPIRED).
 */
final class BrokerSessionPublisher
{
    private final ReportPublication publication;
    private final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(2 * 1024));
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final BrokerSessionEncoder encoder = new BrokerSessionEncoder();

    BrokerSessionPublisher(final ReportPublication publication)
    {
        this.publication = publication;
    }

    boolean publish(final SessionEvent event)
    {
        encoder.wrapAndApplyHeader(buffer, 0, header);
        encoder.commandHeader().sequence(0).timestampNs(0);
        encoder.account(FixedText.fit(event.account(), BrokerSessionEncoder.accountLength()))
            .status(event.status())
            .reason(FixedText.fit(event.reason(), 1024));
        return publication.offer(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + encoder.encodedLength());
    }
}
