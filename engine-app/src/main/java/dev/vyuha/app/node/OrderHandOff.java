package dev.vyuha.app.node;

import dev.vyuha.engine.runtime.OutboundOrderPort;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;

/**
 * The engine's outbound order port: the business-logic thread hands each journaled order frame to a one-to-one ring
 * buffer, and the I/O thread offers it to the gateway's Aeron stream. The business logic never waits for Aeron (a
 * gateway that is slow, back-pressured or not yet connected delays orders, in order, but never the engine), and an
 * order is never dropped while the process lives: a full buffer (thousands of orders queued behind an absent
 * gateway, far beyond Kite's 10 orders a second) makes the business logic wait, loudly, rather than lose one.
 */
final class OrderHandOff implements OutboundOrderPort
{
    static final int ORDER_MSG_TYPE_ID = 1;
    private static final Logger LOG = LoggerFactory.getLogger(OrderHandOff.class);

    private final OneToOneRingBuffer ring;
    private volatile long handedOver;
    private volatile long stalls;

    /**
     * @param capacity bytes, a power of two.
     */
    OrderHandOff(final int capacity)
    {
        ring = new OneToOneRingBuffer(new UnsafeBuffer(
            ByteBuffer.allocateDirect(capacity + RingBufferDescriptor.TRAILER_LENGTH)));
    }

    @Override
    public void send(final DirectBuffer buffer, final int offset, final int length, final long causeSequence)
    {
        if (!ring.write(ORDER_MSG_TYPE_ID, buffer, offset, length))
        {
            stalls = stalls + 1;
            LOG.error("order hand-off buffer full (gateway absent or stalled?): the engine waits for room to hand "
                + "over the order caused by #{}", causeSequence);
            while (!ring.write(ORDER_MSG_TYPE_ID, buffer, offset, length))
            {
                Thread.yield();
            }
        }
        handedOver = handedOver + 1;
    }

    OneToOneRingBuffer ring()
    {
        return ring;
    }

    /** @return orders handed to the I/O thread. */
    long handedOver()
    {
        return handedOver;
    }

    /** @return times the buffer was full. */
    long stalls()
    {
        return stalls;
    }

    /** @return bytes waiting for the I/O thread. */
    int pendingBytes()
    {
        return ring.size();
    }
}
