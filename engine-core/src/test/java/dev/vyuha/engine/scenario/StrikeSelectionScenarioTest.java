package dev.vyuha.engine.scenario;

import dev.vyuha.engine.event.EngineEvent;
import dev.vyuha.engine.market.OptionType;
import dev.vyuha.engine.market.Underlying;
import dev.vyuha.reference.calendar.IndiaTime;
import dev.vyuha.reference.pricing.BlackScholesMerton;
import dev.vyuha.reference.pricing.OptionGreeks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalTime;
import java.util.function.ToLongFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every strike-selection method of DOMAIN.md §2 through the engine, on the synthetic NIFTY weekly chain quoted at
 * 12 % volatility around a spot of 24,010 at 09:19:59 on 2026-08-17 (one and a quarter days to expiry).
 */
class StrikeSelectionScenarioTest
{
    private static final String SPOT = "24010";

    private static TradingDay entered(final String type, final String side, final String strike,
        final String strategyFields)
    {
        final TradingDay day = TradingDay.on("2026-08-17");
        day.at("09:00").load(Baskets.basket("{ \"id\": \"pick\", \"name\": \"pick\", \"underlying\": \"NIFTY\", "
            + "\"schedule\": { \"entry_time\": \"09:20\", \"exit_time\": \"15:15\" }, " + strategyFields
            + " \"legs\": [ " + Baskets.leg("leg", type, side, strike, "") + " ] }"));
        day.at("09:19:59").nifty(SPOT).at("09:20").timer();
        return day;
    }

