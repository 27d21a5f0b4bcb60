package dev.vyuha.engine.strategy.definition.parse;

/**
 * The scalar specs fields share: ids, names, tags, money, percentages, points.
 */
final class Scalars
{
    private static final String ID_PATTERN = "^[A-Za-z0-9][A-Za-z0-9_.:-]*$";

    /** An identifier: strategy, leg, basket, account, template. */
    static final StringSpec ID = new StringSpec(1, 64, ID_PATTERN,
        "an id of letters, digits and _ . : - starting with a letter or digit");
    /** A display name: one line, no leading or trailing spaces. */
    static final StringSpec NAME = new StringSpec(1, 100,
        "^[^\\s\\u0000-\\u001f](?:[^\\u0000-\\u001f]*[^\\s\\u0000-\\u001f])?$",
        "one line without leading or trailing spaces");
    /** Free text. */
    static final StringSpec TEXT = new StringSpec(1, 2_000, null, null);
    /** A label. */
    static final StringSpec TAG = new StringSpec(1, 32, ID_PATTERN,
        "a tag of letters, digits and _ . : - starting with a letter or digit");
    /** Labels. */
    static final ListSpec<String> TAGS = new ListSpec<>(TAG, 0, 20, true);

    /** A positive rupee amount, up to 10,000 crore. */
    static final DecimalSpec INR = new DecimalSpec(NumericBounds.aboveUpTo("0", "100000000000"), "INR");
    /** A non-negative rupee amount. */
    static final DecimalSpec INR_OR_ZERO = new DecimalSpec(NumericBounds.closed("0", "100000000000"), "INR");
    /** A positive option premium, in premium points (rupees per unit). */
    static final DecimalSpec PREMIUM = new DecimalSpec(NumericBounds.aboveUpTo("0", "1000000"), "premium points");
    /** A non-negative option premium amount. */
    static final DecimalSpec PREMIUM_OR_ZERO = new DecimalSpec(NumericBounds.closed("0", "1000000"),
        "premium points");
    /** A positive distance or level in index points. */
    static final DecimalSpec INDEX_POINTS = new DecimalSpec(NumericBounds.aboveUpTo("0", "1000000"), "index points");
    /** A time of day. */
    static final TimeSpec TIME = TimeSpec.INSTANCE;

    private Scalars()
    {
    }

    /**
     * @return a percentage in (min, max] (exclusiveMin) or [min, max].
     */
    static DecimalSpec percent(final String min, final boolean exclusiveMin, final String max)
    {
        return new DecimalSpec(exclusiveMin ? NumericBounds.aboveUpTo(min, max) : NumericBounds.closed(min, max),
            "percent");
    }
}
