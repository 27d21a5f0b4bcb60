package dev.vyuha.admin;

import dev.vyuha.engine.event.EngineEvent;
import dev.vyuha.engine.runtime.CommandFrames;
import dev.vyuha.engine.runtime.EngineRuntime;
import dev.vyuha.engine.runtime.WaitStrategyKind;
import dev.vyuha.engine.scenario.SyntheticMarket;
import dev.vyuha.engine.strategy.runtime.EngineConfig;
import dev.vyuha.engine.strategy.runtime.TradingEngine;
import dev.vyuha.reference.calendar.IndiaTime;
import org.agrona.ExpandableArrayBuffer;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real engine on its ring (no journal) with the synthetic instrument master loaded and the admin API in front of
 * it, on a test clock that starts at 09:00 IST on Monday 2026-08-17 and moves a millisecond per command.
 */
final class RunningEngine implements AutoCloseable
{
    static final String ADMIN = "admin-token-0123456789";
    static final String TRADER = "trader-token-0123456789";
    static final String VIEWER = "viewer-token-0123456789";

    final SyntheticMarket market = new SyntheticMarket();
    final List<EngineEvent> events = new CopyOnWriteArrayList<>();
    final CommandOutcomes outcomes = new CommandOutcomes();
    final TradingEngine engine;
    final EngineRuntime runtime;
    final AdminApi api;
    final AtomicLong clock = new AtomicLong(IndiaTime.epochNanos(LocalDate.of(2026, 8, 17), LocalTime.of(9, 0)));

    RunningEngine(final int maxRequestBytes)
    {
        engine = new TradingEngine(EngineConfig.defaults(), event ->
        {
            events.add(event);
            outcomes.onEvent(event);
        });
        runtime = new EngineRuntime(new EngineRuntime.Context().ringSize(1024).waitStrategy(WaitStrategyKind.BLOCKING),
            engine, (buffer, offset, length, cause) -> { }, List.of());
        runtime.start();
        final ExpandableArrayBuffer frame = new ExpandableArrayBuffer();
        final int length = new CommandFrames().instrumentMaster(frame, 0, (int)LocalDate.of(2026, 8, 17).toEpochDay(),
            "synthetic", market.csv());
        runtime.publish(frame, 0, length, clock.getAndAdd(1_000_000));
        api = new AdminApi(new AdminApiContext().port(0).maxRequestBytes(maxRequestBytes).token(ADMIN, Role.ADMIN)
            .token(TRADER, Role.TRADER).token(VIEWER, Role.VIEWER),
            new RingEngineAccess(runtime, engine, () -> clock.getAndAdd(1_000_000), () -> 0, () -> LatencySummary.EMPTY),
            outcomes, 1_000).start();
    }

    /** Publish a raw command (a tick, say) as another producer would. */
    void publish(final org.agrona.DirectBuffer frame, final int length)
    {
        runtime.publish(frame, 0, length, clock.getAndAdd(1_000_000));
    }

    @Override
    public void close()
    {
        api.close();
        runtime.drainAndStop(5, TimeUnit.SECONDS);
    }
}
