package dev.vyuha.reference.csv;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvLineTest
{
    @Test
    void shouldSplitPlainCellsKeepingEmptyOnes()
    {
        assertEquals(List.of("256265", "", "NIFTY 50", ""), CsvLine.split("256265,,NIFTY 50,"));
        assertEquals(List.of(""), CsvLine.split(""));
    }

    @Test
    void shouldKeepCommasInsideQuotesAndUnescapeDoubledQuotes()
    {
        assertEquals(List.of("a", "b,c", "say \"hi\"", "d"), CsvLine.split("a,\"b,c\",\"say \"\"hi\"\"\",d"));
    }

    @Test
    void shouldReadAKiteInstrumentsRowIntoItsTwelveColumns()
    {
        final List<String> cells = CsvLine.split(
            "12345,48,NIFTY26AUG24700CE,\"NIFTY\",0,2026-08-25,24700,0.05,65,CE,NFO-OPT,NFO");
        assertEquals(12, cells.size());
        assertEquals("NIFTY", cells.get(3));
        assertEquals("NFO", cells.get(11));
    }
}
