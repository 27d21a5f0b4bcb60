package dev.vyuha.engine.market;

import dev.vyuha.reference.symbol.KiteSymbolFormat;

import java.time.LocalDate;

/**
 * Kite's trading-symbol formats for index derivatives (KITE.md §11), used to check every row of the instruments dump:
 *
 * <ul>
 *   <li>future: {@code NAME YY MON FUT}, e.g. {@code NIFTY26AUGFUT};</li>
 *   <li>monthly option: {@code NAME YY MON STRIKE CE|PE}, e.g. {@code BANKNIFTY26AUG57900CE};</li>
 *   <li>weekly option: {@code NAME YY M DD STRIKE CE|PE} with M = 1..9 for January to September and O, N, D for
 *   October to December, e.g. {@code NIFTY2681824450CE} (18 August 2026).</li>
 * </ul>
 *
 * A weekly contract that expires on the monthly date exists only under the monthly symbol, so whether an expiry is
 * monthly is read from the symbols, never from the calendar.
 */
public final class TradingSymbols
{
    private TradingSymbols()
    {
    }

    /**
     * @param name   underlying name, e.g. NIFTY.
     * @param expiry expiry date.
     * @return the future's symbol.
     */
    public static String future(final String name, final LocalDate expiry)
    {
        return KiteSymbolFormat.future(name, expiry);
    }

    /**
     * @param name        underlying name.
     * @param expiry      expiry date.
     * @param strikePaise strike in paise.
     * @param type        CE or PE.
     * @return the monthly option symbol.
     */
    public static String monthlyOption(final String name, final LocalDate expiry, final long strikePaise,
        final OptionType type)
    {
        return KiteSymbolFormat.monthlyOption(name, expiry, strikePaise, type.name());
    }

    /**
     * @param name        underlying name.
     * @param expiry      expiry date.
     * @param strikePaise strike in paise.
     * @param type        CE or PE.
     * @return the weekly option symbol.
     */
    public static String weeklyOption(final String name, final LocalDate expiry, final long strikePaise,
        final OptionType type)
    {
        return KiteSymbolFormat.weeklyOption(name, expiry, strikePaise, type.name());
    }

    /**
     * @param strikePaise a strike.
     * @return as Kite writes it in symbols: whole rupees without decimals, otherwise the shortest decimal (57.5).
     */
    public static String strike(final long strikePaise)
    {
        return KiteSymbolFormat.strike(strikePaise);
    }

    /**
     * Derive the underlying name from a symbol when the dump's name column is empty (older dumps): the longest known
     * underlying name that the symbol starts with, followed by the two digits of a year.
     *
     * @param symbol a trading symbol.
     * @return the underlying, or null if the symbol is not an index derivative the engine trades.
     */
    public static Underlying underlyingOf(final String symbol)
    {
        Underlying best = null;
        for (final Underlying underlying : Underlying.values())
        {
            final String name = underlying.name();
            if (symbol.startsWith(name) && symbol.length() > name.length() + 2
                && Character.isDigit(symbol.charAt(name.length())) && Character.isDigit(symbol.charAt(name.length() + 1))
                && (null == best || name.length() > best.name().length()))
            {
                best = underlying;
            }
        }
        return best;
    }
}
