package dev.vyuha.engine.scenario;

import dev.vyuha.engine.market.KiteInstrumentsCsv;
import dev.vyuha.engine.market.OptionType;
import dev.vyuha.engine.market.TradingSymbols;
import dev.vyuha.engine.market.Underlying;
import dev.vyuha.reference.pricing.BlackScholesMerton;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, self-contained instrument universe in the Kite dump's format, so scenario tests need no external data:
 * NIFTY (lot 65, strikes 50 apart) with the weekly expiry of 2026-08-18 and the monthly of 2026-08-25 plus its
 * future, and BANKNIFTY (lot 30, strikes 100 apart) with the monthly of 2026-08-25 plus its future. Index tokens are
 * Kite's. Option quotes come from Black-Scholes at a flat volatility so premium and delta rules have a real smile-free
 * chain to choose from.
 */
public final class SyntheticMarket
{
    public static final LocalDate NIFTY_WEEKLY = LocalDate.of(2026, 8, 18);
    public static final LocalDate MONTHLY = LocalDate.of(2026, 8, 25);
    public static final int NIFTY_LOT = 65;
    public static final int BANKNIFTY_LOT = 30;

    /** One listed contract. */
    public record Contract(long token, String symbol, Underlying underlying, LocalDate expiry, long strikePaise,
        OptionType type, int lotSize, boolean future)
    {
    }

    private final List<Contract> contracts = new ArrayList<>();
    private final Map<String, Contract> bySymbol = new LinkedHashMap<>();
    private long nextToken = 10_000_001L;

    public final LocalDate weekly;
    public final LocalDate monthly;

    public SyntheticMarket()
    {
        this(NIFTY_WEEKLY, MONTHLY);
    }

    /**
     * @param weekly  the NIFTY weekly expiry.
     * @param monthly the monthly expiry of both underlyings (and of their futures).
     */
    public SyntheticMarket(final LocalDate weekly, final LocalDate monthly)
    {
        this.weekly = weekly;
        this.monthly = monthly;
        chain(Underlying.NIFTY, weekly, 22_000, 26_000, 50, NIFTY_LOT, false);
        chain(Underlying.NIFTY, monthly, 22_000, 26_000, 50, NIFTY_LOT, true);
        future(Underlying.NIFTY, monthly, NIFTY_LOT);
        chain(Underlying.BANKNIFTY, monthly, 50_000, 58_000, 100, BANKNIFTY_LOT, true);
        future(Underlying.BANKNIFTY, monthly, BANKNIFTY_LOT);
    }

    private void chain(final Underlying underlying, final LocalDate expiry, final int from, final int to,
        final int step, final int lot, final boolean monthly)
    {
        for (int strike = from; strike <= to; strike += step)
        {
            for (final OptionType type : OptionType.values())
            {
                final long strikePaise = strike * 100L;
                final String symbol = monthly ? TradingSymbols.monthlyOption(underlying.name(), expiry, strikePaise, type) :
                    TradingSymbols.weeklyOption(underlying.name(), expiry, strikePaise, type);
                add(new Contract(nextToken++, symbol, underlying, expiry, strikePaise, type, lot, false));
            }
        }
    }

    private void future(final Underlying underlying, final LocalDate expiry, final int lot)
    {
        add(new Contract(nextToken++, TradingSymbols.future(underlying.name(), expiry), underlying, expiry, 0, null,
            lot, true));
    }

    private void add(final Contract contract)
    {
        contracts.add(contract);
        bySymbol.put(contract.symbol(), contract);
    }

    /** @return the universe as a Kite instruments CSV. */
    public String csv()
    {
        final StringBuilder csv = new StringBuilder(KiteInstrumentsCsv.HEADER).append('\n');
        for (final Contract c : contracts)
        {
            final String exchange = c.underlying().derivativesExchange();
            csv.append(c.token()).append(',').append(c.token() % 100_000).append(',').append(c.symbol()).append(',')
                .append(c.underlying().name()).append(",0.0,").append(c.expiry()).append(',')
                .append(c.future() ? "0.0" : (c.strikePaise() / 100) + ".0").append(",0.05,").append(c.lotSize())
                .append(',').append(c.future() ? "FUT" : c.type().name()).append(',').append(exchange)
                .append(c.future() ? "-FUT," : "-OPT,").append(exchange).append('\n');
        }
        return csv.toString();
    }

    /**
     * @param symbol a trading symbol.
     * @return its contract.
     */
    public Contract contract(final String symbol)
    {
        final Contract contract = bySymbol.get(symbol);
        if (null == contract)
        {
            throw new IllegalArgumentException("no contract " + symbol);
        }
        return contract;
    }

    /**
     * @param underlying  the underlying.
     * @param expiry      the expiry.
     * @param strikeRupees the strike.
     * @param type        CE or PE.
     * @return the option.
     */
    public Contract option(final Underlying underlying, final LocalDate expiry, final int strikeRupees, final OptionType type)
    {
        for (final Contract c : contracts)
        {
            if (!c.future() && c.underlying() == underlying && c.expiry().equals(expiry)
                && c.strikePaise() == strikeRupees * 100L && c.type() == type)
            {
                return c;
            }
        }
        throw new IllegalArgumentException("no option " + underlying + " " + expiry + " " + strikeRupees + type);
    }

    /**
     * @param underlying the underlying.
     * @param expiry     the expiry.
     * @return its options, in strike order, CE before PE.
     */
    public List<Contract> chain(final Underlying underlying, final LocalDate expiry)
    {
        final List<Contract> chain = new ArrayList<>();
        for (final Contract c : contracts)
        {
            if (!c.future() && c.underlying() == underlying && c.expiry().equals(expiry))
            {
                chain.add(c);
            }
        }
        return chain;
    }

    /**
     * Black-Scholes price on the spot with no carry, rounded to the 5-paise tick (never below one tick).
     *
     * @param contract   an option.
     * @param spotPaise  the spot.
     * @param years      time to expiry.
     * @param volatility flat volatility.
     * @return price in paise.
     */
    public static long theoreticalPaise(final Contract contract, final long spotPaise, final double years,
        final double volatility)
    {
        final double price = BlackScholesMerton.price(spotPaise / 100.0, contract.strikePaise() / 100.0, years,
            volatility, 0.065, 0.0, contract.type() == OptionType.CE);
        return Math.max(5, Math.round(price * 20) * 5);
    }
}
