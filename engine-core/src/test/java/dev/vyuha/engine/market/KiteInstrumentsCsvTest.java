package dev.vyuha.engine.market;

import dev.vyuha.reference.ReferenceData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KiteInstrumentsCsvTest
{
    static final String DUMP = "3_kite_instruments/kite_nfo_NIFTY_BANKNIFTY_dump_2026-08-17.csv";
    static final LocalDate DUMP_DATE = LocalDate.of(2026, 8, 17);

    static KiteInstrumentsCsv.Result loadDump()
    {
        return load(ReferenceData.file(DUMP), DUMP_DATE);
    }

    static KiteInstrumentsCsv.Result load(final Path file, final LocalDate tradingDate)
    {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            return KiteInstrumentsCsv.read(reader, file.getFileName().toString(),
                InstrumentMasterSettings.defaults(tradingDate));
        }
        catch (final IOException ex)
        {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    @Test
    void shouldLoadEveryNiftyAndBankNiftyRowOfTheRealDump()
    {
        final KiteInstrumentsCsv.Result result = loadDump();
        final InstrumentLoadReport report = result.report();
        assertNull(report.fatal());
        assertEquals(List.of(), report.errors());
        assertEquals(2680, report.rowsRead());
        assertEquals(2674, report.options());
        assertEquals(6, report.futures());
        assertEquals(0, report.rejected());
        assertEquals(0, report.skippedExpired());
        assertEquals(2, report.indices(), "NIFTY 50 and NIFTY BANK from the configured tokens");
        assertEquals(List.of(), report.warnings());

        final InstrumentMaster master = result.master();
        int nifty = 0;
        int bankNifty = 0;
        for (int id = 0; id < master.count(); id++)
        {
            if (master.kind(id) == InstrumentKind.CALL || master.kind(id) == InstrumentKind.PUT)
            {
                if (master.underlying(id) == Underlying.NIFTY)
                {
                    nifty++;
                    assertEquals(65, master.lotSize(id));
                }
                else
                {
                    bankNifty++;
                    assertEquals(30, master.lotSize(id));
                }
                assertEquals(5, master.tickSizePaise(id), "option tick 0.05");
            }
        }
        assertEquals(1714, nifty);
        assertEquals(960, bankNifty);
        assertEquals(10, master.tickSizePaise(master.idOfToken(14_866_434)), "NIFTY26AUGFUT tick 0.10");
        assertEquals(20, master.tickSizePaise(master.idOfToken(14_865_154)), "BANKNIFTY26AUGFUT tick 0.20");
        assertEquals(1755, master.maxOrderQuantity(master.idOfToken(14_866_434)), "27 lots of 65 under 1800");
        assertEquals(600, master.maxOrderQuantity(master.idOfToken(14_865_154)), "20 lots of 30");
        assertEquals(256_265L, master.token(master.indexId(Underlying.NIFTY)));
        assertEquals(InstrumentMaster.NOT_FOUND, master.indexId(Underlying.SENSEX));
    }

    @Test
    void shouldAgreeEveryWeeklyAndMonthlySymbolWithItsNameExpiryStrikeAndType()
    {
        final InstrumentMaster master = loadDump().master();
        int weekly = 0;
        int monthly = 0;
        for (final Map<String, String> row : ReferenceData.csv(DUMP))
        {
            final int id = master.idOfToken(Long.parseLong(row.get("instrument_token")));
            assertNotEquals(InstrumentMaster.NOT_FOUND, id, row.get("tradingsymbol"));
            assertEquals(row.get("tradingsymbol"), master.tradingSymbol(id));
            if (!"FUT".equals(row.get("instrument_type")))
            {
                final LocalDate expiry = LocalDate.parse(row.get("expiry"));
                final OptionType type = OptionType.valueOf(row.get("instrument_type"));
                final long strike = Math.round(Double.parseDouble(row.get("strike")) * 100);
                assertEquals(row.get("name"), master.underlying(id).name());
                assertEquals(expiry.toEpochDay(), master.expiryEpochDay(id));
                assertEquals(strike, master.strikePaise(id));
                assertEquals(type, master.kind(id).optionType());
                final boolean isMonthly = master.chain(master.underlying(id), (int)expiry.toEpochDay()).isMonthly();
                final String expected = isMonthly ?
                    TradingSymbols.monthlyOption(row.get("name"), expiry, strike, type) :
                    TradingSymbols.weeklyOption(row.get("name"), expiry, strike, type);
                assertEquals(expected, row.get("tradingsymbol"));
                if (isMonthly)
                {
                    monthly++;
                }
                else
                {
                    weekly++;
                }
            }
        }
        assertEquals(2674, weekly + monthly);
        assertEquals(210 + 210 + 150 + 142, weekly, "NIFTY weeklies of 18 Aug, 1, 8 and 15 Sep 2026");
    }

    @Test
    void shouldPlaceEveryOptionInItsChainOnItsSideWithStrikesAscending()
    {
        final InstrumentMaster master = loadDump().master();
        int oneSided = 0;
        for (final Underlying underlying : List.of(Underlying.NIFTY, Underlying.BANKNIFTY))
        {
            int options = 0;
            for (int e = 0; e < master.expiryCount(underlying); e++)
            {
                final OptionChain chain = master.chain(underlying, master.expiry(underlying, e));
                for (int s = 0; s < chain.strikeCount(); s++)
                {
                    final boolean call = chain.callId(s) != InstrumentMaster.NOT_FOUND;
                    final boolean put = chain.putId(s) != InstrumentMaster.NOT_FOUND;
                    assertTrue(call || put, "a listed strike has at least one side");
                    oneSided += call && put ? 0 : 1;
                    if (call)
                    {
                        assertEquals(chain.strike(s), master.strikePaise(chain.callId(s)));
                        assertEquals(InstrumentKind.CALL, master.kind(chain.callId(s)));
                        assertEquals(chain.expiryEpochDay(), master.expiryEpochDay(chain.callId(s)));
                        options++;
                    }
                    if (put)
                    {
                        assertEquals(chain.strike(s), master.strikePaise(chain.putId(s)));
                        assertEquals(InstrumentKind.PUT, master.kind(chain.putId(s)));
                        options++;
                    }
                    if (s > 0)
                    {
                        assertTrue(chain.strike(s) > chain.strike(s - 1));
                    }
                }
            }
            assertEquals(underlying == Underlying.NIFTY ? 1714 : 960, options, "every option row is in a chain");
        }
        assertEquals(28, oneSided, "long-dated strikes the exchange lists on one side only");
        assertEquals(18, master.expiryCount(Underlying.NIFTY));
        assertEquals(6, master.expiryCount(Underlying.BANKNIFTY));
        assertEquals(3, master.futureCount(Underlying.NIFTY));
    }

    @Test
    void shouldResolveExpiriesFromTheMasterIncludingTheHolidayShiftedOne()
    {
        final InstrumentMaster master = loadDump().master();
        final int today = (int)DUMP_DATE.toEpochDay();
        assertEquals(day("2026-08-18"), master.resolveExpiry(Underlying.NIFTY, ExpirySelector.WEEKLY, today));
        assertEquals(day("2026-08-25"), master.resolveExpiry(Underlying.NIFTY, ExpirySelector.NEXT_WEEKLY, today));
        assertEquals(day("2026-08-25"), master.resolveExpiry(Underlying.NIFTY, ExpirySelector.MONTHLY, today));
        assertEquals(day("2026-09-29"), master.resolveExpiry(Underlying.NIFTY, ExpirySelector.NEXT_MONTHLY, today));
        assertEquals(day("2026-09-01"), master.resolveExpiry(Underlying.NIFTY, ExpirySelector.offset(2), today));
        assertEquals(day("2026-08-25"), master.resolveExpiry(Underlying.BANKNIFTY, ExpirySelector.WEEKLY, today),
            "no BANKNIFTY weeklies: the nearest is the monthly");
        assertEquals(day("2026-09-29"), master.resolveExpiry(Underlying.BANKNIFTY, ExpirySelector.NEXT_WEEKLY, today));
        // On expiry day itself the day's expiry is the nearest (0 DTE).
        assertEquals(day("2026-08-18"),
            master.resolveExpiry(Underlying.NIFTY, ExpirySelector.WEEKLY, day("2026-08-18")));
        assertEquals(day("2026-08-25"),
            master.resolveExpiry(Underlying.NIFTY, ExpirySelector.WEEKLY, day("2026-08-19")));
        // Christmas 2029 is a Tuesday: the December monthly moved to Monday the 24th, and is still the monthly.
        final OptionChain december2029 = master.chain(Underlying.NIFTY, day("2029-12-24"));
        assertNotNull(december2029);
        assertTrue(december2029.isMonthly());
        assertEquals(InstrumentMaster.NOT_FOUND,
            master.resolveExpiry(Underlying.NIFTY, ExpirySelector.offset(18), today), "only 18 expiries listed");
        assertEquals(day("2031-06-24"), master.resolveExpiry(Underlying.NIFTY, ExpirySelector.offset(17), today));
        assertEquals(InstrumentMaster.NOT_FOUND,
            master.resolveExpiry(Underlying.SENSEX, ExpirySelector.WEEKLY, today), "nothing listed for SENSEX");
        assertEquals(master.idOfToken(14_866_434), master.nearestFutureId(Underlying.NIFTY, today));
        assertEquals(master.idOfToken(17_512_194), master.nearestFutureId(Underlying.NIFTY, day("2026-08-26")));
    }

    @Test
    void shouldChooseTheNearestStrikeAndResolveExactTiesToTheLowerStrike()
    {
        final InstrumentMaster master = loadDump().master();
        final OptionChain chain = master.chain(Underlying.NIFTY, day("2026-08-18"));
        final int at24450 = chain.indexOfStrike(24_450_00L);
        assertTrue(at24450 >= 0);
        assertEquals(at24450, chain.nearestStrikeIndex(24_474_99L));
        assertEquals(at24450, chain.nearestStrikeIndex(24_475_00L), "exactly between 24450 and 24500: lower");
        assertEquals(at24450 + 1, chain.nearestStrikeIndex(24_475_01L));
        assertEquals(0, chain.nearestStrikeIndex(1L), "below the chain: its lowest strike");
        assertEquals(chain.strikeCount() - 1, chain.nearestStrikeIndex(Long.MAX_VALUE));
    }

    @Test
    void shouldLoadTheOlderOfficialMockDumpsWithEmptyNames()
    {
        final KiteInstrumentsCsv.Result all =
            load(ReferenceData.file("3_kite_instruments/kiteconnect-mocks_instruments_all.csv"), LocalDate.of(2017, 11, 1));
        final InstrumentLoadReport report = all.report();
        assertNull(report.fatal());
        assertEquals(List.of(), report.errors());
        assertEquals(99, report.rowsRead());
        assertEquals(74, report.skippedSegment(), "NSE and BSE equities");
        assertEquals(12, report.options(), "BANKNIFTY options of the Nov, Dec 2017 and Jan 2018 expiries");
        assertEquals(13, report.skippedUnderlying(), "stock options");
        final int id = all.master().idOfToken(12_073_986);
        assertEquals("BANKNIFTY18JAN23500CE", all.master().tradingSymbol(id));
        assertEquals(Underlying.BANKNIFTY, all.master().underlying(id), "underlying derived from the symbol");
        assertEquals(40, all.master().lotSize(id));
        assertTrue(all.master().chain(Underlying.BANKNIFTY, day("2018-01-25")).isMonthly());

        final KiteInstrumentsCsv.Result nse =
            load(ReferenceData.file("3_kite_instruments/kiteconnect-mocks_instruments_nse.csv"), LocalDate.of(2017, 11, 1));
        assertNull(nse.report().fatal());
        assertEquals(99, nse.report().rowsRead());
        assertEquals(0, nse.report().loaded());
        assertEquals(0, nse.report().rejected());
    }

    @Test
    void shouldSkipContractsThatExpiredBeforeTheTradingDate()
    {
        final KiteInstrumentsCsv.Result later = load(ReferenceData.file(DUMP), LocalDate.of(2026, 9, 2));
        // NIFTY 18 Aug (210), 25 Aug (243 incl. the future) and 1 Sep (210); BANKNIFTY 25 Aug (335 incl. the future).
        assertEquals(998, later.report().skippedExpired());
        assertEquals(2680 - 998, later.report().loaded() - later.report().indices());
        assertEquals(day("2026-09-08"),
            later.master().resolveExpiry(Underlying.NIFTY, ExpirySelector.WEEKLY, day("2026-09-02")));
    }

    @Test
    void shouldRejectMalformedRowsWithTheirLineNumbersAndKeepTheRest()
    {
        final String csv = String.join("\n", KiteInstrumentsCsv.HEADER,
            "14866434,58072,NIFTY26AUGFUT,NIFTY,0.0,2026-08-25,0.0,0.1,65,FUT,NFO-FUT,NFO",
            "1,2,NIFTY2681824450CE,NIFTY,0.0,2026-08-18,24450.0,0.05,65,CE",
            "abc,2,NIFTY2681824450CE,NIFTY,0.0,2026-08-18,24450.0,0.05,65,CE,NFO-OPT,NFO",
            "3,2,NIFTY2681824450CE,NIFTY,0.0,18-08-2026,24450.0,0.05,65,CE,NFO-OPT,NFO",
            "4,2,NIFTY2681824450CE,NIFTY,0.0,2026-08-18,24450.001,0.05,65,CE,NFO-OPT,NFO",
            "5,2,NIFTY2681824450CE,NIFTY,0.0,2026-08-18,24450.0,0.05,0,CE,NFO-OPT,NFO",
            "6,2,NIFTY2681824500CE,NIFTY,0.0,2026-08-18,24450.0,0.05,65,CE,NFO-OPT,NFO",
            "7,2,NIFTY2681824450XX,NIFTY,0.0,2026-08-18,24450.0,0.05,65,XX,NFO-OPT,NFO",
            "8,2,NIFTY2681824450CE,NIFTY,0.0,2026-08-18,24450.0,0.05,65,CE,NFO-OPT,BFO",
            "9,2,NIFTY2681824450CE,NIFTY,0.0,2026-08-18,24450.0,0.05,65,CE,NFO-OPT,NFO",
            "9,2,NIFTY2681824450PE,NIFTY,0.0,2026-08-18,24450.0,0.05,65,PE,NFO-OPT,NFO",
            "10,2,NIFTY2681824450CE,NIFTY,0.0,2026-08-18,24450.0,0.05,65,CE,NFO-OPT,NFO",
            "11,2,NIFTY2681824450CE,NIFTY,0.0,2026-08-18,24450.0,-0.05,65,CE,NFO-OPT,NFO",
            "12,2,RELIANCE26AUG1500CE,RELIANCE,0.0,2026-08-25,1500.0,0.05,500,CE,NFO-OPT,NFO",
            "13,2,INFY,INFOSYS,0.0,,0.0,0.05,1,EQ,NSE,NSE",
            "14,2,NIFTY2681124450CE,NIFTY,0.0,2026-08-11,24450.0,0.05,65,CE,NFO-OPT,NFO");
        final KiteInstrumentsCsv.Result result = KiteInstrumentsCsv.read(new StringReader(csv), "ops.csv",
            InstrumentMasterSettings.defaults(DUMP_DATE));
        final InstrumentLoadReport report = result.report();
        assertEquals(16, report.rowsRead());
        assertEquals(2, report.futures() + report.options(), "the future and one good option");
        assertEquals(11, report.rejected());
        assertEquals(1, report.skippedUnderlying());
        assertEquals(1, report.skippedSegment());
        assertEquals(1, report.skippedExpired());
        final String errors = String.join("\n", report.errors());
        assertTrue(errors.contains("ops.csv:3: expected 12 columns, found 10"), errors);
        assertTrue(errors.contains("ops.csv:4: instrument_token and exchange_token must be integers"), errors);
        assertTrue(errors.contains("ops.csv:5: expiry must be yyyy-MM-dd, was '18-08-2026'"), errors);
        assertTrue(errors.contains("ops.csv:6: strike must be a positive amount in whole paise, was '24450.001'"), errors);
        assertTrue(errors.contains("ops.csv:7: lot_size must be > 0, was 0"), errors);
        assertTrue(errors.contains("ops.csv:8: tradingsymbol NIFTY2681824500CE does not match NIFTY 2026-08-18 24450 CE"
            + " (expected NIFTY2681824450CE or NIFTY26AUG24450CE)"), errors);
        assertTrue(errors.contains("ops.csv:9: instrument_type of an option must be CE or PE, was 'XX'"), errors);
        assertTrue(errors.contains("ops.csv:10: exchange BFO does not match segment NFO-OPT"), errors);
        assertTrue(errors.contains("ops.csv:12: duplicate instrument_token 9"), errors);
        assertTrue(errors.contains("ops.csv:13: duplicate contract NIFTY2681824450CE"), errors);
        assertTrue(errors.contains("ops.csv:14: tick_size must be a positive amount in whole paise, was '-0.05'"), errors);
    }

    @Test
    void shouldRefuseAWrongHeaderOrAnEmptyFileAsAWholeAndLoadNothing()
    {
        final KiteInstrumentsCsv.Result spaced = KiteInstrumentsCsv.read(new StringReader(
            "instrument_token, exchange_token, tradingsymbol, name, last_price, expiry, strike, tick_size, lot_size, "
                + "instrument_type, segment, exchange\n1,2,X,Y,0,2026-08-18,1,0.05,1,CE,NFO-OPT,NFO"),
            "docs-example.csv", InstrumentMasterSettings.defaults(DUMP_DATE));
        assertTrue(spaced.report().fatal().startsWith("line 1: header must be exactly"));
        assertEquals(0, spaced.master().count());
        final KiteInstrumentsCsv.Result empty = KiteInstrumentsCsv.read(new StringReader(""), "empty.csv",
            InstrumentMasterSettings.defaults(DUMP_DATE));
        assertTrue(empty.report().summary().contains("not loaded: empty file"));
    }

    @Test
    void shouldNeverThrowOnRandomlyCorruptedRowsAndNeverAcceptAMismatchedSymbol()
    {
        final List<String> lines = ReferenceData.csv(DUMP).stream().limit(300)
            .map(row -> String.join(",", row.values())).toList();
        final Random random = new Random(17);
        final String alphabet = "0123456789,.-ABCNEFPTUXYZ \"\t";
        for (int round = 0; round < 300; round++)
        {
            final StringBuilder csv = new StringBuilder(KiteInstrumentsCsv.HEADER).append('\n');
            for (final String line : lines)
            {
                final StringBuilder mutated = new StringBuilder(line);
                final int edits = random.nextInt(3);
                for (int e = 0; e < edits && mutated.length() > 0; e++)
                {
                    final int at = random.nextInt(mutated.length());
                    switch (random.nextInt(3))
                    {
                        case 0 -> mutated.deleteCharAt(at);
                        case 1 -> mutated.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                        default -> mutated.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    }
                }
                csv.append(mutated).append('\n');
            }
            final KiteInstrumentsCsv.Result result = KiteInstrumentsCsv.read(new StringReader(csv.toString()), "fuzz",
                InstrumentMasterSettings.defaults(DUMP_DATE));
            final InstrumentMaster master = result.master();
            final Set<Long> tokens = new HashSet<>();
            for (int id = 0; id < master.count(); id++)
            {
                assertTrue(tokens.add(master.token(id)), "unique tokens");
                if (master.kind(id) == InstrumentKind.CALL || master.kind(id) == InstrumentKind.PUT)
                {
                    final LocalDate expiry = LocalDate.ofEpochDay(master.expiryEpochDay(id));
                    final String name = master.underlying(id).name();
                    final OptionType type = master.kind(id).optionType();
                    final String symbol = master.tradingSymbol(id);
                    assertTrue(symbol.equals(TradingSymbols.weeklyOption(name, expiry, master.strikePaise(id), type))
                        || symbol.equals(TradingSymbols.monthlyOption(name, expiry, master.strikePaise(id), type)),
                        symbol);
                    assertTrue(master.lotSize(id) > 0 && master.tickSizePaise(id) > 0);
                }
            }
            final InstrumentLoadReport report = result.report();
            assertEquals(report.rowsRead(), report.loaded() - report.indices() + report.rejected()
                + report.skippedSegment() + report.skippedUnderlying() + report.skippedExpired(), "every row accounted");
        }
    }

    @Test
    void shouldAssignTheSameIdsToTheSameDump()
    {
        final InstrumentMaster first = loadDump().master();
        final InstrumentMaster second = loadDump().master();
        assertEquals(first.count(), second.count());
        for (int id = 0; id < first.count(); id++)
        {
            assertEquals(first.token(id), second.token(id));
        }
    }

    private static int day(final String date)
    {
        return (int)LocalDate.parse(date).toEpochDay();
    }
}
