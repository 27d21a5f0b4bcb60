package dev.vyuha.engine.strategy.definition.parse;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.Locale;

/**
 * How values appear in messages: strings quoted (and shortened), numbers as written, containers by kind.
 */
final class ValueText
{
    private static final int MAX_STRING_CHARS = 40;
    private static final int MAX_PLAIN_SCALE = 30;

    private ValueText()
    {
    }

    static String of(final JsonNode node)
    {
        if (node.isTextual())
        {
            return quote(node.textValue());
        }
        if (node.isIntegralNumber())
        {
            return node.bigIntegerValue().toString();
        }
        if (node.isNumber())
        {
            return number(node.decimalValue());
        }
        if (node.isBoolean())
        {
            return node.asText();
        }
        if (node.isNull())
        {
            return "null";
        }
        if (node.isObject())
        {
            return "an object";
        }
        if (node.isArray())
        {
            return "an array";
        }
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    /**
     * @return the number as written for ordinary values; in scientific notation when its exponent is extreme (a
     *         plain rendering of 1e999999999 would have a billion digits).
     */
    static String number(final BigDecimal value)
    {
        return Math.abs(value.scale()) > MAX_PLAIN_SCALE ? value.toString() : value.toPlainString();
    }

    static String quote(final String text)
    {
        final String shown = text.length() > MAX_STRING_CHARS
            ? text.substring(0, MAX_STRING_CHARS) + "... (" + text.length() + " characters)" : text;
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(shown)) + "\"";
    }

    /**
     * @param hundredths an amount in paise, hundredths of a point or basis points.
     * @return the amount in its document unit (INR, points, percent), e.g. 6000 or 12.5.
     */
    static String hundredths(final long hundredths)
    {
        final BigDecimal value = BigDecimal.valueOf(hundredths, 2).stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0).toPlainString() : value.toPlainString();
    }

    /**
     * @param ratio a dimensionless number.
     * @return it without a trailing ".0": 12, 12.5, 0.25.
     */
    static String ratio(final double ratio)
    {
        final BigDecimal value = BigDecimal.valueOf(ratio).stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0).toPlainString() : value.toPlainString();
    }

    static String time(final LocalTime time)
    {
        return time.getSecond() == 0 ? String.format(Locale.ROOT, "%02d:%02d", time.getHour(), time.getMinute())
            : String.format(Locale.ROOT, "%02d:%02d:%02d", time.getHour(), time.getMinute(), time.getSecond());
    }
}
