package dev.vyuha.reference.symbol;

import java.time.LocalDate;

/**
 * How Kite (NSE/BSE) writes index derivative trading symbols: futures {@code NIFTY26AUGFUT}, monthly options
 * {@code NIFTY26AUG24700CE}, weekly options {@code NIFTY2681824700CE} (year, a one-character month code 1-9/O/N/D,
 * the day). The one owner of the format: the engine's and the feed's symbol helpers write through it.
 */
public final class KiteSymbolFormat
{
    private static final String[] MONTHS =
        {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    private static final char[] WEEKLY_MONTH_CODES = {'1', '2', '3', '4', '5', '6', '7', '8', '9', 'O', 'N', 'D'};

    private KiteSymbolFormat()
    {
    }

    /**
     * @param month 1 to 12.
     * @return its abbreviation in monthly and future symbols, e.g. AUG.
     */
    public static String monthAbbreviation(final int month)
    {
        return MONTHS[month - 1];
    }

    /**
     * @param month 1 to 12.
     * @return its code in weekly symbols: 1 to 9, then O, N, D.
     */
    public static char weeklyMonthCode(final int month)
    {
        return WEEKLY_MONTH_CODES[month - 1];
    }

    /**
     * @param name   underlying name, e.g. NIFTY.
     * @param expiry expiry date.
     * @return the future's symbol.
     */
    public static String future(final String name, final LocalDate expiry)
    {
        return name + year(expiry) + MONTHS[expiry.getMonthValue() - 1] + "FUT";
    }

    /**
     * @param name        underlying name.
     * @param expiry      expiry date.
     * @param strikePaise strike in paise.
     * @param type        CE or PE.
     * @return the monthly option symbol.
     */
    public static String monthlyOption(final String name, final LocalDate expiry, final long strikePaise,
        final String type)
    {
        return name + year(expiry) + MONTHS[expiry.getMonthValue() - 1] + strike(strikePaise) + type;
    }

    /**
     * @param name        underlying name.
     * @param expiry      expiry date.
     * @param strikePaise strike in paise.
     * @param type        CE or PE.
     * @return the weekly option symbol.
     */
    public static String weeklyOption(final String name, final LocalDate expiry, final long strikePaise,
        final String type)
    {
        final int day = expiry.getDayOfMonth();
        return name + year(expiry) + WEEKLY_MONTH_CODES[expiry.getMonthValue() - 1] + (day < 10 ? "0" : "") + day
            + strike(strikePaise) + type;
    }

    /**
     * @param strikePaise a strike.
     * @return as Kite writes it in symbols: whole rupees without decimals, otherwise the shortest decimal (57.5).
     */
    public static String strike(final long strikePaise)
    {
        if (strikePaise % 100 == 0)
        {
            return Long.toString(strikePaise / 100);
        }
        if (strikePaise % 10 == 0)
        {
            return strikePaise / 100 + "." + (strikePaise % 100) / 10;
        }
        final long fraction = strikePaise % 100;
        return strikePaise / 100 + "." + (fraction < 10 ? "0" : "") + fraction;
    }

    /**
     * @param expiry a date.
     * @return its two-digit year, as symbols carry it.
     */
    public static String year(final LocalDate expiry)
    {
        final int yy = expiry.getYear() % 100;
        return (yy < 10 ? "0" : "") + yy;
    }
}
