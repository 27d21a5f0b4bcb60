package dev.vyuha.engine.money;

/**
 * Money and prices as {@code long} paise (1/100 of a rupee): exact decimal parsing from rupee text and formatting back.
 * The engine never holds money in floating point.
 */
public final class Paise
{
    /** Paise in a rupee. */
    public static final long PER_RUPEE = 100L;
    /** Returned by {@link #parseRupees} for text that is not an exact amount in paise. */
    public static final long INVALID = Long.MIN_VALUE;

    private Paise()
    {
    }

    /**
     * Parse a rupee amount written in decimal ({@code 23500}, {@code 23500.0}, {@code 0.05}, {@code -12.5}) into paise,
     * exactly. Trailing zeros beyond two decimals are accepted ({@code 0.050}); any other third decimal is not.
     *
     * @param text decimal rupees, no exponent, no grouping separators.
     * @return the amount in paise, or {@link #INVALID} if the text is not a decimal amount with at most two significant
     * decimals, or out of range.
     */
    public static long parseRupees(final CharSequence text)
    {
        if (null == text)
        {
            return INVALID;
        }
        final int length = text.length();
        int i = 0;
        boolean negative = false;
        if (i < length && (text.charAt(i) == '-' || text.charAt(i) == '+'))
        {
            negative = text.charAt(i) == '-';
            i++;
        }
        long rupees = 0;
        int integerDigits = 0;
        while (i < length && Character.isDigit(text.charAt(i)))
        {
            if (rupees > (Long.MAX_VALUE / PER_RUPEE - 9) / 10)
            {
                return INVALID;
            }
            rupees = rupees * 10 + (text.charAt(i) - '0');
            integerDigits++;
            i++;
        }
        long fraction = 0;
        int fractionDigits = 0;
        if (i < length && text.charAt(i) == '.')
        {
            i++;
            while (i < length && Character.isDigit(text.charAt(i)))
            {
                final int digit = text.charAt(i) - '0';
                if (fractionDigits < 2)
                {
                    fraction = fraction * 10 + digit;
                }
                else if (digit != 0)
                {
                    return INVALID;
                }
                fractionDigits++;
                i++;
            }
            if (fractionDigits == 0 && integerDigits == 0)
            {
                return INVALID;
            }
        }
        if (i != length || (integerDigits == 0 && fractionDigits == 0))
        {
            return INVALID;
        }
        if (fractionDigits == 1)
        {
            fraction *= 10;
        }
        final long paise = rupees * PER_RUPEE + fraction;
        return negative ? -paise : paise;
    }

    /**
     * @param paise an amount.
     * @return it in rupees with two decimals, e.g. {@code 1234.50} or {@code -0.05}.
     */
    public static String toRupees(final long paise)
    {
        final long abs = Math.abs(paise);
        final StringBuilder text = new StringBuilder(24);
        if (paise < 0)
        {
            text.append('-');
        }
        text.append(abs / PER_RUPEE).append('.');
        final long fraction = abs % PER_RUPEE;
        if (fraction < 10)
        {
            text.append('0');
        }
        return text.append(fraction).toString();
    }

    /**
     * @param paise an amount.
     * @return it in rupees with two decimals and thousands separators, e.g. {@code 24,650.15} or {@code -1,234.50}.
     */
    public static String toRupeesGrouped(final long paise)
    {
        final String plain = toRupees(paise);
        final int sign = paise < 0 ? 1 : 0;
        final int point = plain.indexOf('.');
        final StringBuilder text = new StringBuilder(plain.length() + 8).append(plain, 0, sign);
        for (int i = sign; i < point; i++)
        {
            if (i > sign && (point - i) % 3 == 0)
            {
                text.append(',');
            }
            text.append(plain.charAt(i));
        }
        return text.append(plain, point, plain.length()).toString();
    }

    /**
     * Round to the nearest multiple of a tick, half up (away from zero): with NSE's 5-paise option tick and a price in
     * whole paise there is no tie, 1 or 2 paise past a tick round down and 3 or 4 round up.
     *
     * @param paise     an amount.
     * @param tickPaise the tick (values below 1 are taken as 1).
     * @return the nearest multiple of the tick.
     */
    public static long roundToTick(final long paise, final long tickPaise)
    {
        final long tick = Math.max(1, tickPaise);
        if (paise < 0)
        {
            return -roundToTick(-paise, tick);
        }
        return (paise + tick / 2) / tick * tick;
    }

    /**
     * @param paise a price.
     * @return rupees as a double, for display and for option maths only.
     */
    public static double toDouble(final long paise)
    {
        return paise / (double)PER_RUPEE;
    }

    /**
     * @param rupees a price from option maths.
     * @return the nearest paise.
     */
    public static long fromDouble(final double rupees)
    {
        return Math.round(rupees * PER_RUPEE);
    }
}
