package dev.vyuha.feed.kite;

import dev.vyuha.feed.instrument.InstrumentUniverse;
import dev.vyuha.feed.source.MarketDataFrames;
import dev.vyuha.feed.source.MarketDataSource;
import dev.vyuha.feed.source.SubscriptionListener;
import dev.vyuha.sbe.FeedScope;
import dev.vyuha.sbe.FeedStatus;
import dev.vyuha.sbe.IndexTickDecoder;
import dev.vyuha.sbe.MessageHeaderDecoder;
import dev.vyuha.sbe.Underlying;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.time.LocalDate;

/**
 * The live source: Kite's ticker through the SDK's {@code KiteTicker}, decoded to SBE on the socket's thread and
 * handed to the feed agent through a ring buffer.
 *
 * <p>A supervisor thread owns the connection (every SDK call is made on it): it connects, subscribes the
 * {@link SubscriptionPlan} and sets its mode; re-centres the option windows as the index moves (subscribing the new
 * strikes, unsubscribing the old); and when the socket drops or falls silent (no tick nor heartbeat for
 * {@code silence}) it publishes {@code FeedState FEED STALE}, makes a new ticker (3.5.1's socket connects only once and
 * its own reconnection skips {@code onConnected}), subscribes exactly the current plan again, and publishes
 * {@code FEED RECOVERED}. Failed connections back off exponentially. Subscriptions are announced in-band, in order with
 * the ticks, before they are sent.
 *
 * <p>Frames carry the time they were received (wall clock, epoch ns) as their frame time. If the agent falls behind
 * by a whole ring, ticks are dropped and counted (newer ticks supersede them) rather than block the socket.
 */
public final class KiteTickSource implements MarketDataSource
{
    private static final Logger LOG = LoggerFactory.getLogger(KiteTickSource.class);
    private static final int FRAME = 1;
    private static final int SUBSCRIBED = 2;
    private static final int UNSUBSCRIBED = 3;
    private static final int TIME_LENGTH = 8;
    private static final long POLL_MS = 50;

    private final KiteFeedSettings settings;
    private final InstrumentUniverse universe;
    private final SubscriptionPlan plan;
    private final EpochNanoClock clock;
    private final ManyToOneRingBuffer ring;
    private final Underlying[] underlyingOfIndexToken;
    private final long[] indexTokens;
    private final AtomicLongArray spots;
    private final Thread supervisor;
    private final TreeSet<Long> subscribed = new TreeSet<>();
    private final MarketDataFrames supervisorFrames = new MarketDataFrames();
    private final UnsafeBuffer supervisorScratch = new UnsafeBuffer(ByteBuffer.allocateDirect(2048));
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong packets = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final RingReader ringReader = new RingReader();

    private volatile boolean running;
    private volatile KiteTickerSocket socket;
    private volatile boolean feedStale;
    private SubscriptionListener listener = SubscriptionListener.NONE;
    private long frameTimeNs;

    /**
     * @param settings how to connect.
     * @param universe the day's instruments (indices included).
     * @param plan     what to subscribe.
     * @param clock    wall clock for receive times.
     */
    KiteTickSource(final KiteFeedSettings settings, final InstrumentUniverse universe, final SubscriptionPlan plan,
        final EpochNanoClock clock)
    {
        this.settings = settings;
        this.universe = universe;
        this.plan = plan;
        this.clock = clock;
        this.ring = new ManyToOneRingBuffer(new UnsafeBuffer(ByteBuffer.allocateDirect(settings.ringBytes()
            + RingBufferDescriptor.TRAILER_LENGTH)));
        final List<Underlying> underlyings = plan.underlyings();
        this.underlyingOfIndexToken = underlyings.toArray(new Underlying[0]);
        this.indexTokens = new long[underlyings.size()];
        for (int u = 0; u < indexTokens.length; u++)
        {
            indexTokens[u] = plan.indexToken(underlyingOfIndexToken[u]);
        }
        this.spots = new AtomicLongArray(indexTokens.length);
        this.supervisor = new Thread(this::supervise, "vyuha-feed-kite-ticker");
        this.supervisor.setDaemon(true);
    }

    /**
     * The live source for a day.
     *
     * @param settings    how to connect.
     * @param universe    the day's instruments, indices included.
     * @param underlyings which to subscribe.
     * @param today       the trading date.
     * @param expiries    nearest expiries whose options to subscribe.
     * @param strikes     strikes each side of ATM.
     * @param recenter    re-centre when ATM moves this many strikes.
     * @param clock       wall clock.
     * @return the source (call {@link #start()} to connect).
     */
    public static KiteTickSource create(final KiteFeedSettings settings, final InstrumentUniverse universe,
        final List<Underlying> underlyings, final LocalDate today, final int expiries, final int strikes,
        final int recenter, final EpochNanoClock clock)
    {
        return new KiteTickSource(settings, universe, new SubscriptionPlan(universe, underlyings, today, expiries,
            strikes, recenter, true), clock);
    }

    @Override
    public void start()
    {
        if (!running)
        {
            running = true;
            supervisor.start();
        }
    }

