package dev.vyuha.feed;

import dev.vyuha.sbe.DerivativeTickDecoder;
import dev.vyuha.sbe.FeedStateDecoder;
import dev.vyuha.sbe.IndexTickDecoder;
import dev.vyuha.wire.FrameReader;
import dev.vyuha.wire.FrameVerdict;
import io.aeron.Aeron;
import io.aeron.FragmentAssembler;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import org.agrona.CloseHelper;
import org.agrona.concurrent.BackoffIdleStrategy;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The engine's side of the market-data stream in tests: an embedded media driver in a fresh temp directory and a
 * subscriber that validates every frame with the schema's reader, through a {@code FragmentAssembler}, as the engine
 * and the gateway do.
 */
final class MarketDataSubscriber implements AutoCloseable
{
    static final String CHANNEL = "aeron:ipc";
    static final int STREAM = 2001;

    private final String directory;
    private final MediaDriver driver;
    private final Aeron aeron;
    private Subscription subscription;
    private final FrameReader reader = new FrameReader();
    private final FragmentAssembler assembler = new FragmentAssembler(this::onFragment);
    final List<byte[]> frames = new ArrayList<>();
    long indexTicks;
    long derivativeTicks;
    final List<String> feedStates = new ArrayList<>();

    MarketDataSubscriber(final boolean subscribe)
    {
        directory = new File(System.getProperty("java.io.tmpdir"), "vyuha-feed-test-" + UUID.randomUUID())
            .getAbsolutePath();
        driver = MediaDriver.launchEmbedded(new MediaDriver.Context()
            .aeronDirectoryName(directory)
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(new BackoffIdleStrategy())
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true));
        aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(directory));
        if (subscribe)
        {
            subscribe();
        }
    }

    void subscribe()
    {
        subscription = aeron.addSubscription(CHANNEL, STREAM);
    }

    String directory()
    {
        return directory;
    }

    Aeron aeron()
    {
        return aeron;
    }

    FeedContext context()
    {
        return new FeedContext().aeronDirectoryName(directory).embeddedDriver(false).channel(CHANNEL).streamId(STREAM);
    }

    int poll()
    {
        return null == subscription ? 0 : subscription.poll(assembler, 256);
    }

    void await(final BooleanSupplier condition, final String what)
    {
        final long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < end)
        {
            if (poll() == 0)
            {
                if (condition.getAsBoolean())
                {
                    return;
                }
                Thread.onSpinWait();
                Thread.yield();
            }
        }
        fail("timed out waiting for " + what + " (" + frames.size() + " frames)");
    }

    private void onFragment(final org.agrona.DirectBuffer buffer, final int offset, final int length,
        final io.aeron.logbuffer.Header header)
    {
        assertEquals(FrameVerdict.VALID, reader.read(buffer, offset, length), reader::rejectionReason);
        final byte[] bytes = new byte[length];
        buffer.getBytes(offset, bytes);
        frames.add(bytes);
        switch (reader.templateId())
        {
            case IndexTickDecoder.TEMPLATE_ID -> indexTicks++;
            case DerivativeTickDecoder.TEMPLATE_ID -> derivativeTicks++;
            case FeedStateDecoder.TEMPLATE_ID ->
            {
                final FeedStateDecoder state = reader.feedState();
                feedStates.add(state.scope() + " " + state.status() + " " + state.reason());
            }
            default -> fail("not a market-data frame: " + reader.templateId());
        }
    }

    @Override
    public void close()
    {
        CloseHelper.quietCloseAll(subscription, aeron, driver);
    }
}
