package dev.vyuha.engine.market;

import org.eclipse.collections.impl.map.mutable.primitive.LongIntHashMap;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * The day's tradable index derivatives and their indices, indexed for the business-logic thread: every instrument has
 * a dense int id (0 .. count-1) under which its facts sit in flat arrays, Kite tokens map to ids through a primitive
 * hash map, and each underlying keeps its futures and option chains by expiry. Immutable once built; built by
 * {@link KiteInstrumentsCsv} (or a {@link Builder}).
 */
public final class InstrumentMaster
{
    /** Returned for anything not found: an unknown token, a missing option, an expiry with no chain. */
    public static final int NOT_FOUND = -1;

    private final LocalDate tradingDate;
    private final int count;
    private final long[] tokens;
    private final String[] symbols;
    private final String[] exchanges;
    private final Underlying[] underlyings;
    private final InstrumentKind[] kinds;
    private final int[] expiries;
    private final long[] strikes;
    private final int[] lotSizes;
    private final long[] tickSizes;
    private final int[] freezeQuantities;
    private final LongIntHashMap idByToken;
    private final UnderlyingInstruments[] byUnderlying;

    private InstrumentMaster(final Builder builder)
    {
        tradingDate = builder.tradingDate;
        count = builder.rows.size();
        tokens = new long[count];
        symbols = new String[count];
        exchanges = new String[count];
        underlyings = new Underlying[count];
        kinds = new InstrumentKind[count];
        expiries = new int[count];
        strikes = new long[count];
        lotSizes = new int[count];
        tickSizes = new long[count];
        freezeQuantities = new int[count];
        idByToken = new LongIntHashMap(count * 2);
        for (int id = 0; id < count; id++)
        {
            final Row row = builder.rows.get(id);
            tokens[id] = row.token;
            symbols[id] = row.symbol;
            exchanges[id] = row.exchange;
            underlyings[id] = row.underlying;
            kinds[id] = row.kind;
            expiries[id] = row.expiryEpochDay;
            strikes[id] = row.strikePaise;
            lotSizes[id] = row.lotSize;
            tickSizes[id] = row.tickSizePaise;
            freezeQuantities[id] = row.freezeQuantity;
            idByToken.put(row.token, id);
        }
        byUnderlying = new UnderlyingInstruments[Underlying.values().length];
        for (final Underlying underlying : Underlying.values())
        {
            byUnderlying[underlying.ordinal()] = new UnderlyingInstruments(underlying, builder, this);
        }
    }

    /**
     * @param tradingDate the date the master serves; instruments expiring before it are not accepted.
     * @return an empty builder.
     */
    public static Builder builder(final LocalDate tradingDate)
    {
        return new Builder(tradingDate);
    }

    /** @return the IST trading date this master serves. */
    public LocalDate tradingDate()
    {
        return tradingDate;
    }

    /** @return the number of instruments; ids run from 0 to count-1. */
    public int count()
    {
        return count;
    }

    /**
     * @param token a Kite instrument token.
     * @return its id, or {@link #NOT_FOUND}.
     */
    public int idOfToken(final long token)
    {
        return idByToken.getIfAbsent(token, NOT_FOUND);
    }

    /** @param id an instrument id. @return its Kite instrument token. */
    public long token(final int id)
    {
        return tokens[id];
    }

    /** @param id an instrument id. @return its trading symbol. */
    public String tradingSymbol(final int id)
    {
        return symbols[id];
    }

    /** @param id an instrument id. @return its Kite exchange (NFO, BFO, NSE, BSE). */
    public String exchange(final int id)
    {
        return exchanges[id];
    }

    /** @param id an instrument id. @return its underlying. */
    public Underlying underlying(final int id)
    {
        return underlyings[id];
    }

    /** @param id an instrument id. @return what it is. */
    public InstrumentKind kind(final int id)
    {
        return kinds[id];
    }

    /** @param id an instrument id. @return expiry as IST epoch day, or NOT_FOUND for an index. */
    public int expiryEpochDay(final int id)
    {
        return expiries[id];
    }

    /** @param id an instrument id. @return strike in paise (0 for futures and indices). */
    public long strikePaise(final int id)
    {
        return strikes[id];
    }

    /** @param id an instrument id. @return lot size in units (1 for indices). */
    public int lotSize(final int id)
    {
        return lotSizes[id];
    }

    /** @param id an instrument id. @return price tick in paise. */
    public long tickSizePaise(final int id)
    {
        return tickSizes[id];
    }

    /** @param id an instrument id. @return the exchange's freeze quantity in units, or 0 if not configured. */
    public int freezeQuantity(final int id)
    {
        return freezeQuantities[id];
    }