    @Override
    public int next(final MutableDirectBuffer buffer, final int offset)
    {
        ringReader.target(buffer, offset);
        while (ring.read(ringReader, 1) > 0)
        {
            if (ringReader.length > 0)
            {
                frameTimeNs = ringReader.timeNs;
                return ringReader.length;
            }
        }
        return NO_FRAME;
    }

    @Override
    public long frameTimeNs()
    {
        return frameTimeNs;
    }

    @Override
    public boolean isLive()
    {
        return true;
    }

    @Override
    public void subscriptions(final SubscriptionListener listener)
    {
        this.listener = null == listener ? SubscriptionListener.NONE : listener;
    }

    /** @return the instruments the source may subscribe. */
    public InstrumentUniverse universe()
    {
        return universe;
    }

    /** @return connections opened so far. */
    public long connections()
    {
        return connections.get();
    }

    /** @return ticks dropped because the ring was full. */
    public long droppedTicks()
    {
        return dropped.get();
    }

    /** @return ticker packets decoded. */
    public long packets()
    {
        return packets.get();
    }

    /** @return malformed packets or messages skipped. */
    public long malformed()
    {
        return malformed.get();
    }

    /** @return true while a ticker connection is up. */
    public boolean isConnected()
    {
        final KiteTickerSocket current = socket;
        return null != current && current.isConnected();
    }

    @Override
    public String description()
    {
        return "Kite ticker " + settings + " for " + plan.underlyings();
    }

