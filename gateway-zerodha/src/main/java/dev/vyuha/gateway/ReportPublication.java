package dev.vyuha.gateway;

import io.aeron.Publication;
import org.agrona.DirectBuffer;

/**
 * The report publication and its back-pressure policy (Aeron style: back-pressure is a return code). An offer that
 * meets {@code BACK_PRESSURED} or {@code ADMIN_ACTION} is retried a few times at once; if it still fails, or no engine
 * is connected, the caller keeps the report and tries again on a later duty cycle: reports are never dropped.
 */
final class ReportPublication
{
    private static final int ATTEMPTS = 3;

    private final Publication publication;
    private long backPressured;
    private long notConnected;

    ReportPublication(final Publication publication)
    {
        this.publication = publication;
    }

    /**
     * @param buffer holding the frame.
     * @param offset of the frame.
     * @param length of the frame.
     * @return true if published, false to try again later.
     * @throws IllegalStateException if the publication is closed or the frame can never fit.
     */
    boolean offer(final DirectBuffer buffer, final int offset, final int length)
    {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++)
        {
            final long result = publication.offer(buffer, offset, length);
            if (result > 0)
            {
                return true;
            }
            if (Publication.NOT_CONNECTED == result)
            {
                notConnected++;
                return false;
            }
            if (Publication.CLOSED == result || Publication.MAX_POSITION_EXCEEDED == result)
            {
                throw new IllegalStateException("report publication unusable: " + Publication.errorString(result));
            }
            backPressured++;
            Thread.onSpinWait();
        }
        return false;
    }

    long backPressured()
    {
        return backPressured;
    }

    long notConnected()
    {
        return notConnected;
    }

    int maxMessageLength()
    {
        return publication.maxMessageLength();
    }
}
