package dev.vyuha.engine.strategy.definition.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.regex.Pattern;

/**
 * A string with a length range and an optional pattern (written so that Java and ECMA-262 regular expressions, as
 * JSON Schema uses, read it alike).
 */
final class StringSpec extends Spec<String>
{
    private final int minLength;
    private final int maxLength;
    private final Pattern pattern;
    private final String patternText;
    private final String patternMeaning;

    StringSpec(final int minLength, final int maxLength, final String patternText, final String patternMeaning)
    {
        this.minLength = minLength;
        this.maxLength = maxLength;
        this.patternText = patternText;
        this.pattern = null == patternText ? null : Pattern.compile(patternText);
        this.patternMeaning = patternMeaning;
    }

    @Override
    String read(final JsonNode node, final DocumentPath path, final IssueCollector issues)
    {
        if (!node.isTextual())
        {
            return typeError(node, path, issues);
        }
        final String text = node.textValue();
        final int length = text.codePointCount(0, text.length());
        if (length < minLength)
        {
            issues.error(path, minLength == 1 ? "must not be empty" :
                "must have at least " + minLength + " characters, was " + ValueText.quote(text));
            return null;
        }
        if (length > maxLength)
        {
            issues.error(path, "must have at most " + maxLength + " characters, was " + ValueText.quote(text));
            return null;
        }
        if (null != pattern && !pattern.matcher(text).matches())
        {
            issues.error(path, "must be " + patternMeaning + ", was " + ValueText.quote(text));
            return null;
        }
        return text;
    }

    @Override
    ObjectNode schema(final SchemaBuilder schema)
    {
        final ObjectNode node = schema.node().put("type", "string").put("minLength", minLength)
            .put("maxLength", maxLength);
        if (null != patternText)
        {
            node.put("pattern", patternText);
        }
        return node;
    }

    @Override
    String expected()
    {
        return "a string";
    }

    @Override
    JsonKind kind()
    {
        return JsonKind.STRING;
    }
}
