package dev.vyuha.feed.synthetic;

import dev.vyuha.feed.instrument.ContractSpecs;
import dev.vyuha.feed.instrument.ExpirySchedule;
import dev.vyuha.feed.instrument.GeneratedTokens;
import dev.vyuha.feed.instrument.Instrument;
import dev.vyuha.feed.instrument.InstrumentKind;
import dev.vyuha.feed.instrument.KiteInstrumentsCsv;
import dev.vyuha.feed.instrument.KiteSymbols;
import dev.vyuha.reference.ReferenceData;
import dev.vyuha.reference.calendar.TradingCalendar;
import dev.vyuha.sbe.Underlying;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The synthetic instrument master against what Kite and NSE really listed: the Kite dump of 17 Aug 2026 and NSE's
 * bhavcopies of 2 Jan 2025 (Thursday expiries, the November 2024 lot change), 17 Feb 2026 and 27 Mar 2026 (holiday
 * shifts). Expiries, symbols, lots, ticks and segments must agree; only tokens are our own.
 */
class SyntheticInstrumentMasterTest
{
    private static final TradingCalendar CALENDAR = TradingCalendar.nse();

    @Test
    void shouldListTheExpiriesFuturesAndSymbolsKiteListedOn17August2026() throws IOException
    {
        final SyntheticInstrumentMaster master = master(LocalDate.of(2026, 8, 17));
        final List<Instrument> dump = KiteInstrumentsCsv.read(Files.newBufferedReader(ReferenceData.file(
            "3_kite_instruments/kite_nfo_NIFTY_BANKNIFTY_dump_2026-08-17.csv")), "dump",
            EnumSet.of(Underlying.NIFTY, Underlying.BANKNIFTY)).instruments();

        assertEquals(List.of("2026-08-18", "2026-08-25", "2026-09-01", "2026-09-08", "2026-09-15", "2026-09-29",
            "2026-10-27"), expiries(master.derivatives(), Underlying.NIFTY, true));
        assertEquals(firstExpiries(dump, Underlying.NIFTY, 7), expiries(master.derivatives(), Underlying.NIFTY, true));
        assertEquals(firstExpiries(dump, Underlying.BANKNIFTY, 3),
            expiries(master.derivatives(), Underlying.BANKNIFTY, true));
        assertEquals(List.of("NIFTY26AUGFUT", "NIFTY26SEPFUT", "NIFTY26OCTFUT", "BANKNIFTY26AUGFUT",
            "BANKNIFTY26SEPFUT", "BANKNIFTY26OCTFUT"), master.derivatives().stream()
            .filter(i -> i.kind() == InstrumentKind.FUTURE).map(Instrument::tradingSymbol).toList());

        final Map<String, Instrument> real = new HashMap<>();
        dump.forEach(i -> real.put(i.tradingSymbol(), i));
        int matched = 0;
        for (final Instrument ours : master.derivatives())
        {
            final Instrument theirs = real.get(ours.tradingSymbol());
            if (null != theirs)
            {
                matched++;
                assertEquals(theirs.underlying(), ours.underlying(), ours::tradingSymbol);
                assertEquals(theirs.kind(), ours.kind(), ours::tradingSymbol);
                assertEquals(theirs.expiry(), ours.expiry(), ours::tradingSymbol);
                assertEquals(theirs.strikePaise(), ours.strikePaise(), ours::tradingSymbol);
                assertEquals(theirs.lotSize(), ours.lotSize(), ours::tradingSymbol);
                assertEquals(theirs.tickSizePaise(), ours.tickSizePaise(), ours::tradingSymbol);
                assertEquals(theirs.segment(), ours.segment(), ours::tradingSymbol);
                assertEquals(theirs.exchange(), ours.exchange(), ours::tradingSymbol);
            }
        }
        final int matchedRows = matched;
        assertTrue(matchedRows > 1_500, () -> matchedRows + " of " + master.derivatives().size() + " rows in the dump");
    }

