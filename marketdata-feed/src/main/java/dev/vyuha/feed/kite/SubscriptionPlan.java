package dev.vyuha.feed.kite;

import dev.vyuha.feed.instrument.InstrumentUniverse;
import dev.vyuha.feed.instrument.OptionChain;
import dev.vyuha.sbe.Underlying;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.Arrays;

/**
 * Which instruments the live feed subscribes: per underlying its index, its nearest future, and for the nearest
 * expiries the calls and puts of the strikes within {@code strikes} of ATM, the window re-centred when ATM has moved
 * {@code recenter} strikes from the window's centre (a band, so the subscription does not churn on every wiggle).
 * Options wait for the first index price. At most {@value #MAX_PER_CONNECTION} instruments (Kite's limit per
 * connection), checked at construction against the largest window. Single threaded.
 */
final class SubscriptionPlan
{
    /** Kite's limit of instruments per WebSocket connection. */
    static final int MAX_PER_CONNECTION = 3_000;

    private final InstrumentUniverse universe;
    private final List<Underlying> underlyings;
    private final int strikes;
    private final int recenter;
    private final Map<Underlying, List<OptionChain>> chains = new EnumMap<>(Underlying.class);
    private final Map<Underlying, int[]> centres = new EnumMap<>(Underlying.class);
    private final Map<Underlying, Long> fixed = new EnumMap<>(Underlying.class);
    private final TreeSet<Long> desired = new TreeSet<>();

    /**
     * @param universe    the instruments of the day.
     * @param underlyings which to subscribe.
     * @param today       the trading date (expired contracts are ignored).
     * @param expiries    nearest expiries whose options to subscribe.
     * @param strikes     strikes each side of ATM.
     * @param recenter    re-centre when ATM moves this many strikes.
     * @param futures     also subscribe the nearest future.
     * @throws IllegalArgumentException if an underlying has no index in the universe, or the plan could exceed Kite's
     *                                  limit.
     */
    SubscriptionPlan(final InstrumentUniverse universe, final List<Underlying> underlyings, final LocalDate today,
        final int expiries, final int strikes, final int recenter, final boolean futures)
    {
        this.universe = universe;
        this.underlyings = List.copyOf(underlyings);
        this.strikes = strikes;
        this.recenter = recenter;
        int largest = 0;
        for (final Underlying underlying : underlyings)
        {
            final int index = universe.indexId(underlying);
            if (index == InstrumentUniverse.NOT_FOUND)
            {
                throw new IllegalArgumentException("no index instrument for " + underlying);
            }
            desired.add(universe.instrument(index).token());
            largest++;
            if (futures)
            {
                for (final int id : universe.futureIds(underlying))
                {
                    if (!universe.instrument(id).expiry().isBefore(today))
                    {
                        desired.add(universe.instrument(id).token());
                        largest++;
                        break;
                    }
                }
            }
            final List<OptionChain> alive = new ArrayList<>();
            for (final OptionChain chain : universe.chains(underlying))
            {
                if (!chain.expiry().isBefore(today) && alive.size() < expiries)
                {
                    alive.add(chain);
                    largest += 2 * Math.min(chain.size(), 2 * strikes + 1);
                }
            }
            chains.put(underlying, alive);
            centres.put(underlying, new int[alive.size()]);
            fixed.put(underlying, universe.instrument(index).token());
        }
        if (largest > MAX_PER_CONNECTION)
        {
            throw new IllegalArgumentException("the subscription could reach " + largest + " instruments; Kite allows "
                + MAX_PER_CONNECTION + " per connection: fewer expiries or strikes");
        }
        for (final int[] centre : centres.values())
        {
            Arrays.fill(centre, -1);
        }
    }

    /**
     * Move an underlying's windows to its latest price if ATM left the band.
     *
     * @param underlying an underlying.
     * @param spotPaise  its index price.
     * @return true if the desired set changed.
     */
    boolean update(final Underlying underlying, final long spotPaise)
    {
        final List<OptionChain> list = chains.get(underlying);
        if (null == list || spotPaise <= 0)
        {
            return false;
        }
        final int[] centre = centres.get(underlying);
        boolean changed = false;
        for (int c = 0; c < list.size(); c++)
        {
            final OptionChain chain = list.get(c);
            final int atm = chain.atmIndex(spotPaise);
            if (centre[c] < 0 || Math.abs(atm - centre[c]) >= recenter)
            {
                if (centre[c] >= 0)
                {
                    window(chain, centre[c], false);
                }
                centre[c] = atm;
                window(chain, atm, true);
                changed = true;
            }
        }
        return changed;
    }

    private void window(final OptionChain chain, final int centre, final boolean add)
    {
        for (int i = Math.max(0, centre - strikes); i <= Math.min(chain.size() - 1, centre + strikes); i++)
        {
            for (final int id : new int[] {chain.callId(i), chain.putId(i)})
            {
                if (id >= 0)
                {
                    final long token = universe.instrument(id).token();
                    if (add)
                    {
                        desired.add(token);
                    }
                    else
                    {
                        desired.remove(token);
                    }
                }
            }
        }
    }

    /** @return the tokens to subscribe now, ascending. */
    Set<Long> desired()
    {
        return desired;
    }

    /** @return the underlyings. */
    List<Underlying> underlyings()
    {
        return underlyings;
    }

    /**
     * @param underlying an underlying.
     * @return its index token.
     */
    long indexToken(final Underlying underlying)
    {
        return fixed.get(underlying);
    }
}
