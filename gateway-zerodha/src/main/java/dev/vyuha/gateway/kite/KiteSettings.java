package dev.vyuha.gateway.kite;

import java.time.Duration;

/**
 * Everything the Kite venue needs, resolved by the gateway's context. {@link #toString()} never shows secrets.
 *
 * @param account                 the account id reports carry ("" to take the user id Kite returns at login).
 * @param apiKey                  the app's api key.
 * @param credentials             access token source, api secret, request token.
 * @param rootUrl                 REST root.
 * @param tickerUrl               ticker URI template.
 * @param httpTimeout             timeout of every REST call.
 * @param ordersPerSecond         order requests per second.
 * @param ordersPerMinute         order requests per minute.
 * @param ordersPerDay            placements per day.
 * @param rateGuard               added to each rate window.
 * @param retryInitial            first back-off after a 429 or an unsent request.
 * @param retryMax                largest back-off.
 * @param lookupDelay             wait before looking up a possibly-placed order by tag.
 * @param absentLookups           consecutive lookups that must miss before a possibly-placed order is resent.
 * @param pollInterval            order book poll while the ticker is down.
 * @param pollIntervalConnected   order book poll while the ticker is up (a safety net).
 * @param sessionProbeInterval    how often an expired session is retried with the current token.
 * @param tickerEnabled           take order updates from the ticker.
 * @param tickerStaleAfter        reconnect a ticker silent this long (Kite heartbeats every second).
 * @param postbackHost            host of the postback listener.
 * @param postbackPort            port of the postback listener (0: disabled; -1: any free port).
 * @param limitBufferBps          buffer of the marketable limit around the reference price, basis points.
 * @param marketAsLimit           send MARKET intents as marketable limits when a reference price is given.
 * @param marketProtection        market protection for MARKET/SL-M when the frame carries none (-1 auto).
 * @param maxSlices               most slices per intent.
 */
public record KiteSettings(
    String account,
    String apiKey,
    KiteCredentials credentials,
    String rootUrl,
    String tickerUrl,
    Duration httpTimeout,
    int ordersPerSecond,
    int ordersPerMinute,
    int ordersPerDay,
    Duration rateGuard,
    Duration retryInitial,
    Duration retryMax,
    Duration lookupDelay,
    int absentLookups,
    Duration pollInterval,
    Duration pollIntervalConnected,
    Duration sessionProbeInterval,
    boolean tickerEnabled,
    Duration tickerStaleAfter,
    String postbackHost,
    int postbackPort,
    double limitBufferBps,
    boolean marketAsLimit,
    int marketProtection,
    int maxSlices)
{
    @Override
    public String toString()
    {
        return "KiteSettings{account=" + account + ", rootUrl=" + rootUrl + ", httpTimeout=" + httpTimeout
            + ", rate=" + ordersPerSecond + "/s " + ordersPerMinute + "/min " + ordersPerDay + "/day"
            + ", lookupDelay=" + lookupDelay + ", absentLookups=" + absentLookups + ", poll=" + pollInterval + '/'
            + pollIntervalConnected + ", ticker=" + tickerEnabled + ", postbackPort=" + postbackPort
            + ", limitBufferBps=" + limitBufferBps + ", marketAsLimit=" + marketAsLimit + ", marketProtection="
            + marketProtection + ", maxSlices=" + maxSlices + ", credentials=" + credentials + '}';
    }
}
