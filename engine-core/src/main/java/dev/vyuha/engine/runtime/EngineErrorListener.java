package dev.vyuha.engine.runtime;

/**
 * Told about every unexpected exception on the ring's threads (bugs, not business outcomes). The runtime has already
 * counted it and carries on; engine-app logs it.
 */
@FunctionalInterface
public interface EngineErrorListener
{
    /**
     * @param stage    which stage failed: business logic, journal or outbound.
     * @param sequence sequence of the command being processed, or -1.
     * @param error    what was thrown.
     */
    void onError(String stage, long sequence, Throwable error);
}
