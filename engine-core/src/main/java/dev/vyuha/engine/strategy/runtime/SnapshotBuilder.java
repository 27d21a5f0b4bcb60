package dev.vyuha.engine.strategy.runtime;

import dev.vyuha.engine.chain.ChainAnalytics;
import dev.vyuha.engine.chain.ChainSnapshot;
import dev.vyuha.engine.chain.OptionValuation;
import dev.vyuha.engine.chain.VolatilityModel;
import dev.vyuha.engine.market.ExpirySelector;
import dev.vyuha.engine.market.OptionChain;
import dev.vyuha.engine.market.StrikeBasis;
import dev.vyuha.engine.market.Underlying;
import dev.vyuha.engine.readmodel.OptionChainSnapshot;
import dev.vyuha.engine.market.InstrumentMaster;
import dev.vyuha.engine.order.OrderBook;
import dev.vyuha.engine.order.PositionBook;
import dev.vyuha.engine.readmodel.BasketSnapshot;
import dev.vyuha.engine.readmodel.EngineSnapshot;
import dev.vyuha.engine.readmodel.GreeksSnapshot;
import dev.vyuha.engine.readmodel.LegSnapshot;
import dev.vyuha.engine.readmodel.OrderSnapshot;
import dev.vyuha.engine.readmodel.StrategySnapshot;
import dev.vyuha.reference.calendar.IndiaTime;
import dev.vyuha.reference.pricing.OptionGreeks;
import dev.vyuha.wire.OrderTags;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the immutable read model of the engine's state, with each option position valued from its quote (implied
 * volatility, then Greeks on the spot) and Greeks summed per strategy, basket and in total. Runs on the
 * business-logic thread between commands; allocates (it is not on the per-tick path).
 */
final class SnapshotBuilder
{
    private final TradingEngine engine;
    private final OptionValuation valuation;
    private final ChainSnapshot chainSnapshot = new ChainSnapshot();
    private final ChainAnalytics chainAnalytics;

    SnapshotBuilder(final TradingEngine engine)
    {
        this.engine = engine;
        this.valuation = new OptionValuation(engine.desk.config.rate());
        this.chainAnalytics = new ChainAnalytics(engine.desk.config.rate(), VolatilityModel.SPOT_RATE, true);
    }

    EngineSnapshot build(final long sequence)
    {
        final TradingDesk desk = engine.desk;
        final long nowNs = engine.nowNs();
        final List<BasketSnapshot> baskets = new ArrayList<>();
        GreeksSnapshot total = GreeksSnapshot.ZERO;
        long mtm = 0;
        for (final BasketRuntime basket : engine.baskets())
        {
            final BasketSnapshot snapshot = basket(basket, nowNs);
            baskets.add(snapshot);
            total = total.plus(snapshot.greeks());
            mtm += snapshot.mtmPaise();
        }
        return new EngineSnapshot(sequence, nowNs, nowNs == Long.MIN_VALUE ? "" :
            LocalDate.ofEpochDay(IndiaTime.epochDay(nowNs)).toString(), desk.risk.isKillSwitchEngaged(),
            desk.risk.isBrokerSessionExpired(), desk.market.isFeedStale(), desk.master.count(), engine.masterSource(),
            engine.counters(), baskets, orders(), total, mtm, desk.closedTrades, engine.templates(), chains(nowNs));
    }

