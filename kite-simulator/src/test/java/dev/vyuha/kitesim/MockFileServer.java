package dev.vyuha.kitesim;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves fixed bodies (the official mock files) by method and path, so the SDK can parse a mock exactly as it parses a
 * live response.
 */
final class MockFileServer implements AutoCloseable
{
    private final HttpServer server;
    private final Map<String, String[]> bodies = new ConcurrentHashMap<>();

    MockFileServer()
    {
        try
        {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        server.createContext("/", exchange ->
        {
            final String key = exchange.getRequestMethod() + ' ' + exchange.getRequestURI().getPath();
            final String[] entry = bodies.get(key);
            final byte[] body = (null == entry ? "{\"status\":\"error\",\"message\":\"no mock for " + key
                + "\",\"error_type\":\"GeneralException\",\"data\":null}" : entry[1]).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", null == entry ? "application/json" : entry[0]);
            exchange.sendResponseHeaders(null == entry ? 404 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody())
            {
                out.write(body);
            }
        });
        server.start();
    }

    MockFileServer serve(final String method, final String path, final String contentType, final String body)
    {
        bodies.put(method + ' ' + path, new String[] {contentType, body});
        return this;
    }

    MockFileServer json(final String method, final String path, final String body)
    {
        return serve(method, path, "application/json", body);
    }

    String url()
    {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close()
    {
        server.stop(0);
    }
}
