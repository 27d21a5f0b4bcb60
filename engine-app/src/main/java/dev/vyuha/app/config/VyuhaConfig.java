package dev.vyuha.app.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The engine process's configuration (see {@code deploy/vyuha.yaml} for a commented example).
 *
 * @param mode                 LIVE or PAPER.
 * @param account              the broker account baskets that name none trade on.
 * @param journalDirectory     where the command journal lives.
 * @param journalSync          PAGE_CACHE or SYNC_PER_BATCH.
 * @param instrumentsFile      the day's Kite instruments CSV (the feed or a cron job writes it), or null to use
 *                             the feed's synthetic master.
 * @param adminHost            admin API bind address.
 * @param adminPort            admin API port.
 * @param adminTokens          bearer token to role (admin, trader, viewer).
 * @param maxRequestBytes      admin API body limit.
 * @param aeronDirectory       Aeron media driver directory.
 * @param embeddedDriver       run a media driver inside the engine process.
 * @param channel              Aeron channel to the gateway and from the feed.
 * @param orderStreamId        engine to gateway.
 * @param reportStreamId       gateway to engine.
 * @param marketDataStreamId   feed to engine (and to the paper gateway).
 * @param maxLotsPerOrder      pre-trade limit.
 * @param maxOrderValuePaise   pre-trade limit.
 * @param ordersPerSecond      order-rate budget.
 * @param ordersPerMinute      order-rate budget.
 * @param ordersPerDay         order-rate budget.
 * @param ringSize             command ring slots (power of two).
 * @param waitStrategy         BLOCKING, YIELDING or BUSY_SPIN.
 * @param maxQuoteAgeMillis    oldest quote a decision may use.
 * @param rate                 interest rate for option maths.
 * @param baskets              basket files to load at start (skipped if a basket with the same id is already loaded
 *                             from the journal).
 */
public record VyuhaConfig(
    String mode,
    String account,
    Path journalDirectory,
    String journalSync,
    Path instrumentsFile,
    String adminHost,
    int adminPort,
    Map<String, String> adminTokens,
    int maxRequestBytes,
    String aeronDirectory,
    boolean embeddedDriver,
    String channel,
    int orderStreamId,
    int reportStreamId,
    int marketDataStreamId,
    int maxLotsPerOrder,
    long maxOrderValuePaise,
    int ordersPerSecond,
    int ordersPerMinute,
    int ordersPerDay,
    int ringSize,
    String waitStrategy,
    long maxQuoteAgeMillis,
    double rate,
    List<Path> baskets)
{
    /**
     * Defensive copies.
     */
    public VyuhaConfig
    {
        adminTokens = Map.copyOf(adminTokens);
        baskets = List.copyOf(baskets);
    }

    @Override
    public String toString()
    {
        return "VyuhaConfig{mode=" + mode + ", account=" + account + ", journal=" + journalDirectory + " ("
            + journalSync + "), instruments=" + instrumentsFile + ", admin=" + adminHost + ":" + adminPort + " ("
            + adminTokens.size() + " token(s), hidden), aeron=" + aeronDirectory + (embeddedDriver ? " (embedded)" : "")
            + " " + channel + " " + orderStreamId + "/" + reportStreamId + "/" + marketDataStreamId + ", ring="
            + ringSize + " " + waitStrategy + ", baskets=" + baskets + "}";
    }
}
