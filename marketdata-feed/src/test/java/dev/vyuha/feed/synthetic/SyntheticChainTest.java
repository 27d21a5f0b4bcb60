package dev.vyuha.feed.synthetic;

import dev.vyuha.feed.instrument.InstrumentUniverse;
import dev.vyuha.feed.instrument.OptionChain;
import dev.vyuha.reference.calendar.IndiaTime;
import dev.vyuha.sbe.Underlying;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.LocalTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The synthetic option chain is free of arbitrage: put-call parity, price bounds, monotone and convex in the strike,
 * total variance growing with maturity; and its quotes (what the feed publishes) bracket the fair value, so no
 * combination of quoted prices (vertical, butterfly, conversion) is a free lunch. Checked on every listed strike of
 * every expiry at several moments, including the last minutes of an expiry day.
 */
class SyntheticChainTest
{
    private static final double EPSILON = 1e-9;

    @Test
    void shouldSatisfyParityAndNoArbitrageAtTheOpenAndAfterAnHour()
    {
        final SyntheticMarket market = new SyntheticMarket(new SyntheticSettings().tradingDate(LocalDate.of(2026, 8,
            17)));
        checkChains(market);
        runUntil(market, LocalTime.of(10, 15));
        checkChains(market);
    }

    @Test
    void shouldSatisfyParityAndNoArbitrageInTheLastMinutesOfAnExpiryDay()
    {
        final SyntheticMarket market = new SyntheticMarket(new SyntheticSettings().tradingDate(LocalDate.of(2026, 8,
            18)).ticking(1, 2, 1).tickRates(10_000, 0.05, 0.05, 0.01, 600_000).seed(7));
        runUntil(market, LocalTime.of(15, 25));
        checkChains(market);
    }

    @Test
    void shouldHaveAPutSkewAndAnUpwardTermStructureAtRealisticLevels()
    {
        final SyntheticMarket market = new SyntheticMarket(new SyntheticSettings().tradingDate(LocalDate.of(2026, 8,
            17)));
        final UnderlyingModel nifty = UnderlyingModel.nifty();
        final VolatilitySurface surface = new VolatilitySurface(nifty);
        final double week = 1.25 / 365;
        assertEquals(nifty.atmVolShort(), surface.atmVol(0), 1e-12);
        assertTrue(surface.atmVol(week) < surface.atmVol(0.1) && surface.atmVol(0.1) < nifty.atmVolLong());
        final double atm = surface.impliedVol(0, week, 1.0);
        final double put3 = surface.impliedVol(Math.log(0.97), week, 1.0);
        final double call3 = surface.impliedVol(Math.log(1.03), week, 1.0);
        assertTrue(put3 > atm + 0.03 && put3 > call3, () -> "put wing " + put3 + ", ATM " + atm + ", call " + call3);
        assertTrue(atm > 0.11 && atm < 0.14, () -> "ATM " + atm);
        for (double k = -0.3; k <= 0.3; k += 0.005)
        {
            double previous = 0;
            for (double years = 1.0 / 365 / 24; years < 2; years *= 1.3)
            {
                final double w = surface.totalVariance(k, years, 1.0);
                assertTrue(w > previous, "calendar arbitrage at k " + k + ", T " + years);
                previous = w;
            }
        }
        assertTrue(market.atmImpliedVol(Underlying.BANKNIFTY, week) > market.atmImpliedVol(Underlying.NIFTY, week));
    }

