package dev.vyuha.feed.instrument;

import dev.vyuha.reference.symbol.KiteSymbolFormat;
import dev.vyuha.sbe.Underlying;

import java.time.LocalDate;
import java.time.Month;
import java.time.DateTimeException;

/**
 * Kite's trading symbols of index derivatives (KITE.md §11):
 *
 * <ul>
 *   <li>future: {@code NAME YY MON FUT}, e.g. {@code NIFTY26AUGFUT};</li>
 *   <li>monthly option: {@code NAME YY MON STRIKE CE|PE}, e.g. {@code BANKNIFTY26AUG57900CE};</li>
 *   <li>weekly option: {@code NAME YY M DD STRIKE CE|PE}, M = 1..9 for January to September and O, N, D for October
 *   to December, e.g. {@code NIFTY2681824450CE} (18 August 2026).</li>
 * </ul>
 *
 * A weekly that expires on the month's monthly date exists only under the monthly symbol.
 */
public final class KiteSymbols
{

    /**
     * What a symbol says.
     *
     * @param underlying  the index.
     * @param kind        future, call or put.
     * @param expiry      the expiry date for weeklies; for monthly symbols only year and month are known, and the
     *                    date is the first of that month ({@link #monthly} true).
     * @param strikePaise strike in paise (0 for a future).
     * @param monthly     true if the symbol is in the monthly (or future) format.
     */
    public record Parsed(Underlying underlying, InstrumentKind kind, LocalDate expiry, long strikePaise,
        boolean monthly)
    {
    }

    private KiteSymbols()
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
     * @param kind        CALL or PUT.
     * @return the monthly option symbol.
     */
    public static String monthlyOption(final String name, final LocalDate expiry, final long strikePaise,
        final InstrumentKind kind)
    {
        return KiteSymbolFormat.monthlyOption(name, expiry, strikePaise, kind.kiteType());
    }

    /**
     * @param name        underlying name.
     * @param expiry      expiry date.
     * @param strikePaise strike in paise.
     * @param kind        CALL or PUT.
     * @return the weekly option symbol.
     */
    public static String weeklyOption(final String name, final LocalDate expiry, final long strikePaise,
        final InstrumentKind kind)
    {
        return KiteSymbolFormat.weeklyOption(name, expiry, strikePaise, kind.kiteType());
    }

    /**
     * @param strikePaise a strike.
     * @return as Kite writes it in symbols: whole rupees without decimals, otherwise the shortest decimal.
     */
    public static String strike(final long strikePaise)
    {
        return KiteSymbolFormat.strike(strikePaise);
    }

    /**
     * @param strikePaise a strike.
     * @return as the instruments dump writes it in the {@code strike} column, e.g. {@code 24450.0}.
     */
    public static String dumpStrike(final long strikePaise)
    {
        if (strikePaise % 100 == 0)
        {
            return strikePaise / 100 + ".0";
        }
        return strike(strikePaise);
    }

    /**
     * Read an index derivative's symbol (no instrument master needed): {@code NIFTY2161715700CE} is the NIFTY
     * 15700 call of 17 June 2021 (weekly); {@code BANKNIFTY26AUG57900CE} a monthly of August 2026.
     *
     * @param symbol a Kite trading symbol.
     * @return what it says, or null if it is not an index future or option symbol.
     */
    public static Parsed parse(final String symbol)
    {
        Underlying best = null;
        for (final Underlying underlying : Underlying.values())
        {
            if (underlying != Underlying.NULL_VAL && symbol.startsWith(underlying.name())
                && (null == best || underlying.name().length() > best.name().length()))
            {
                best = underlying;
            }
        }
        if (null == best)
        {
            return null;
        }
        final String rest = symbol.substring(best.name().length());
        if (rest.length() < 5 || !Character.isDigit(rest.charAt(0)) || !Character.isDigit(rest.charAt(1)))
        {
            return null;
        }
        final int year = 2000 + Integer.parseInt(rest.substring(0, 2));
        final String afterYear = rest.substring(2);
        for (int m = 0; m < 12; m++)
        {
            if (afterYear.startsWith(KiteSymbolFormat.monthAbbreviation(m + 1)))
            {
                final String tail = afterYear.substring(3);
                final LocalDate month = LocalDate.of(year, Month.of(m + 1), 1);
                if ("FUT".equals(tail))
                {
                    return new Parsed(best, InstrumentKind.FUTURE, month, 0, true);
                }
                return option(best, month, tail, true);
            }
        }
        final int monthCode = weeklyMonth(afterYear.charAt(0));
        if (monthCode < 0 || afterYear.length() < 4 || !Character.isDigit(afterYear.charAt(1))
            || !Character.isDigit(afterYear.charAt(2)))
        {
            return null;
        }
        final int day = Integer.parseInt(afterYear.substring(1, 3));
        try
        {
            return option(best, LocalDate.of(year, monthCode, day), afterYear.substring(3), false);
        }
        catch (final DateTimeException ex)
        {
            return null;
        }
    }

    private static Parsed option(final Underlying underlying, final LocalDate expiry, final String strikeAndType,
        final boolean monthly)
    {
        if (strikeAndType.length() < 3)
        {
            return null;
        }
        final String type = strikeAndType.substring(strikeAndType.length() - 2);
        final InstrumentKind kind = "CE".equals(type) ? InstrumentKind.CALL : "PE".equals(type) ? InstrumentKind.PUT :
            null;
        if (null == kind)
        {
            return null;
        }
        final long strike = rupeesToPaise(strikeAndType.substring(0, strikeAndType.length() - 2));
        return strike <= 0 ? null : new Parsed(underlying, kind, expiry, strike, monthly);
    }

    /**
     * @param text a decimal amount of rupees with at most two decimals, e.g. {@code 24450}, {@code 24450.0},
     *             {@code 0.05}.
     * @return paise, or -1 if the text is not such an amount.
     */
    public static long rupeesToPaise(final String text)
    {
        final String value = text.strip();
        if (value.isEmpty())
        {
            return -1;
        }
        final int dot = value.indexOf('.');
        final String whole = dot < 0 ? value : value.substring(0, dot);
        String fraction = dot < 0 ? "" : value.substring(dot + 1);
        while (fraction.length() > 2 && fraction.endsWith("0"))
        {
            fraction = fraction.substring(0, fraction.length() - 1);
        }
        if (whole.isEmpty() || fraction.length() > 2 || !digits(whole) || !digits(fraction))
        {
            return -1;
        }
        final long rupees = Long.parseLong(whole);
        final long paise = fraction.isEmpty() ? 0 : Long.parseLong(fraction.length() == 1 ? fraction + "0" : fraction);
        return rupees * 100 + paise;
    }

    private static boolean digits(final String text)
    {
        for (int i = 0; i < text.length(); i++)
        {
            if (!Character.isDigit(text.charAt(i)))
            {
                return false;
            }
        }
        return text.length() < 16;
    }

    private static int weeklyMonth(final char code)
    {
        for (int m = 0; m < 12; m++)
        {
            if (KiteSymbolFormat.weeklyMonthCode(m + 1) == code)
            {
                return m + 1;
            }
        }
        return -1;
    }
}
