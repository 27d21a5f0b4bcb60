package dev.vyuha.feed.kite;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How the live feed connects to the Kite ticker.
 *
 * @param apiKey         the app's api key.
 * @param accessToken    where the session's access token comes from (read again at every connection).
 * @param tickerUrl      URI template with {@code :access_token} and {@code :api_key}.
 * @param mode           ticker mode: ltp, quote or full.
 * @param silence        a connection with no message (tick or heartbeat) this long is dropped and replaced.
 * @param backoffInitial first wait after a failed connection.
 * @param backoffMax     longest wait between connection attempts.
 * @param ringBytes      capacity of the buffer between the socket thread and the feed agent (a power of two).
 */
public record KiteFeedSettings(
    String apiKey,
    Supplier<String> accessToken,
    String tickerUrl,
    String mode,
    Duration silence,
    Duration backoffInitial,
    Duration backoffMax,
    int ringBytes)
{
    /**
     * @param apiKey         api key.
     * @param accessToken    token source.
     * @param tickerUrl      ticker URI template.
     * @param mode           ticker mode.
     * @param silence        silence threshold.
     * @param backoffInitial first back-off.
     * @param backoffMax     longest back-off.
     * @param ringBytes      ring capacity.
     */
    public KiteFeedSettings
    {
        Objects.requireNonNull(apiKey, "api key");
        Objects.requireNonNull(accessToken, "access token source");
        Objects.requireNonNull(tickerUrl, "ticker url");
        if (!"ltp".equals(mode) && !"quote".equals(mode) && !"full".equals(mode))
        {
            throw new IllegalArgumentException("ticker mode must be ltp, quote or full: " + mode);
        }
        if (silence.toMillis() < 100 || backoffInitial.toMillis() < 10 || backoffMax.compareTo(backoffInitial) < 0)
        {
            throw new IllegalArgumentException("silence must be >= 100 ms, back-off >= 10 ms and max >= initial");
        }
        if (Integer.bitCount(ringBytes) != 1 || ringBytes < 64 * 1024)
        {
            throw new IllegalArgumentException("ring bytes must be a power of two >= 64 KiB: " + ringBytes);
        }
    }

    @Override
    public String toString()
    {
        return "KiteFeedSettings{apiKey=***, accessToken=***, tickerUrl=" + tickerUrl + ", mode=" + mode + ", silence="
            + silence + ", backoff=" + backoffInitial + ".." + backoffMax + ", ringBytes=" + ringBytes + '}';
    }
}