    @Test
    void shouldRefuseASurfaceWithButterflyArbitrage()
    {
        final UnderlyingModel good = UnderlyingModel.nifty();
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new UnderlyingModel(
            good.underlying(), good.previousClose(), good.overnightGapVol(), good.drift(), good.volatility(),
            good.jumpsPerDay(), good.jumpMean(), good.jumpVolatility(), good.dividendYield(), good.atmVolShort(),
            good.atmVolLong(), good.termDecayDays(), -0.5, 1.7, good.spotVolBeta(), good.spreadBps(),
            good.nearOpenInterestLots()));
    }

    static void runUntil(final SyntheticMarket market, final LocalTime time)
    {
        final long until = IndiaTime.epochNanos(market.settings().tradingDate(), time);
        final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(2048));
        while (market.frameTimeNs() < until && market.next(buffer, 0) > 0)
        {
            assertTrue(market.frameTimeNs() <= market.closeNs());
        }
    }

    private static void checkChains(final SyntheticMarket market)
    {
        final InstrumentUniverse universe = market.universe();
        int checked = 0;
        for (final Underlying underlying : market.settings().underlyings())
        {
            for (final OptionChain chain : universe.chains(underlying))
            {
                checked += checkChain(market, chain);
            }
        }
        assertTrue(checked > 1_000, "strikes checked: " + checked);
    }

    private static int checkChain(final SyntheticMarket market, final OptionChain chain)
    {
        final int n = chain.size();
        final double[] calls = new double[n];
        final double[] puts = new double[n];
        final long[][] callQuotes = new long[n][];
        final long[][] putQuotes = new long[n][];
        final double[] strikes = new double[n];
        double forward = 0;
        double years = 0;
        final double rate = market.riskFreeRate();
        for (int i = 0; i < n; i++)
        {
            final double[] call = market.fairValue(chain.callId(i));
            final double[] put = market.fairValue(chain.putId(i));
            calls[i] = call[0];
            puts[i] = put[0];
            forward = call[2];
            years = call[3];
            strikes[i] = chain.strike(i) / 100.0;
            callQuotes[i] = market.quoteNow(chain.callId(i));
            putQuotes[i] = market.quoteNow(chain.putId(i));
            assertEquals(forward, put[2], 1e-9 * forward);
        }
        final double discount = Math.exp(-rate * years);
        final String where = chain + " at T=" + years * 365 + " days, F=" + forward;
        for (int i = 0; i < n; i++)
        {
            final double k = strikes[i];
            final String at = where + ", K=" + k;
            assertEquals(discount * (forward - k), calls[i] - puts[i], 1e-9 * forward, "put-call parity " + at);
            assertTrue(calls[i] >= Math.max(0, discount * (forward - k)) - EPSILON * forward && calls[i]
                <= discount * forward, "call bounds " + at);
            assertTrue(puts[i] >= Math.max(0, discount * (k - forward)) - EPSILON * forward && puts[i]
                <= discount * k, "put bounds " + at);
            checkQuote(callQuotes[i], calls[i], at + " CE");
            checkQuote(putQuotes[i], puts[i], at + " PE");
            assertTrue(callQuotes[i][0] - putQuotes[i][1] <= Math.round(discount * (forward - k) * 100)
                + 1 && Math.round(discount * (forward - k) * 100) <= callQuotes[i][1] - putQuotes[i][0] + 1,
                "conversion/reversal at quotes " + at);
            if (i + 1 < n)
            {
                final double width = strikes[i + 1] - k;
                final double callSpread = calls[i] - calls[i + 1];
                final double putSpread = puts[i + 1] - puts[i];
                assertTrue(callSpread >= -EPSILON * forward && callSpread <= discount * width + EPSILON * forward,
                    "call vertical " + at);
                assertTrue(putSpread >= -EPSILON * forward && putSpread <= discount * width + EPSILON * forward,
                    "put vertical " + at);
                assertTrue(callQuotes[i][1] >= callQuotes[i + 1][0] && putQuotes[i + 1][1] >= putQuotes[i][0],
                    "quoted verticals cost something " + at);
                assertTrue(callQuotes[i][0] - callQuotes[i + 1][1] <= Math.round(discount * width * 100),
                    "quoted call vertical pays at most its width " + at);
            }
            if (i > 0 && i + 1 < n && Math.abs((strikes[i + 1] - k) - (k - strikes[i - 1])) < 1e-9)
            {
                assertTrue(calls[i - 1] - 2 * calls[i] + calls[i + 1] >= -EPSILON * forward, "call butterfly " + at);
                assertTrue(puts[i - 1] - 2 * puts[i] + puts[i + 1] >= -EPSILON * forward, "put butterfly " + at);
                assertTrue(callQuotes[i - 1][1] + callQuotes[i + 1][1] - 2 * callQuotes[i][0] >= 0,
                    "quoted call butterfly " + at);
                assertTrue(putQuotes[i - 1][1] + putQuotes[i + 1][1] - 2 * putQuotes[i][0] >= 0,
                    "quoted put butterfly " + at);
            }
        }
        return n;
    }

    private static void checkQuote(final long[] quote, final double fairRupees, final String at)
    {
        final double fair = fairRupees * 100;
        final long bid = quote[0];
        final long ask = quote[1];
        assertTrue(bid >= 0 && ask >= 5 && ask - bid >= 5 && bid % 5 == 0 && ask % 5 == 0, "quote shape " + at);
        assertTrue(bid <= fair + 1e-6 && fair <= ask + 1e-6, () -> "quote " + bid + "/" + ask + " around " + fair
            + " " + at);
    }
}
