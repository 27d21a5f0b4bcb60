package dev.vyuha.engine.chain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vyuha.engine.market.InstrumentKind;
import dev.vyuha.engine.market.InstrumentMaster;
import dev.vyuha.engine.market.MarketState;
import dev.vyuha.engine.market.OptionChain;
import dev.vyuha.engine.market.OptionType;
import dev.vyuha.engine.market.Underlying;
import dev.vyuha.engine.order.Side;
import dev.vyuha.engine.strategy.definition.strike.PriceSource;
import dev.vyuha.engine.strategy.definition.strike.StrikeCriterion;
import dev.vyuha.engine.strategy.runtime.MarketConditions;
import dev.vyuha.engine.strategy.runtime.StrikeSelection;
import dev.vyuha.engine.strategy.runtime.StrikeSelector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Strike selection on real NSE option chains (../shared/data/1_option_chain): each snapshot's nearest expiry becomes
 * an instrument master and quotes, and every selection is checked against a brute-force answer computed directly
 * from the NSE rows. Strikes without a traded price are never chosen.
 */
class StrikeSelectionOnNseChainsTest
{
    private static final DateTimeFormatter NSE_DATE = DateTimeFormatter.ofPattern("dd-MMM-yyyy", Locale.ENGLISH);
    private static final MarketConditions NO_CONDITIONS = new MarketConditions()
    {
        @Override
        public boolean holds(final dev.vyuha.engine.strategy.definition.condition.MarketCondition condition,
            final Underlying underlying, final long nowNs)
        {
            return false;
        }

        @Override
        public String observed(final dev.vyuha.engine.strategy.definition.condition.MarketCondition condition,
            final Underlying underlying, final long nowNs)
        {
            return "";
        }
    };

    static Stream<String> files()
    {
        return NseOptionChainFiles.FILES.stream();
    }

    /** One NSE row side with a traded price. */
    private record Quote(long strikePaise, OptionType type, long lastPaise)
    {
    }

    private static final class Loaded
    {
        final InstrumentMaster master;
        final MarketState market;
        final OptionChain chain;
        final long spot;
        final long nowNs;
        final List<Quote> quotes = new ArrayList<>();

        Loaded(final String file)
        {
            final JsonNode root = NseOptionChainFiles.read(file);
            final String expiry = NseOptionChainFiles.expiries(root).get(0);
            final Underlying underlying = Underlying.valueOf(file.substring(0, file.indexOf('_')));
            final int expiryDay = (int)LocalDate.parse(expiry, NSE_DATE).toEpochDay();
            nowNs = NseOptionChainFiles.valuationNanos(root);
            spot = NseOptionChainFiles.paise(NseOptionChainFiles.spot(root));
            final InstrumentMaster.Builder builder = InstrumentMaster.builder(LocalDate.ofEpochDay(expiryDay - 1));
            builder.add(1, underlying.indexSymbol(), "NSE", underlying, InstrumentKind.INDEX, 0, 0, 0, 5, 0, false);
            long token = 100;
            final List<long[]> rows = new ArrayList<>();
            for (final JsonNode row : root.get("records").get("data"))
            {
                if (!expiry.equals(row.get("expiryDate").asText()))
                {
                    continue;
                }
                final long strike = NseOptionChainFiles.paise(row.get("strikePrice").asDouble());
                for (final OptionType type : OptionType.values())
                {
                    if (!row.has(type.name()))
                    {
                        continue;
                    }
                    final JsonNode side = row.get(type.name());
                    final long t = token++;
                    builder.add(t, underlying + "X" + strike + type, "NFO", underlying, type == OptionType.CE ?
                        InstrumentKind.CALL : InstrumentKind.PUT, expiryDay, strike, 25, 5, 1800, true);
                    rows.add(new long[] {t, NseOptionChainFiles.paise(side.get("lastPrice").asDouble()),
                        NseOptionChainFiles.paise(side.get("bidprice").asDouble()),
                        NseOptionChainFiles.paise(side.get("askPrice").asDouble()),
                        side.get("bidQty").asLong(), side.get("askQty").asLong(), strike, type.ordinal()});
                }
            }
            master = builder.build();
            market = new MarketState(master);
            market.onLastPrice(1, spot, nowNs);
            for (final long[] row : rows)
            {
                if (row[1] > 0)
                {
                    final int id = market.onLastPrice(row[0], row[1], nowNs);
                    market.onTopOfBook(id, row[2], (int)Math.min(row[4], Integer.MAX_VALUE), row[3],
                        (int)Math.min(row[5], Integer.MAX_VALUE));
                    quotes.add(new Quote(row[6], OptionType.values()[(int)row[7]], row[1]));
                }
            }
            chain = master.chain(underlying, expiryDay);
        }

