package dev.vyuha.feed.bars;

/**
 * Which instant a vendor's 1-minute bar is stamped with. The NIFTY/BANKNIFTY index files in
 * {@code ../shared/data/2_intraday/spot_1min} stamp the END (the 09:15–09:16 bar is "09:16"); the option files in
 * {@code options_1min_NIFTY_weekly_2021-06-17} stamp the START ("09:15:00"). Replays put both on the bar's start.
 */
public enum BarLabel
{
    /** The stamp is the minute the bar opened. */
    START,
    /** The stamp is the minute the bar closed. */
    END
}
