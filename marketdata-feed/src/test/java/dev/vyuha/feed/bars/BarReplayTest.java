package dev.vyuha.feed.bars;

import dev.vyuha.feed.instrument.InstrumentKind;
import dev.vyuha.feed.source.MarketDataFrames;
import dev.vyuha.feed.source.MarketDataSource;
import dev.vyuha.feed.source.SubscriptionListener;
import dev.vyuha.reference.ReferenceData;
import dev.vyuha.reference.calendar.IndiaTime;
import dev.vyuha.reference.calendar.TradingCalendar;
import dev.vyuha.sbe.DerivativeTickDecoder;
import dev.vyuha.sbe.IndexTickDecoder;
import dev.vyuha.sbe.TickMode;
import dev.vyuha.wire.FrameReader;
import dev.vyuha.wire.FrameVerdict;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replaying the real 1-minute bars of 11 June 2021 ({@code ../shared/data/2_intraday}) gives ticks that aggregate
 * back to exactly those bars, for the END-stamped index files and the START-stamped option files alike. The expected
 * bars are read here with a separate, minimal parser.
 */
class BarReplayTest
{
    private static final LocalDate DAY = LocalDate.of(2021, 6, 11);
    private static final long MINUTE = 60_000_000_000L;
    private static final TradingCalendar CALENDAR = TradingCalendar.nse();

