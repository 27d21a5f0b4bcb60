package dev.vyuha.engine.strategy.runtime;

/**
 * Where a strategy instance is in its trading day.
 */
public enum StrategyState
{
    /** Loaded; no trading day seen yet. */
    IDLE,
    /** Not trading today (not active, holiday, weekday, DTE, an entry filter that did not hold): the reason is in
     * the event. */
    SKIPPED,
    /** Waiting for its entry time (or the start of its opening range). */
    SCHEDULED,
    /** Watching its entry trigger (entry time reached, range forming, waiting for momentum or for entries to be
     * allowed). */
    WATCHING,
    /** Entry orders working (hedges first). */
    ENTERING,
    /** Legs open; exits watched on every tick. */
    ACTIVE,
    /** Exiting every leg (hedges last). */
    EXITING,
    /** Finished for the day. */
    DONE
}
