package dev.vyuha.feed.instrument;

import dev.vyuha.reference.ReferenceData;
import dev.vyuha.sbe.Underlying;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kite's trading-symbol formats (KITE.md §11), checked on every row of the real dump.
 */
class KiteSymbolsTest
{
    @Test
    void shouldBuildAndReadEverySymbolOfTheRealDump() throws IOException
    {
        final KiteInstrumentsCsv.Result dump = KiteInstrumentsCsv.read(Files.newBufferedReader(ReferenceData.file(
            "3_kite_instruments/kite_nfo_NIFTY_BANKNIFTY_dump_2026-08-17.csv")), "dump",
            EnumSet.of(Underlying.NIFTY, Underlying.BANKNIFTY));
        int weekly = 0;
        int monthly = 0;
        for (final Instrument instrument : dump.instruments())
        {
            final String name = instrument.underlying().name();
            final KiteSymbols.Parsed parsed = KiteSymbols.parse(instrument.tradingSymbol());
            assertEquals(instrument.underlying(), parsed.underlying(), instrument::tradingSymbol);
            assertEquals(instrument.kind(), parsed.kind(), instrument::tradingSymbol);
            assertEquals(instrument.strikePaise(), parsed.strikePaise(), instrument::tradingSymbol);
            if (instrument.kind() == InstrumentKind.FUTURE)
            {
                assertEquals(KiteSymbols.future(name, instrument.expiry()), instrument.tradingSymbol());
                continue;
            }
            if (parsed.monthly())
            {
                monthly++;
                assertEquals(instrument.expiry().withDayOfMonth(1), parsed.expiry());
                assertEquals(KiteSymbols.monthlyOption(name, instrument.expiry(), instrument.strikePaise(),
                    instrument.kind()), instrument.tradingSymbol());
            }
            else
            {
                weekly++;
                assertEquals(instrument.expiry(), parsed.expiry());
                assertEquals(KiteSymbols.weeklyOption(name, instrument.expiry(), instrument.strikePaise(),
                    instrument.kind()), instrument.tradingSymbol());
            }
        }
        final String counts = "weekly " + weekly + ", monthly " + monthly;
        assertTrue(weekly > 500 && monthly > 1_000, counts);
    }

    @Test
    void shouldWriteWeeklyMonthCodesOneToNineThenOctoberNovemberDecember()
    {
        assertEquals("NIFTY2681824450CE", KiteSymbols.weeklyOption("NIFTY", LocalDate.of(2026, 8, 18), 24_450_00,
            InstrumentKind.CALL));
        assertEquals("NIFTY20D1713600CE", KiteSymbols.weeklyOption("NIFTY", LocalDate.of(2020, 12, 17), 13_600_00,
            InstrumentKind.CALL));
        assertEquals("NIFTY26O0625000PE", KiteSymbols.weeklyOption("NIFTY", LocalDate.of(2026, 10, 6), 25_000_00,
            InstrumentKind.PUT));
        assertEquals("BANKNIFTY26AUG57900CE", KiteSymbols.monthlyOption("BANKNIFTY", LocalDate.of(2026, 8, 25),
            57_900_00, InstrumentKind.CALL));
        assertEquals("NIFTY26AUGFUT", KiteSymbols.future("NIFTY", LocalDate.of(2026, 8, 25)));
        assertEquals("57.5", KiteSymbols.strike(57_50));
        assertEquals("24450.0", KiteSymbols.dumpStrike(24_450_00));
    }

    @Test
    void shouldReadTheJune2021WeeklySymbolsOfTheOptionBars()
    {
        final KiteSymbols.Parsed parsed = KiteSymbols.parse("NIFTY2161715700CE");

        assertEquals(Underlying.NIFTY, parsed.underlying());
        assertEquals(LocalDate.of(2021, 6, 17), parsed.expiry());
        assertEquals(15_700_00, parsed.strikePaise());
        assertEquals(InstrumentKind.CALL, parsed.kind());
    }

    @Test
    void shouldNotReadWhatIsNotAnIndexDerivative()
    {
        assertNull(KiteSymbols.parse("INFY"));
        assertNull(KiteSymbols.parse("NIFTY 50"));
        assertNull(KiteSymbols.parse("NIFTY26AUG24000XX"));
        assertNull(KiteSymbols.parse("NIFTY2613224000CE"));
        assertEquals(-1, KiteSymbols.rupeesToPaise("12.345"));
        assertEquals(5, KiteSymbols.rupeesToPaise("0.05"));
        assertEquals(24_450_00, KiteSymbols.rupeesToPaise("24450.0"));
    }
}