    private final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(2048));
    private final FrameReader reader = new FrameReader();

    /** An expected or re-aggregated bar: {open, high, low, close, volume}. */
    private record Ohlcv(long open, long high, long low, long close, long volume)
    {
    }

    @Test
    void shouldReproduceTheIndexBarsOf11June2021FromTheEndStampedFiles()
    {
        final Path nifty = ReferenceData.file("2_intraday/spot_1min/NIFTY_1min_2021-06-07_to_2021-06-18.txt");
        final Path bank = ReferenceData.file("2_intraday/spot_1min/BANKNIFTY_1min_2021-06-07_to_2021-06-18.txt");
        final BarReplay replay = replay(List.of(nifty, bank), 1);

        final Map<Long, Map<Long, Ohlcv>> ticks = aggregate(replay);

        final Map<Long, Ohlcv> expectedNifty = expectedFromIndexText(nifty);
        final Map<Long, Ohlcv> expectedBank = expectedFromIndexText(bank);
        assertEquals(377, expectedNifty.size(), "375 session bars, the 09:08 pre-open and 15:31 (15:32 is missing)");
        assertEquals(expectedNifty, ticks.get(256265L));
        assertEquals(expectedBank, ticks.get(260105L));
        assertEquals(4 * (expectedNifty.size() + expectedBank.size()), replay.tickCount());
    }

    @Test
    void shouldReproduceTheOptionAndIndexBarsOf11June2021FromTheStartStampedFiles()
    {
        final Path folder = ReferenceData.file("2_intraday/options_1min_NIFTY_weekly_2021-06-17/NIFTY_minute.csv")
            .getParent();
        final BarReplay replay = replay(List.of(folder), 1);
        assertEquals(13, replay.series().size());

        final Map<Long, Map<Long, Ohlcv>> ticks = aggregate(replay);

        int options = 0;
        for (final BarSeries series : replay.series())
        {
            final Path file = Path.of(series.source());
            assertEquals(expectedFromVendorCsv(file), ticks.get(series.instrument().token()), file::toString);
            if (series.instrument().isOption())
            {
                options++;
                assertEquals(LocalDate.of(2021, 6, 17), series.instrument().expiry());
                assertEquals(75, series.instrument().lotSize());
            }
        }
        assertEquals(12, options);
    }

    @Test
    void shouldPutBothVendorsIndexBarsOnTheSameMinutes()
    {
        final Path text = ReferenceData.file("2_intraday/spot_1min/NIFTY_1min_2021-06-07_to_2021-06-18.txt");
        final Path csv = ReferenceData.file("2_intraday/options_1min_NIFTY_weekly_2021-06-17/NIFTY_minute.csv");
        final Map<Long, Ohlcv> endStamped = aggregate(replay(List.of(text), 1)).get(256265L);
        final Map<Long, Ohlcv> startStamped = aggregate(replay(List.of(csv), 1)).get(256265L);

        int same = 0;
        int compared = 0;
        for (final Map.Entry<Long, Ohlcv> minute : startStamped.entrySet())
        {
            final Ohlcv other = endStamped.get(minute.getKey());
            if (null != other)
            {
                compared++;
                same += other.close() == minute.getValue().close() ? 1 : 0;
            }
        }
        assertEquals(375, compared);
        assertTrue(same > 0.9 * compared, same + " of " + compared + " closes agree");
    }

    @Test
    void shouldCarryDayStatisticsPreviousCloseAndASynthesisedBookInValidFrames()
    {
        final Path nifty = ReferenceData.file("2_intraday/spot_1min/NIFTY_1min_2021-06-07_to_2021-06-18.txt");
        final Path call = ReferenceData.file("2_intraday/options_1min_NIFTY_weekly_2021-06-17/"
            + "NIFTY2161715700CE_minute.csv");
        final BarReplay replay = replay(List.of(nifty, call), 2);
        final Set<Long> announced = new HashSet<>();
        replay.subscriptions(new SubscriptionListener()
        {
            @Override
            public void onSubscribed(final long token, final long timeNs)
            {
                announced.add(token);
            }

            @Override
            public void onUnsubscribed(final long token, final long timeNs)
            {
                throw new AssertionError("nothing is unsubscribed");
            }
        });
        long previous = Long.MIN_VALUE;
        int length;
        long lastVolume = 0;
        int derivatives = 0;
        while ((length = replay.next(buffer, 0)) != MarketDataSource.END_OF_DATA)
        {
            assertEquals(FrameVerdict.VALID, reader.read(buffer, 0, length), reader::rejectionReason);
            assertTrue(replay.frameTimeNs() >= previous);
            previous = replay.frameTimeNs();
            if (reader.templateId() == IndexTickDecoder.TEMPLATE_ID)
            {
                final IndexTickDecoder tick = reader.indexTick();
                assertTrue(announced.contains(tick.instrumentToken()));
                assertEquals(1_573_775, tick.closePrice(), "the official close of 10 June 2021 (15:32 row)");
                assertEquals(1_579_645, tick.openPrice(), "the day opens at the pre-open price");
                assertEquals(tick.lastPrice() - tick.closePrice(), tick.change());
                continue;
            }
            derivatives++;
            final DerivativeTickDecoder tick = reader.derivativeTick();
            assertTrue(announced.contains(tick.instrumentToken()));
            assertEquals(TickMode.QUOTE, tick.mode());
            assertEquals(MarketDataFrames.NULL_COUNT, tick.openInterest());
            assertEquals(replay.frameTimeNs(), tick.exchangeTimestampNs());
            assertTrue(tick.volume() >= lastVolume);
            lastVolume = tick.volume();
            assertEquals(1, tick.bidDepth());
            assertEquals(tick.lastPrice() - 10, tick.bidPrice(0));
            assertEquals(75, tick.bidQuantity(0));
            assertEquals(0, tick.bidPrice(1), "levels beyond the depth are zero");
            assertEquals(1, tick.askDepth());
            assertEquals(tick.lastPrice() + 10, tick.askPrice(0));
        }
        assertEquals(4 * 375, derivatives);
        assertEquals(expectedFromVendorCsv(call).values().stream().mapToLong(Ohlcv::volume).sum(), lastVolume);
    }

    @Test
    void shouldRefuseTheSameInstrumentFromTwoFiles(@TempDir final Path directory) throws IOException
    {
        final Path one = directory.resolve("a.txt");
        final Path two = directory.resolve("b.txt");
        Files.writeString(one, "NIFTY,20210611,09:16,1.00,2.00,0.50,1.50,0,0\n");
        Files.writeString(two, "NIFTY,20210611,09:17,1.00,2.00,0.50,1.50,0,0\n");

        final List<BarSeries> series = MinuteBarFiles.readAll(List.of(directory), CALENDAR).stream()
            .map(MinuteBarFiles.Read::series).toList();

        assertThrows(IllegalArgumentException.class, () -> new BarReplay(series, null, 1, 1));
    }

    @Test
    void shouldSkipAndReportMalformedRowsAndRefuseAFileMixingInstruments(@TempDir final Path directory)
        throws IOException
    {
        final Path bad = directory.resolve("bad.txt");
        Files.writeString(bad, "NIFTY,20210611,09:16,1.00,2.00,0.50,1.50,0,0\n"
            + "NIFTY,20210611,09:17,1.00,0.90,0.50,1.50,0,0\n"
            + "NIFTY,2021061x,09:18,1.00,2.00,0.50,1.50,0,0\n"
            + "NIFTY,20210611,09:19,1.00,2.00,0.50,1.50,0,0\n");
        final MinuteBarFiles.Read read = MinuteBarFiles.read(bad, CALENDAR);
        assertEquals(2, read.series().bars().size());
        assertEquals(2, read.rejected().size(), read.rejected()::toString);
        assertTrue(read.rejected().get(0).startsWith("bad.txt:2:"), read.rejected()::toString);
        assertEquals(BarLabel.END, read.label());
        assertEquals(IndiaTime.epochNanos(DAY, LocalTime.of(9, 15)), read.series().bars().get(0).startNs());

        final Path mixed = directory.resolve("mixed.txt");
        Files.writeString(mixed, "NIFTY,20210611,09:16,1.00,2.00,0.50,1.50,0,0\n"
            + "BANKNIFTY,20210611,09:17,1.00,2.00,0.50,1.50,0,0\n");
        assertThrows(IllegalArgumentException.class, () -> MinuteBarFiles.read(mixed, CALENDAR));
    }

    @Test
    void shouldOrderEachBarsTicksOpenExtremesClose()
    {
        final MinuteBar up = new MinuteBar(0, 100, 130, 90, 120, 0);
        final MinuteBar down = new MinuteBar(0, 100, 130, 90, 95, 0);
        assertEquals(List.of(100L, 90L, 130L, 120L), List.of(BarReplay.price(up, 0), BarReplay.price(up, 1),
            BarReplay.price(up, 2), BarReplay.price(up, 3)));
        assertEquals(List.of(100L, 130L, 90L, 95L), List.of(BarReplay.price(down, 0), BarReplay.price(down, 1),
            BarReplay.price(down, 2), BarReplay.price(down, 3)));
        assertEquals(InstrumentKind.INDEX, replay(List.of(ReferenceData.file(
            "2_intraday/spot_1min/NIFTY_1min_2022-04-27.txt")), 1).universe().instrument(0).kind());
    }

    private static BarReplay replay(final List<Path> paths, final int bookTicks)
    {
        final List<MinuteBarFiles.Read> reads = MinuteBarFiles.readAll(paths, CALENDAR);
        for (final MinuteBarFiles.Read read : reads)
        {
            assertEquals(List.of(), read.rejected(), read.series()::source);
        }
        return new BarReplay(reads.stream().map(MinuteBarFiles.Read::series).toList(), DAY, bookTicks, 1);
    }

    private Map<Long, Map<Long, Ohlcv>> aggregate(final BarReplay replay)
    {
        final Map<Long, Map<Long, List<long[]>>> ticks = new TreeMap<>();
        int length;
        while ((length = replay.next(buffer, 0)) != MarketDataSource.END_OF_DATA)
        {
            assertEquals(FrameVerdict.VALID, reader.read(buffer, 0, length), reader::rejectionReason);
            final long minute = Math.floorDiv(replay.frameTimeNs(), MINUTE) * MINUTE;
            final long token;
            final long price;
            final long volume;
            if (reader.templateId() == IndexTickDecoder.TEMPLATE_ID)
            {
                token = reader.indexTick().instrumentToken();
                price = reader.indexTick().lastPrice();
                volume = 0;
            }
            else
            {
                token = reader.derivativeTick().instrumentToken();
                price = reader.derivativeTick().lastPrice();
                volume = reader.derivativeTick().volume();
            }
            ticks.computeIfAbsent(token, t -> new TreeMap<>()).computeIfAbsent(minute, m -> new ArrayList<>())
                .add(new long[] {price, volume});
        }
        final Map<Long, Map<Long, Ohlcv>> bars = new TreeMap<>();
        ticks.forEach((token, minutes) ->
        {
            final Map<Long, Ohlcv> series = new TreeMap<>();
            long volumeBefore = 0;
            for (final Map.Entry<Long, List<long[]>> minute : minutes.entrySet())
            {
                final List<long[]> list = minute.getValue();
                long high = Long.MIN_VALUE;
                long low = Long.MAX_VALUE;
                for (final long[] tick : list)
                {
                    high = Math.max(high, tick[0]);
                    low = Math.min(low, tick[0]);
                }
                final long volumeAfter = list.get(list.size() - 1)[1];
                series.put(minute.getKey(), new Ohlcv(list.get(0)[0], high, low, list.get(list.size() - 1)[0],
                    volumeAfter - volumeBefore));
                volumeBefore = volumeAfter;
            }
            bars.put(token, series);
        });
        return bars;
    }

    private static Map<Long, Ohlcv> expectedFromIndexText(final Path file)
    {
        final Map<Long, Ohlcv> bars = new TreeMap<>();
        for (final String line : lines(file))
        {
            final String[] cells = line.split(",");
            final LocalDate date = LocalDate.parse(cells[1], DateTimeFormatter.BASIC_ISO_DATE);
            if (date.equals(DAY))
            {
                final long end = IndiaTime.epochNanos(date, LocalTime.parse(cells[2]));
                bars.put(end - MINUTE, new Ohlcv(paise(cells[3]), paise(cells[4]), paise(cells[5]), paise(cells[6]),
                    0));
            }
        }
        return bars;
    }

    private static Map<Long, Ohlcv> expectedFromVendorCsv(final Path file)
    {
        final Map<Long, Ohlcv> bars = new TreeMap<>();
        for (final String line : lines(file).subList(1, lines(file).size()))
        {
            final String[] cells = line.replace("\"", "").split(",");
            final LocalDateTime start = LocalDateTime.parse(cells[0].replace(' ', 'T'));
            if (start.toLocalDate().equals(DAY))
            {
                bars.put(IndiaTime.epochNanos(start.toLocalDate(), start.toLocalTime()), new Ohlcv(paise(cells[1]),
                    paise(cells[2]), paise(cells[3]), paise(cells[4]), Long.parseLong(cells[5])));
            }
        }
        return bars;
    }

    private static long paise(final String rupees)
    {
        return Math.round(Double.parseDouble(rupees) * 100);
    }

    private static List<String> lines(final Path file)
    {
        try
        {
            return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
        }
        catch (final IOException ex)
        {
            throw new java.io.UncheckedIOException(ex);
        }
    }
}