    @Test
    void shouldWriteKitesExactFormatThatReadsBackUnchanged()
    {
        final SyntheticInstrumentMaster master = master(LocalDate.of(2026, 8, 17));

        final String csv = master.toCsv();

        final String[] lines = csv.split("\n");
        assertEquals(KiteInstrumentsCsv.HEADER, lines[0]);
        assertEquals(master.derivatives().size() + 1, lines.length);
        for (int i = 1; i < lines.length; i++)
        {
            assertTrue(lines[i].matches("\\d+,\\d+,(NIFTY|BANKNIFTY)[0-9A-Z]+,(NIFTY|BANKNIFTY),0\\.0,2026-\\d\\d-\\d\\d,"
                + "\\d+\\.\\d+,0\\.\\d+,(65|30),(CE|PE|FUT),NFO-(OPT|FUT),NFO"), lines[i]);
        }
        assertTrue(csv.contains(",NIFTY2681824450CE,NIFTY,0.0,2026-08-18,24450.0,0.05,65,CE,NFO-OPT,NFO\n"));
        assertTrue(csv.contains(",BANKNIFTY26AUG57900CE,BANKNIFTY,0.0,2026-08-25,57900.0,0.05,30,CE,NFO-OPT,NFO\n"));
        assertTrue(csv.contains(",NIFTY26AUGFUT,NIFTY,0.0,2026-08-25,0.0,0.1,65,FUT,NFO-FUT,NFO\n"));
        assertFalse(csv.contains("INDICES"), "indices come from the engine's configured tokens");
        final KiteInstrumentsCsv.Result back = KiteInstrumentsCsv.read(new StringReader(csv), "ours",
            EnumSet.of(Underlying.NIFTY, Underlying.BANKNIFTY));
        assertEquals(List.of(), back.rejected());
        assertEquals(master.derivatives(), back.instruments());
    }

    @Test
    void shouldMatchNseBhavcopyExpiriesAndLotsIncludingHolidayShifts() throws IOException
    {
        checkAgainstBhavcopy(LocalDate.of(2026, 2, 17), "NIFTY", 8);
        checkAgainstBhavcopy(LocalDate.of(2026, 3, 27), "NIFTY", 8);
        checkAgainstBhavcopy(LocalDate.of(2025, 1, 2), "NIFTY", 8);
        checkAgainstBhavcopy(LocalDate.of(2026, 2, 17), "BANKNIFTY", 3);
        checkAgainstBhavcopy(LocalDate.of(2026, 3, 27), "BANKNIFTY", 3);
        checkAgainstBhavcopy(LocalDate.of(2025, 1, 2), "BANKNIFTY", 3);
    }

    @Test
    void shouldMoveHolidayExpiriesToThePreviousTradingDayAndKeepTheActualDateInTheSymbol()
    {
        final SyntheticInstrumentMaster master = master(LocalDate.of(2026, 2, 20));
        final Set<String> symbols = master.derivatives().stream().map(Instrument::tradingSymbol)
            .collect(Collectors.toSet());

        final List<String> nifty = expiries(master.derivatives(), Underlying.NIFTY, true);
        assertTrue(nifty.contains("2026-03-02"), nifty::toString);
        assertTrue(nifty.contains("2026-03-30"), nifty::toString);
        assertFalse(nifty.contains("2026-03-03") || nifty.contains("2026-03-31"), nifty::toString);
        assertTrue(symbols.contains("NIFTY2630224500CE"), "weekly of Mon 2 Mar 2026 (Holi on Tue 3 Mar)");
        assertTrue(symbols.contains("NIFTY26MAR24500PE"), "monthly of Mon 30 Mar 2026 (Mahavir Jayanti on Tue 31 Mar)");
        assertTrue(symbols.contains("NIFTY26MARFUT"));
        assertFalse(symbols.contains("NIFTY2633024500PE"), "a weekly on the monthly date exists only as the monthly");
        for (final Instrument instrument : master.derivatives())
        {
            assertTrue(CALENDAR.isTradingDay(instrument.expiry()), instrument::tradingSymbol);
        }
    }

    @Test
    void shouldGiveTheSameContractTheSameTokenOnEveryDateAndNeverRepeatAToken()
    {
        final SyntheticInstrumentMaster monday = master(LocalDate.of(2026, 8, 17));
        final SyntheticInstrumentMaster friday = master(LocalDate.of(2026, 8, 21));
        final Map<String, Long> mondayTokens = new HashMap<>();
        monday.derivatives().forEach(i -> mondayTokens.put(i.tradingSymbol(), i.token()));

        int shared = 0;
        for (final Instrument instrument : friday.derivatives())
        {
            final Long token = mondayTokens.get(instrument.tradingSymbol());
            if (null != token)
            {
                shared++;
                assertEquals(token, instrument.token(), instrument::tradingSymbol);
            }
        }
        assertTrue(shared > 1_000);
        final Set<Long> tokens = new HashSet<>();
        for (final Instrument instrument : monday.instruments())
        {
            assertTrue(tokens.add(instrument.token()), instrument::tradingSymbol);
            if (instrument.kind() != InstrumentKind.INDEX)
            {
                assertEquals(GeneratedTokens.NFO_SEGMENT, instrument.token() & 0xff);
                assertEquals(instrument.exchangeToken(), instrument.token() >> 8);
                assertTrue(instrument.token() > 0 && instrument.token() < Integer.MAX_VALUE);
            }
        }
        assertEquals(256265L, monday.instruments().get(0).token());
        assertEquals(260105L, monday.instruments().get(1).token());
    }