    /**
     * The nearest expiry's chain of every underlying whose index has a price, with its analytics.
     */
    private List<OptionChainSnapshot> chains(final long nowNs)
    {
        final TradingDesk desk = engine.desk;
        final List<OptionChainSnapshot> chains = new ArrayList<>();
        if (nowNs == Long.MIN_VALUE)
        {
            return chains;
        }
        for (final Underlying underlying : Underlying.values())
        {
            final int index = desk.master.indexId(underlying);
            final long spot = index == InstrumentMaster.NOT_FOUND ? 0 : desk.market.lastPrice(index);
            final int expiry = desk.master.resolveExpiry(underlying, ExpirySelector.WEEKLY,
                (int)IndiaTime.epochDay(nowNs));
            final OptionChain chain = expiry == InstrumentMaster.NOT_FOUND ? null : desk.master.chain(underlying, expiry);
            if (spot <= 0 || null == chain)
            {
                continue;
            }
            chainSnapshot.reset(underlying, expiry, nowNs, spot, 0);
            for (int i = 0; i < chain.strikeCount(); i++)
            {
                final int row = chainSnapshot.addStrike(chain.strike(i));
                final int call = chain.callId(i);
                final int put = chain.putId(i);
                if (call != InstrumentMaster.NOT_FOUND)
                {
                    chainSnapshot.call(row, desk.market.lastPrice(call), desk.market.bidPrice(call),
                        desk.market.askPrice(call), desk.market.openInterest(call), desk.market.volume(call));
                }
                if (put != InstrumentMaster.NOT_FOUND)
                {
                    chainSnapshot.put(row, desk.market.lastPrice(put), desk.market.bidPrice(put),
                        desk.market.askPrice(put), desk.market.openInterest(put), desk.market.volume(put));
                }
            }
            chainAnalytics.compute(chainSnapshot, StrikeBasis.SPOT);
            final List<OptionChainSnapshot.Row> rows = new ArrayList<>(chainSnapshot.strikeCount());
            for (int i = 0; i < chainSnapshot.strikeCount(); i++)
            {
                rows.add(new OptionChainSnapshot.Row(chainSnapshot.strike(i),
                    new OptionChainSnapshot.Side(chainSnapshot.callLast(i), chainSnapshot.callBid(i),
                        chainSnapshot.callAsk(i), chainSnapshot.callOpenInterest(i), chainSnapshot.callVolume(i),
                        chainAnalytics.callVolatility(i) * 100.0, chainAnalytics.callDelta(i),
                        chainAnalytics.callGamma(i), chainAnalytics.callTheta(i) / 365.0,
                        chainAnalytics.callVega(i) / 100.0),
                    new OptionChainSnapshot.Side(chainSnapshot.putLast(i), chainSnapshot.putBid(i),
                        chainSnapshot.putAsk(i), chainSnapshot.putOpenInterest(i), chainSnapshot.putVolume(i),
                        chainAnalytics.putVolatility(i) * 100.0, chainAnalytics.putDelta(i),
                        chainAnalytics.putGamma(i), chainAnalytics.putTheta(i) / 365.0,
                        chainAnalytics.putVega(i) / 100.0)));
            }
            chains.add(new OptionChainSnapshot(underlying.name(), LocalDate.ofEpochDay(expiry).toString(), spot,
                chainAnalytics.atmIndex() < 0 ? 0 : chainSnapshot.strike(chainAnalytics.atmIndex()),
                chainAnalytics.pcrByOpenInterest(),
                chainAnalytics.maxPainIndex() < 0 ? 0 : chainSnapshot.strike(chainAnalytics.maxPainIndex()),
                chainAnalytics.atmImpliedVolatility() * 100.0, rows));
        }
        return chains;
    }

    private BasketSnapshot basket(final BasketRuntime basket, final long nowNs)
    {
        final List<StrategySnapshot> strategies = new ArrayList<>();
        GreeksSnapshot greeks = GreeksSnapshot.ZERO;
        for (final StrategyRuntime strategy : basket.strategies)
        {
            final StrategySnapshot snapshot = strategy(strategy, nowNs);
            strategies.add(snapshot);
            greeks = greeks.plus(snapshot.greeks());
        }
        return new BasketSnapshot(basket.number, basket.id, basket.definition.name(), basket.version,
            basket.status.name(), basket.definition.executionMode().name(), basket.definition.initialCapitalPaise(),
            null == basket.haltReason ? "" : basket.haltReason, basket.mtm, basket.peakMtm, basket.openLots(),
            strategies, greeks);
    }

