package dev.vyuha.engine.runtime;

import org.agrona.DirectBuffer;

/**
 * Where order frames go after their cause is journaled: engine-app binds it to an Aeron publication to the gateway;
 * tests capture the frames. Called on the outbound stage's thread, in command order.
 */
@FunctionalInterface
public interface OutboundOrderPort
{
    /**
     * Send one SBE frame (NewOrder, ModifyOrder, CancelOrder or ReconciliationRequest).
     *
     * @param buffer        holding the frame.
     * @param offset        where it starts.
     * @param length        its length.
     * @param causeSequence sequence of the command that caused it.
     */
    void send(DirectBuffer buffer, int offset, int length, long causeSequence);
}