        StrikeSelection select(final StrikeCriterion criterion, final OptionType type, final Side side)
        {
            return new StrikeSelector(0.065).select(new StrikeSelector.Context(master, market, chain, spot, true, nowNs,
                60_000_000_000L, NO_CONDITIONS), criterion, type, side);
        }

        long strikeOf(final StrikeSelection selection)
        {
            return master.strikePaise(selection.instrumentId());
        }
    }

    private static Loaded load(final String file)
    {
        // Skipped with a message when the reference data is absent (NseOptionChainFiles.read).
        return new Loaded(file);
    }

    @ParameterizedTest
    @MethodSource("files")
    void shouldChooseTheListedStrikeNearestTheSpotAsAtm(final String file)
    {
        final Loaded chain = load(file);
        long best = 0;
        for (int i = 0; i < chain.chain.strikeCount(); i++)
        {
            final long strike = chain.chain.strike(i);
            if (best == 0 || Math.abs(strike - chain.spot) < Math.abs(best - chain.spot))
            {
                best = strike;
            }
        }
        final StrikeSelection atm = chain.select(new StrikeCriterion.Atm(0), OptionType.CE, Side.SELL);
        assertEquals(best, atm.atmStrikePaise(), file);
        if (atm.chosen())
        {
            assertEquals(best, chain.strikeOf(atm));
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void shouldChooseTheTradedStrikeWhosePremiumIsClosest(final String file)
    {
        final Loaded chain = load(file);
        for (final OptionType type : OptionType.values())
        {
            final long target = 100_00;
            Quote best = null;
            for (final Quote quote : chain.quotes)
            {
                if (quote.type() == type && (null == best || Math.abs(quote.lastPaise() - target)
                    < Math.abs(best.lastPaise() - target)))
                {
                    best = quote;
                }
            }
            final StrikeSelection selection = chain.select(new StrikeCriterion.ClosestPremium(target, PriceSource.LTP),
                type, Side.SELL);
            assertTrue(selection.chosen(), file + " " + type + ": " + selection.reason());
            final long chosenPremium = chain.market.lastPrice(selection.instrumentId());
            assertEquals(Math.abs(best.lastPaise() - target), Math.abs(chosenPremium - target), file + " " + type);
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void shouldNeverChooseAStrikeWithoutATradedPrice(final String file)
    {
        final Loaded chain = load(file);
        for (final OptionType type : OptionType.values())
        {
            final StrikeSelection least = chain.select(new StrikeCriterion.PremiumAtLeast(5, PriceSource.LTP), type,
                Side.SELL);
            assertTrue(least.chosen(), file + ": " + least.reason());
            assertTrue(chain.market.lastPrice(least.instrumentId()) >= 5);
            long smallest = Long.MAX_VALUE;
            for (final Quote quote : chain.quotes)
            {
                if (quote.type() == type && quote.lastPaise() >= 5)
                {
                    smallest = Math.min(smallest, quote.lastPaise());
                }
            }
            assertEquals(smallest, chain.market.lastPrice(least.instrumentId()), file + " " + type);
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void shouldChooseAStrikeWhoseDeltaIsNearestTheTarget(final String file)
    {
        final Loaded chain = load(file);
        final StrikeSelection call = chain.select(new StrikeCriterion.DeltaTarget(0.25), OptionType.CE, Side.SELL);
        if (call.reason().contains("the expiry has passed"))
        {
            // A snapshot taken at 15:30 on its own expiry day has no time value left to imply a delta from.
            return;
        }
        assertTrue(call.chosen(), file + ": " + call.reason());
        final long atm = call.atmStrikePaise();
        assertNotEquals(0, atm);
        assertTrue(chain.strikeOf(call) > atm, "a 0.25-delta call is out of the money: " + file);
        final StrikeSelection put = chain.select(new StrikeCriterion.DeltaTarget(0.25), OptionType.PE, Side.SELL);
        assertTrue(chain.strikeOf(put) < atm, "a 0.25-delta put is out of the money: " + file);
    }
}
