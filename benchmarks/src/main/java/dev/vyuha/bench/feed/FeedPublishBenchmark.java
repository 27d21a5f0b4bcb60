package dev.vyuha.bench.feed;

import dev.vyuha.feed.source.MarketDataSource;
import dev.vyuha.feed.synthetic.SyntheticMarket;
import dev.vyuha.feed.synthetic.SyntheticSettings;
import io.aeron.Aeron;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.aeron.logbuffer.FragmentHandler;
import org.agrona.CloseHelper;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.File;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ticks per second the feed publishes over {@code aeron:ipc} (target: at least 1 000 000/s), with a subscriber
 * draining the stream on its own thread as the engine would (polling, yielding when the stream is empty), an embedded
 * driver in SHARED mode with a backoff idle strategy, and the default IPC term length. Three measurements:
 *
 * <ul>
 *   <li>{@code publishRecordedTicks}: the publishing path alone: the frames of a synthetic day's first 200 000 ticks
 *   (index ticks and FULL option/future ticks with 5+5 depth, 318 bytes on average), offered one by one, spinning on
 *   back-pressure;</li>
 *   <li>{@code generateAndPublish}: the synthetic source's pull (path, Black-76 on an SSVI surface, book, trade, SBE
 *   encode) then the offer: what {@code FeedAgent} does for the demo at speed {@code max};</li>
 *   <li>{@code generateOnly}: the pull API alone, no Aeron and no subscriber: what a backtest driving the engine
 *   directly gets.</li>
 * </ul>
 *
 * At teardown the subscriber must have received every frame published (checked). Run:
 * {@code java -jar benchmarks/target/benchmarks.jar FeedPublishBenchmark -wi 3 -i 5 -f 1}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED"})
public class FeedPublishBenchmark
{
    private static final int BATCH = 100;
    private static final LocalDate DAY = LocalDate.of(2026, 8, 17);

    /**
     * A synthetic day to pull from, replaced by the next seed's when it ends.
     */
    @State(Scope.Thread)
    public static class Synthetic
    {
        private SyntheticMarket market;
        private long seed = 1;
        final UnsafeBuffer scratch = new UnsafeBuffer(ByteBuffer.allocateDirect(MarketDataSource.MAX_FRAME_LENGTH));

        /** The first day. */
        @Setup(Level.Trial)
        public void setUp()
        {
            market = next();
        }

        private SyntheticMarket next()
        {
            return new SyntheticMarket(new SyntheticSettings().tradingDate(DAY).seed(seed++));
        }

        int pull()
        {
            int length = market.next(scratch, 0);
            if (length == MarketDataSource.END_OF_DATA)
            {
                market = next();
                length = market.next(scratch, 0);
            }
            return length;
        }
    }

    /**
     * The stream: driver, publication, draining subscriber, and recorded frames to publish.
     */
    @State(Scope.Benchmark)
    public static class Stream
    {
        private static final int RECORDED = 200_000;

        private MediaDriver driver;
        private Aeron aeron;
        private Publication publication;
        private Subscription subscription;
        private Thread consumer;
        private volatile boolean running;
        private final AtomicLong consumed = new AtomicLong();
        private long published;
        private UnsafeBuffer recorded;
        private int[] offsets;
        private int[] lengths;
        private int next;
        private long recordedBytes;

        /** Driver, publication, subscriber thread, recorded frames. */
        @Setup(Level.Trial)
        public void setUp()
        {
            final String directory = new File(System.getProperty("java.io.tmpdir"), "vyuha-feed-bench-"
                + UUID.randomUUID()).getAbsolutePath();
            driver = MediaDriver.launchEmbedded(new MediaDriver.Context()
                .aeronDirectoryName(directory)
                .threadingMode(ThreadingMode.SHARED)
                .sharedIdleStrategy(new BackoffIdleStrategy())
                .dirDeleteOnStart(true)
                .dirDeleteOnShutdown(true));
            aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(directory));
            publication = aeron.addPublication("aeron:ipc", 2001);
            subscription = aeron.addSubscription("aeron:ipc", 2001);
            while (!publication.isConnected())
            {
                Thread.onSpinWait();
            }
            running = true;
            final FragmentHandler count = (buffer, offset, length, header) -> consumed.lazySet(consumed.get() + 1);
            consumer = new Thread(() ->
            {
                while (running)
                {
                    if (subscription.poll(count, 1024) == 0)
                    {
                        Thread.yield();
                    }
                }
            }, "engine-side-subscriber");
            consumer.setDaemon(true);
            consumer.start();

            final SyntheticMarket day = new SyntheticMarket(new SyntheticSettings().tradingDate(DAY));
            recorded = new UnsafeBuffer(ByteBuffer.allocateDirect(RECORDED * 336));
            offsets = new int[RECORDED];
            lengths = new int[RECORDED];
            int at = 0;
            for (int i = 0; i < RECORDED; i++)
            {
                final int length = day.next(recorded, at);
                offsets[i] = at;
                lengths[i] = length;
                at += (length + 7) & ~7;
            }
            recordedBytes = at;
        }

        /** Wait for the subscriber to drain, check nothing was lost, stop. */
        @TearDown(Level.Trial)
        public void tearDown()
        {
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (consumed.get() < published && System.nanoTime() < deadline)
            {
                Thread.onSpinWait();
            }
            running = false;
            try
            {
                consumer.join(5_000);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
            final long received = consumed.get();
            CloseHelper.quietCloseAll(subscription, publication, aeron, driver);
            if (received != published)
            {
                throw new IllegalStateException("published " + published + " frames but the subscriber got " + received);
            }
            System.out.printf("%n%,d frames published and all received; recorded frames average %d bytes%n",
                published, recordedBytes / RECORDED);
        }

        void offer(final UnsafeBuffer buffer, final int offset, final int length)
        {
            long result;
            while ((result = publication.offer(buffer, offset, length)) < 0)
            {
                if (result == Publication.NOT_CONNECTED || result == Publication.CLOSED)
                {
                    throw new IllegalStateException(Publication.errorString(result));
                }
                Thread.onSpinWait();
            }
            published++;
        }

        void offerRecorded()
        {
            final int frame = next;
            next = frame + 1 == RECORDED ? 0 : frame + 1;
            offer(recorded, offsets[frame], lengths[frame]);
        }
    }

    /**
     * @param stream the stream.
     * @return frames published.
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long publishRecordedTicks(final Stream stream)
    {
        for (int i = 0; i < BATCH; i++)
        {
            stream.offerRecorded();
        }
        return stream.published;
    }

    /**
     * @param stream    the stream.
     * @param synthetic the day.
     * @return frames published.
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long generateAndPublish(final Stream stream, final Synthetic synthetic)
    {
        for (int i = 0; i < BATCH; i++)
        {
            stream.offer(synthetic.scratch, 0, synthetic.pull());
        }
        return stream.published;
    }

    /**
     * @param synthetic the day.
     * @param blackhole sink.
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void generateOnly(final Synthetic synthetic, final Blackhole blackhole)
    {
        for (int i = 0; i < BATCH; i++)
        {
            blackhole.consume(synthetic.pull());
        }
    }
}
