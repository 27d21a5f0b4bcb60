package dev.vyuha.engine.readmodel;

import java.util.List;

/**
 * The nearest expiry's option chain of an underlying with its analytics (Black-Scholes on the spot; IVs in percent).
 *
 * @param underlying          the underlying.
 * @param expiry              ISO date of the expiry.
 * @param spotPaise           the index level.
 * @param atmStrikePaise      the listed strike nearest the spot.
 * @param pcrByOpenInterest   put OI / call OI, NaN if no call OI.
 * @param maxPainStrikePaise  the strike where option writers pay least at expiry, 0 if unknown.
 * @param atmImpliedVolatility ATM IV in percent, NaN if not available.
 * @param strikes             one row per listed strike, in strike order.
 */
public record OptionChainSnapshot(String underlying, String expiry, long spotPaise, long atmStrikePaise,
    double pcrByOpenInterest, long maxPainStrikePaise, double atmImpliedVolatility, List<Row> strikes)
{
    /**
     * Defensive copy.
     */
    public OptionChainSnapshot
    {
        strikes = List.copyOf(strikes);
    }

    /**
     * One strike: the call and the put side by side. Prices in paise; IV in percent (NaN if not implied).
     *
     * @param strikePaise  strike.
     * @param call         the call.
     * @param put          the put.
     */
    public record Row(long strikePaise, Side call, Side put)
    {
    }

    /**
     * One option of a strike.
     *
     * @param lastPaise         last traded price.
     * @param bidPaise          best bid.
     * @param askPaise          best ask.
     * @param openInterest      open interest.
     * @param volume            traded volume.
     * @param impliedVolatility IV in percent.
     * @param delta             delta.
     * @param gamma             gamma (per rupee).
     * @param thetaPerDay       theta in rupees per calendar day.
     * @param vegaPerVolPoint   vega in rupees per volatility point.
     */
    public record Side(long lastPaise, long bidPaise, long askPaise, long openInterest, long volume,
        double impliedVolatility, double delta, double gamma, double thetaPerDay, double vegaPerVolPoint)
    {
    }
}