    /**
     * The largest quantity one exchange order may carry: whole lots at or under the freeze quantity (NIFTY: 27 lots
     * of 65 = 1755 under a freeze of 1800).
     *
     * @param id an instrument id.
     * @return units, or 0 if the freeze quantity is not configured (no orders then).
     */
    public int maxOrderQuantity(final int id)
    {
        final int lot = lotSizes[id];
        return lot <= 0 ? 0 : (freezeQuantities[id] / lot) * lot;
    }

    /**
     * @param underlying an underlying.
     * @return the id of its index instrument (spot basis), or NOT_FOUND.
     */
    public int indexId(final Underlying underlying)
    {
        return byUnderlying[underlying.ordinal()].indexId;
    }

    /**
     * @param underlying an underlying.
     * @return how many option expiries are listed (on or after the trading date).
     */
    public int expiryCount(final Underlying underlying)
    {
        return byUnderlying[underlying.ordinal()].expiries.length;
    }

    /**
     * @param underlying an underlying.
     * @param index      0 .. expiryCount-1, nearest first.
     * @return the expiry as IST epoch day.
     */
    public int expiry(final Underlying underlying, final int index)
    {
        return byUnderlying[underlying.ordinal()].expiries[index];
    }

    /**
     * @param underlying     an underlying.
     * @param expiryEpochDay an expiry.
     * @return its option chain, or null if none is listed.
     */
    public OptionChain chain(final Underlying underlying, final int expiryEpochDay)
    {
        final UnderlyingInstruments instruments = byUnderlying[underlying.ordinal()];
        final int index = Arrays.binarySearch(instruments.expiries, expiryEpochDay);
        return index >= 0 ? instruments.chains[index] : null;
    }

    /**
     * Resolve a leg's expiry choice against the listed expiries (never weekday arithmetic, so holiday-shifted and
     * regime-changed expiries follow the exchange). Expiries before {@code today} do not count; today's does.
     *
     * @param underlying an underlying.
     * @param selector   WEEKLY, NEXT_WEEKLY, MONTHLY, NEXT_MONTHLY or OFFSET n.
     * @param today      the IST date as epoch day.
     * @return the expiry as epoch day, or NOT_FOUND if the master lists no such expiry.
     */
    public int resolveExpiry(final Underlying underlying, final ExpirySelector selector, final int today)
    {
        final UnderlyingInstruments instruments = byUnderlying[underlying.ordinal()];
        final int[] listed = instruments.expiries;
        int first = Arrays.binarySearch(listed, today);
        if (first < 0)
        {
            first = -first - 1;
        }
        switch (selector.cycle())
        {
            case WEEKLY:
                return first < listed.length ? listed[first] : NOT_FOUND;
            case NEXT_WEEKLY:
                return first + 1 < listed.length ? listed[first + 1] : NOT_FOUND;
            case OFFSET:
                return first + selector.offset() < listed.length ? listed[first + selector.offset()] : NOT_FOUND;
            case MONTHLY:
            case NEXT_MONTHLY:
                int wanted = selector.cycle() == ExpiryCycle.MONTHLY ? 0 : 1;
                for (int i = first; i < listed.length; i++)
                {
                    if (instruments.chains[i].isMonthly() && wanted-- == 0)
                    {
                        return listed[i];
                    }
                }
                return NOT_FOUND;
            default:
                return NOT_FOUND;
        }
    }

    /**
     * @param underlying     an underlying.
     * @param expiryEpochDay an expiry.
     * @return the id of the future expiring then, or NOT_FOUND.
     */
    public int futureId(final Underlying underlying, final int expiryEpochDay)
    {
        final UnderlyingInstruments instruments = byUnderlying[underlying.ordinal()];
        final int index = Arrays.binarySearch(instruments.futureExpiries, expiryEpochDay);
        return index >= 0 ? instruments.futureIds[index] : NOT_FOUND;
    }

    /**
     * The current-month future (the FUTURE strike basis): the nearest future expiring on or after {@code today}.
     *
     * @param underlying an underlying.
     * @param today      IST epoch day.
     * @return its id, or NOT_FOUND.
     */
    public int nearestFutureId(final Underlying underlying, final int today)
    {
        final UnderlyingInstruments instruments = byUnderlying[underlying.ordinal()];
        int index = Arrays.binarySearch(instruments.futureExpiries, today);
        if (index < 0)
        {
            index = -index - 1;
        }
        return index < instruments.futureIds.length ? instruments.futureIds[index] : NOT_FOUND;
    }

    /**
     * @param underlying an underlying.
     * @return number of listed futures.
     */
    public int futureCount(final Underlying underlying)
    {
        return byUnderlying[underlying.ordinal()].futureIds.length;
    }

    private static final class UnderlyingInstruments
    {
        private final int indexId;
        private final int[] expiries;
        private final OptionChain[] chains;
        private final int[] futureExpiries;
        private final int[] futureIds;

