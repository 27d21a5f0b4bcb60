package dev.vyuha.admin;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Configuration of the admin API, Aeron-style: fluent accessors, validated by {@link #conclude()}. Binds to loopback
 * unless told otherwise; every route but {@code /health} and {@code /openapi.json} needs a bearer token.
 */
public final class AdminApiContext
{
    /** Default bind address: loopback only. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** Default port. */
    public static final int DEFAULT_PORT = 8080;
    /** Default largest request body: 1 MiB (a basket document is far smaller). */
    public static final int DEFAULT_MAX_REQUEST_BYTES = 1 << 20;
    /** Default wait for a command's outcome before answering 202 Accepted. */
    public static final long DEFAULT_OUTCOME_TIMEOUT_MS = 5_000;
    private static final int MIN_TOKEN_LENGTH = 16;

    private String host = DEFAULT_HOST;
    private int port = DEFAULT_PORT;
    private final Map<String, Role> tokens = new LinkedHashMap<>();
    private int maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;
    private long outcomeTimeoutMs = DEFAULT_OUTCOME_TIMEOUT_MS;

    /**
     * @param host address to bind ("0.0.0.0" exposes the API to the network: put it behind TLS).
     * @return this.
     */
    public AdminApiContext host(final String host)
    {
        this.host = host;
        return this;
    }

    /** @return the bind address. */
    public String host()
    {
        return host;
    }

    /**
     * @param port port to bind, 0 for any free one.
     * @return this.
     */
    public AdminApiContext port(final int port)
    {
        this.port = port;
        return this;
    }

    /** @return the port. */
    public int port()
    {
        return port;
    }

    /**
     * @param token a bearer token (at least 16 characters).
     * @param role  what it may do.
     * @return this.
     */
    public AdminApiContext token(final String token, final Role role)
    {
        tokens.put(token, role);
        return this;
    }

    /** @return tokens and their roles (never log them). */
    Map<String, Role> tokens()
    {
        return tokens;
    }

    /**
     * @param bytes largest request body accepted.
     * @return this.
     */
    public AdminApiContext maxRequestBytes(final int bytes)
    {
        this.maxRequestBytes = bytes;
        return this;
    }

    /** @return largest request body accepted. */
    public int maxRequestBytes()
    {
        return maxRequestBytes;
    }

    /**
     * @param millis how long a mutation waits for the engine's outcome.
     * @return this.
     */
    public AdminApiContext outcomeTimeoutMs(final long millis)
    {
        this.outcomeTimeoutMs = millis;
        return this;
    }

    /** @return how long a mutation waits for the engine's outcome. */
    public long outcomeTimeoutMs()
    {
        return outcomeTimeoutMs;
    }

    /**
     * Check the configuration.
     *
     * @return this.
     * @throws IllegalArgumentException naming what is wrong.
     */
    public AdminApiContext conclude()
    {
        if (null == host || host.isBlank())
        {
            throw new IllegalArgumentException("admin.host: must not be blank");
        }
        if (port < 0 || port > 65_535)
        {
            throw new IllegalArgumentException("admin.port: must be 0..65535, was " + port);
        }
        if (tokens.isEmpty())
        {
            throw new IllegalArgumentException("admin.tokens: at least one bearer token is required (the API has no "
                + "anonymous access)");
        }
        for (final Map.Entry<String, Role> token : tokens.entrySet())
        {
            if (null == token.getKey() || token.getKey().length() < MIN_TOKEN_LENGTH || null == token.getValue())
            {
                throw new IllegalArgumentException("admin.tokens: every token needs at least " + MIN_TOKEN_LENGTH
                    + " characters and a role (a " + (null == token.getValue() ? "token without a role" :
                    token.getValue() + " token is too short") + ")");
            }
        }
        if (maxRequestBytes < 1024)
        {
            throw new IllegalArgumentException("admin.max-request-bytes: must be at least 1024, was "
                + maxRequestBytes);
        }
        if (outcomeTimeoutMs <= 0)
        {
            throw new IllegalArgumentException("admin.outcome-timeout-ms: must be > 0, was " + outcomeTimeoutMs);
        }
        return this;
    }

    @Override
    public String toString()
    {
        return "AdminApiContext{host=" + host + ", port=" + port + ", tokens=" + tokens.size() + " (hidden)"
            + ", maxRequestBytes=" + maxRequestBytes + ", outcomeTimeoutMs=" + outcomeTimeoutMs + "}";
    }
}
