package dev.vyuha.feed;

import java.util.Locale;

/**
 * Where the feed's market data comes from.
 */
public enum FeedSourceKind
{
    /** A generated NIFTY/BANKNIFTY trading day (the demo default: no broker account needed). */
    SYNTHETIC,
    /** Kite's live ticker through the SDK. */
    KITE,
    /** 1-minute bar files replayed as ticks. */
    BARS,
    /** A frame recording (of this feed, or market data taken from an engine journal). */
    RECORDING;

    /**
     * @param name synthetic, kite, bars or recording (any case).
     * @return the kind.
     */
    public static FeedSourceKind of(final String name)
    {
        try
        {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException("source must be synthetic, kite, bars or recording: " + name, ex);
        }
    }
}
