package dev.vyuha.app;

import dev.vyuha.engine.market.InstrumentLoadReport;
import dev.vyuha.engine.market.InstrumentMaster;
import dev.vyuha.engine.market.InstrumentMasterSettings;
import dev.vyuha.engine.market.KiteInstrumentsCsv;
import dev.vyuha.engine.market.Underlying;
import dev.vyuha.feed.synthetic.SyntheticInstrumentMaster;
import dev.vyuha.feed.synthetic.SyntheticMarket;
import dev.vyuha.feed.synthetic.SyntheticSettings;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The contract between the feed and the engine that engine-app wires together: the instrument master the synthetic
 * feed writes loads into the engine's {@code KiteInstrumentsCsv} without a single rejected row (every symbol agrees
 * with its expiry, strike and type), and every instrument the synthetic day ticks is in it.
 */
class FeedInstrumentMasterContractTest
{
    @Test
    void shouldLoadTheSyntheticMasterIntoTheEngineWithoutRejections()
    {
        for (final LocalDate date : List.of(LocalDate.of(2026, 8, 17), LocalDate.of(2026, 2, 20),
            LocalDate.of(2026, 3, 27), LocalDate.of(2025, 1, 2)))
        {
            final SyntheticInstrumentMaster master = SyntheticInstrumentMaster.build(new SyntheticSettings()
                .tradingDate(date));

            final KiteInstrumentsCsv.Result result = KiteInstrumentsCsv.read(new StringReader(master.toCsv()),
                "synthetic " + date, InstrumentMasterSettings.defaults(date));

            final InstrumentLoadReport report = result.report();
            assertNull(report.fatal(), date.toString());
            assertEquals(List.of(), report.errors(), date.toString());
            assertEquals(0, report.rejected());
            assertEquals(master.derivatives().size(), report.futures() + report.options(), date.toString());
            assertEquals(2, report.indices(), "NIFTY 50 and NIFTY BANK from the configured tokens");
        }
    }

    @Test
    void shouldKnowEveryInstrumentTheSyntheticDayTicks()
    {
        final LocalDate date = LocalDate.of(2026, 8, 17);
        final SyntheticMarket market = new SyntheticMarket(new SyntheticSettings().tradingDate(date));
        final InstrumentMaster master = KiteInstrumentsCsv.read(new StringReader(market.instrumentMaster().toCsv()),
            "synthetic", InstrumentMasterSettings.defaults(date)).master();

        for (int id = 0; id < market.universe().size(); id++)
        {
            final long token = market.universe().instrument(id).token();
            assertNotEquals(InstrumentMaster.NOT_FOUND, master.idOfToken(token), () -> "unknown to the engine: "
                + token);
        }
        assertNotEquals(InstrumentMaster.NOT_FOUND, master.indexId(Underlying.NIFTY));
    }
}
