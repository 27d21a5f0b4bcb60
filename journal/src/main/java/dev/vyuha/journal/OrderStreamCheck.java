package dev.vyuha.journal;

import dev.vyuha.engine.runtime.OutboundOrderPort;
import dev.vyuha.journal.audit.FrameDescriber;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares the orders a replay produces with the orders the live engine handed to the gateway (the orders journal),
 * frame by frame, byte for byte. Orders the replay produces beyond the end of the orders journal are <em>pending</em>:
 * decided by journaled commands, never handed over (the engine stopped between the two); they are kept, in order, so
 * a restarting engine can send them. Give it to the replay as its outbound port.
 */
public final class OrderStreamCheck implements OutboundOrderPort, AutoCloseable
{
    private final JournalReader reader;
    private final JournalCursor cursor;
    private final List<PendingOrder> pending = new ArrayList<>();
    private final FrameDescriber describer = new FrameDescriber();
    private long replayed;
    private long matched;
    private long liveOnly;
    private OrderDifference difference;
    private JournalScan scan;

    /**
     * An order replay produced that the live engine never handed over.
     *
     * @param frame         its bytes.
     * @param causeSequence the command that caused it.
     */
    public record PendingOrder(byte[] frame, long causeSequence)
    {
    }

    /**
     * The first order where replay and live differ.
     *
     * @param ordinal       1-based position in the order stream.
     * @param causeSequence the command that caused the replayed order (-1 if replay produced none there).
     * @param live          the live order, described (or "none").
     * @param replay        the replayed order, described (or "none").
     */
    public record OrderDifference(long ordinal, long causeSequence, String live, String replay)
    {
        /** @return a sentence for operators. */
        public String describe()
        {
            return "order #" + ordinal + (causeSequence >= 0 ? " (caused by #" + causeSequence + ")" : "") + ": live "
                + live + "; replay " + replay;
        }
    }

    /**
     * @param orders the orders journal directory; if it holds no journal, every replayed order is pending.
     */
    public OrderStreamCheck(final Path orders)
    {
        if (JournalReader.isJournal(orders))
        {
            reader = new JournalReader(new JournalContext().directory(orders));
            cursor = reader.cursor(false);
        }
        else
        {
            reader = null;
            cursor = null;
        }
    }

    @Override
    public void send(final DirectBuffer buffer, final int offset, final int length, final long causeSequence)
    {
        replayed++;
        if (pending.isEmpty() && null != cursor && cursor.next())
        {
            if (equal(cursor.frame(), cursor.frameLength(), buffer, offset, length))
            {
                matched++;
            }
            else if (null == difference)
            {
                difference = new OrderDifference(replayed, causeSequence,
                    describer.describe(cursor.frame(), 0, cursor.frameLength()).text(),
                    describer.describe(buffer, offset, length).text());
            }
            return;
        }
        final byte[] copy = new byte[length];
        buffer.getBytes(offset, copy);
        pending.add(new PendingOrder(copy, causeSequence));
    }

    /**
     * Call after the replay: counts live orders the replay did not produce.
     *
     * @return this.
     */
    public OrderStreamCheck finish()
    {
        if (null != cursor && null == scan)
        {
            if (pending.isEmpty())
            {
                while (cursor.next())
                {
                    liveOnly++;
                    if (null == difference)
                    {
                        difference = new OrderDifference(replayed + liveOnly, -1,
                            describer.describe(cursor.frame(), 0, cursor.frameLength()).text(), "none");
                    }
                }
            }
            scan = cursor.scan();
        }
        return this;
    }

    private static boolean equal(final DirectBuffer a, final int aLength, final DirectBuffer b, final int bOffset,
        final int bLength)
    {
        if (aLength != bLength)
        {
            return false;
        }
        for (int i = 0; i < aLength; i++)
        {
            if (a.getByte(i) != b.getByte(bOffset + i))
            {
                return false;
            }
        }
        return true;
    }

    /** @return orders the replay produced. */
    public long replayed()
    {
        return replayed;
    }

    /** @return replayed orders identical to the live ones. */
    public long matched()
    {
        return matched;
    }

    /** @return live orders the replay did not produce (after {@link #finish()}). */
    public long liveOnly()
    {
        return liveOnly;
    }

    /** @return the first difference, or null. */
    public OrderDifference difference()
    {
        return difference;
    }

    /** @return replayed orders beyond the end of the orders journal, in order. */
    public List<PendingOrder> pending()
    {
        return pending;
    }

    /** @return the orders journal's own scan (after {@link #finish()}; null without an orders journal). */
    public JournalScan scan()
    {
        return scan;
    }

    /**
     * @param frame a frame.
     * @return a view for sending it.
     */
    public static UnsafeBuffer view(final PendingOrder frame)
    {
        return new UnsafeBuffer(frame.frame());
    }

    @Override
    public void close()
    {
        if (null != cursor)
        {
            cursor.close();
            reader.close();
        }
    }
}
