package dev.vyuha.engine.market;

import java.util.List;

/**
 * What loading an instruments dump did: rows read, instruments loaded by kind, rows skipped by reason, rows rejected
 * with their line numbers and reasons, and warnings about what the master lacks. A report with a {@link #fatal()}
 * error has an empty master (for example a wrong header).
 *
 * @param source            where the dump came from.
 * @param rowsRead          data rows read (header excluded).
 * @param indices           index instruments loaded.
 * @param futures           futures loaded.
 * @param options           options loaded.
 * @param skippedSegment    rows of segments the engine does not trade (equities, currencies, commodities).
 * @param skippedUnderlying index-derivative segments but an underlying the engine does not trade (stock options).
 * @param skippedExpired    contracts that expired before the trading date.
 * @param rejected          malformed or inconsistent rows.
 * @param errors            one line per rejected row, {@code source:line: reason}, the first {@value #MAX_MESSAGES}.
 * @param warnings          gaps in the master (no freeze quantity, no index token) that will refuse orders later.
 * @param fatal             a reason nothing was loaded, or null.
 */
public record InstrumentLoadReport(
    String source,
    int rowsRead,
    int indices,
    int futures,
    int options,
    int skippedSegment,
    int skippedUnderlying,
    int skippedExpired,
    int rejected,
    List<String> errors,
    List<String> warnings,
    String fatal)
{
    /** At most this many row errors are kept (all are counted). */
    public static final int MAX_MESSAGES = 200;

    /**
     * @return instruments loaded.
     */
    public int loaded()
    {
        return indices + futures + options;
    }

    /**
     * @return a one-line summary for logs and audit.
     */
    public String summary()
    {
        if (null != fatal)
        {
            return source + ": not loaded: " + fatal;
        }
        return source + ": " + rowsRead + " rows, loaded " + loaded() + " (" + indices + " indices, " + futures
            + " futures, " + options + " options), skipped " + skippedSegment + " other segments, "
            + skippedUnderlying + " other underlyings, " + skippedExpired + " expired, rejected " + rejected;
    }
}
