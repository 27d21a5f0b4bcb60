package dev.vyuha.feed.instrument;

/**
 * What an instrument is, as far as the feed cares: the index (an {@code IndexTick}), or a tradable future or option
 * (a {@code DerivativeTick}).
 */
public enum InstrumentKind
{
    /** The underlying index itself (Kite segment INDICES): not tradable. */
    INDEX,
    /** An index future. */
    FUTURE,
    /** A call option (CE). */
    CALL,
    /** A put option (PE). */
    PUT;

    /**
     * @return true for calls and puts.
     */
    public boolean isOption()
    {
        return this == CALL || this == PUT;
    }

    /**
     * @return Kite's {@code instrument_type}: CE, PE, FUT, or EQ for an index.
     */
    public String kiteType()
    {
        return switch (this)
        {
            case INDEX -> "EQ";
            case FUTURE -> "FUT";
            case CALL -> "CE";
            case PUT -> "PE";
        };
    }
}
