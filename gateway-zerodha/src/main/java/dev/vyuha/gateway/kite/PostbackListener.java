package dev.vyuha.gateway.kite;

import com.sun.net.httpserver.HttpServer;
import org.json.JSONException;
import org.json.JSONObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Kite postbacks (KITE.md §8): Kite POSTs the order object to the app's postback URL on every status change. This
 * listener (plain JDK HTTP, one thread) is the extension point: put it behind the HTTPS endpoint registered with Kite
 * (a reverse proxy), and it checks each body's checksum ({@code sha256_hex(order_id + order_timestamp + api_secret)})
 * and feeds valid ones into the same path as ticker updates. Invalid bodies are counted, answered 400 and ignored.
 */
final class PostbackListener implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(PostbackListener.class);

    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    PostbackListener(final String host, final int port, final String apiSecret,
        final Consumer<BrokerOrderState> updates)
    {
        try
        {
            server = HttpServer.create(new InetSocketAddress(host, Math.max(0, port)), 16);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot listen for postbacks on " + host + ':' + port, ex);
        }
        executor = Executors.newSingleThreadExecutor(r ->
        {
            final Thread thread = new Thread(r, "vyuha-kite-postbacks");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", exchange ->
        {
            int status = 400;
            try (InputStream in = exchange.getRequestBody())
            {
                final String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if ("POST".equals(exchange.getRequestMethod()) && null != apiSecret)
                {
                    final JSONObject order = new JSONObject(body);
                    final String expected = sha256Hex(order.optString("order_id", "")
                        + order.optString("order_timestamp", "") + apiSecret);
                    if (MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                        order.optString("checksum", "").getBytes(StandardCharsets.US_ASCII)))
                    {
                        updates.accept(BrokerOrderState.of(order, "postback"));
                        accepted.incrementAndGet();
                        status = 200;
                    }
                }
            }
            catch (final JSONException ex)
            {
                LOG.debug("postback: unreadable body");
            }
            if (200 != status)
            {
                refused.incrementAndGet();
                LOG.warn("postback refused (bad method, body or checksum): {} refused so far", refused.get());
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        if (null == apiSecret)
        {
            LOG.warn("postback listener without an api secret: every postback will be refused");
        }
    }

    void start()
    {
        server.start();
        LOG.info("postback listener on {}", server.getAddress());
    }

    int port()
    {
        return server.getAddress().getPort();
    }

    long accepted()
    {
        return accepted.get();
    }

    long refused()
    {
        return refused.get();
    }

    @Override
    public void close()
    {
        server.stop(0);
        executor.shutdownNow();
    }

    static String sha256Hex(final String text)
    {
        try
        {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}
