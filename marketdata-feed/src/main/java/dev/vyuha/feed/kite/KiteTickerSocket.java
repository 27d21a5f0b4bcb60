package dev.vyuha.feed.kite;

import com.neovisionaries.ws.client.WebSocket;
import com.neovisionaries.ws.client.WebSocketAdapter;
import com.neovisionaries.ws.client.WebSocketException;
import com.neovisionaries.ws.client.WebSocketFrame;
import com.zerodhatech.kiteconnect.Routes;
import com.zerodhatech.kiteconnect.kitehttp.exceptions.KiteException;
import com.zerodhatech.ticker.KiteTicker;
import com.zerodhatech.ticker.OnError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * One connection of the SDK's {@link KiteTicker} (kiteconnect 3.5.1), as the feed drives it (KITE.md §2, §7, §12):
 *
 * <ul>
 *   <li>the ticker is pointed at a configured URI through {@code Routes._wsuri}, which {@code new KiteTicker} copies
 *   (set and restored under a lock on {@code Routes}, as the gateway does);</li>
 *   <li>the SDK's socket listener is wrapped: binary messages go to the feed's own decoder (exact, allocation-free,
 *   no heartbeat crash), everything else (connect, disconnect, pong, text, errors) to the SDK as before;</li>
 *   <li>a ticker connects once ({@code connect()} after {@code disconnect()} fails, and the SDK's own reconnection
 *   skips {@code onConnected}), so a dropped connection is replaced by a new socket, and the caller subscribes it
 *   again; the SDK's reconnection timer is never started.</li>
 * </ul>
 *
 * Subscription calls must come from one thread (the SDK's state is unsynchronised). The access token is never logged.
 */
final class KiteTickerSocket implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(KiteTickerSocket.class);

    /**
     * Receives the ticker's binary messages on the socket's reader thread.
     */
    @FunctionalInterface
    interface BinaryListener
    {
        /**
         * @param message the message (owned by the caller for the duration of the call).
         */
        void onBinaryMessage(byte[] message);
    }

    private final KiteTicker ticker;
    private volatile boolean connected;
    private volatile long lastMessageNanos = System.nanoTime();

    private KiteTickerSocket(final KiteTicker ticker)
    {
        this.ticker = ticker;
    }

    /**
     * Open a connection.
     *
     * @param apiKey      the app's api key.
     * @param accessToken the session's access token.
     * @param tickerUrl   URI template with {@code :access_token} and {@code :api_key}.
     * @param listener    receives binary messages.
     * @return the open connection, or null if it could not connect (refused, unreachable, bad token).
     */
    static KiteTickerSocket open(final String apiKey, final String accessToken, final String tickerUrl,
        final BinaryListener listener)
    {
        final KiteTicker ticker = newTicker(apiKey, accessToken, tickerUrl);
        final KiteTickerSocket socket = new KiteTickerSocket(ticker);
        final WebSocket webSocket = (WebSocket)field(KiteTicker.class, ticker, "ws");
        final WebSocketAdapter sdk = ticker.getWebsocketAdapter();
        webSocket.clearListeners();
        webSocket.addListener(new Forwarding(sdk, socket, listener));
        ticker.setOnConnectedListener(() ->
        {
            socket.lastMessageNanos = System.nanoTime();
            socket.connected = true;
        });
        ticker.setOnDisconnectedListener(() -> socket.connected = false);
        ticker.setOnTickerArrivalListener(ticks ->
        {
        });
        ticker.setOnErrorListener(new OnError()
        {
            @Override
            public void onError(final Exception exception)
            {
                LOG.debug("ticker error {}", exception.getClass().getSimpleName());
            }

            @Override
            public void onError(final KiteException kiteException)
            {
                LOG.debug("ticker error {} {}", kiteException.code, kiteException.message);
            }

            @Override
            public void onError(final String error)
            {
                LOG.warn("ticker error message: {}", error);
            }
        });
        ticker.connect();
        if (!ticker.isConnectionOpen())
        {
            socket.close();
            return null;
        }
        socket.connected = true;
        socket.lastMessageNanos = System.nanoTime();
        return socket;
    }

    /**
     * @param tokens to subscribe (the server starts them in quote mode).
     */
    void subscribe(final Collection<Long> tokens)
    {
        if (!tokens.isEmpty())
        {
            ticker.subscribe(new ArrayList<>(tokens));
        }
    }

    /**
     * @param mode   ltp, quote or full.
     * @param tokens subscribed tokens.
     */
    void mode(final String mode, final Collection<Long> tokens)
    {
        if (!tokens.isEmpty())
        {
            ticker.setMode(new ArrayList<>(tokens), mode);
        }
    }

    /**
     * @param tokens to unsubscribe.
     */
    void unsubscribe(final Collection<Long> tokens)
    {
        if (!tokens.isEmpty())
        {
            ticker.unsubscribe(new ArrayList<>(tokens));
        }
    }

    /** @return true while the socket is open. */
    boolean isConnected()
    {
        return connected && ticker.isConnectionOpen();
    }

    /** @return {@link System#nanoTime()} of the last binary message (tick or heartbeat). */
    long lastMessageNanos()
    {
        return lastMessageNanos;
    }

    @Override
    public void close()
    {
        connected = false;
        try
        {
            ticker.disconnect();
        }
        catch (final RuntimeException ex)
        {
            LOG.debug("ticker disconnect failed: {}", ex.toString());
        }
    }

    private static KiteTicker newTicker(final String apiKey, final String accessToken, final String tickerUrl)
    {
        synchronized (Routes.class)
        {
            final Object previous = field(Routes.class, null, "_wsuri");
            setField(Routes.class, "_wsuri", tickerUrl);
            try
            {
                return new KiteTicker(accessToken, apiKey);
            }
            finally
            {
                setField(Routes.class, "_wsuri", previous);
            }
        }
    }

    private static Object field(final Class<?> type, final Object target, final String name)
    {
        try
        {
            final Field field = type.getDeclaredField(name);
            field.setAccessible(true);
            return field.get(target);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new IllegalStateException("kiteconnect 3.5.1 internals changed: " + type.getName() + '.' + name, ex);
        }
    }

    private static void setField(final Class<?> type, final String name, final Object value)
    {
        try
        {
            final Field field = type.getDeclaredField(name);
            field.setAccessible(true);
            field.set(null, value);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new IllegalStateException("kiteconnect 3.5.1 internals changed: " + type.getName() + '.' + name, ex);
        }
    }

    /**
     * The socket's only listener: binary messages to the feed, the rest to the SDK's own adapter.
     */
    private static final class Forwarding extends WebSocketAdapter
    {
        private final WebSocketAdapter sdk;
        private final KiteTickerSocket socket;
        private final BinaryListener listener;

        Forwarding(final WebSocketAdapter sdk, final KiteTickerSocket socket, final BinaryListener listener)
        {
            this.sdk = sdk;
            this.socket = socket;
            this.listener = listener;
        }

        @Override
        public void onBinaryMessage(final WebSocket websocket, final byte[] binary)
        {
            socket.lastMessageNanos = System.nanoTime();
            listener.onBinaryMessage(binary);
        }

        @Override
        public void onConnected(final WebSocket websocket, final Map<String, List<String>> headers) throws Exception
        {
            sdk.onConnected(websocket, headers);
        }

        @Override
        public void onTextMessage(final WebSocket websocket, final String text) throws Exception
        {
            socket.lastMessageNanos = System.nanoTime();
            sdk.onTextMessage(websocket, text);
        }

        @Override
        public void onPongFrame(final WebSocket websocket, final WebSocketFrame frame) throws Exception
        {
            sdk.onPongFrame(websocket, frame);
        }

        @Override
        public void onDisconnected(final WebSocket websocket, final WebSocketFrame serverCloseFrame,
            final WebSocketFrame clientCloseFrame, final boolean closedByServer) throws Exception
        {
            socket.connected = false;
            sdk.onDisconnected(websocket, serverCloseFrame, clientCloseFrame, closedByServer);
        }

        @Override
        public void onError(final WebSocket websocket, final WebSocketException cause) throws Exception
        {
            sdk.onError(websocket, cause);
        }
    }
}
