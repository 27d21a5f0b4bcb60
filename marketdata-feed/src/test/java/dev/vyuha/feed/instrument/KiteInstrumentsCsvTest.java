package dev.vyuha.feed.instrument;

import dev.vyuha.reference.ReferenceData;
import dev.vyuha.sbe.Underlying;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dump reader and writer against Kite's real NFO dump of 17 Aug 2026 and the official mocks.
 */
class KiteInstrumentsCsvTest
{
    private static final Set<Underlying> NIFTY_AND_BANK = EnumSet.of(Underlying.NIFTY, Underlying.BANKNIFTY);

    @Test
    void shouldReadTheRealDumpAndWriteItBackByteForByte() throws IOException
    {
        final Path dump = ReferenceData.file("3_kite_instruments/kite_nfo_NIFTY_BANKNIFTY_dump_2026-08-17.csv");
        final String text = Files.readString(dump, StandardCharsets.UTF_8);

        final KiteInstrumentsCsv.Result result = KiteInstrumentsCsv.read(new StringReader(text), "dump",
            NIFTY_AND_BANK);

        assertEquals(List.of(), result.rejected());
        assertEquals(2_680, result.instruments().size());
        assertEquals(0, result.skipped());
        assertEquals(text.replace("\r\n", "\n"), KiteInstrumentsCsv.toCsv(result.instruments()));
        final Instrument first = result.instruments().stream()
            .filter(i -> "NIFTY2681824450CE".equals(i.tradingSymbol())).findFirst().orElseThrow();
        assertEquals(11547650L, first.token());
        assertEquals(InstrumentKind.CALL, first.kind());
        assertEquals(LocalDate.of(2026, 8, 18), first.expiry());
        assertEquals(24_450_00L, first.strikePaise());
        assertEquals(65, first.lotSize());
        assertEquals(5, first.tickSizePaise());
        assertEquals(11547650L >> 8, first.exchangeToken());
    }

    @Test
    void shouldKeepOnlyTheChosenUnderlyings() throws IOException
    {
        final Path dump = ReferenceData.file("3_kite_instruments/kite_nfo_NIFTY_BANKNIFTY_dump_2026-08-17.csv");

        final KiteInstrumentsCsv.Result result = KiteInstrumentsCsv.read(Files.newBufferedReader(dump), "dump",
            EnumSet.of(Underlying.BANKNIFTY));

        assertEquals(960 + 3, result.instruments().size());
        assertEquals(1_714 + 3, result.skipped());
        assertTrue(result.instruments().stream().allMatch(i -> i.underlying() == Underlying.BANKNIFTY));
    }

    @Test
    void shouldTakeTheUnderlyingFromTheSymbolWhenTheOldMockLeavesTheNameEmpty() throws IOException
    {
        final Path mocks = ReferenceData.file("3_kite_instruments/kiteconnect-mocks_instruments_all.csv");

        final KiteInstrumentsCsv.Result result = KiteInstrumentsCsv.read(Files.newBufferedReader(mocks), "mocks",
            NIFTY_AND_BANK);

        assertEquals(List.of(), result.rejected());
        assertEquals(12, result.instruments().size());
        assertTrue(result.instruments().stream().allMatch(i -> i.underlying() == Underlying.BANKNIFTY
            && i.tradingSymbol().startsWith("BANKNIFTY") && i.lotSize() == 40));
        assertEquals(8, result.instruments().stream().filter(i -> i.expiry().equals(LocalDate.of(2018, 1, 25)))
            .count());
    }

    @Test
    void shouldReadIndexRowsAndRejectBadRowsWithTheirLineNumbers()
    {
        final String csv = KiteInstrumentsCsv.HEADER + "\n"
            + "256265,1001,NIFTY 50,NIFTY 50,0.0,,0.0,0.0,0,EQ,INDICES,NSE\n"
            + "1,2,NIFTY26AUG24000CE,NIFTY,0.0,26-08-2026,24000.0,0.05,65,CE,NFO-OPT,NFO\n"
            + "3,4,NIFTY26AUG24000XX,NIFTY,0.0,2026-08-25,24000.0,0.05,65,XX,NFO-OPT,NFO\n"
            + "5,6,too,few,columns\n"
            + "408065,1594,INFY,INFOSYS,0.0,,0.0,0.05,1,EQ,NSE,NSE\n";

        final KiteInstrumentsCsv.Result result = KiteInstrumentsCsv.read(new StringReader(csv), "t.csv",
            NIFTY_AND_BANK);

        assertEquals(1, result.instruments().size());
        assertEquals(InstrumentKind.INDEX, result.instruments().get(0).kind());
        assertEquals(1, result.skipped());
        assertEquals(3, result.rejected().size());
        assertTrue(result.rejected().get(0).startsWith("t.csv:3: expiry"), result.rejected()::toString);
        assertTrue(result.rejected().get(1).startsWith("t.csv:4: instrument_type"), result.rejected()::toString);
        assertTrue(result.rejected().get(2).startsWith("t.csv:5: expected 12 columns"), result.rejected()::toString);
    }

    @Test
    void shouldRefuseAFileWithoutKitesHeader()
    {
        assertThrows(IllegalArgumentException.class, () -> KiteInstrumentsCsv.read(
            new StringReader("token,symbol\n1,X\n"), "bad", NIFTY_AND_BANK));
    }
}
