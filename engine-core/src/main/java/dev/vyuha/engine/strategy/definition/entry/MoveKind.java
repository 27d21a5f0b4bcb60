package dev.vyuha.engine.strategy.definition.entry;

/**
 * The kind of a {@link Move}: which way, and whether its value is in points or percent.
 */
public enum MoveKind
{
    /** Up by a number of points (premium points or index points). */
    POINTS_UP,
    /** Down by a number of points. */
    POINTS_DOWN,
    /** Up by a percentage of the reference. */
    PERCENT_UP,
    /** Down by a percentage of the reference. */
    PERCENT_DOWN;

    /**
     * @return true if the move's value is in basis points, false if in hundredths of a point.
     */
    public boolean isPercent()
    {
        return this == PERCENT_UP || this == PERCENT_DOWN;
    }

    /**
     * @return true for an upward move.
     */
    public boolean isUp()
    {
        return this == POINTS_UP || this == PERCENT_UP;
    }
}
