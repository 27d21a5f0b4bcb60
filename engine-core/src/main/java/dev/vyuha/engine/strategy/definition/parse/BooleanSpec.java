package dev.vyuha.engine.strategy.definition.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code true} or {@code false}.
 */
final class BooleanSpec extends Spec<Boolean>
{
    static final BooleanSpec INSTANCE = new BooleanSpec();

    private BooleanSpec()
    {
    }

    @Override
    Boolean read(final JsonNode node, final DocumentPath path, final IssueCollector issues)
    {
        if (!node.isBoolean())
        {
            return typeError(node, path, issues);
        }
        return node.booleanValue();
    }

    @Override
    ObjectNode schema(final SchemaBuilder schema)
    {
        return schema.node().put("type", "boolean");
    }

    @Override
    String expected()
    {
        return "true or false";
    }

    @Override
    JsonKind kind()
    {
        return JsonKind.BOOLEAN;
    }

    @Override
    JsonNode toJson(final Boolean value)
    {
        return BooleanNode.valueOf(value);
    }
}
