package dev.vyuha.feed.synthetic;

import java.util.Arrays;

/**
 * When each instrument ticks next: a binary min-heap of (time, instrument id, generation) in primitive arrays.
 * Removing an instrument is lazy: bump its generation and entries with an older one are skipped when they surface.
 * Ties are broken by instrument id, so the order is deterministic. Allocation free once grown.
 */
final class TickSchedule
{
    private long[] times = new long[256];
    private int[] ids = new int[256];
    private int[] generations = new int[256];
    private int size;

    void add(final long timeNs, final int id, final int generation)
    {
        if (size == times.length)
        {
            times = Arrays.copyOf(times, size * 2);
            ids = Arrays.copyOf(ids, size * 2);
            generations = Arrays.copyOf(generations, size * 2);
        }
        int child = size++;
        while (child > 0)
        {
            final int parent = (child - 1) >>> 1;
            if (!before(timeNs, id, times[parent], ids[parent]))
            {
                break;
            }
            move(parent, child);
            child = parent;
        }
        times[child] = timeNs;
        ids[child] = id;
        generations[child] = generation;
    }

    boolean isEmpty()
    {
        return size == 0;
    }

    long peekTime()
    {
        return times[0];
    }

    int peekId()
    {
        return ids[0];
    }

    int peekGeneration()
    {
        return generations[0];
    }

    void removeFirst()
    {
        final int last = --size;
        if (last == 0)
        {
            return;
        }
        final long time = times[last];
        final int id = ids[last];
        final int generation = generations[last];
        int parent = 0;
        while (true)
        {
            int child = 2 * parent + 1;
            if (child >= last)
            {
                break;
            }
            if (child + 1 < last && before(times[child + 1], ids[child + 1], times[child], ids[child]))
            {
                child++;
            }
            if (!before(times[child], ids[child], time, id))
            {
                break;
            }
            move(child, parent);
            parent = child;
        }
        times[parent] = time;
        ids[parent] = id;
        generations[parent] = generation;
    }

    private void move(final int from, final int to)
    {
        times[to] = times[from];
        ids[to] = ids[from];
        generations[to] = generations[from];
    }

    private static boolean before(final long timeA, final int idA, final long timeB, final int idB)
    {
        return timeA < timeB || (timeA == timeB && idA < idB);
    }
}
