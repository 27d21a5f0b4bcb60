package dev.vyuha.gateway.kite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The secrets of a Kite session: the access token (read afresh from its source whenever the session must be renewed,
 * so an operator can log in again and drop a new token in place), and optionally the api secret and a request token
 * (to create the session from a login redirect, and to check postback checksums). None of them is ever logged:
 * {@link #toString()} masks them.
 */
public final class KiteCredentials
{
    private final Supplier<String> accessToken;
    private final String apiSecret;
    private final String requestToken;

    /**
     * @param accessToken  where the current access token comes from (may supply null or blank when none).
     * @param apiSecret    the app's api secret, or null.
     * @param requestToken a request token from a login redirect, or null.
     */
    public KiteCredentials(final Supplier<String> accessToken, final String apiSecret, final String requestToken)
    {
        this.accessToken = Objects.requireNonNull(accessToken);
        this.apiSecret = blankToNull(apiSecret);
        this.requestToken = blankToNull(requestToken);
    }

    /**
     * @param file a file holding the access token (whitespace trimmed); read each time a token is needed.
     * @return a supplier reading it (null if the file is missing).
     */
    public static Supplier<String> fromFile(final Path file)
    {
        return () ->
        {
            try
            {
                return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8).trim() : null;
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException("cannot read the access token file " + file, ex);
            }
        };
    }

    /** @return the current access token, or null. */
    public String accessToken()
    {
        return blankToNull(accessToken.get());
    }

    /** @return the api secret, or null. */
    public String apiSecret()
    {
        return apiSecret;
    }

    /** @return the request token, or null. */
    public String requestToken()
    {
        return requestToken;
    }

    @Override
    public String toString()
    {
        return "KiteCredentials{accessToken=***, apiSecret=" + (null == apiSecret ? "none" : "***")
            + ", requestToken=" + (null == requestToken ? "none" : "***") + '}';
    }

    private static String blankToNull(final String text)
    {
        return null == text || text.isBlank() ? null : text.trim();
    }
}
