package dev.vyuha.engine.strategy.definition.parse;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.UncheckedIOException;

/**
 * A small valid basket (no warnings) that tests edit by JSON pointer before reading it.
 */
final class BaseDocument
{
    static final String REMOVE = "<remove>";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String TEXT = """
        {
          "name": "Test basket",
          "broker_account": "ZERODHA-AB1234",
          "initial_capital": 500000,
          "deployable_percentage": 80,
          "execution_mode": "PAPER",
          "max_daily_loss": 15000,
          "strategies": [
            {
              "name": "Straddle",
              "underlying": "NIFTY",
              "schedule": { "entry_time": "09:30", "exit_time": "15:15" },
              "legs": [
                { "option_type": "CE", "side": "SELL", "lots": 1, "expiry": "WEEKLY", "strike": { "method": "ATM" },
                  "stop_loss": { "type": "PERCENT", "value": 30 } },
                { "option_type": "PE", "side": "SELL", "lots": 1, "expiry": "WEEKLY", "strike": { "method": "ATM" },
                  "stop_loss": { "type": "PERCENT", "value": 30 } }
              ]
            }
          ]
        }
        """;

    private final ObjectNode root;

    private BaseDocument()
    {
        this.root = (ObjectNode)parse(TEXT);
    }

    static BaseDocument create()
    {
        return new BaseDocument();
    }

    /**
     * @param pointer a JSON pointer to a field or array element whose parent exists.
     * @param literal a JSON literal to put there, or {@link #REMOVE}.
     * @return this.
     */
    BaseDocument set(final String pointer, final String literal)
    {
        final JsonPointer path = JsonPointer.compile(pointer);
        final JsonNode parent = root.at(path.head());
        final String last = path.last().getMatchingProperty();
        if (parent.isArray())
        {
            final int index = path.last().getMatchingIndex();
            if (REMOVE.equals(literal))
            {
                ((ArrayNode)parent).remove(index);
            }
            else if (index == parent.size())
            {
                ((ArrayNode)parent).add(parse(literal));
            }
            else
            {
                ((ArrayNode)parent).set(index, parse(literal));
            }
        }
        else if (parent.isObject())
        {
            if (REMOVE.equals(literal))
            {
                ((ObjectNode)parent).remove(last);
            }
            else
            {
                ((ObjectNode)parent).set(last, parse(literal));
            }
        }
        else
        {
            throw new IllegalArgumentException("no parent for " + pointer);
        }
        return this;
    }

    ObjectNode tree()
    {
        return root;
    }

    String json()
    {
        try
        {
            return MAPPER.writeValueAsString(root);
        }
        catch (final JsonProcessingException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    BasketValidation read()
    {
        return BasketReader.read(json(), DocumentFormat.JSON);
    }

    static JsonNode parse(final String literal)
    {
        try
        {
            return MAPPER.readTree(literal);
        }
        catch (final JsonProcessingException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
