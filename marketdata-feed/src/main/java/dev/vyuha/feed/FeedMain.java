package dev.vyuha.feed;

import dev.vyuha.feed.synthetic.SyntheticDaySummary;
import org.agrona.concurrent.ShutdownSignalBarrier;

import java.nio.file.Path;

/**
 * Runs the market-data feed as its own JVM, configured by system properties and environment ({@link FeedContext}).
 *
 * <pre>
 * java --add-exports=java.base/jdk.internal.misc=ALL-UNNAMED -Dvyuha.feed.source=synthetic -Dvyuha.feed.speed=60 \
 *     -cp "engine-app/target/engine-app.jar:engine-app/target/lib/*" dev.vyuha.feed.FeedMain
 * </pre>
 *
 * Commands: none runs the feed until SIGINT/SIGTERM (or, with {@value #EXIT_AT_END_PROP_NAME} true, the end of a
 * replay); {@code master FILE} writes the instrument master of the configured synthetic day (or bar files) in Kite's
 * CSV format and exits; {@code summary} generates the configured synthetic day and prints what it looks like.
 */
public final class FeedMain
{
    /** Exit when a replay or synthetic day has been published to its end. */
    public static final String EXIT_AT_END_PROP_NAME = "vyuha.feed.exit.at.end";

    private FeedMain()
    {
    }

    /**
     * @param args none, {@code master FILE} or {@code summary}.
     */
    public static void main(final String[] args)
    {
        final FeedContext context = new FeedContext();
        if (args.length >= 1 && "master".equals(args[0]))
        {
            if (args.length != 2)
            {
                throw new IllegalArgumentException("usage: master FILE");
            }
            context.conclude();
            final Path file = Path.of(args[1]);
            if (context.sourceKind() == FeedSourceKind.BARS)
            {
                try (Feed feed = Feed.create(context.masterFile(file.toString())))
                {
                    System.out.println(feed.source().master().size() + " instruments written to " + file);
                }
            }
            else
            {
                final int rows = Feed.writeSyntheticMaster(file, context);
                System.out.println(rows + " instruments of the synthetic day " + context.date() + " written to " + file);
            }
            return;
        }
        if (args.length >= 1 && "summary".equals(args[0]))
        {
            System.out.print(SyntheticDaySummary.describe(FeedSources.syntheticSettings(context)));
            return;
        }
        if (args.length > 0)
        {
            throw new IllegalArgumentException("unknown command " + args[0] + " (none, master FILE or summary)");
        }
        final boolean exitAtEnd = Boolean.parseBoolean(System.getProperty(EXIT_AT_END_PROP_NAME, "true"));
        // The barrier closes last: its shutdown hook waits for that, so SIGTERM ends the JVM once the feed is closed.
        try (ShutdownSignalBarrier barrier = new ShutdownSignalBarrier(); Feed feed = Feed.launch(context))
        {
            if (exitAtEnd)
            {
                final Thread watcher = new Thread(() ->
                {
                    while (!feed.isFinished())
                    {
                        sleep(100);
                    }
                    sleep(1_000);
                    barrier.signal();
                }, "vyuha-feed-end-watcher");
                watcher.setDaemon(true);
                watcher.start();
            }
            barrier.await();
        }
    }

    private static void sleep(final long millis)
    {
        try
        {
            Thread.sleep(millis);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
