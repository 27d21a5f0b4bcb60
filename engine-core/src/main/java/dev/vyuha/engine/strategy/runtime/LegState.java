package dev.vyuha.engine.strategy.runtime;

/**
 * Where a leg is in its day.
 */
public enum LegState
{
    /** Not yet asked to enter (or a new day). */
    IDLE,
    /** A hedge leg of its strategy has not filled yet: this leg waits for it (hedges enter first). */
    AWAITING_HEDGES,
    /** Waiting for its wait-and-trade (or RE_MOMENTUM) move from a reference. */
    WAITING_MOMENTUM,
    /** Waiting for its instrument to come back to the original entry price (RE_COST). */
    WAITING_COST,
    /** Entry order working. */
    ENTRY_PENDING,
    /** An order was rejected; a retry is scheduled. */
    RETRY_WAIT,
    /** Position open; exits watched on every tick. */
    OPEN,
    /** Exit order working. */
    EXIT_PENDING,
    /** Exited; may re-enter. */
    CLOSED,
    /** Could not enter (no strike, refused, given up). */
    FAILED
}
