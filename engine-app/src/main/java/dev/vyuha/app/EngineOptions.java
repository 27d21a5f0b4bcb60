package dev.vyuha.app;

import dev.vyuha.engine.strategy.runtime.EngineConfig;
import picocli.CommandLine.Option;

/**
 * The engine configuration a journal is replayed with. It must be the one the journal was recorded with: a replay
 * under another configuration makes other decisions, which the replay reports as differences.
 */
final class EngineOptions
{
    @Option(names = "--max-quote-age-seconds", paramLabel = "SECONDS", defaultValue = "15",
        description = "Oldest quote a decision may use, as the engine was configured (default: ${DEFAULT-VALUE}).")
    private int maxQuoteAgeSeconds;

    EngineConfig config()
    {
        if (maxQuoteAgeSeconds <= 0)
        {
            throw new IllegalArgumentException("--max-quote-age-seconds must be > 0, was " + maxQuoteAgeSeconds);
        }
        return EngineConfig.defaults().withMaxQuoteAge(maxQuoteAgeSeconds * 1_000_000_000L);
    }
}
