package dev.vyuha.kitesim;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;

/**
 * Faults queued per endpoint: each request to an endpoint takes the next queued fault, if any. Thread safe.
 */
public final class FaultPlan
{
    private final Map<KiteEndpoint, Deque<Fault>> queued = new EnumMap<>(KiteEndpoint.class);
    private final Map<KiteEndpoint, Integer> injected = new EnumMap<>(KiteEndpoint.class);

    /**
     * Fault the next request to an endpoint.
     *
     * @param endpoint which endpoint.
     * @param fault    what happens.
     * @return this.
     */
    public FaultPlan inject(final KiteEndpoint endpoint, final Fault fault)
    {
        return inject(endpoint, fault, 1);
    }

    /**
     * Fault the next {@code times} requests to an endpoint.
     *
     * @param endpoint which endpoint.
     * @param fault    what happens.
     * @param times    how many requests.
     * @return this.
     */
    public synchronized FaultPlan inject(final KiteEndpoint endpoint, final Fault fault, final int times)
    {
        final Deque<Fault> faults = queued.computeIfAbsent(endpoint, e -> new ArrayDeque<>());
        for (int i = 0; i < times; i++)
        {
            faults.addLast(fault);
        }
        return this;
    }

    /**
     * @param endpoint the endpoint a request arrived at.
     * @return the fault to apply, or null.
     */
    public synchronized Fault take(final KiteEndpoint endpoint)
    {
        final Deque<Fault> faults = queued.get(endpoint);
        final Fault fault = null == faults ? null : faults.pollFirst();
        if (null != fault)
        {
            injected.merge(endpoint, 1, Integer::sum);
        }
        return fault;
    }

    /**
     * @param endpoint an endpoint.
     * @return faults still queued for it.
     */
    public synchronized int pending(final KiteEndpoint endpoint)
    {
        final Deque<Fault> faults = queued.get(endpoint);
        return null == faults ? 0 : faults.size();
    }

    /**
     * @param endpoint an endpoint.
     * @return faults applied to it so far.
     */
    public synchronized int injected(final KiteEndpoint endpoint)
    {
        return injected.getOrDefault(endpoint, 0);
    }

    /** Forget every queued fault. */
    public synchronized void clear()
    {
        queued.clear();
    }
}
