package dev.vyuha.app.backtest;

import dev.vyuha.feed.FeedContext;
import dev.vyuha.feed.FeedSources;
import dev.vyuha.feed.synthetic.SyntheticMarket;
import dev.vyuha.reference.calendar.IndiaTime;
import dev.vyuha.reference.calendar.TradingCalendar;
import dev.vyuha.sbe.DerivativeTickDecoder;
import dev.vyuha.sbe.FeedStateDecoder;
import dev.vyuha.sbe.IndexTickDecoder;
import dev.vyuha.sbe.InstrumentMasterLoadedDecoder;
import dev.vyuha.sbe.MessageHeaderDecoder;
import org.agrona.ExpandableArrayBuffer;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeedFrameSourceTest
{
    @Test
    void shouldStartEveryDayWithThatDaysInstrumentMasterThenItsFramesInTimeOrder()
    {
        final List<LocalDate> days = List.of(LocalDate.of(2026, 8, 14), LocalDate.of(2026, 8, 17));
        final List<LocalDate> opened = new ArrayList<>();
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final InstrumentMasterLoadedDecoder master = new InstrumentMasterLoadedDecoder();
        final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(1024);
        final List<String> masters = new ArrayList<>();
        long ticks = 0;
        long previousNs = 0;
        double previousProgress = 0;
        try (FeedFrameSource source = new FeedFrameSource(days, day ->
        {
            opened.add(day);
            final FeedContext context = new FeedContext().date(day);
            return FeedSources.open(context.source(new SyntheticMarket(FeedSources.syntheticSettings(context)
                .ticking(1, 2, 1).tickRates(5_000, 0.1, 0.1, 0.05, 30_000))));
        }, TradingCalendar.nse(), "synthetic"))
        {
            int length;
            while ((length = source.next(buffer)) > 0)
            {
                assertTrue(source.timestampNs() >= previousNs, "time order");
                assertTrue(source.progress() >= previousProgress && source.progress() <= 1, "progress");
                previousNs = source.timestampNs();
                previousProgress = source.progress();
                header.wrap(buffer, 0);
                final int template = header.templateId();
                if (template == InstrumentMasterLoadedDecoder.TEMPLATE_ID)
                {
                    master.wrapAndApplyHeader(buffer, 0, header);
                    final LocalDate date = LocalDate.ofEpochDay(master.tradingDate());
                    assertEquals(IndiaTime.epochNanos(date, LocalTime.of(8, 45)), source.timestampNs());
                    assertEquals((double)masters.size() / days.size(), source.progress());
                    masters.add(date + " " + master.source() + " " + (master.rowCount() > 100));
                    assertTrue(master.instrumentsCsv().startsWith("instrument_token,"), "Kite's CSV");
                }
                else
                {
                    assertTrue(template == IndexTickDecoder.TEMPLATE_ID || template == DerivativeTickDecoder.TEMPLATE_ID
                        || template == FeedStateDecoder.TEMPLATE_ID, "market data: " + template);
                    assertEquals(masters.get(masters.size() - 1).substring(0, 10),
                        IndiaTime.date(source.timestampNs()).toString(), "after its day's master");
                    ticks++;
                }
            }
            assertEquals(1.0, source.progress());
            assertEquals(0, source.next(buffer), "stays at its end");
        }
        assertEquals(days, opened, "each day opened once, in order");
        assertEquals(List.of("2026-08-14 synthetic 2026-08-14 true", "2026-08-17 synthetic 2026-08-17 true"), masters);
        assertTrue(ticks > 10_000, "ticks " + ticks);
    }
}
