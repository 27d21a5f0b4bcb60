package dev.vyuha.engine.chain;

import dev.vyuha.engine.market.InstrumentKind;
import dev.vyuha.engine.market.InstrumentMaster;
import dev.vyuha.engine.market.MarketState;
import dev.vyuha.engine.money.Paise;
import dev.vyuha.reference.calendar.IndiaTime;
import dev.vyuha.reference.pricing.BlackScholesMerton;
import dev.vyuha.reference.pricing.ImpliedVolatility;
import dev.vyuha.reference.pricing.ImpliedVolatilityStatus;
import dev.vyuha.reference.pricing.OptionGreeks;
import dev.vyuha.reference.pricing.PricingStatus;

/**
 * Values one listed option from its quote: implied volatility from its mid (or last price when one-sided), then price
 * and Greeks at that volatility. On the spot the model is Black-Scholes with the rate and no dividend yield; on the
 * future it is the same formula with zero carry (the future is the forward). Time runs in calendar years to the
 * 15:30 IST close of the expiry day. Used for delta-based strike selection, ATM IV filters and position Greeks.
 *
 * <p>Reusable and allocation-free; not thread-safe (one per thread).
 */
public final class OptionValuation
{
    private static final double NANOS_PER_YEAR = 365.0 * IndiaTime.NANOS_PER_DAY;

    private final double rate;
    private final ImpliedVolatility solver = new ImpliedVolatility();
    private final OptionGreeks greeks = new OptionGreeks();
    private double volatility = Double.NaN;

    /**
     * @param rate continuously compounded rate.
     */
    public OptionValuation(final double rate)
    {
        this.rate = rate;
    }

    /**
     * Value an option.
     *
     * @param master     instruments.
     * @param market     quotes.
     * @param optionId   a CE or PE.
     * @param basisPaise the spot or future price, paise.
     * @param basisSpot  true if the basis is the spot index, false if a future.
     * @param nowNs      valuation time.
     * @return true if the volatility and Greeks were found ({@link #volatility()}, {@link #greeks()}).
     */
    public boolean value(final InstrumentMaster master, final MarketState market, final int optionId,
        final long basisPaise, final boolean basisSpot, final long nowNs)
    {
        volatility = Double.NaN;
        final InstrumentKind kind = master.kind(optionId);
        if (kind != InstrumentKind.CALL && kind != InstrumentKind.PUT || basisPaise <= 0)
        {
            return false;
        }
        final long quote = market.midPrice(optionId) > 0 ? market.midPrice(optionId) : market.lastPrice(optionId);
        final long expiryNs = IndiaTime.epochNanos(master.expiryEpochDay(optionId),
            ChainAnalytics.EXPIRY_TIME.toNanoOfDay());
        final double years = (expiryNs - nowNs) / NANOS_PER_YEAR;
        if (quote <= 0 || !(years > 0.0))
        {
            return false;
        }
        final double price = Paise.toDouble(quote);
        final double basis = Paise.toDouble(basisPaise);
        final double strike = Paise.toDouble(master.strikePaise(optionId));
        final boolean call = kind == InstrumentKind.CALL;
        final double dividendYield = basisSpot ? 0.0 : rate;
        if (solver.fromBlackScholes(price, basis, strike, years, rate, dividendYield, call) != ImpliedVolatilityStatus.OK
            || BlackScholesMerton.greeks(basis, strike, years, solver.volatility(), rate, dividendYield, call, greeks)
            != PricingStatus.OK)
        {
            return false;
        }
        volatility = solver.volatility();
        return true;
    }

    /** @return the implied volatility of the last successful valuation (a fraction), NaN if it failed. */
    public double volatility()
    {
        return volatility;
    }

    /** @return price and Greeks of the last successful valuation, per unit. */
    public OptionGreeks greeks()
    {
        return greeks;
    }
}
