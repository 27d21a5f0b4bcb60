package dev.vyuha.app.node;

import dev.vyuha.admin.EngineAccess;
import dev.vyuha.admin.LatencySummary;
import dev.vyuha.app.engine.JournaledEngine;
import dev.vyuha.engine.readmodel.EngineSnapshot;
import dev.vyuha.engine.strategy.runtime.TradingEngine;
import org.agrona.DirectBuffer;

/**
 * The admin API's view of the journaled engine: requests enter the ring (and so the journal) stamped by the command
 * clock; reads come from the snapshots the business logic publishes.
 */
final class JournaledEngineAccess implements EngineAccess
{
    private final JournaledEngine journaled;
    private final TradingEngine engine;
    private final CommandClock clock;
    private final DecisionTiming timing;

    JournaledEngineAccess(final JournaledEngine journaled, final TradingEngine engine, final CommandClock clock,
        final DecisionTiming timing)
    {
        this.journaled = journaled;
        this.engine = engine;
        this.clock = clock;
        this.timing = timing;
    }

    @Override
    public long submit(final DirectBuffer frame, final int offset, final int length)
    {
        return journaled.publish(frame, offset, length, clock.nanoTime());
    }

    @Override
    public EngineSnapshot snapshot()
    {
        return engine.snapshot();
    }

    @Override
    public void requestSnapshot()
    {
        engine.requestSnapshot();
    }

    @Override
    public long ringBacklog()
    {
        return journaled.backlog();
    }

    @Override
    public long journalLag()
    {
        return Math.max(0, journaled.lastSequence() - journaled.journaledSequence());
    }

    @Override
    public LatencySummary decisionLatency()
    {
        return timing.summary();
    }
}
