package dev.vyuha.bench.gateway;

import dev.vyuha.gateway.Gateway;
import dev.vyuha.kitesim.KiteEndpoint;
import dev.vyuha.kitesim.KiteSimulator;
import dev.vyuha.kitesim.KiteSimulatorConfig;
import dev.vyuha.kitesim.SimInstrument;
import dev.vyuha.kitesim.SimQuote;
import dev.vyuha.wire.OrderTags;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Gateway latency from Aeron receive to the HTTP request reaching Kite, with the real SDK and the Kite simulator on
 * loopback in the same JVM (one {@link System#nanoTime()} clock):
 *
 * <ul>
 *   <li><b>receive → HTTP at Kite</b>: the gateway stamps each NewOrder as its Aeron fragment arrives; the simulator
 *   stamps the POST as it reaches its handler (so it includes loopback TCP and Jetty's parse, ~tens of µs);</li>
 *   <li><b>receive → SDK call</b>: the part inside the gateway (decode, hand-off to the broker thread, rate
 *   limiter);</li>
 *   <li><b>planned send → HTTP at Kite</b> and <b>planned send → ACK at the engine</b>: measured from the planned send
 *   time of a fixed-rate schedule, so queueing counts (no coordinated omission).</li>
 * </ul>
 *
 * Orders are resting one-lot limit buys far below the market. The gateway's order budgets are raised above Kite's
 * 10/s for the 100/s phase (to measure the path, not the limiter); the 10/s phase runs at Kite's real limit.
 * Run: {@code java -cp benchmarks/target/benchmarks.jar dev.vyuha.bench.gateway.GatewayHttpLatencyBenchmark}.
 */
public final class GatewayHttpLatencyBenchmark
{
    private static final long TOKEN = 11547650L;
    private static final String SYMBOL = "NIFTY2681824450CE";

    private GatewayHttpLatencyBenchmark()
    {
    }

    /**
     * @param args ignored.
     * @throws Exception on failure.
     */
    public static void main(final String[] args) throws Exception
    {
        System.setProperty("VYUHA_LOG_LEVEL", "WARN");
        final Map<String, long[]> gatewayStamps = new ConcurrentHashMap<>();
        final Map<String, Long> arrivals = new ConcurrentHashMap<>();
        try (KiteSimulator simulator = KiteSimulator.start(new KiteSimulatorConfig().ordersPerSecond(1_000_000)
            .ordersPerMinute(10_000_000).fillInterval(Duration.ofSeconds(1)));
            BenchEngine engine = new BenchEngine())
        {
            simulator.exchange().addInstrument(SimInstrument.nfoOption(TOKEN, SYMBOL, "NIFTY",
                LocalDate.of(2026, 8, 18), 24450, "CE", 65, 1800));
            simulator.exchange().setQuote(SimQuote.twoSided(TOKEN, 99_95, 650, 100_00, 650));
            simulator.observeRequests((endpoint, arrival, form) ->
            {
                if (KiteEndpoint.PLACE_ORDER == endpoint)
                {
                    arrivals.put(form.get("tag"), arrival);
                }
            });
            try (Gateway gateway = Gateway.launch(engine.gatewayContext().venue("kite")
                .account(simulator.config().userId()).kiteApiKey(simulator.config().apiKey())
                .kiteAccessToken(() -> simulator.config().accessToken()).kiteRootUrl(simulator.restUrl())
                .kiteTickerUrl(simulator.ticker().sdkUriTemplate())
                .kiteOrderBudgets(1_000_000, 10_000_000, 10_000_000)
                .kitePlacementObserver((tag, received, sending) -> gatewayStamps.put(tag,
                    new long[] {received, sending}))))
            {
                while (!engine.connected())
                {
                    Thread.sleep(10);
                }
                final long[] ids = {1};
                run(engine, ids, 100, 500, arrivals, gatewayStamps, false);
                System.out.println("Gateway: Aeron receive -> HTTP request at Kite (real SDK, simulator on loopback)");
                run(engine, ids, 10, 200, arrivals, gatewayStamps, true);
                run(engine, ids, 100, 2_000, arrivals, gatewayStamps, true);
                if (gateway.badCommandFrames() != 0)
                {
                    throw new IllegalStateException("bad frames: " + gateway.badCommandFrames());
                }
            }
        }
    }

    private static void run(
        final BenchEngine engine,
        final long[] nextId,
        final int ratePerSecond,
        final int count,
        final Map<String, Long> arrivals,
        final Map<String, long[]> gatewayStamps,
        final boolean report) throws InterruptedException
    {
        final long first = nextId[0];
        final long[] planned = new long[count];
        final LatencyRecorder ack = new LatencyRecorder(ratePerSecond + "/s planned send -> ACK at the engine");
        engine.onAck((id, now) ->
        {
            final int index = (int)(id - first);
            if (index >= 0 && index < count)
            {
                ack.record(now - planned[index]);
            }
        });
        final long interval = TimeUnit.SECONDS.toNanos(1) / ratePerSecond;
        final long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        for (int i = 0; i < count; i++)
        {
            planned[i] = start + i * interval;
            waitUntil(engine, planned[i]);
            engine.sendNewOrder(first + i, TOKEN, SYMBOL, 1_00);
        }
        nextId[0] = first + count;
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (ack.count() < count && System.nanoTime() < deadline)
        {
            if (0 == engine.poll())
            {
                Thread.sleep(1);
            }
        }
        if (!report)
        {
            return;
        }
        final LatencyRecorder receiveToHttp = new LatencyRecorder(ratePerSecond + "/s Aeron receive -> HTTP at Kite");
        final LatencyRecorder receiveToSdk = new LatencyRecorder(ratePerSecond + "/s Aeron receive -> SDK call");
        final LatencyRecorder plannedToHttp = new LatencyRecorder(ratePerSecond + "/s planned send -> HTTP at Kite");
        for (int i = 0; i < count; i++)
        {
            final String tag = OrderTags.intentTag(first + i);
            final Long arrival = arrivals.get(tag);
            final long[] stamps = gatewayStamps.get(tag);
            if (null == arrival || null == stamps)
            {
                continue;
            }
            receiveToHttp.record(arrival - stamps[0]);
            receiveToSdk.record(stamps[1] - stamps[0]);
            plannedToHttp.record(arrival - planned[i]);
        }
        System.out.println(receiveToHttp.report());
        System.out.println(receiveToSdk.report());
        System.out.println(plannedToHttp.report());
        System.out.println(ack.report());
    }

    static void waitUntil(final BenchEngine engine, final long deadline)
    {
        long now;
        while ((now = System.nanoTime()) < deadline)
        {
            if (deadline - now > TimeUnit.MICROSECONDS.toNanos(200))
            {
                if (0 == engine.poll())
                {
                    LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(50));
                }
            }
            else
            {
                engine.poll();
                Thread.onSpinWait();
            }
        }
    }
}
