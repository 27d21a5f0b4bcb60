package dev.vyuha.engine.strategy.runtime;

import dev.vyuha.engine.chain.OptionValuation;
import dev.vyuha.engine.indicator.MinuteBars;
import dev.vyuha.engine.market.ExpirySelector;
import dev.vyuha.engine.market.InstrumentMaster;
import dev.vyuha.engine.market.OptionChain;
import dev.vyuha.engine.market.Underlying;
import dev.vyuha.engine.money.Paise;
import dev.vyuha.engine.strategy.definition.condition.CrossoverDirection;
import dev.vyuha.engine.strategy.definition.condition.Direction;
import dev.vyuha.engine.strategy.definition.condition.MarketCondition;
import dev.vyuha.reference.calendar.IndiaTime;

/**
 * Market conditions answered from the engine's own state: the underlying's minute bars (price movement, EMA
 * crossover, RSI on completed candles), India VIX's last tick, and the nearest expiry's chain (PCR by open interest,
 * ATM IV as the mean of the ATM call's and put's implied volatilities on the spot). A condition whose data is not
 * there yet does not hold.
 */
final class LiveMarketConditions implements MarketConditions
{
    private final TradingDesk desk;
    private final MinuteBars[] bars;
    private final OptionValuation valuation;
    long vixPaise;

    LiveMarketConditions(final TradingDesk desk, final MinuteBars[] bars, final double rate)
    {
        this.desk = desk;
        this.bars = bars;
        this.valuation = new OptionValuation(rate);
    }

    @Override
    public boolean holds(final MarketCondition condition, final Underlying underlying, final long nowNs)
    {
        final double value = value(condition, underlying, nowNs);
        if (Double.isNaN(value))
        {
            return false;
        }
        if (condition instanceof MarketCondition.AtmIv iv)
        {
            return iv.bounds().contains(value);
        }
        if (condition instanceof MarketCondition.Vix vix)
        {
            return vix.bounds().contains(value);
        }
        if (condition instanceof MarketCondition.Pcr pcr)
        {
            return pcr.bounds().contains(value);
        }
        if (condition instanceof MarketCondition.PriceMovement movement)
        {
            final double threshold = movement.basisPoints() / 100.0;
            return movement.direction() == Direction.UP ? value >= threshold :
                movement.direction() == Direction.DOWN ? value <= -threshold : Math.abs(value) >= threshold;
        }
        if (condition instanceof MarketCondition.EmaCrossover crossover)
        {
            return crossover.direction() == CrossoverDirection.BULLISH ? value > 0 : value < 0;
        }
        if (condition instanceof MarketCondition.Rsi rsi)
        {
            return rsi.bounds().contains(value);
        }
        return false;
    }

    @Override
    public String observed(final MarketCondition condition, final Underlying underlying, final long nowNs)
    {
        final double value = value(condition, underlying, nowNs);
        final String shown = Double.isNaN(value) ? "not available yet" : String.valueOf(Math.round(value * 100) / 100.0);
        if (condition instanceof MarketCondition.PriceMovement movement)
        {
            return underlying + " moved " + shown + " % in " + movement.withinMinutes() + " min";
        }
        if (condition instanceof MarketCondition.EmaCrossover crossover)
        {
            return underlying + " EMA" + crossover.fastPeriod() + " - EMA" + crossover.slowPeriod() + " on "
                + crossover.candleMinutes() + "-min candles = " + shown;
        }
        if (condition instanceof MarketCondition.Rsi rsi)
        {
            return underlying + " RSI(" + rsi.period() + ") on " + rsi.candleMinutes() + "-min candles = " + shown;
        }
        return condition.type() + " " + (condition instanceof MarketCondition.Vix ? "" : underlying + " ") + shown;
    }

    /**
     * @return the observed value: ATM IV and VIX in percent, PCR as a ratio, price movement in percent, EMA fast minus
     * slow in rupees, RSI; NaN when its data is not there.
     */
    private double value(final MarketCondition condition, final Underlying underlying, final long nowNs)
    {
        final MinuteBars underlyingBars = bars[underlying.ordinal()];
        if (condition instanceof MarketCondition.AtmIv)
        {
            return atmImpliedVolatility(underlying, nowNs) * 100.0;
        }
        if (condition instanceof MarketCondition.Vix)
        {
            return vixPaise > 0 ? Paise.toDouble(vixPaise) : Double.NaN;
        }
        if (condition instanceof MarketCondition.Pcr)
        {
            return putCallRatio(underlying, nowNs);
        }
        if (condition instanceof MarketCondition.PriceMovement movement)
        {
            final long then = underlyingBars.priceMinutesAgo(nowNs, movement.withinMinutes());
            final long last = underlyingBars.lastPrice();
            return then > 0 && last > 0 ? (last - then) * 100.0 / then : Double.NaN;
        }
        if (condition instanceof MarketCondition.EmaCrossover crossover)
        {
            final double fast = underlyingBars.ema(crossover.fastPeriod(), crossover.candleMinutes(), 0);
            final double slow = underlyingBars.ema(crossover.slowPeriod(), crossover.candleMinutes(), 0);
            return (fast - slow) / 100.0;
        }
        if (condition instanceof MarketCondition.Rsi rsi)
        {
            return underlyingBars.rsi(rsi.period(), rsi.candleMinutes());
        }
        return Double.NaN;
    }

    private OptionChain nearestChain(final Underlying underlying, final long nowNs)
    {
        final InstrumentMaster master = desk.master;
        final int expiry = master.resolveExpiry(underlying, ExpirySelector.WEEKLY, (int)IndiaTime.epochDay(nowNs));
        return expiry == InstrumentMaster.NOT_FOUND ? null : master.chain(underlying, expiry);
    }

    private double atmImpliedVolatility(final Underlying underlying, final long nowNs)
    {
        final OptionChain chain = nearestChain(underlying, nowNs);
        final int index = desk.master.indexId(underlying);
        final long spot = index == InstrumentMaster.NOT_FOUND ? 0 : desk.market.lastPrice(index);
        if (null == chain || chain.strikeCount() == 0 || spot <= 0)
        {
            return Double.NaN;
        }
        final int atm = chain.nearestStrikeIndex(spot);
        double sum = 0;
        int count = 0;
        for (int side = 0; side < 2; side++)
        {
            final int id = side == 0 ? chain.callId(atm) : chain.putId(atm);
            if (id != InstrumentMaster.NOT_FOUND && desk.market.isUsable(id, nowNs, desk.config.maxQuoteAgeNs())
                && valuation.value(desk.master, desk.market, id, spot, true, nowNs))
            {
                sum += valuation.volatility();
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    private double putCallRatio(final Underlying underlying, final long nowNs)
    {
        final OptionChain chain = nearestChain(underlying, nowNs);
        if (null == chain)
        {
            return Double.NaN;
        }
        long calls = 0;
        long puts = 0;
        for (int i = 0; i < chain.strikeCount(); i++)
        {
            calls += chain.callId(i) == InstrumentMaster.NOT_FOUND ? 0 : desk.market.openInterest(chain.callId(i));
            puts += chain.putId(i) == InstrumentMaster.NOT_FOUND ? 0 : desk.market.openInterest(chain.putId(i));
        }
        return calls > 0 ? (double)puts / calls : Double.NaN;
    }
}
