package dev.vyuha.engine.readmodel;

/**
 * Greeks of a position or a sum of positions, weighted by signed quantity (a short call has negative delta).
 *
 * @param valued            true if every option position in the sum could be valued (quote, basis, time left).
 * @param impliedVolatility implied volatility of a single position in percent; 0 for sums.
 * @param delta             rupees of P&amp;L per rupee move of the underlying.
 * @param gamma             change of delta per rupee move of the underlying.
 * @param thetaPerDay       rupees of P&amp;L per calendar day.
 * @param vegaPerVolPoint   rupees of P&amp;L per volatility point.
 */
public record GreeksSnapshot(boolean valued, double impliedVolatility, double delta, double gamma, double thetaPerDay,
    double vegaPerVolPoint)
{
    /** No position. */
    public static final GreeksSnapshot ZERO = new GreeksSnapshot(true, 0, 0, 0, 0, 0);

    /**
     * @param other another sum.
     * @return the sum of both (implied volatility dropped).
     */
    public GreeksSnapshot plus(final GreeksSnapshot other)
    {
        return new GreeksSnapshot(valued && other.valued, 0, delta + other.delta, gamma + other.gamma,
            thetaPerDay + other.thetaPerDay, vegaPerVolPoint + other.vegaPerVolPoint);
    }
}
