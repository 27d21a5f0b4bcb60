package dev.vyuha.engine.strategy.definition.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * An array of values of one spec, with a size range; optionally with unique elements (by their model value).
 *
 * @param <T> the element type.
 */
final class ListSpec<T> extends Spec<List<T>>
{
    private final Spec<T> element;
    private final int minItems;
    private final int maxItems;
    private final boolean unique;

    ListSpec(final Spec<T> element, final int minItems, final int maxItems, final boolean unique)
    {
        this.element = element;
        this.minItems = minItems;
        this.maxItems = maxItems;
        this.unique = unique;
    }

    @Override
    List<T> read(final JsonNode node, final DocumentPath path, final IssueCollector issues)
    {
        if (!node.isArray())
        {
            return typeError(node, path, issues);
        }
        boolean valid = true;
        if (node.size() < minItems)
        {
            issues.error(path, (minItems == 1 ? "must not be empty" : "must have at least " + minItems + " items")
                + ", was " + node.size() + " items");
            valid = false;
        }
        if (node.size() > maxItems)
        {
            issues.error(path, "must have at most " + maxItems + " items, was " + node.size() + " items");
            valid = false;
        }
        final List<T> values = new ArrayList<>(node.size());
        final List<Integer> documentIndices = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++)
        {
            final T value = element.read(node.get(i), path.index(i), issues);
            if (null == value)
            {
                valid = false;
                continue;
            }
            final int first = unique ? values.indexOf(value) : -1;
            if (first >= 0)
            {
                issues.error(path.index(i), "duplicate of " + path.index(documentIndices.get(first))
                    + ", was " + ValueText.of(node.get(i)));
                valid = false;
            }
            values.add(value);
            documentIndices.add(i);
        }
        return valid ? List.copyOf(values) : null;
    }

    @Override
    ObjectNode schema(final SchemaBuilder schema)
    {
        final ObjectNode node = schema.node().put("type", "array");
        node.set("items", element.schema(schema));
        node.put("minItems", minItems).put("maxItems", maxItems);
        if (unique)
        {
            node.put("uniqueItems", true);
        }
        return node;
    }

    @Override
    String expected()
    {
        return "an array";
    }

    @Override
    JsonKind kind()
    {
        return JsonKind.ARRAY;
    }

    Spec<T> element()
    {
        return element;
    }
}
