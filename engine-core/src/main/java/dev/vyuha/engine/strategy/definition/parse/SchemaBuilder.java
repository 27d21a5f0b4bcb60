package dev.vyuha.engine.strategy.definition.parse;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Builds a JSON Schema (draft 2020-12) from specs: named object and union specs become shared {@code $defs}.
 */
final class SchemaBuilder
{
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private final Map<String, ObjectNode> definitions = new TreeMap<>();

    ObjectNode node()
    {
        return nodes.objectNode();
    }

    ArrayNode array()
    {
        return nodes.arrayNode();
    }

    /**
     * @param name       the definition's name.
     * @param definition makes the definition, the first time the name is referenced.
     * @return a new {@code {"$ref": "#/$defs/name"}}.
     */
    ObjectNode reference(final String name, final Supplier<ObjectNode> definition)
    {
        if (!definitions.containsKey(name))
        {
            definitions.put(name, node());
            definitions.put(name, definition.get());
        }
        return node().put("$ref", "#/$defs/" + name);
    }

    /**
     * @return the definitions made so far, by name.
     */
    ObjectNode definitions()
    {
        final ObjectNode all = node();
        definitions.forEach(all::set);
        return all;
    }
}
