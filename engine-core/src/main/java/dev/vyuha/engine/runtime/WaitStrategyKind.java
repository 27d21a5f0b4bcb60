package dev.vyuha.engine.runtime;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;

/**
 * How the ring's consumers wait for commands. On a 2-core machine only the business-logic thread may spin, and only
 * when configured (../shared/ARCHITECTURE.md §7): the default blocks.
 */
public enum WaitStrategyKind
{
    /** Park until signalled: no CPU when idle; wake-up costs tens of microseconds. The default. */
    BLOCKING,
    /** Spin briefly then yield: lower latency, some CPU when idle. */
    YIELDING,
    /** Spin: lowest latency, a whole core per consumer. Only with cores to spare. */
    BUSY_SPIN;

    WaitStrategy create()
    {
        return switch (this)
        {
            case BLOCKING -> new BlockingWaitStrategy();
            case YIELDING -> new YieldingWaitStrategy();
            case BUSY_SPIN -> new BusySpinWaitStrategy();
        };
    }
}
