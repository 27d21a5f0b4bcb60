package dev.vyuha.engine.event;

/**
 * Receives the engine's events on the business-logic thread. It must be quick and must not throw: hand events to
 * another thread (logs, admin API) or collect them (audit, tests).
 */
@FunctionalInterface
public interface EngineEventListener
{
    /** Ignores everything. */
    EngineEventListener NONE = event -> { };

    /**
     * @param event what happened.
     */
    void onEvent(EngineEvent event);
}