    private StrategySnapshot strategy(final StrategyRuntime strategy, final long nowNs)
    {
        final List<LegSnapshot> legs = new ArrayList<>();
        GreeksSnapshot greeks = GreeksSnapshot.ZERO;
        for (final LegRuntime leg : strategy.legs)
        {
            final LegSnapshot snapshot = leg(strategy, leg, nowNs);
            legs.add(snapshot);
            greeks = greeks.plus(snapshot.greeks());
        }
        final int number = strategy.basket.definition.strategies().indexOf(strategy.definition) + 1;
        return new StrategySnapshot(number, strategy.definition.id(), strategy.definition.name(), strategy.account,
            strategy.definition.underlying().name(), strategy.state.name(), strategy.paused, strategy.mtm(),
            strategy.mtmPeak, strategy.lastReason, legs, greeks);
    }

    private LegSnapshot leg(final StrategyRuntime strategy, final LegRuntime leg, final long nowNs)
    {
        final TradingDesk desk = engine.desk;
        final PositionBook positions = desk.positions;
        final int slot = leg.positionSlot;
        final boolean selected = leg.instrumentId != InstrumentMaster.NOT_FOUND;
        final long net = slot >= 0 ? positions.netQuantity(slot) : 0;
        GreeksSnapshot greeks = GreeksSnapshot.ZERO;
        if (net != 0)
        {
            greeks = greeks(strategy, leg.instrumentId, net, nowNs);
        }
        return new LegSnapshot(leg.definition.id(), leg.state.name(), selected ? desk.master.tradingSymbol(leg.instrumentId) :
            "", leg.side.name(), leg.definition.hedge(), leg.lots, net, slot >= 0 ? Math.abs(positions.averagePrice(slot)) : 0,
            selected ? desk.market.lastPrice(leg.instrumentId) : 0,
            leg.realisedEarlierCycles + (slot >= 0 ? positions.realised(slot) : 0),
            slot >= 0 ? positions.unrealised(slot) : 0, slot >= 0 ? positions.bestPnl(slot) : 0,
            slot >= 0 ? positions.worstPnl(slot) : 0, leg.stopLevel, leg.targetLevel, greeks);
    }

    private GreeksSnapshot greeks(final StrategyRuntime strategy, final int instrumentId, final long net,
        final long nowNs)
    {
        final TradingDesk desk = engine.desk;
        final int index = strategy.indexId;
        final long spot = index == InstrumentMaster.NOT_FOUND ? 0 : desk.market.lastPrice(index);
        if (!valuation.value(desk.master, desk.market, instrumentId, spot, true, nowNs))
        {
            return new GreeksSnapshot(false, 0, 0, 0, 0, 0);
        }
        final OptionGreeks unit = valuation.greeks();
        return new GreeksSnapshot(true, valuation.volatility() * 100.0, unit.delta() * net, unit.gamma() * net,
            unit.thetaPerDay() * net, unit.vegaPerVolPoint() * net);
    }

    private List<OrderSnapshot> orders()
    {
        final TradingDesk desk = engine.desk;
        final OrderBook orders = desk.orders;
        final List<OrderSnapshot> snapshots = new ArrayList<>(orders.count());
        for (int i = 0; i < orders.count(); i++)
        {
            final LegRuntime leg = desk.legsByHandle.get(orders.owner(i));
            snapshots.add(new OrderSnapshot(orders.clientOrderId(i), OrderTags.intentTag(orders.clientOrderId(i)),
                leg.strategy.scope(leg).toString(), desk.master.tradingSymbol(orders.instrumentId(i)),
                orders.side(i).name(), orders.quantity(i), orders.filledQuantity(i), orders.averageFillPrice(i),
                orders.limitPrice(i), orders.state(i).name(), orders.createdNs(i), orders.updatedNs(i)));
        }
        return snapshots;
    }
}
