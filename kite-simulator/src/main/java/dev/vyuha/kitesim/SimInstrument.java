package dev.vyuha.kitesim;

import java.time.LocalDate;

/**
 * An instrument the simulator knows: what {@code /instruments} serves and what its order checks use (lot size, tick
 * size, freeze quantity).
 *
 * @param instrumentToken Kite instrument token.
 * @param exchangeToken   exchange token.
 * @param tradingSymbol   e.g. NIFTY2681824450CE.
 * @param name            underlying name (may be empty).
 * @param lastPrice       paise (as the dump carries it, usually 0).
 * @param expiry          expiry date or null.
 * @param strike          strike as the dump writes it, e.g. "24450.0" (may be "0.0").
 * @param tickSize        paise.
 * @param lotSize         units per lot.
 * @param instrumentType  CE, PE, FUT, EQ.
 * @param segment         e.g. NFO-OPT.
 * @param exchange        e.g. NFO.
 * @param freezeQuantity  largest quantity per order; 0 for no limit.
 */
public record SimInstrument(
    long instrumentToken,
    long exchangeToken,
    String tradingSymbol,
    String name,
    long lastPrice,
    LocalDate expiry,
    String strike,
    long tickSize,
    int lotSize,
    String instrumentType,
    String segment,
    String exchange,
    int freezeQuantity)
{
    /**
     * An NFO option with the usual tick of 5 paise.
     *
     * @param instrumentToken Kite instrument token.
     * @param tradingSymbol   e.g. NIFTY2681824450CE.
     * @param name            underlying, e.g. NIFTY.
     * @param expiry          expiry date.
     * @param strike          strike in rupees.
     * @param optionType      CE or PE.
     * @param lotSize         units per lot.
     * @param freezeQuantity  largest quantity per order.
     * @return the instrument.
     */
    public static SimInstrument nfoOption(
        final long instrumentToken,
        final String tradingSymbol,
        final String name,
        final LocalDate expiry,
        final double strike,
        final String optionType,
        final int lotSize,
        final int freezeQuantity)
    {
        return new SimInstrument(instrumentToken, instrumentToken >> 8, tradingSymbol, name, 0, expiry,
            Double.toString(strike), 5, lotSize, optionType, "NFO-OPT", "NFO", freezeQuantity);
    }

    /**
     * @return the instrument with another freeze quantity.
     * @param freezeQuantity largest quantity per order; 0 for no limit.
     */
    public SimInstrument withFreezeQuantity(final int freezeQuantity)
    {
        return new SimInstrument(instrumentToken, exchangeToken, tradingSymbol, name, lastPrice, expiry, strike,
            tickSize, lotSize, instrumentType, segment, exchange, freezeQuantity);
    }
}
