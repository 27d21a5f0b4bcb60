package dev.vyuha.bench.gateway;

import dev.vyuha.gateway.Gateway;
import dev.vyuha.gateway.venue.BrokerVenue;
import dev.vyuha.gateway.venue.ExecutionEvent;
import dev.vyuha.gateway.venue.OrderAmendment;
import dev.vyuha.gateway.venue.OrderCancellation;
import dev.vyuha.gateway.venue.OrderIntent;
import dev.vyuha.gateway.venue.ReconciliationQuery;
import dev.vyuha.gateway.venue.VenueListener;
import dev.vyuha.sbe.ExecType;
import dev.vyuha.sbe.RejectReason;

import java.util.concurrent.TimeUnit;

/**
 * The Aeron IPC round trip engine → gateway → engine: the engine publishes NewOrder frames on a fixed-rate schedule,
 * the gateway's agent decodes each (validating {@code FrameReader}) and hands it to a venue that acknowledges at once,
 * and the ACK ExecutionReport comes back over IPC. Latency runs from the planned send time (no coordinated omission)
 * to the ACK's arrival at the engine. Embedded driver in SHARED mode with a backoff idle strategy, the gateway agent on
 * its default backoff idle strategy, the engine thread spinning (the only spinner). Run:
 * {@code java -cp benchmarks/target/benchmarks.jar dev.vyuha.bench.gateway.GatewayRoundTripBenchmark}.
 */
public final class GatewayRoundTripBenchmark
{
    private GatewayRoundTripBenchmark()
    {
    }

    /** A venue that acknowledges every order at once, on the agent thread. */
    static final class ImmediateAckVenue implements BrokerVenue
    {
        private VenueListener listener;

        @Override
        public void start(final VenueListener listener)
        {
            this.listener = listener;
        }

        @Override
        public void onNewOrder(final OrderIntent intent)
        {
            listener.onExecution(new ExecutionEvent(intent.clientOrderId(), 0, intent.account(), "", ExecType.ACK,
                RejectReason.NONE, intent.instrumentToken(), intent.side(), 0, 0, intent.quantity(), 0,
                OrderIntent.NO_PRICE, 0, OrderIntent.NO_PRICE, intent.quantity(), "", OrderIntent.NO_PRICE, ""));
        }

        @Override
        public void onModifyOrder(final OrderAmendment amendment)
        {
        }

        @Override
        public void onCancelOrder(final OrderCancellation cancellation)
        {
        }

        @Override
        public void onReconciliationRequest(final ReconciliationQuery request)
        {
        }

        @Override
        public String name()
        {
            return "immediate-ack";
        }

        @Override
        public void close()
        {
        }
    }

    /**
     * @param args optional: the gateway agent's idle strategy (backoff, the default, or yielding, sleeping).
     * @throws Exception on failure.
     */
    public static void main(final String[] args) throws Exception
    {
        System.setProperty("VYUHA_LOG_LEVEL", "WARN");
        final String idle = args.length > 0 ? args[0] : "backoff";
        System.setProperty(dev.vyuha.gateway.GatewayContext.IDLE_STRATEGY_PROP_NAME, idle);
        try (BenchEngine engine = new BenchEngine();
            Gateway gateway = Gateway.launch(engine.gatewayContext().venueFactory(c -> new ImmediateAckVenue())))
        {
            while (!engine.connected())
            {
                Thread.sleep(10);
            }
            final long[] nextId = {1};
            run(engine, nextId, 1_000, 2, false);
            System.out.println("Gateway: Aeron IPC round trip engine -> gateway -> engine (venue acks at once), "
                + "gateway agent idle strategy " + idle);
            for (final int rate : new int[] {1_000, 10_000, 50_000})
            {
                run(engine, nextId, rate, 5, true);
            }
            if (gateway.badCommandFrames() != 0)
            {
                throw new IllegalStateException("bad frames: " + gateway.badCommandFrames());
            }
        }
    }

    private static void run(final BenchEngine engine, final long[] nextId, final int ratePerSecond,
        final int seconds, final boolean report) throws InterruptedException
    {
        final int count = ratePerSecond * seconds;
        final long first = nextId[0];
        final long[] planned = new long[count];
        final LatencyRecorder roundTrip = new LatencyRecorder(ratePerSecond + "/s planned send -> ACK at the engine");
        engine.onAck((id, now) ->
        {
            final int index = (int)(id - first);
            if (index >= 0 && index < count)
            {
                roundTrip.record(now - planned[index]);
            }
        });
        final long interval = TimeUnit.SECONDS.toNanos(1) / ratePerSecond;
        final long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        for (int i = 0; i < count; i++)
        {
            planned[i] = start + i * interval;
            GatewayHttpLatencyBenchmark.waitUntil(engine, planned[i]);
            engine.sendNewOrder(first + i, 11547650L, "NIFTY2681824450CE", 1_00);
        }
        nextId[0] = first + count;
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (roundTrip.count() < count && System.nanoTime() < deadline)
        {
            if (0 == engine.poll())
            {
                Thread.onSpinWait();
            }
        }
        if (report)
        {
            System.out.println(roundTrip.report());
        }
    }
}