        UnderlyingInstruments(final Underlying underlying, final Builder builder, final InstrumentMaster master)
        {
            int index = NOT_FOUND;
            final TreeMap<Integer, TreeMap<Long, int[]>> optionsByExpiry = new TreeMap<>();
            final TreeMap<Integer, Boolean> monthlyByExpiry = new TreeMap<>();
            final TreeMap<Integer, Integer> futures = new TreeMap<>();
            for (int id = 0; id < master.count; id++)
            {
                if (master.underlyings[id] != underlying)
                {
                    continue;
                }
                switch (master.kinds[id])
                {
                    case INDEX -> index = id;
                    case FUTURE -> futures.put(master.expiries[id], id);
                    case CALL, PUT ->
                    {
                        final int[] pair = optionsByExpiry.computeIfAbsent(master.expiries[id], e -> new TreeMap<>())
                            .computeIfAbsent(master.strikes[id], s -> new int[]{NOT_FOUND, NOT_FOUND});
                        pair[master.kinds[id] == InstrumentKind.CALL ? 0 : 1] = id;
                        if (builder.rows.get(id).monthlySymbol)
                        {
                            monthlyByExpiry.put(master.expiries[id], Boolean.TRUE);
                        }
                    }
                    default -> throw new IllegalStateException("unknown kind " + master.kinds[id]);
                }
            }
            indexId = index;
            expiries = new int[optionsByExpiry.size()];
            chains = new OptionChain[optionsByExpiry.size()];
            int e = 0;
            for (final var entry : optionsByExpiry.entrySet())
            {
                final int expiry = entry.getKey();
                final int strikeCount = entry.getValue().size();
                final long[] strikes = new long[strikeCount];
                final int[] calls = new int[strikeCount];
                final int[] puts = new int[strikeCount];
                int s = 0;
                for (final var strike : entry.getValue().entrySet())
                {
                    strikes[s] = strike.getKey();
                    calls[s] = strike.getValue()[0];
                    puts[s] = strike.getValue()[1];
                    s++;
                }
                // A future expiring the same day also marks the monthly cycle.
                final boolean monthly = monthlyByExpiry.containsKey(expiry) || futures.containsKey(expiry);
                expiries[e] = expiry;
                chains[e] = new OptionChain(underlying, expiry, monthly, strikes, calls, puts);
                e++;
            }
            futureExpiries = futures.keySet().stream().mapToInt(Integer::intValue).toArray();
            futureIds = futures.values().stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /**
     * Accumulates instruments; rejects what would make the master inconsistent.
     */
    public static final class Builder
    {
        private final LocalDate tradingDate;
        private final List<Row> rows = new ArrayList<>();
        private final LongIntHashMap rowByToken = new LongIntHashMap();
        private final java.util.Set<String> contracts = new java.util.HashSet<>();

        private Builder(final LocalDate tradingDate)
        {
            this.tradingDate = tradingDate;
        }

        /**
         * Add an instrument.
         *
         * @param token          Kite instrument token (unique).
         * @param symbol         trading symbol.
         * @param exchange       NFO, BFO, NSE or BSE.
         * @param underlying     its underlying.
         * @param kind           index, future, call or put.
         * @param expiryEpochDay expiry (ignored for an index).
         * @param strikePaise    strike (options), else 0.
         * @param lotSize        units per lot.
         * @param tickSizePaise  price tick.
         * @param freezeQuantity exchange freeze quantity in units, 0 if unknown.
         * @param monthlySymbol  true if the symbol is in the monthly format.
         * @return null if added, or why it was refused.
         */
        public String add(final long token, final String symbol, final String exchange, final Underlying underlying,
            final InstrumentKind kind, final int expiryEpochDay, final long strikePaise, final int lotSize,
            final long tickSizePaise, final int freezeQuantity, final boolean monthlySymbol)
        {
            if (rowByToken.containsKey(token))
            {
                return "duplicate instrument_token " + token + " (first: "
                    + rows.get(rowByToken.get(token)).symbol + ")";
            }
            final String contract = underlying + "/" + kind + "/" + (kind == InstrumentKind.INDEX ? 0 : expiryEpochDay)
                + "/" + strikePaise;
            if (!contracts.add(contract))
            {
                return "duplicate contract " + symbol + " (" + contract + ")";
            }
            rowByToken.put(token, rows.size());
            rows.add(new Row(token, symbol, exchange, underlying, kind,
                kind == InstrumentKind.INDEX ? NOT_FOUND : expiryEpochDay, strikePaise, lotSize, tickSizePaise,
                freezeQuantity, monthlySymbol));
            return null;
        }

        /**
         * @return the master.
         */
        public InstrumentMaster build()
        {
            return new InstrumentMaster(this);
        }
    }

    private record Row(long token, String symbol, String exchange, Underlying underlying, InstrumentKind kind,
        int expiryEpochDay, long strikePaise, int lotSize, long tickSizePaise, int freezeQuantity,
        boolean monthlySymbol)
    {
    }
}
