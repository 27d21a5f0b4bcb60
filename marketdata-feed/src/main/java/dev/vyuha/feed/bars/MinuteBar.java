package dev.vyuha.feed.bars;

/**
 * One minute of trading, normalised: the instant it started and its prices in paise.
 *
 * @param startNs epoch ns of the minute's start (whatever the vendor's label).
 * @param open    first price.
 * @param high    highest price.
 * @param low     lowest price.
 * @param close   last price.
 * @param volume  units traded in the minute (0 when the vendor has none, as for indices).
 */
public record MinuteBar(long startNs, long open, long high, long low, long close, long volume)
{
    /**
     * @param startNs start.
     * @param open    open.
     * @param high    high.
     * @param low     low.
     * @param close   close.
     * @param volume  volume.
     */
    public MinuteBar
    {
        if (low > high || open < low || open > high || close < low || close > high || low <= 0 || volume < 0)
        {
            throw new IllegalArgumentException("not a bar: O " + open + " H " + high + " L " + low + " C " + close
                + " V " + volume);
        }
    }
}
