package dev.vyuha.journal.audit;

import dev.vyuha.engine.event.EngineEvent;
import dev.vyuha.engine.readmodel.BasketSnapshot;
import dev.vyuha.engine.readmodel.EngineSnapshot;
import dev.vyuha.engine.readmodel.LegSnapshot;
import dev.vyuha.engine.readmodel.StrategySnapshot;
import dev.vyuha.engine.runtime.InlineCommandDriver;
import dev.vyuha.engine.strategy.runtime.EngineConfig;
import dev.vyuha.engine.strategy.runtime.TradingEngine;
import dev.vyuha.journal.JournalLayout;
import dev.vyuha.journal.JournalReplay;
import dev.vyuha.journal.ReplayResult;
import dev.vyuha.reference.calendar.IndiaTime;
import org.agrona.DirectBuffer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit report (DOMAIN.md §10): replays a journal into a fresh engine and explains the day from the events it
 * emits, exactly as the live engine did: each command, each decision with its reason and numbers (why this strike,
 * which rule fired at which threshold and price, on which tick), each order and fill, and the P&amp;L per strategy at
 * the end of each day. Orders are checked against the live ones as the replay goes.
 */
public final class AuditTimeline
{
    private AuditTimeline()
    {
    }

    /**
     * @param layout      the journals.
     * @param config      the engine configuration the journal was recorded with.
     * @param filter      what to show.
     * @param verifyChain also check the hash chain.
     * @param sink        where the timeline goes.
     * @return the summary (also given to the sink).
     */
    public static AuditSummary run(final JournalLayout layout, final EngineConfig config, final AuditFilter filter,
        final boolean verifyChain, final TimelineSink sink)
    {
        final List<EngineEvent> events = new ArrayList<>();
        final TradingEngine engine = new TradingEngine(config, events::add).snapshotInterval(Long.MAX_VALUE);
        final Observer observer = new Observer(engine, events, filter, sink);
        final ReplayResult result;
        try (JournalReplay replay = new JournalReplay(layout, verifyChain))
        {
            final InlineCommandDriver driver = new InlineCommandDriver(engine, replay.orders());
            result = replay.run(driver::applyStamped, engine::stateHash, observer);
        }
        observer.endOfDay();
        final AuditSummary summary = new AuditSummary(result, observer.commandsShown, observer.eventsShown,
            observer.firstTimestampNs, observer.lastTimestampNs, engine.stateHash());
        sink.end(summary);
        return summary;
    }

    private static final class Observer implements JournalReplay.Observer
    {
        private final TradingEngine engine;
        private final List<EngineEvent> events;
        private final AuditFilter filter;
        private final TimelineSink sink;
        private final FrameDescriber describer = new FrameDescriber();
        private final Map<String, Long> basketNumbers = new HashMap<>();
        private FrameDescriber.Description pending;
        private LocalDate day;
        private long lastSequence = -1;
        private long commandsShown;
        private long eventsShown;
        private long firstTimestampNs;
        private long lastTimestampNs;

        Observer(final TradingEngine engine, final List<EngineEvent> events, final AuditFilter filter,
            final TimelineSink sink)
        {
            this.engine = engine;
            this.events = events;
            this.filter = filter;
            this.sink = sink;
        }

        @Override
        public void beforeCommand(final long index, final long sequence, final long timestampNs,
            final DirectBuffer frame, final int length)
        {
            final LocalDate date = IndiaTime.date(timestampNs);
            if (null != day && !day.equals(date))
            {
                endOfDay();
            }
            day = date;
            if (0 == firstTimestampNs)
            {
                firstTimestampNs = timestampNs;
            }
            events.clear();
            // Described before it is applied: the frame is only valid now.
            pending = filter.showsDate(date) ? describer.describe(frame, 0, length) : null;
        }

        @Override
        public void afterCommand(final long index, final long sequence, final long timestampNs)
        {
            lastSequence = sequence;
            lastTimestampNs = timestampNs;
            for (final EngineEvent event : events)
            {
                if (event instanceof EngineEvent.BasketChanged changed && changed.basketNumber() > 0)
                {
                    basketNumbers.put(changed.scope().basketId(), changed.basketNumber());
                }
            }
            if (null == pending)
            {
                return;
            }
            final List<EngineEvent> shown = new ArrayList<>(events.size());
            for (final EngineEvent event : events)
            {
                if (filter.shows(event, basketNumbers))
                {
                    shown.add(event);
                }
            }
            final boolean show = !shown.isEmpty() || !filter.scoped() && (!pending.tick() || filter.ticks());
            if (show)
            {
                commandsShown++;
                eventsShown += shown.size();
                sink.command(sequence, timestampNs, pending, shown);
            }
            pending = null;
        }

        void endOfDay()
        {
            if (null == day || lastSequence < 0 || !filter.showsDate(day))
            {
                return;
            }
            final EngineSnapshot snapshot = engine.snapshotNow(lastSequence);
            final List<TimelineSink.PnlRow> rows = new ArrayList<>();
            for (final BasketSnapshot basket : snapshot.baskets())
            {
                for (final StrategySnapshot strategy : basket.strategies())
                {
                    if (!filter.showsScope(basket.id(), strategy.id(), basket.number(), 0))
                    {
                        continue;
                    }
                    long realised = 0;
                    long unrealised = 0;
                    long open = 0;
                    for (final LegSnapshot leg : strategy.legs())
                    {
                        realised += leg.realisedPaise();
                        unrealised += leg.unrealisedPaise();
                        open += Math.abs(leg.netQuantity());
                    }
                    rows.add(new TimelineSink.PnlRow(basket.number(), basket.id(), strategy.id(), strategy.name(),
                        strategy.state(), realised, unrealised, strategy.mtmPaise(), open));
                }
            }
            sink.pnl(day, lastSequence, rows);
            day = null;
        }
    }
}
