package dev.vyuha.engine.readmodel;

/**
 * What the engine has processed, for monitoring.
 *
 * @param commands          commands applied.
 * @param ticks             ticks applied to known instruments.
 * @param unknownTicks      ticks of instruments not in the master (ignored).
 * @param rejectedFrames    frames that failed validation (never applied).
 * @param failedCommands    commands whose handling threw (a bug; state as before the failing step).
 * @param ordersSent        order intents that left.
 * @param ordersRefused     order intents refused by pre-trade checks.
 * @param executionReports  execution reports applied.
 * @param unknownReports    execution reports for orders the engine does not know.
 */
public record EngineCounters(long commands, long ticks, long unknownTicks, long rejectedFrames, long failedCommands,
    long ordersSent, long ordersRefused, long executionReports, long unknownReports)
{
    /** Nothing yet. */
    public static final EngineCounters ZERO = new EngineCounters(0, 0, 0, 0, 0, 0, 0, 0, 0);
}
