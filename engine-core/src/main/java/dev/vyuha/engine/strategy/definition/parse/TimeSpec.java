package dev.vyuha.engine.strategy.definition.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A wall-clock time in IST, {@code HH:mm} or {@code HH:mm:ss} (24-hour, two digits each).
 */
final class TimeSpec extends Spec<LocalTime>
{
    static final TimeSpec INSTANCE = new TimeSpec();

    private static final String PATTERN = "^([01][0-9]|2[0-3]):([0-5][0-9])(?::([0-5][0-9]))?$";
    private static final Pattern TIME = Pattern.compile(PATTERN);

    private TimeSpec()
    {
    }

    @Override
    LocalTime read(final JsonNode node, final DocumentPath path, final IssueCollector issues)
    {
        if (!node.isTextual())
        {
            return typeError(node, path, issues);
        }
        final Matcher matcher = TIME.matcher(node.textValue());
        if (!matcher.matches())
        {
            return typeError(node, path, issues);
        }
        final int seconds = null == matcher.group(3) ? 0 : Integer.parseInt(matcher.group(3));
        return LocalTime.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)), seconds);
    }

    @Override
    ObjectNode schema(final SchemaBuilder schema)
    {
        return schema.node().put("type", "string").put("pattern", PATTERN);
    }

    @Override
    String expected()
    {
        return "a time HH:mm or HH:mm:ss (IST)";
    }

    @Override
    JsonKind kind()
    {
        return JsonKind.STRING;
    }
}
