package dev.vyuha.gateway;

import dev.vyuha.gateway.venue.BrokerVenue;
import dev.vyuha.gateway.venue.ExecutionEvent;
import dev.vyuha.gateway.venue.ReconciliationSnapshot;
import dev.vyuha.gateway.venue.SessionEvent;
import dev.vyuha.gateway.venue.VenueListener;
import io.aeron.FragmentAssembler;
import io.aeron.Subscription;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.ManyToOneConcurrentLinkedQueue;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The gateway's duty cycle on one thread: poll order commands (and market data in paper mode) into the venue,
 * reassembling frames larger than the MTU, let the venue do timed work, and publish whatever the venue reported, in
 * order. Venues report from their own threads into a queue; a report that meets back-pressure or no engine stays at the
 * head and is tried again next cycle. Reports larger than the MTU (reconciliation parts) arrive fragmented: the engine
 * must poll them through a {@code FragmentAssembler}.
 */
final class GatewayAgent implements Agent, VenueListener
{
    private final Subscription commands;
    private final Subscription marketData;
    private final OrderCommandAdapter commandAdapter;
    private final MarketDataAdapter marketDataAdapter;
    private final FragmentAssembler commandAssembler;
    private final FragmentAssembler marketDataAssembler;
    private final BrokerVenue venue;
    private final EpochNanoClock clock;
    private final int fragmentLimit;
    private final ExecutionReportPublisher executionReports;
    private final BrokerSessionPublisher sessions;
    private final ReconciliationReportPublisher reconciliations;
    private final ManyToOneConcurrentLinkedQueue<Object> outbox = new ManyToOneConcurrentLinkedQueue<>();
    private ReconciliationReportPublisher.Cursor reconciliationInProgress;
    private final AtomicLong published = new AtomicLong();

    GatewayAgent(
        final Subscription commands,
        final Subscription marketData,
        final ReportPublication reports,
        final BrokerVenue venue,
        final EpochNanoClock clock,
        final int fragmentLimit)
    {
        this.commands = commands;
        this.marketData = marketData;
        this.venue = venue;
        this.clock = clock;
        this.fragmentLimit = fragmentLimit;
        this.commandAdapter = new OrderCommandAdapter(venue);
        this.marketDataAdapter = null == marketData ? null : new MarketDataAdapter(venue, clock);
        this.commandAssembler = new FragmentAssembler(commandAdapter);
        this.marketDataAssembler = null == marketData ? null : new FragmentAssembler(marketDataAdapter);
        this.executionReports = new ExecutionReportPublisher(reports);
        this.sessions = new BrokerSessionPublisher(reports);
        this.reconciliations = new ReconciliationReportPublisher(reports);
    }

    @Override
    public String roleName()
    {
        return "vyuha-gateway";
    }

    @Override
    public void onStart()
    {
        venue.start(this);
    }

    @Override
    public int doWork()
    {
        int work = commands.poll(commandAssembler, fragmentLimit);
        if (null != marketData)
        {
            work += marketData.poll(marketDataAssembler, fragmentLimit);
        }
        work += venue.doWork(clock.nanoTime());
        work += publishOutbox();
        return work;
    }

    @Override
    public void onExecution(final ExecutionEvent event)
    {
        outbox.offer(event);
    }

    @Override
    public void onSession(final SessionEvent event)
    {
        outbox.offer(event);
    }

    @Override
    public void onReconciliation(final ReconciliationSnapshot snapshot)
    {
        outbox.offer(snapshot);
    }

    long commandsReceived()
    {
        return commandAdapter.commands();
    }

    long badCommandFrames()
    {
        return commandAdapter.badFrames() + commandAdapter.unexpectedFrames();
    }

    long badMarketDataFrames()
    {
        return null == marketDataAdapter ? 0 : marketDataAdapter.badFrames();
    }

    long reportsPublished()
    {
        return published.get();
    }

    private int publishOutbox()
    {
        int work = 0;
        Object next;
        while (null != (next = outbox.peek()))
        {
            final boolean done;
            if (next instanceof ExecutionEvent execution)
            {
                done = executionReports.publish(execution);
            }
            else if (next instanceof SessionEvent session)
            {
                done = sessions.publish(session);
            }
            else
            {
                if (null == reconciliationInProgress)
                {
                    reconciliationInProgress = new ReconciliationReportPublisher.Cursor((ReconciliationSnapshot)next);
                }
                done = reconciliations.publish(reconciliationInProgress);
                if (done)
                {
                    reconciliationInProgress = null;
                }
            }
            if (!done)
            {
                break;
            }
            outbox.poll();
            published.incrementAndGet();
            work++;
        }
        return work;
    }
}
