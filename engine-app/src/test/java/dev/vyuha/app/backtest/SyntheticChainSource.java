package dev.vyuha.app.backtest;

import dev.vyuha.engine.market.OptionType;
import dev.vyuha.engine.market.Underlying;
import dev.vyuha.engine.runtime.CommandFrames;
import dev.vyuha.engine.scenario.SyntheticMarket;
import dev.vyuha.reference.calendar.IndiaTime;
import dev.vyuha.sbe.DerivativeTickEncoder;
import dev.vyuha.sbe.IndexTickEncoder;
import dev.vyuha.sbe.MessageHeaderEncoder;
import dev.vyuha.sbe.TickMode;
import org.agrona.MutableDirectBuffer;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A test market: the synthetic NIFTY universe's master, then each 10 s from 09:15 to 15:30 a NIFTY random-walk spot
 * and a Black-Scholes quote of every weekly option, on the given trading days.
 */
final class SyntheticChainSource implements FrameSource
{
    private static final long STEP_NS = 10_000_000_000L;

    private final SyntheticMarket market;
    private final List<LocalDate> days;
    private final SplittableRandom random;
    private final CommandFrames commands = new CommandFrames();
    private final IndexTickEncoder indexTick = new IndexTickEncoder();
    private final DerivativeTickEncoder derivativeTick = new DerivativeTickEncoder();
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final List<SyntheticMarket.Contract> chain;
    private final long totalFrames;
    private int day = -1;
    private long nowNs;
    private long closeNs;
    private int cursor;
    private double spot = 24_000;
    private long produced;

    SyntheticChainSource(final List<LocalDate> days, final long seed)
    {
        this.market = new SyntheticMarket();
        this.days = days;
        this.random = new SplittableRandom(seed);
        this.chain = market.chain(Underlying.NIFTY, market.weekly);
        this.totalFrames = 1 + days.size() * (375L * 6 + 1) * (chain.size() + 1);
    }

    @Override
    public int next(final MutableDirectBuffer buffer)
    {
        if (day < 0)
        {
            day = 0;
            nowNs = IndiaTime.epochNanos(days.get(0), LocalTime.of(8, 45));
            produced++;
            return commands.instrumentMaster(buffer, 0, (int)days.get(0).toEpochDay(), "synthetic", market.csv());
        }
        if (cursor == 0)
        {
            if (nowNs >= closeNs)
            {
                if (closeNs != 0 && ++day >= days.size())
                {
                    return 0;
                }
                nowNs = IndiaTime.epochNanos(days.get(day), LocalTime.of(9, 15));
                closeNs = IndiaTime.epochNanos(days.get(day), LocalTime.of(15, 30));
            }
            else
            {
                nowNs += STEP_NS;
            }
            spot = Math.max(23_000, Math.min(25_000, spot + random.nextGaussian() * 6));
            cursor = 1;
            produced++;
            indexTick.wrapAndApplyHeader(buffer, 0, header).instrumentToken(256_265).mode(TickMode.FULL)
                .lastPrice(Math.round(spot * 20) * 5).openPrice(IndexTickEncoder.openPriceNullValue())
                .highPrice(IndexTickEncoder.highPriceNullValue()).lowPrice(IndexTickEncoder.lowPriceNullValue())
                .closePrice(IndexTickEncoder.closePriceNullValue()).change(IndexTickEncoder.changeNullValue())
                .exchangeTimestampNs(nowNs);
            return MessageHeaderEncoder.ENCODED_LENGTH + indexTick.encodedLength();
        }
        final SyntheticMarket.Contract contract = chain.get(cursor - 1);
        cursor = cursor == chain.size() ? 0 : cursor + 1;
        final double years = Math.max(1e-5, (IndiaTime.epochNanos(market.weekly, LocalTime.of(15, 30)) - nowNs)
            / (365.0 * IndiaTime.NANOS_PER_DAY));
        final long price = SyntheticMarket.theoreticalPaise(contract, Math.round(spot * 100), years, 0.13);
        produced++;
        derivativeTick.wrapAndApplyHeader(buffer, 0, header).instrumentToken(contract.token()).mode(TickMode.FULL)
            .lastPrice(price).lastQuantity(65).averagePrice(price).volume(100_000).totalBuyQuantity(6_500)
            .totalSellQuantity(6_500).openPrice(DerivativeTickEncoder.openPriceNullValue())
            .highPrice(DerivativeTickEncoder.highPriceNullValue()).lowPrice(DerivativeTickEncoder.lowPriceNullValue())
            .closePrice(DerivativeTickEncoder.closePriceNullValue()).lastTradeTimeNs(nowNs)
            .openInterest(contract.type() == OptionType.PE ? 900_000 : 1_000_000)
            .openInterestDayHigh(DerivativeTickEncoder.openInterestDayHighNullValue())
            .openInterestDayLow(DerivativeTickEncoder.openInterestDayLowNullValue()).exchangeTimestampNs(nowNs);
        derivativeTick.bidDepth((short)1).bidPrice(0, Math.max(5, price - 5)).bidQuantity(0, 6_500).bidOrders(0, 10)
            .askDepth((short)1).askPrice(0, price + 5).askQuantity(0, 6_500).askOrders(0, 10);
        return MessageHeaderEncoder.ENCODED_LENGTH + derivativeTick.encodedLength();
    }

    @Override
    public long timestampNs()
    {
        return nowNs;
    }

    @Override
    public double progress()
    {
        return Math.min(1.0, (double)produced / totalFrames);
    }
}
