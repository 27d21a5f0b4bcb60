package dev.vyuha.feed;

import io.aeron.Publication;
import org.agrona.DirectBuffer;

/**
 * The market-data publication and its back-pressure policy (Aeron style: a return code, never an exception on the
 * publishing path). An offer that meets {@code BACK_PRESSURED} or {@code ADMIN_ACTION} is retried a few times at once,
 * then left to the caller to retry on a later duty cycle (replays hold the frame: nothing is lost); with no subscriber
 * it says so at once, and the caller decides (a live feed drops, a replay waits).
 */
final class TickPublication
{
    static final int PUBLISHED = 1;
    static final int RETRY = 0;
    static final int NOT_CONNECTED = -1;

    private static final int ATTEMPTS = 3;

    private final Publication publication;
    private long backPressured;

    TickPublication(final Publication publication)
    {
        this.publication = publication;
    }

    /**
     * @param buffer holding the frame.
     * @param offset of the frame.
     * @param length of the frame.
     * @return {@link #PUBLISHED}, {@link #RETRY} or {@link #NOT_CONNECTED}.
     * @throws IllegalStateException if the publication is closed or past its maximum position.
     */
    int offer(final DirectBuffer buffer, final int offset, final int length)
    {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++)
        {
            final long result = publication.offer(buffer, offset, length);
            if (result > 0)
            {
                return PUBLISHED;
            }
            if (result == Publication.NOT_CONNECTED)
            {
                return NOT_CONNECTED;
            }
            if (result == Publication.CLOSED || result == Publication.MAX_POSITION_EXCEEDED)
            {
                throw new IllegalStateException("market-data publication unusable: " + Publication.errorString(result));
            }
            backPressured++;
            Thread.onSpinWait();
        }
        return RETRY;
    }

    long backPressured()
    {
        return backPressured;
    }

    boolean isConnected()
    {
        return publication.isConnected();
    }

    Publication publication()
    {
        return publication;
    }
}
