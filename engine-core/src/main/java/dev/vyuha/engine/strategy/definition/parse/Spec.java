package dev.vyuha.engine.strategy.definition.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The declarative specification of one kind of value in a basket document: how to read it (reporting every problem
 * as an issue) and its JSON Schema. Specs are immutable and shared.
 *
 * @param <T> the model value it reads.
 */
abstract class Spec<T>
{
    /**
     * @param node   the value in the document; never null (an absent field is handled by its object).
     * @param path   where it is.
     * @param issues where problems go.
     * @return the value, or null after at least one error was reported.
     */
    abstract T read(JsonNode node, DocumentPath path, IssueCollector issues);

    /**
     * @param schema the schema being built (for shared definitions).
     * @return a fresh schema node for this value (or a reference to a shared definition).
     */
    abstract ObjectNode schema(SchemaBuilder schema);

    /**
     * @return what is expected, for type errors: {@code an integer}.
     */
    abstract String expected();

    /**
     * @return the kind of JSON value accepted.
     */
    abstract JsonKind kind();

    /**
     * @param value a model value.
     * @return its document form for a schema {@code default}, or null if it has none worth showing.
     */
    JsonNode toJson(final T value)
    {
        return null;
    }

    final T typeError(final JsonNode node, final DocumentPath path, final IssueCollector issues)
    {
        issues.error(path, "must be " + expected() + ", was " + ValueText.of(node));
        return null;
    }
}
