package dev.vyuha.engine.strategy.definition.parse;

import dev.vyuha.engine.strategy.definition.Basket;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of reading a basket document: the basket if it is valid, and every error and warning found.
 *
 * @param basket   present exactly when there are no errors.
 * @param errors   problems that reject the document, in document order (then cross-field checks); empty if valid.
 * @param warnings problems that do not reject it.
 */
public record BasketValidation(Optional<Basket> basket, List<Issue> errors, List<Issue> warnings)
{
    /**
     * Validates the components.
     */
    public BasketValidation
    {
        if (null == basket || null == errors || null == warnings)
        {
            throw new IllegalArgumentException("basket, errors and warnings are required");
        }
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        if (basket.isPresent() != errors.isEmpty())
        {
            throw new IllegalArgumentException("a basket is present exactly when there are no errors");
        }
    }

    /**
     * @return true if the document was accepted.
     */
    public boolean valid()
    {
        return errors.isEmpty();
    }
}
