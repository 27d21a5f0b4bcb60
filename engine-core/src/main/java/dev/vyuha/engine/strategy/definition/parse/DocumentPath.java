package dev.vyuha.engine.strategy.definition.parse;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import java.util.regex.Pattern;

/**
 * Where a value sits in a document, rendered as {@code strategies[0].legs[1].stop_loss.value}; the document itself
 * is {@code $}. Immutable; each step allocates one small object (documents are small and read once).
 */
final class DocumentPath
{
    static final DocumentPath ROOT = new DocumentPath(null, null, -1);

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
    private static final int MAX_NAME_CHARS = 40;

    private final DocumentPath parent;
    private final String name;
    private final int index;

    private DocumentPath(final DocumentPath parent, final String name, final int index)
    {
        this.parent = parent;
        this.name = name;
        this.index = index;
    }

    DocumentPath field(final String fieldName)
    {
        return new DocumentPath(this, fieldName, -1);
    }

    DocumentPath index(final int elementIndex)
    {
        return new DocumentPath(this, null, elementIndex);
    }

    /**
     * @return the index if this path ends in a list element, else -1.
     */
    int lastIndex()
    {
        return null == name ? index : -1;
    }

    @Override
    public String toString()
    {
        if (null == parent)
        {
            return "$";
        }
        final StringBuilder text = new StringBuilder();
        appendTo(text);
        return text.toString();
    }

    @Override
    public boolean equals(final Object other)
    {
        return other instanceof DocumentPath && toString().equals(other.toString());
    }

    @Override
    public int hashCode()
    {
        return toString().hashCode();
    }

    private void appendTo(final StringBuilder text)
    {
        if (null == parent)
        {
            return;
        }
        parent.appendTo(text);
        if (null == name)
        {
            text.append('[').append(index).append(']');
        }
        else if (PLAIN_NAME.matcher(name).matches())
        {
            if (text.length() > 0)
            {
                text.append('.');
            }
            text.append(name);
        }
        else
        {
            final String shown = name.length() > MAX_NAME_CHARS ? name.substring(0, MAX_NAME_CHARS) + "..." : name;
            text.append("[\"").append(JsonStringEncoder.getInstance().quoteAsString(shown)).append("\"]");
        }
    }
}