    @Test
    void shouldUseTheThursdayScheduleBeforeSeptember2025()
    {
        assertEquals(DayOfWeek.THURSDAY, ExpirySchedule.expiryWeekday(LocalDate.of(2025, 8, 28)));
        assertEquals(DayOfWeek.TUESDAY, ExpirySchedule.expiryWeekday(LocalDate.of(2025, 9, 2)));
        final ExpirySchedule schedule = new ExpirySchedule(CALENDAR);
        assertEquals(LocalDate.of(2025, 8, 28), schedule.monthlyExpiry(java.time.YearMonth.of(2025, 8)));
        assertEquals(LocalDate.of(2025, 9, 30), schedule.monthlyExpiry(java.time.YearMonth.of(2025, 9)));
        assertEquals(List.of(LocalDate.of(2025, 8, 28), LocalDate.of(2025, 9, 2), LocalDate.of(2025, 9, 9)),
            schedule.optionExpiries(Underlying.NIFTY, LocalDate.of(2025, 8, 26), 2, 1));
        assertEquals(75, ContractSpecs.lotSize(Underlying.NIFTY, LocalDate.of(2021, 6, 17), false,
            LocalDate.of(2021, 6, 11)));
    }

    private static void checkAgainstBhavcopy(final LocalDate date, final String name, final int expiries)
        throws IOException
    {
        final Path file = ReferenceData.file("1_option_chain/nse_fo_bhavcopy_eod/" + name + "_fo_bhavcopy_" + date
            + ".csv");
        final Map<LocalDate, Integer> optionLots = new TreeMap<>();
        final Map<LocalDate, Integer> futureLots = new TreeMap<>();
        final Map<String, String> symbols = new HashMap<>();
        final List<String> lines = Files.readAllLines(file);
        final List<String> header = List.of(lines.get(0).split(",", -1));
        for (final String line : lines.subList(1, lines.size()))
        {
            final String[] cells = line.split(",", -1);
            final LocalDate expiry = LocalDate.parse(cells[header.indexOf("XpryDt")]);
            final int lot = Integer.parseInt(cells[header.indexOf("NewBrdLotQty")]);
            if ("IDO".equals(cells[header.indexOf("FinInstrmTp")]))
            {
                optionLots.put(expiry, lot);
                symbols.put(cells[header.indexOf("FinInstrmNm")], expiry.toString());
            }
            else
            {
                futureLots.put(expiry, lot);
            }
        }
        final Underlying underlying = Underlying.valueOf(name);
        final SyntheticSettings settings = new SyntheticSettings().tradingDate(date)
            .underlyings(List.of(underlying)).listing(4, 3, 3);
        final SyntheticInstrumentMaster master = SyntheticInstrumentMaster.build(settings);
        final List<String> ours = expiries(master.derivatives(), underlying, true);
        final List<String> theirs = optionLots.keySet().stream().limit(expiries).map(LocalDate::toString).toList();
        assertEquals(theirs.subList(0, Math.min(ours.size(), theirs.size())), ours.subList(0, Math.min(ours.size(),
            theirs.size())), () -> name + " " + date + " option expiries");
        assertEquals(futureLots.keySet().stream().map(LocalDate::toString).toList(),
            expiries(master.derivatives(), underlying, false), () -> name + " " + date + " futures");
        int symbolsChecked = 0;
        for (final Instrument instrument : master.derivatives())
        {
            final Map<LocalDate, Integer> lots = instrument.isOption() ? optionLots : futureLots;
            assertEquals(lots.get(instrument.expiry()), instrument.lotSize(), () -> name + " " + date + " lot of "
                + instrument.tradingSymbol());
            if (symbols.containsKey(instrument.tradingSymbol()))
            {
                symbolsChecked++;
                assertEquals(symbols.get(instrument.tradingSymbol()), instrument.expiry().toString());
            }
            final KiteSymbols.Parsed parsed = KiteSymbols.parse(instrument.tradingSymbol());
            assertEquals(instrument.strikePaise(), parsed.strikePaise());
        }
        final int checked = symbolsChecked;
        assertTrue(checked > 50, () -> name + " " + date + ": only " + checked + " symbols found in the bhavcopy");
    }

    private static SyntheticInstrumentMaster master(final LocalDate date)
    {
        return SyntheticInstrumentMaster.build(new SyntheticSettings().tradingDate(date));
    }

    private static List<String> expiries(final List<Instrument> instruments, final Underlying underlying,
        final boolean options)
    {
        return instruments.stream().filter(i -> i.underlying() == underlying && i.isOption() == options)
            .map(i -> i.expiry().toString()).collect(Collectors.toCollection(TreeSet::new)).stream().toList();
    }

    private static List<String> firstExpiries(final List<Instrument> dump, final Underlying underlying, final int n)
    {
        return expiries(dump, underlying, true).stream().limit(n).toList();
    }
}
