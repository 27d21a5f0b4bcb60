package dev.vyuha.feed.bars;

import dev.vyuha.feed.instrument.Instrument;

import java.util.List;

/**
 * The minute bars of one instrument, in time order.
 *
 * @param instrument the instrument (an index, or an option or future with a generated token).
 * @param bars       its bars, ascending by start, one per minute at most.
 * @param source     where they came from.
 */
public record BarSeries(Instrument instrument, List<MinuteBar> bars, String source)
{
    /**
     * @param instrument instrument.
     * @param bars       bars.
     * @param source     source.
     */
    public BarSeries
    {
        bars = List.copyOf(bars);
        for (int i = 1; i < bars.size(); i++)
        {
            if (bars.get(i).startNs() <= bars.get(i - 1).startNs())
            {
                throw new IllegalArgumentException(source + ": bars out of order or repeated at " + i);
            }
        }
    }
}
