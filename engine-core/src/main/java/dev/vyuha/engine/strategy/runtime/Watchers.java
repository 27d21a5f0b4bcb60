package dev.vyuha.engine.strategy.runtime;

import java.util.Arrays;

/**
 * Which strategy instances a tick of each instrument concerns: an int-indexed array (by dense instrument id) of
 * strategy lists, so a tick touches only its watchers. Lists keep registration order (removal shifts) so dispatch
 * order is the same in every replay. Dispatch iterates a copy, so a strategy may watch or unwatch while a tick is
 * being delivered.
 *
 * <p>Owned by the business-logic thread; dispatch does not allocate once the scratch array has grown to the largest
 * list.
 */
final class Watchers
{
    private static final StrategyRuntime[] NONE = new StrategyRuntime[0];

    private StrategyRuntime[][] byInstrument = new StrategyRuntime[0][];
    private int[] counts = new int[0];
    private StrategyRuntime[] scratch = new StrategyRuntime[16];

    /**
     * Forget every watch and size for a new instrument master.
     *
     * @param instrumentCount instruments in the master.
     */
    void reset(final int instrumentCount)
    {
        byInstrument = new StrategyRuntime[instrumentCount][];
        Arrays.fill(byInstrument, NONE);
        counts = new int[instrumentCount];
    }

    void watchStrategy(final int instrumentId, final StrategyRuntime strategy)
    {
        if (instrumentId < 0 || instrumentId >= counts.length)
        {
            return;
        }
        final int count = counts[instrumentId];
        StrategyRuntime[] list = byInstrument[instrumentId];
        for (int i = 0; i < count; i++)
        {
            if (list[i] == strategy)
            {
                return;
            }
        }
        if (count == list.length)
        {
            list = Arrays.copyOf(list, Math.max(4, count * 2));
            byInstrument[instrumentId] = list;
        }
        list[count] = strategy;
        counts[instrumentId] = count + 1;
    }

    void unwatchStrategy(final int instrumentId, final StrategyRuntime strategy)
    {
        if (instrumentId < 0 || instrumentId >= counts.length)
        {
            return;
        }
        final StrategyRuntime[] list = byInstrument[instrumentId];
        final int count = counts[instrumentId];
        for (int i = 0; i < count; i++)
        {
            if (list[i] == strategy)
            {
                System.arraycopy(list, i + 1, list, i, count - i - 1);
                list[count - 1] = null;
                counts[instrumentId] = count - 1;
                return;
            }
        }
    }

    /**
     * Remove a strategy from every list (its basket was removed or replaced).
     *
     * @param strategy the strategy.
     */
    void unwatchEverywhere(final StrategyRuntime strategy)
    {
        for (int id = 0; id < counts.length; id++)
        {
            if (counts[id] > 0)
            {
                unwatchStrategy(id, strategy);
            }
        }
    }

    /**
     * @param instrumentId an instrument.
     * @return how many strategies watch it.
     */
    int count(final int instrumentId)
    {
        return instrumentId < 0 || instrumentId >= counts.length ? 0 : counts[instrumentId];
    }

    /**
     * Deliver a tick to every strategy watching the instrument, in registration order.
     *
     * @param instrumentId the instrument.
     * @param price        its last price, paise.
     */
    void dispatch(final int instrumentId, final long price)
    {
        final int count = count(instrumentId);
        if (count == 0)
        {
            return;
        }
        if (scratch.length < count)
        {
            scratch = new StrategyRuntime[Math.max(count, scratch.length * 2)];
        }
        final StrategyRuntime[] watchers = scratch;
        System.arraycopy(byInstrument[instrumentId], 0, watchers, 0, count);
        for (int i = 0; i < count; i++)
        {
            watchers[i].onTick(instrumentId, price);
            watchers[i] = null;
        }
    }
}
