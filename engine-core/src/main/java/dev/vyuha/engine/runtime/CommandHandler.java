package dev.vyuha.engine.runtime;

import dev.vyuha.wire.FrameReader;

/**
 * The business logic the ring drives: a deterministic fold over commands. It is called on the business-logic thread
 * only, with each command already validated; it takes "now" from the command and puts any orders it decides on into
 * the given {@link OrderSink}.
 */
public interface CommandHandler
{
    /**
     * Apply one valid command.
     *
     * @param reader      the validating reader, positioned on the command (use its typed decoder).
     * @param sequence    the command's sequence.
     * @param timestampNs the command's timestamp.
     * @param orders      where orders caused by this command go.
     */
    void onCommand(FrameReader reader, long sequence, long timestampNs, OrderSink orders);

    /**
     * A frame that failed validation reached the engine: counted and reported, never applied.
     *
     * @param sequence    its sequence.
     * @param timestampNs its timestamp.
     * @param reason      why it was rejected.
     */
    void onRejectedFrame(long sequence, long timestampNs, String reason);

    /**
     * The ring delivered the last command of a batch: a good moment to publish read models.
     *
     * @param sequence    sequence of the batch's last command.
     * @param timestampNs its timestamp.
     */
    void onEndOfBatch(long sequence, long timestampNs);
}