    @ParameterizedTest(name = "{0} {1}: {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
        "CE | SELL | { \"method\": \"ATM\" }                                 | NIFTY2681824000CE",
        "CE | SELL | { \"method\": \"ATM\", \"offset\": 2 }                  | NIFTY2681824100CE",
        "PE | SELL | { \"method\": \"ATM\", \"offset\": -1 }                 | NIFTY2681823950PE",
        "CE | SELL | { \"method\": \"OTM\", \"steps\": 2 }                   | NIFTY2681824100CE",
        "PE | SELL | { \"method\": \"OTM\", \"steps\": 2 }                   | NIFTY2681823900PE",
        "CE | SELL | { \"method\": \"OTM\", \"points\": 150 }                | NIFTY2681824150CE",
        "PE | BUY  | { \"method\": \"ITM\", \"steps\": 1 }                   | NIFTY2681824050PE",
        "CE | BUY  | { \"method\": \"ITM\", \"percent\": 0.5 }               | NIFTY2681823900CE",
        "CE | SELL | { \"method\": \"ATM_PERCENT\", \"percent\": 1 }         | NIFTY2681824250CE",
        "PE | SELL | { \"method\": \"SPOT_PERCENT\", \"percent\": -1 }       | NIFTY2681823750PE",
        "CE | SELL | { \"method\": \"ABSOLUTE\", \"strike\": 24350 }         | NIFTY2681824350CE"
    })
    void shouldChooseThePositionalStrike(final String type, final String side, final String strike,
        final String expected)
    {
        final TradingDay day = entered(type, side, strike, "");
        assertEquals(expected, day.lastOrder().symbol(), day.describeEvents());
        final EngineEvent.StrikeChosen record = day.last(EngineEvent.StrikeChosen.class);
        assertEquals("SPOT", record.basis());
        assertEquals(24_010_00, record.basisPaise());
        assertEquals(24_000_00, record.atmStrikePaise());
        assertEquals(expected, record.chosenSymbol());
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({"CE, CLOSEST_PREMIUM, 20", "PE, CLOSEST_PREMIUM, 35", "CE, PREMIUM_GTE, 20", "PE, PREMIUM_LTE, 20"})
    void shouldChooseByPremiumAgainstABruteForceSearch(final String type, final String method, final int rupees)
    {
        final TradingDay day = entered(type, "SELL", "{ \"method\": \"" + method + "\", \"premium\": " + rupees + " }",
            "");
        final long target = rupees * 100L;
        final String expected = bruteForce(day, OptionType.valueOf(type), premium -> switch (method)
        {
            case "CLOSEST_PREMIUM" -> Math.abs(premium - target);
            case "PREMIUM_GTE" -> premium >= target ? premium : Long.MAX_VALUE;
            default -> premium <= target ? -premium : Long.MAX_VALUE;
        });
        assertEquals(expected, day.lastOrder().symbol(), day.describeEvents());
        assertTrue(day.last(EngineEvent.StrikeChosen.class).candidates().size() > 0);
    }

    @Test
    void shouldTakeTheHighestPremiumInRangeWhenSellingAndTheLowestWhenBuying()
    {
        final String range = "{ \"method\": \"PREMIUM_RANGE\", \"min\": 10, \"max\": 30 }";
        final TradingDay sell = entered("CE", "SELL", range, "");
        final TradingDay buy = entered("CE", "BUY", range, "");
        assertEquals(bruteForce(sell, OptionType.CE, p -> p >= 10_00 && p <= 30_00 ? -p : Long.MAX_VALUE),
            sell.lastOrder().symbol());
        assertEquals(bruteForce(buy, OptionType.CE, p -> p >= 10_00 && p <= 30_00 ? p : Long.MAX_VALUE),
            buy.lastOrder().symbol());
    }

    @Test
    void shouldFallBackWhenNoPremiumIsInRange()
    {
        final TradingDay day = entered("CE", "SELL", "{ \"method\": \"PREMIUM_RANGE\", \"min\": 5000, \"max\": 6000, "
            + "\"fallback\": { \"method\": \"ATM\" } }", "");
        assertEquals("NIFTY2681824000CE", day.lastOrder().symbol(), day.describeEvents());
    }

    @Test
    void shouldPlaceStraddleWidthStrikesAroundAtm()
    {
        final TradingDay day = entered("CE", "SELL", "{ \"method\": \"STRADDLE_WIDTH\", \"multiplier\": 0.5 }", "");
        final long width = price(day, 24_000, OptionType.CE) + price(day, 24_000, OptionType.PE);
        final long target = 24_000_00 + width / 2;
        final long expected = Math.round(target / 5000.0) * 50;
        assertEquals("NIFTY26818" + expected + "CE", day.lastOrder().symbol(), day.describeEvents());
    }

    @Test
    void shouldChooseThePremiumNearestAPercentOfTheStraddle()
    {
        final TradingDay day = entered("PE", "SELL", "{ \"method\": \"STRADDLE_PREMIUM_PERCENT\", \"percent\": 25 }",
            "");
        final long target = (price(day, 24_000, OptionType.CE) + price(day, 24_000, OptionType.PE)) / 4;
        assertEquals(bruteForce(day, OptionType.PE, p -> Math.abs(p - target)), day.lastOrder().symbol());
    }

    @Test
    void shouldChooseTheStrikeWhoseDeltaIsNearestTheTarget()
    {
        final TradingDay day = entered("CE", "SELL", "{ \"method\": \"DELTA\", \"target\": 0.3 }", "");
        final long chosen = strikeOf(day.lastOrder().symbol());
        final double years = years(day);
        double bestDistance = Double.MAX_VALUE;
        long best = 0;
        for (long strike = 23_500; strike <= 24_500; strike += 50)
        {
            final double distance = Math.abs(delta(strike, years) - 0.3);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = strike;
            }
        }
        // The engine reads each option's own IV from its rounded quote; allow the neighbour when it is as close.
        assertTrue(chosen == best || Math.abs(Math.abs(delta(chosen, years) - 0.3) - bestDistance) < 0.02,
            "chose " + chosen + ", nearest by model " + best + "\n" + day.describeEvents());
    }

    @Test
    void shouldShiftADynamicStrikeWhenItsConditionHolds()
    {
        final String dynamic = "{ \"method\": \"DYNAMIC\", \"base\": { \"method\": \"ATM\" }, \"rules\": [ "
            + "{ \"priority\": 1, \"when\": { \"type\": \"VIX\", \"min\": 18 }, \"shift_strikes\": 2 } ] }";
        final TradingDay calm = TradingDay.on("2026-08-17");
        final TradingDay nervous = TradingDay.on("2026-08-17");
        for (final TradingDay day : new TradingDay[] {calm, nervous})
        {
            day.at("09:00").load(Baskets.basket("{ \"id\": \"pick\", \"name\": \"pick\", \"underlying\": \"NIFTY\", "
                + "\"schedule\": { \"entry_time\": \"09:20\", \"exit_time\": \"15:15\" }, \"legs\": [ "
                + Baskets.leg("leg", "CE", "SELL", dynamic, "") + " ] }"));
        }
        calm.at("09:19:59").vix("13.00").nifty(SPOT).at("09:20").timer();
        nervous.at("09:19:59").vix("19.50").nifty(SPOT).at("09:20").timer();
        assertEquals("NIFTY2681824000CE", calm.lastOrder().symbol(), calm.describeEvents());
        assertEquals("NIFTY2681824100CE", nervous.lastOrder().symbol(), "two strikes further out of the money");
    }

    @Test
    void shouldBreakAnExactTieBetweenTwoStrikesTowardTheLowerOne()
    {
        final TradingDay day = TradingDay.on("2026-08-17");
        day.at("09:00").load(Baskets.basket(Baskets.straddle("", "")));
        day.at("09:19:59").nifty("24025.00").at("09:20").timer();
        assertEquals(24_000_00, day.last(EngineEvent.StrikeChosen.class).atmStrikePaise());
        assertEquals("NIFTY2681824000PE", day.lastOrder().symbol());
    }

    @Test
    void shouldNotChooseAStrikeWithoutAFreshQuoteAndEnterOnceItIsQuoted()
    {
        final TradingDay day = TradingDay.on("2026-08-17");
        day.at("09:00").load(Baskets.basket(Baskets.straddle("", "")));
        day.at("09:19:40").nifty("24010");
        // From here on the ATM call does not trade: its last quote is 20 s old at 09:20.
        day.at("09:19:59").option("24000PE", "60.00").spot(Underlying.NIFTY, "24010").at("09:20").timer();
        assertEquals(0, day.orders.size());
        final EngineEvent.StrikeChosen none = day.last(EngineEvent.StrikeChosen.class);
        assertEquals("", none.chosenSymbol());
        assertTrue(none.reason().contains("illiquid or stale"), none.reason());
        day.at("09:20:05").option("24000CE", "75.00").spot(Underlying.NIFTY, "24010");
        assertEquals(2, day.orders.size(), day.describeEvents());
    }

    @Test
    void shouldMeasureAtmFromTheFutureOnFutureBasis()
    {
        final TradingDay day = TradingDay.on("2026-08-17");
        day.at("09:00").load(Baskets.basket(Baskets.straddle("", "\"strike_basis\": \"FUTURE\",")));
        day.at("09:19:59").nifty(SPOT).quote("NIFTY26AUGFUT", 24_080_00, 24_079_90, 24_080_10, 75, 1_000_000)
            .at("09:20").timer();
        final EngineEvent.StrikeChosen record = day.last(EngineEvent.StrikeChosen.class);
        assertEquals("FUTURE", record.basis());
        assertEquals(24_080_00, record.basisPaise());
        assertEquals("NIFTY2681824100PE", day.lastOrder().symbol());
    }

    private static double years(final TradingDay day)
    {
        final long expiryNs = IndiaTime.epochNanos(SyntheticMarket.NIFTY_WEEKLY.toEpochDay(),
            LocalTime.of(15, 30).toNanoOfDay());
        return (expiryNs - IndiaTime.epochNanos(day.date.toEpochDay(), LocalTime.of(9, 19, 59).toNanoOfDay()))
            / (365.0 * IndiaTime.NANOS_PER_DAY);
    }

    private static double delta(final long strike, final double years)
    {
        final OptionGreeks greeks = new OptionGreeks();
        BlackScholesMerton.greeks(24_010, strike, years, 0.12, 0.065, 0, true, greeks);
        return Math.abs(greeks.delta());
    }

    private static long strikeOf(final String symbol)
    {
        return Long.parseLong(symbol.substring(10, symbol.length() - 2));
    }

    private static long price(final TradingDay day, final int strike, final OptionType type)
    {
        return SyntheticMarket.theoreticalPaise(day.market.option(Underlying.NIFTY, SyntheticMarket.NIFTY_WEEKLY,
            strike, type), 24_010_00, years(day), 0.12);
    }

    /** The symbol minimising the score over the quoted chain (ties to the lower strike, as the engine breaks them). */
    private static String bruteForce(final TradingDay day, final OptionType type, final ToLongFunction<Long> score)
    {
        String best = null;
        long bestScore = Long.MAX_VALUE;
        for (final SyntheticMarket.Contract contract : day.market.chain(Underlying.NIFTY, SyntheticMarket.NIFTY_WEEKLY))
        {
            if (contract.type() != type)
            {
                continue;
            }
            final long premium = SyntheticMarket.theoreticalPaise(contract, 24_010_00, years(day), 0.12);
            final long s = score.applyAsLong(premium);
            if (s < bestScore)
            {
                bestScore = s;
                best = contract.symbol();
            }
        }
        return best;
    }
}
