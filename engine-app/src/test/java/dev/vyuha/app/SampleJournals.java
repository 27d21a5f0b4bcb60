package dev.vyuha.app;

import dev.vyuha.app.engine.JournaledEngine;
import dev.vyuha.engine.scenario.Baskets;
import dev.vyuha.engine.scenario.TradingDay;
import dev.vyuha.engine.strategy.runtime.EngineConfig;
import dev.vyuha.engine.strategy.runtime.TradingEngine;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Journals written the way the engine writes them (through {@link JournaledEngine}), for the command-line tests.
 */
final class SampleJournals
{
    private SampleJournals()
    {
    }

    /**
     * A NIFTY short straddle on 2026-08-17: sold at 09:20, the CE leg's 30 % stop loss hit at 10:30, the PE leg bought
     * back at the 15:15 exit; fills at round prices.
     */
    static TradingDay straddleDay()
    {
        final TradingDay day = TradingDay.on("2026-08-17");
        day.at("09:15:00").nifty("24012.35");
        day.load(Baskets.basket(Baskets.straddle("\"stop_loss\": { \"type\": \"PERCENT\", \"value\": 30 }", "")));
        day.at("09:19:59").nifty("24012.35").timer();
        day.at("09:20:00").timer();
        day.fill(day.order("NIFTY2681824000CE"), "100.00").fill(day.order("NIFTY2681824000PE"), "90.00");
        day.at("10:30:00").option("24000CE", "131.00").option("24000PE", "70.00");
        day.fill(day.order("NIFTY2681824000CE"), "131.50");
        day.at("15:15:00").timer();
        day.fill(day.order("NIFTY2681824000PE"), "60.00");
        day.at("15:20:00").timer();
        return day;
    }

    /**
     * @param directory the journal's root.
     * @param day       a day whose commands to run through the engine, journaled.
     * @param config    the engine's configuration.
     */
    static void write(final Path directory, final TradingDay day, final EngineConfig config)
    {
        final TradingEngine engine = new TradingEngine(config, event -> { });
        try (JournaledEngine journaled = JournaledEngine.open(new JournaledEngine.Context().journalDirectory(directory)
            .ringSize(4096).stateHash(engine::stateHash), engine, (buffer, offset, length, cause) -> { }))
        {
            journaled.start();
            long last = 0;
            for (final TradingDay.RecordedCommand command : day.recording)
            {
                last = journaled.publish(new UnsafeBuffer(command.frame()), 0, command.frame().length,
                    command.timestampNs());
            }
            if (!journaled.awaitJournaled(last, 30, TimeUnit.SECONDS) || !journaled.drainAndStop(30, TimeUnit.SECONDS))
            {
                throw new IllegalStateException("the sample journal was not written");
            }
        }
    }
}
