package dev.vyuha.engine.market;

/**
 * An index whose options and futures the engine trades. The derivatives segment and the index's name in the Kite
 * instruments dump are facts of the exchange; contract details (lot size, tick size, expiries, strikes) always come
 * from the day's instrument master, never from here.
 */
public enum Underlying
{
    /** NIFTY 50 on NSE; derivatives on NFO. */
    NIFTY("NFO", "NIFTY 50"),
    /** NIFTY BANK on NSE; derivatives on NFO. */
    BANKNIFTY("NFO", "NIFTY BANK"),
    /** NIFTY FINANCIAL SERVICES on NSE; derivatives on NFO. */
    FINNIFTY("NFO", "NIFTY FIN SERVICE"),
    /** NIFTY MIDCAP SELECT on NSE; derivatives on NFO. */
    MIDCPNIFTY("NFO", "NIFTY MID SELECT"),
    /** NIFTY NEXT 50 on NSE; derivatives on NFO. */
    NIFTYNXT50("NFO", "NIFTY NEXT 50"),
    /** S&amp;P BSE SENSEX on BSE; derivatives on BFO. */
    SENSEX("BFO", "SENSEX"),
    /** S&amp;P BSE BANKEX on BSE; derivatives on BFO. */
    BANKEX("BFO", "BANKEX");

    private static final Underlying[] VALUES = values();

    private final String derivativesExchange;
    private final String indexSymbol;

    Underlying(final String derivativesExchange, final String indexSymbol)
    {
        this.derivativesExchange = derivativesExchange;
        this.indexSymbol = indexSymbol;
    }

    /**
     * @return Kite exchange of the options and futures: {@code NFO} or {@code BFO}.
     */
    public String derivativesExchange()
    {
        return derivativesExchange;
    }

    /**
     * @return the index's trading symbol in Kite's NSE/BSE indices segment, e.g. {@code NIFTY 50}.
     */
    public String indexSymbol()
    {
        return indexSymbol;
    }

    /**
     * Look up an underlying by its name as it appears in the instruments dump's {@code name} column and in baskets.
     *
     * @param name e.g. {@code BANKNIFTY}.
     * @return the underlying, or null if the name is not one the engine trades.
     */
    public static Underlying fromName(final CharSequence name)
    {
        for (final Underlying underlying : VALUES)
        {
            if (underlying.name().contentEquals(name))
            {
                return underlying;
            }
        }
        return null;
    }
}
