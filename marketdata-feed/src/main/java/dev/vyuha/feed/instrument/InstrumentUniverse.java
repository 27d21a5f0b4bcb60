package dev.vyuha.feed.instrument;

import dev.vyuha.sbe.Underlying;
import org.agrona.collections.Long2LongHashMap;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every instrument the feed may tick, with a dense id each (0..size-1, in the order given) for flat per-instrument
 * arrays, a token lookup without boxing, and per underlying its index, futures by expiry and option chains by expiry.
 * Immutable and safe to share between threads once built.
 */
public final class InstrumentUniverse
{
    /** Returned by {@link #idOf} for an unknown token. */
    public static final int NOT_FOUND = -1;

    private final Instrument[] instruments;
    private final Long2LongHashMap idByToken = new Long2LongHashMap(NOT_FOUND);
    private final Map<Underlying, Integer> indexIds = new EnumMap<>(Underlying.class);
    private final Map<Underlying, List<Integer>> futureIds = new EnumMap<>(Underlying.class);
    private final Map<Underlying, List<OptionChain>> chains = new EnumMap<>(Underlying.class);
    private final int[] underlyingIndexId;

    /**
     * @param instruments the instruments; tokens must be unique.
     * @throws IllegalArgumentException on a duplicate token.
     */
    public InstrumentUniverse(final Collection<Instrument> instruments)
    {
        this.instruments = instruments.toArray(new Instrument[0]);
        final Map<Underlying, TreeMap<LocalDate, TreeMap<Long, int[]>>> byExpiry = new EnumMap<>(Underlying.class);
        final Map<Underlying, TreeMap<LocalDate, Integer>> futures = new EnumMap<>(Underlying.class);
        for (int id = 0; id < this.instruments.length; id++)
        {
            final Instrument instrument = this.instruments[id];
            if (idByToken.containsKey(instrument.token()))
            {
                throw new IllegalArgumentException("duplicate instrument token " + instrument.token() + " ("
                    + instrument.tradingSymbol() + ")");
            }
            idByToken.put(instrument.token(), id);
            final Underlying underlying = instrument.underlying();
            switch (instrument.kind())
            {
                case INDEX -> indexIds.put(underlying, id);
                case FUTURE -> futures.computeIfAbsent(underlying, u -> new TreeMap<>()).put(instrument.expiry(), id);
                case CALL, PUT ->
                {
                    final int[] pair = byExpiry.computeIfAbsent(underlying, u -> new TreeMap<>())
                        .computeIfAbsent(instrument.expiry(), e -> new TreeMap<>())
                        .computeIfAbsent(instrument.strikePaise(), s -> new int[] {NOT_FOUND, NOT_FOUND});
                    pair[instrument.kind() == InstrumentKind.CALL ? 0 : 1] = id;
                }
                default -> throw new IllegalStateException(instrument.kind().name());
            }
        }
        futures.forEach((underlying, map) -> futureIds.put(underlying, List.copyOf(map.values())));
        byExpiry.forEach((underlying, expiries) ->
        {
            final List<OptionChain> list = new ArrayList<>();
            expiries.forEach((expiry, strikes) ->
            {
                final long[] strikeArray = new long[strikes.size()];
                final int[] calls = new int[strikes.size()];
                final int[] puts = new int[strikes.size()];
                int i = 0;
                for (final Map.Entry<Long, int[]> entry : strikes.entrySet())
                {
                    strikeArray[i] = entry.getKey();
                    calls[i] = entry.getValue()[0];
                    puts[i] = entry.getValue()[1];
                    i++;
                }
                list.add(new OptionChain(underlying, expiry, strikeArray, calls, puts));
            });
            chains.put(underlying, List.copyOf(list));
        });
        underlyingIndexId = new int[this.instruments.length];
        for (int id = 0; id < this.instruments.length; id++)
        {
            final Integer index = indexIds.get(this.instruments[id].underlying());
            underlyingIndexId[id] = null == index ? NOT_FOUND : index;
        }
    }

    /** @return number of instruments. */
    public int size()
    {
        return instruments.length;
    }

    /**
     * @param id dense id.
     * @return the instrument.
     */
    public Instrument instrument(final int id)
    {
        return instruments[id];
    }

    /**
     * @param token Kite token.
     * @return its dense id, or {@link #NOT_FOUND}.
     */
    public int idOf(final long token)
    {
        return (int)idByToken.get(token);
    }

    /**
     * @param id dense id of any instrument.
     * @return dense id of its underlying's index, or {@link #NOT_FOUND} if the index is not in the universe.
     */
    public int indexIdOf(final int id)
    {
        return underlyingIndexId[id];
    }

    /**
     * @param underlying an index.
     * @return dense id of the index, or {@link #NOT_FOUND}.
     */
    public int indexId(final Underlying underlying)
    {
        final Integer id = indexIds.get(underlying);
        return null == id ? NOT_FOUND : id;
    }

    /**
     * @param underlying an index.
     * @return dense ids of its futures, nearest expiry first.
     */
    public List<Integer> futureIds(final Underlying underlying)
    {
        return futureIds.getOrDefault(underlying, List.of());
    }

    /**
     * @param underlying an index.
     * @return its option chains, nearest expiry first.
     */
    public List<OptionChain> chains(final Underlying underlying)
    {
        return chains.getOrDefault(underlying, List.of());
    }

    /** @return the underlyings with an index or any derivative in the universe. */
    public List<Underlying> underlyings()
    {
        final List<Underlying> all = new ArrayList<>();
        for (final Underlying underlying : Underlying.values())
        {
            if (indexIds.containsKey(underlying) || chains.containsKey(underlying) || futureIds.containsKey(underlying))
            {
                all.add(underlying);
            }
        }
        return all;
    }

    /** @return every instrument in id order. */
    public List<Instrument> instruments()
    {
        return List.of(instruments);
    }
}
