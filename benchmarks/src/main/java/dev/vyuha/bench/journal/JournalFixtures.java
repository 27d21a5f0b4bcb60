package dev.vyuha.bench.journal;

import dev.vyuha.engine.runtime.InlineCommandDriver;
import dev.vyuha.engine.scenario.RandomTradingSession;
import dev.vyuha.engine.scenario.TradingDay;
import dev.vyuha.engine.strategy.runtime.EngineConfig;
import dev.vyuha.engine.strategy.runtime.TradingEngine;
import dev.vyuha.journal.JournalContext;
import dev.vyuha.journal.JournalLayout;
import dev.vyuha.journal.JournalWriter;
import dev.vyuha.sbe.DerivativeTickEncoder;
import dev.vyuha.sbe.MessageHeaderEncoder;
import dev.vyuha.sbe.TickMode;
import dev.vyuha.wire.CommandStamp;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Frames and journals for the journal benchmarks.
 */
final class JournalFixtures
{
    /** The configuration the randomised session runs with. */
    static final EngineConfig SESSION_CONFIG = EngineConfig.defaults().withMaxQuoteAge(90_000_000_000L);

    private JournalFixtures()
    {
    }

    /**
     * A FULL-mode option tick with five levels each side, as Kite sends it (317 bytes).
     *
     * @param buffer where to encode it.
     * @return its length.
     */
    static int fullTick(final UnsafeBuffer buffer)
    {
        final DerivativeTickEncoder tick = new DerivativeTickEncoder().wrapAndApplyHeader(buffer, 0,
            new MessageHeaderEncoder());
        tick.instrumentToken(10_000_081L).mode(TickMode.FULL).lastPrice(120_50).lastQuantity(65).averagePrice(119_80)
            .volume(1_234_500).totalBuyQuantity(98_000).totalSellQuantity(87_000).openPrice(110_00).highPrice(131_00)
            .lowPrice(101_00).closePrice(115_00).lastTradeTimeNs(1_786_938_600_000_000_000L).openInterest(5_400_000)
            .openInterestDayHigh(5_500_000).openInterestDayLow(5_100_000)
            .exchangeTimestampNs(1_786_938_600_000_000_000L);
        tick.bidDepth((short)5).askDepth((short)5);
        for (int i = 0; i < 5; i++)
        {
            tick.bidPrice(i, 120_45 - 5L * i).bidQuantity(i, 650 + 65 * i).bidOrders(i, 3 + i)
                .askPrice(i, 120_55 + 5L * i).askQuantity(i, 650 + 65 * i).askOrders(i, 3 + i);
        }
        return MessageHeaderEncoder.ENCODED_LENGTH + tick.encodedLength();
    }

    /**
     * Journal a seeded randomised session (seven baskets, rejects, partial fills, kill switch; about 67,600 commands a
     * day) the way the live engine does: every command stamped, every order it causes in the orders journal.
     *
     * @param root the journals' root.
     * @param days trading days.
     * @return the number of commands.
     */
    static int journalSession(final Path root, final int days)
    {
        final TradingDay session = RandomTradingSession.run(20260817L, days);
        final JournalLayout layout = new JournalLayout(root);
        try (JournalWriter commands = new JournalWriter(new JournalContext().directory(layout.commands()));
            JournalWriter orders = new JournalWriter(new JournalContext().directory(layout.orders())))
        {
            final long[] ordinal = {0};
            final InlineCommandDriver driver = new InlineCommandDriver(new TradingEngine(SESSION_CONFIG, event -> { }),
                (buffer, offset, length, cause) -> orders.append(buffer, offset, length, ++ordinal[0],
                CommandStamp.timestampNs(buffer, offset)));
            long sequence = 0;
            for (final TradingDay.RecordedCommand command : session.recording)
            {
                final UnsafeBuffer frame = new UnsafeBuffer(command.frame().clone());
                CommandStamp.stamp(frame, 0, ++sequence, command.timestampNs());
                commands.append(frame, 0, frame.capacity(), sequence, command.timestampNs());
                driver.applyStamped(frame, 0, frame.capacity());
            }
        }
        return session.recording.size();
    }

    static Path temporaryDirectory(final String prefix)
    {
        try
        {
            return Files.createTempDirectory(prefix);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    static void delete(final Path directory)
    {
        try (Stream<Path> files = Files.walk(directory))
        {
            for (final Path file : files.sorted(Comparator.reverseOrder()).toList())
            {
                Files.deleteIfExists(file);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
