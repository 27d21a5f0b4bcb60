package dev.vyuha.feed.instrument;

import dev.vyuha.sbe.Underlying;

/**
 * Facts of the exchange about each index underlying: its Kite token and symbol in the indices segment, where its
 * index and its derivatives trade, and the name Kite puts in the instruments dump's {@code name} column. Contract
 * terms (lots, ticks, expiries, strikes) are not here: they come from the instrument master.
 */
public final class IndexFacts
{
    private static final long[] TOKENS = new long[8];
    private static final String[] SYMBOLS = new String[8];

    static
    {
        put(Underlying.NIFTY, 256265, "NIFTY 50");
        put(Underlying.BANKNIFTY, 260105, "NIFTY BANK");
        put(Underlying.FINNIFTY, 257801, "NIFTY FIN SERVICE");
        put(Underlying.MIDCPNIFTY, 288009, "NIFTY MID SELECT");
        put(Underlying.NIFTYNXT50, 270857, "NIFTY NEXT 50");
        put(Underlying.SENSEX, 265, "SENSEX");
        put(Underlying.BANKEX, 274441, "BANKEX");
    }

    private IndexFacts()
    {
    }

    private static void put(final Underlying underlying, final long token, final String symbol)
    {
        TOKENS[underlying.value()] = token;
        SYMBOLS[underlying.value()] = symbol;
    }

    /**
     * @param underlying an index.
     * @return Kite's instrument token of the index (NIFTY 50 = 256265, NIFTY BANK = 260105).
     */
    public static long indexToken(final Underlying underlying)
    {
        return TOKENS[checked(underlying).value()];
    }

    /**
     * @param underlying an index.
     * @return Kite's trading symbol of the index, e.g. {@code NIFTY 50}.
     */
    public static String indexSymbol(final Underlying underlying)
    {
        return SYMBOLS[checked(underlying).value()];
    }

    /**
     * @param underlying an index.
     * @return the exchange of its derivatives: NFO, or BFO for SENSEX and BANKEX.
     */
    public static String derivativesExchange(final Underlying underlying)
    {
        return isBse(underlying) ? "BFO" : "NFO";
    }

    /**
     * @param underlying an index.
     * @return the exchange of the index itself: NSE, or BSE for SENSEX and BANKEX.
     */
    public static String indexExchange(final Underlying underlying)
    {
        return isBse(underlying) ? "BSE" : "NSE";
    }

    /**
     * @param name a name as configured or in the dump's {@code name} column, e.g. {@code BANKNIFTY}.
     * @return the underlying, or null if the name is none of them.
     */
    public static Underlying fromName(final String name)
    {
        for (final Underlying underlying : Underlying.values())
        {
            if (underlying != Underlying.NULL_VAL && underlying.name().equals(name))
            {
                return underlying;
            }
        }
        return null;
    }

    private static boolean isBse(final Underlying underlying)
    {
        return checked(underlying) == Underlying.SENSEX || underlying == Underlying.BANKEX;
    }

    private static Underlying checked(final Underlying underlying)
    {
        if (null == underlying || underlying == Underlying.NULL_VAL)
        {
            throw new IllegalArgumentException("no underlying");
        }
        return underlying;
    }
}
