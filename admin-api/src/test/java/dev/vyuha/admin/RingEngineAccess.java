package dev.vyuha.admin;

import dev.vyuha.engine.readmodel.EngineSnapshot;
import dev.vyuha.engine.runtime.EngineRuntime;
import dev.vyuha.engine.strategy.runtime.TradingEngine;
import org.agrona.DirectBuffer;

import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * {@link EngineAccess} over a running {@link EngineRuntime} and its {@link TradingEngine}: commands are published into
 * the ring as one more producer, stamped with the given clock; read models come from the engine's published snapshot.
 * The admin API's tests drive a bare ring through it; the engine process uses its journaled counterpart
 * ({@code JournaledEngineAccess} in engine-app).
 */
final class RingEngineAccess implements EngineAccess
{
    private final EngineRuntime runtime;
    private final TradingEngine engine;
    private final LongSupplier epochNanosClock;
    private final LongSupplier journalLag;
    private final Supplier<LatencySummary> decisionLatency;

    /**
     * @param runtime         the started ring.
     * @param engine          the business logic it drives.
     * @param epochNanosClock the producer clock (nanoseconds since the epoch).
     * @param journalLag      commands published but not yet journaled.
     * @param decisionLatency business-logic time per command.
     */
    RingEngineAccess(final EngineRuntime runtime, final TradingEngine engine, final LongSupplier epochNanosClock,
        final LongSupplier journalLag, final Supplier<LatencySummary> decisionLatency)
    {
        this.runtime = runtime;
        this.engine = engine;
        this.epochNanosClock = epochNanosClock;
        this.journalLag = journalLag;
        this.decisionLatency = decisionLatency;
    }

    @Override
    public long submit(final DirectBuffer frame, final int offset, final int length)
    {
        return runtime.publish(frame, offset, length, epochNanosClock.getAsLong());
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
        return runtime.backlog();
    }

    @Override
    public long journalLag()
    {
        return journalLag.getAsLong();
    }

    @Override
    public LatencySummary decisionLatency()
    {
        return decisionLatency.get();
    }
}
