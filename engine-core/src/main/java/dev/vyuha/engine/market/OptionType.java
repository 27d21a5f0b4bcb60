package dev.vyuha.engine.market;

/**
 * Call or put, as exchanges and Kite name them.
 */
public enum OptionType
{
    /** Call. */
    CE,
    /** Put. */
    PE;

    /**
     * @return the other type: the put for a call, the call for a put.
     */
    public OptionType opposite()
    {
        return this == CE ? PE : CE;
    }
}
