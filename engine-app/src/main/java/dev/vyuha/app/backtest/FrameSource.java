package dev.vyuha.app.backtest;

import org.agrona.MutableDirectBuffer;

/**
 * Market data for a backtest, pulled one SBE frame at a time in time order (ticks, and the instrument master first).
 */
public interface FrameSource
{
    /**
     * Encode the next frame.
     *
     * @param buffer where to encode it, at offset 0.
     * @return its length, or 0 when the source is exhausted.
     */
    int next(MutableDirectBuffer buffer);

    /** @return the time of the frame {@link #next} last produced, nanoseconds since the epoch. */
    long timestampNs();

    /** @return progress through the source, 0..1, for the progress bar. */
    double progress();
}
