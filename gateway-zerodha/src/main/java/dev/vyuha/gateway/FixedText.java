package dev.vyuha.gateway;

import java.nio.charset.StandardCharsets;

/**
 * Text for fixed-length SBE character fields: ASCII only, cut to the field's length (a broker id or message longer
 * than the schema allows is truncated, never an exception on the publishing thread).
 */
final class FixedText
{
    private FixedText()
    {
    }

    static String fit(final String text, final int length)
    {
        if (null == text || text.isEmpty())
        {
            return "";
        }
        final String ascii = StandardCharsets.US_ASCII.newEncoder().canEncode(text) ? text :
            text.replaceAll("[^\\x20-\\x7E]", "?");
        return ascii.length() <= length ? ascii : ascii.substring(0, length);
    }
}