    @Override
    public void close()
    {
        running = false;
        supervisor.interrupt();
        try
        {
            supervisor.join(5_000);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        drop();
    }

    // ------------------------------------------------------------------------------------------- supervisor thread

    private void supervise()
    {
        long backoffMs = settings.backoffInitial().toMillis();
        final long silenceNs = settings.silence().toNanos();
        while (running)
        {
            try
            {
                if (null == socket)
                {
                    if (!connect())
                    {
                        sleep(backoffMs);
                        backoffMs = Math.min(settings.backoffMax().toMillis(), backoffMs * 2);
                        continue;
                    }
                    backoffMs = settings.backoffInitial().toMillis();
                }
                final KiteTickerSocket current = socket;
                final long silentNs = System.nanoTime() - current.lastMessageNanos();
                if (!current.isConnected() || silentNs > silenceNs)
                {
                    final String why = current.isConnected() ? "ticker silent for "
                        + TimeUnit.NANOSECONDS.toMillis(silentNs) + " ms" : "ticker disconnected";
                    LOG.warn("{}; reconnecting", why);
                    drop();
                    stale(why + "; reconnecting");
                    continue;
                }
                recentre();
                sleep(POLL_MS);
            }
            catch (final RuntimeException ex)
            {
                LOG.warn("ticker supervision failed: {}", ex.toString());
                drop();
                stale("ticker failed: " + ex.getClass().getSimpleName());
                sleep(backoffMs);
                backoffMs = Math.min(settings.backoffMax().toMillis(), backoffMs * 2);
            }
        }
    }

    private boolean connect()
    {
        final String accessToken = settings.accessToken().get();
        if (null == accessToken || accessToken.isBlank())
        {
            stale("no access token");
            return false;
        }
        final KiteTickerSocket opened = KiteTickerSocket.open(settings.apiKey(), accessToken, settings.tickerUrl(),
            new SocketReader()::onBinaryMessage);
        if (null == opened)
        {
            LOG.info("ticker connection failed; retrying");
            stale("cannot connect to the ticker");
            return false;
        }
        if (!running)
        {
            // Closed while the handshake was in flight: do not leave the connection behind.
            opened.close();
            return false;
        }
        socket = opened;
        connections.incrementAndGet();
        for (int u = 0; u < indexTokens.length; u++)
        {
            final long spot = spots.get(u);
            if (spot > 0)
            {
                plan.update(underlyingOfIndexToken[u], spot);
            }
        }
        final Set<Long> desired = new TreeSet<>(plan.desired());
        for (final Long token : desired)
        {
            if (!subscribed.contains(token))
            {
                announce(SUBSCRIBED, token);
            }
        }
        for (final Long token : new ArrayList<>(subscribed))
        {
            if (!desired.contains(token))
            {
                announce(UNSUBSCRIBED, token);
            }
        }
        subscribed.clear();
        subscribed.addAll(desired);
        opened.subscribe(desired);
        opened.mode(settings.mode(), desired);
        LOG.info("ticker connected (connection {}); {} instruments subscribed in {} mode", connections.get(),
            desired.size(), settings.mode());
        if (feedStale)
        {
            feedState(FeedStatus.RECOVERED, "ticker reconnected; " + desired.size() + " instruments subscribed again");
        }
        return true;
    }

    private void recentre()
    {
        boolean changed = false;
        for (int u = 0; u < indexTokens.length; u++)
        {
            changed |= plan.update(underlyingOfIndexToken[u], spots.get(u));
        }
        if (!changed)
        {
            return;
        }
        final Set<Long> desired = plan.desired();
        final List<Long> added = new ArrayList<>();
        final List<Long> removed = new ArrayList<>();
        for (final Long token : desired)
        {
            if (!subscribed.contains(token))
            {
                added.add(token);
            }
        }
        for (final Long token : subscribed)
        {
            if (!desired.contains(token))
            {
                removed.add(token);
            }
        }
        for (final Long token : removed)
        {
            announce(UNSUBSCRIBED, token);
        }
        for (final Long token : added)
        {
            announce(SUBSCRIBED, token);
        }
        final KiteTickerSocket current = socket;
        current.unsubscribe(removed);
        current.subscribe(added);
        current.mode(settings.mode(), added);
        subscribed.removeAll(removed);
        subscribed.addAll(added);
        LOG.info("re-centred: {} subscribed, {} unsubscribed, {} in all", added.size(), removed.size(),
            subscribed.size());
    }

    private void drop()
    {
        final KiteTickerSocket current = socket;
        socket = null;
        if (null != current)
        {
            current.close();
        }
    }

    private void stale(final String reason)
    {
        if (!feedStale)
        {
            feedState(FeedStatus.STALE, reason);
        }
    }

    private void feedState(final FeedStatus status, final String reason)
    {
        feedStale = status == FeedStatus.STALE;
        final int length = supervisorFrames.feedState(supervisorScratch, TIME_LENGTH, FeedScope.FEED, status, 0,
            Underlying.NULL_VAL, MarketDataFrames.NULL_TIME, reason);
        supervisorScratch.putLong(0, clock.nanoTime());
        while (running && !ring.write(FRAME, supervisorScratch, 0, TIME_LENGTH + length))
        {
            sleep(1);
        }
    }

    private void announce(final int type, final long token)
    {
        supervisorScratch.putLong(0, clock.nanoTime());
        supervisorScratch.putLong(TIME_LENGTH, token);
        while (running && !ring.write(type, supervisorScratch, 0, 2 * TIME_LENGTH))
        {
            sleep(1);
        }
    }

    private static void sleep(final long millis)
    {
        try
        {
            TimeUnit.MILLISECONDS.sleep(millis);
        }
        catch (final InterruptedException ex)
        {
            Thread.interrupted();
        }
    }

    // ---------------------------------------------------------------------------------------------- socket thread

    /**
     * Decodes one connection's binary messages on its reader thread into the ring (one per connection, so a closing
     * socket's last message never shares state with its successor).
     */
    private final class SocketReader implements KiteTickerDecoder.FrameHandler
    {
        private final KiteTickerDecoder decoder = new KiteTickerDecoder();
        private final UnsafeBuffer message = new UnsafeBuffer(new byte[0]);
        private final UnsafeBuffer scratch = new UnsafeBuffer(ByteBuffer.allocateDirect(2048));
        private final MessageHeaderDecoder header = new MessageHeaderDecoder();
        private final IndexTickDecoder indexTick = new IndexTickDecoder();
        private long receivedNs;

        void onBinaryMessage(final byte[] bytes)
        {
            receivedNs = clock.nanoTime();
            message.wrap(bytes);
            final long malformedBefore = decoder.malformed();
            packets.addAndGet(decoder.decodeMessage(message, 0, bytes.length, scratch, TIME_LENGTH, this));
            malformed.addAndGet(decoder.malformed() - malformedBefore);
        }

        @Override
        public void onFrame(final DirectBuffer buffer, final int offset, final int length)
        {
            header.wrap(buffer, offset);
            if (header.templateId() == IndexTickDecoder.TEMPLATE_ID)
            {
                indexTick.wrap(buffer, offset + MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(),
                    header.version());
                final long token = indexTick.instrumentToken();
                for (int u = 0; u < indexTokens.length; u++)
                {
                    if (indexTokens[u] == token)
                    {
                        spots.set(u, indexTick.lastPrice());
                    }
                }
            }
            scratch.putLong(0, receivedNs);
            if (!ring.write(FRAME, scratch, 0, TIME_LENGTH + length) && dropped.getAndIncrement() % 10_000 == 0)
            {
                LOG.warn("feed agent behind: {} ticks dropped", dropped.get());
            }
        }
    }

    // ----------------------------------------------------------------------------------------------- agent thread

    /**
     * Copies one ring record into the caller's buffer, or applies a subscription record.
     */
    private final class RingReader implements MessageHandler
    {
        private MutableDirectBuffer target;
        private int targetOffset;
        private int length;
        private long timeNs;

        void target(final MutableDirectBuffer buffer, final int offset)
        {
            this.target = buffer;
            this.targetOffset = offset;
            this.length = 0;
        }

        @Override
        public void onMessage(final int type, final MutableDirectBuffer buffer, final int index, final int recordLength)
        {
            timeNs = buffer.getLong(index);
            if (type == FRAME)
            {
                length = recordLength - TIME_LENGTH;
                target.putBytes(targetOffset, buffer, index + TIME_LENGTH, length);
                return;
            }
            length = 0;
            final long token = buffer.getLong(index + TIME_LENGTH);
            if (type == SUBSCRIBED)
            {
                listener.onSubscribed(token, timeNs);
            }
            else
            {
                listener.onUnsubscribed(token, timeNs);
            }
        }
    }
}
