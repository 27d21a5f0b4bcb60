package dev.vyuha.app.backtest;

import dev.vyuha.engine.runtime.CommandFrames;
import dev.vyuha.feed.FeedSources;
import dev.vyuha.feed.instrument.KiteInstrumentsCsv;
import dev.vyuha.feed.source.MarketDataSource;
import dev.vyuha.reference.calendar.IndiaTime;
import dev.vyuha.reference.calendar.TradingCalendar;
import dev.vyuha.reference.calendar.TradingSession;
import org.agrona.MutableDirectBuffer;

import java.time.LocalDate;
import java.util.List;

/**
 * A backtest's market data, trading day after trading day, from marketdata-feed's pull sources (a synthetic day, a
 * day of bar replays: {@link FeedSources}). Each day starts with an {@code InstrumentMasterLoaded} frame built from
 * that day's master (Kite's CSV, written by the feed's {@link KiteInstrumentsCsv}), stamped 30 minutes before the
 * session opens, so the engine trades each day against the contracts listed that morning; then come the day's frames
 * in data-time order, {@code FeedState} frames included (they are engine commands). Progress is the share of days
 * done plus, within a day, the share of the session (by data time) replayed.
 *
 * <p>Each day's source is opened when the previous one ends and closed at its end, so only one day is in memory.
 */
public final class FeedFrameSource implements FrameSource, AutoCloseable
{
    /** Before the session opens, when a day's instrument master is loaded. */
    public static final long MASTER_LEAD_NS = 30 * IndiaTime.NANOS_PER_MINUTE;

    /**
     * Opens one trading day of market data.
     */
    @FunctionalInterface
    public interface DayOpener
    {
        /**
         * @param day the trading day.
         * @return its source, its universe and its instrument master (null: none to load).
         */
        FeedSources.Opened open(LocalDate day);
    }

    private final List<LocalDate> days;
    private final DayOpener opener;
    private final TradingCalendar calendar;
    private final String sourceName;
    private final CommandFrames commands = new CommandFrames();
    private MarketDataSource current;
    private int dayIndex = -1;
    private long openNs;
    private double sessionNs = 1;
    private long timestampNs;
    private double progress;

    /**
     * @param days       trading days in order.
     * @param opener     opens a day's data.
     * @param calendar   the sessions' hours (progress and the master's time).
     * @param sourceName names the masters' source in the engine's events, e.g. {@code synthetic seed 1}.
     */
    public FeedFrameSource(final List<LocalDate> days, final DayOpener opener, final TradingCalendar calendar,
        final String sourceName)
    {
        this.days = List.copyOf(days);
        this.opener = opener;
        this.calendar = calendar;
        this.sourceName = sourceName;
    }

    @Override
    public int next(final MutableDirectBuffer buffer)
    {
        while (true)
        {
            if (null == current)
            {
                if (dayIndex + 1 >= days.size())
                {
                    progress = 1.0;
                    return 0;
                }
                final int length = startDay(buffer);
                if (length > 0)
                {
                    return length;
                }
            }
            final int length = current.next(buffer, 0);
            if (length > 0)
            {
                timestampNs = current.frameTimeNs();
                final double withinDay = Math.max(0, Math.min(1, (timestampNs - openNs) / sessionNs));
                progress = (dayIndex + withinDay) / days.size();
                return length;
            }
            if (length == MarketDataSource.END_OF_DATA)
            {
                current.close();
                current = null;
            }
            // NO_FRAME: a replayed or generated source never waits; ask again.
        }
    }

    /**
     * Open the next day.
     *
     * @return the length of its instrument master frame, or 0 if it has none.
     */
    private int startDay(final MutableDirectBuffer buffer)
    {
        dayIndex++;
        final LocalDate day = days.get(dayIndex);
        final FeedSources.Opened opened = opener.open(day);
        current = opened.source();
        final TradingSession session = calendar.session(day);
        final TradingSession hours = null != session && session.hasHours() ? session : TradingSession.REGULAR;
        openNs = IndiaTime.epochNanos(day, hours.open());
        sessionNs = Math.max(1, IndiaTime.epochNanos(day, hours.close()) - openNs);
        timestampNs = openNs - MASTER_LEAD_NS;
        progress = (double)dayIndex / days.size();
        if (null == opened.master())
        {
            return 0;
        }
        return commands.instrumentMaster(buffer, 0, (int)day.toEpochDay(), sourceName + " " + day,
            KiteInstrumentsCsv.toCsv(opened.master()));
    }

    @Override
    public long timestampNs()
    {
        return timestampNs;
    }

    @Override
    public double progress()
    {
        return progress;
    }

    /** @return the trading days, in order. */
    public List<LocalDate> days()
    {
        return days;
    }

    /**
     * Close the current day's source, if one is open.
     */
    @Override
    public void close()
    {
        if (null != current)
        {
            current.close();
            current = null;
        }
    }
}
