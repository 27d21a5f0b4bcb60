package dev.vyuha.gateway;

import dev.vyuha.gateway.venue.OrderIntent;
import dev.vyuha.gateway.venue.ReconciliationSnapshot;
import dev.vyuha.sbe.BooleanType;
import dev.vyuha.sbe.BrokerOrderStatus;
import dev.vyuha.sbe.OrderType;
import dev.vyuha.sbe.ReconciliationReportDecoder;
import dev.vyuha.sbe.Side;
import dev.vyuha.wire.FrameReader;
import dev.vyuha.wire.FrameVerdict;
import dev.vyuha.wire.OrderTags;
import io.aeron.Aeron;
import io.aeron.FragmentAssembler;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import org.agrona.CloseHelper;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ReconciliationReportPublisherTest
{
    @Test
    void shouldPublishALargeSnapshotInNumberedPartsWithTheLastFlagged() throws InterruptedException
    {
        final String directory = new File(System.getProperty("java.io.tmpdir"), "vyuha-recon-test-" + UUID.randomUUID())
            .getAbsolutePath();
        final MediaDriver driver = MediaDriver.launchEmbedded(new MediaDriver.Context().aeronDirectoryName(directory)
            .threadingMode(ThreadingMode.SHARED).sharedIdleStrategy(new BackoffIdleStrategy())
            .dirDeleteOnStart(true).dirDeleteOnShutdown(true));
        final Aeron aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(directory));
        try
        {
            final Subscription subscription = aeron.addSubscription("aeron:ipc", 77);
            final Publication publication = aeron.addPublication("aeron:ipc", 77);
            while (!publication.isConnected())
            {
                Thread.sleep(1);
            }
            final ReconciliationReportPublisher publisher =
                new ReconciliationReportPublisher(new ReportPublication(publication));
            final ReconciliationReportPublisher.Cursor cursor = new ReconciliationReportPublisher.Cursor(snapshot());

            while (!publisher.publish(cursor))
            {
                Thread.sleep(1);
            }

            final FrameReader reader = new FrameReader();
            final List<int[]> parts = new ArrayList<>();
            final List<Long> clientOrderIds = new ArrayList<>();
            final FragmentAssembler assembler = new FragmentAssembler((buffer, offset, length, header) ->
            {
                assertEquals(FrameVerdict.VALID, reader.read(buffer, offset, length));
                final ReconciliationReportDecoder report = reader.reconciliationReport();
                final int part = report.part();
                final int last = report.lastPart() == BooleanType.TRUE ? 1 : 0;
                final ReconciliationReportDecoder.OrdersDecoder orders = report.orders();
                final int orderCount = orders.count();
                for (final ReconciliationReportDecoder.OrdersDecoder order : orders)
                {
                    clientOrderIds.add(order.clientOrderId());
                }
                final ReconciliationReportDecoder.TradesDecoder trades = report.trades();
                final int tradeCount = trades.count();
                for (final ReconciliationReportDecoder.TradesDecoder trade : trades)
                {
                    assertEquals(65, trade.quantity());
                }
                parts.add(new int[] {part, last, orderCount, tradeCount, report.positions().count()});
            });
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (parts.size() < 3 && System.nanoTime() < deadline)
            {
                if (0 == subscription.poll(assembler, 10))
                {
                    Thread.sleep(1);
                }
            }
            assertEquals(List.of("1 0 100 100 5", "2 0 100 20 0", "3 1 50 0 0"), parts.stream()
                .map(p -> p[0] + " " + p[1] + " " + p[2] + " " + p[3] + " " + p[4]).toList());
            assertEquals(IntStream.range(0, 250).mapToObj(i -> (long)i).toList(), clientOrderIds);
        }
        finally
        {
            CloseHelper.quietCloseAll(aeron, driver);
        }
    }

    private static ReconciliationSnapshot snapshot()
    {
        final List<ReconciliationSnapshot.Order> orders = IntStream.range(0, 250).mapToObj(i ->
            new ReconciliationSnapshot.Order("2611210000" + i, OrderTags.intentTag(i), i, 11547650, Side.BUY,
                OrderType.LIMIT, BrokerOrderStatus.COMPLETE, 65, 65, 0, 100_00, OrderIntent.NO_PRICE, 100_00,
                OrderIntent.NO_PRICE)).toList();
        final List<ReconciliationSnapshot.Trade> trades = IntStream.range(0, 120).mapToObj(i ->
            new ReconciliationSnapshot.Trade("5000" + i, "2611210000" + i, OrderTags.intentTag(i), i, 11547650,
                Side.BUY, 65, 100_00, OrderIntent.NO_PRICE)).toList();
        final List<ReconciliationSnapshot.Position> positions = IntStream.range(0, 5).mapToObj(i ->
            new ReconciliationSnapshot.Position(11547650 + i, "SYM" + i, 65, 100_00, 65, 0, 6500_00, 0, 0, 0))
            .toList();
        return new ReconciliationSnapshot(5, "VY1234", 0, orders, trades, positions);
    }
}
