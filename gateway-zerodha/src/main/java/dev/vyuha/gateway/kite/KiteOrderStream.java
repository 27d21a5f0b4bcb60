package dev.vyuha.gateway.kite;

import com.zerodhatech.kiteconnect.kitehttp.exceptions.KiteException;
import com.zerodhatech.ticker.KiteTicker;
import com.zerodhatech.ticker.OnError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Order updates from the Kite ticker ({@code {"type":"order",…}} messages, KITE.md §7.4), with its own connection
 * supervision: SDK 3.5.1's socket connects once and its reconnect timer is non-daemon and skips {@code onConnected}, so
 * this thread makes a new {@link KiteTicker} per connection, backs off between attempts, and drops a connection that
 * has been silent (no tick, no heartbeat) for too long. Subscribes to no instruments: order updates need none.
 *
 * <p>Order updates go to the consumer on the ticker's reader thread; the consumer must only queue them.
 */
final class KiteOrderStream implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(KiteOrderStream.class);
    private static final long MAX_BACKOFF_MS = 30_000;

    private final String apiKey;
    private final String tickerUrl;
    private final long staleAfterNs;
    private final Consumer<BrokerOrderState> updates;
    private final Thread supervisor;
    private volatile String accessToken;
    private volatile boolean running = true;
    private volatile boolean connected;
    private volatile boolean wanted;
    private volatile long lastMessageNanos;
    private volatile KiteTicker ticker;

    KiteOrderStream(
        final String apiKey,
        final String tickerUrl,
        final Duration staleAfter,
        final Consumer<BrokerOrderState> updates)
    {
        this.apiKey = apiKey;
        this.tickerUrl = tickerUrl;
        this.staleAfterNs = staleAfter.toNanos();
        this.updates = updates;
        this.supervisor = new Thread(this::supervise, "vyuha-kite-ticker");
        this.supervisor.setDaemon(true);
    }

    void start()
    {
        supervisor.start();
    }

    /**
     * Connect (or reconnect) with this token.
     *
     * @param accessToken the session's token.
     */
    void connectWith(final String accessToken)
    {
        this.accessToken = accessToken;
        this.wanted = true;
        dropCurrent();
        supervisor.interrupt();
    }

    /** Stop connecting (the session expired); a later {@link #connectWith} resumes. */
    void pause()
    {
        wanted = false;
        dropCurrent();
    }

    /** @return true while a ticker connection is open. */
    boolean isConnected()
    {
        return connected;
    }

    @Override
    public void close()
    {
        running = false;
        wanted = false;
        supervisor.interrupt();
        dropCurrent();
    }

    private void supervise()
    {
        long backoffMs = 500;
        while (running)
        {
            try
            {
                if (wanted && null == ticker)
                {
                    if (open())
                    {
                        backoffMs = 500;
                    }
                    else
                    {
                        sleep(backoffMs);
                        backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
                        continue;
                    }
                }
                final KiteTicker current = ticker;
                if (null != current && (!connected || System.nanoTime() - lastMessageNanos > staleAfterNs))
                {
                    LOG.info("order updates: ticker {}; reconnecting", connected ? "silent" : "disconnected");
                    dropCurrent();
                    continue;
                }
                sleep(250);
            }
            catch (final RuntimeException ex)
            {
                LOG.warn("order updates: ticker supervision failed: {}", ex.toString());
                dropCurrent();
                sleep(backoffMs);
            }
        }
    }

    private boolean open()
    {
        final String token = accessToken;
        if (null == token)
        {
            return false;
        }
        final KiteTicker candidate = KiteSdk.kiteTicker(apiKey, token, tickerUrl);
        candidate.setOnConnectedListener(() ->
        {
            lastMessageNanos = System.nanoTime();
            connected = true;
        });
        candidate.setOnDisconnectedListener(() -> connected = false);
        candidate.setOnTickerArrivalListener(ticks -> lastMessageNanos = System.nanoTime());
        candidate.setOnOrderUpdateListener(order ->
        {
            lastMessageNanos = System.nanoTime();
            updates.accept(BrokerOrderState.of(order, "ticker"));
        });
        candidate.setOnErrorListener(new OnError()
        {
            @Override
            public void onError(final Exception exception)
            {
                LOG.debug("order updates: ticker error {}", exception.getClass().getSimpleName());
            }

            @Override
            public void onError(final KiteException kiteException)
            {
                LOG.debug("order updates: ticker error {} {}", kiteException.code, kiteException.message);
            }

            @Override
            public void onError(final String error)
            {
                LOG.debug("order updates: ticker error message {}", error);
            }
        });
        lastMessageNanos = System.nanoTime();
        candidate.connect();
        if (!candidate.isConnectionOpen())
        {
            LOG.info("order updates: ticker connection failed; polling the order book meanwhile");
            candidate.disconnect();
            return false;
        }
        connected = true;
        ticker = candidate;
        LOG.info("order updates: ticker connected");
        return true;
    }

    private void dropCurrent()
    {
        final KiteTicker current = ticker;
        ticker = null;
        connected = false;
        if (null != current)
        {
            try
            {
                current.disconnect();
            }
            catch (final RuntimeException ex)
            {
                LOG.debug("order updates: ticker disconnect failed: {}", ex.toString());
            }
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
}
