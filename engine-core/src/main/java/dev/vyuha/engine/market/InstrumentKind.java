package dev.vyuha.engine.market;

/**
 * What an instrument of the master is.
 */
public enum InstrumentKind
{
    /** An index (not tradable): the spot basis. */
    INDEX,
    /** An index future. */
    FUTURE,
    /** A call option. */
    CALL,
    /** A put option. */
    PUT;

    /**
     * @return the option type of a CALL or PUT; null otherwise.
     */
    public OptionType optionType()
    {
        return this == CALL ? OptionType.CE : this == PUT ? OptionType.PE : null;
    }

    /**
     * @param type CE or PE.
     * @return CALL or PUT.
     */
    public static InstrumentKind of(final OptionType type)
    {
        return type == OptionType.CE ? CALL : PUT;
    }
}
