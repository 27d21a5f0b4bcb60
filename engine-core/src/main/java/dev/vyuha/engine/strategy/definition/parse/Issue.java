package dev.vyuha.engine.strategy.definition.parse;

/**
 * One problem found in a basket document.
 *
 * @param severity error or warning.
 * @param path     where: {@code strategies[0].legs[1].stop_loss.value}; {@code $} for the document as a whole.
 * @param message  what, with the offending value: {@code must be > 0, was -5}.
 */
public record Issue(Severity severity, String path, String message)
{
    /**
     * Validates the components.
     */
    public Issue
    {
        if (null == severity || null == path || null == message)
        {
            throw new IllegalArgumentException("severity, path and message are required");
        }
    }

    /**
     * @return {@code path: message}.
     */
    @Override
    public String toString()
    {
        return path + ": " + message;
    }
}
