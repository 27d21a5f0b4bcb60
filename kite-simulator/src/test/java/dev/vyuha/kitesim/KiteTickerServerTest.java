package dev.vyuha.kitesim;

import com.zerodhatech.kiteconnect.KiteConnect;
import com.zerodhatech.kiteconnect.kitehttp.exceptions.KiteException;
import com.zerodhatech.models.Order;
import com.zerodhatech.models.Tick;
import com.zerodhatech.ticker.KiteTicker;
import com.zerodhatech.ticker.OnError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.vyuha.kitesim.KiteSimulatorOrderTest.OPTION;
import static dev.vyuha.kitesim.KiteSimulatorOrderTest.TOKEN;
import static dev.vyuha.kitesim.KiteSimulatorOrderTest.await;
import static dev.vyuha.kitesim.KiteSimulatorOrderTest.limit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ticker WebSocket with the SDK's own {@link KiteTicker}: authentication, subscriptions and modes, packets,
 * heartbeats, pongs, order updates, and connections dropped or refused on demand.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class KiteTickerServerTest
{
    private KiteSimulator simulator;
    private final List<KiteTicker> tickers = new ArrayList<>();
    private final List<Tick> ticks = new CopyOnWriteArrayList<>();
    private final List<Order> orderUpdates = new CopyOnWriteArrayList<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final AtomicInteger emptyTickBatches = new AtomicInteger();
    private final AtomicInteger disconnects = new AtomicInteger();

    @BeforeEach
    void start()
    {
        simulator = KiteSimulator.start(new KiteSimulatorConfig().heartbeatInterval(Duration.ofMillis(200)));
        simulator.exchange().addInstrument(OPTION);
    }

    @AfterEach
    void stop()
    {
        tickers.forEach(KiteTicker::disconnect);
        simulator.close();
    }

    @Test
    void shouldRefuseABadAccessTokenWith403OnTheUpgrade()
    {
        final KiteTicker ticker = ticker("wrongtoken");

        ticker.connect();

        assertFalse(ticker.isConnectionOpen());
        assertTrue(errors.stream().anyMatch(e -> e.contains("403")), errors::toString);
        assertEquals(0, simulator.ticker().connectedClients());
    }

    @Test
    void shouldSendQuotePacketsForSubscribedTokensAndFullPacketsInFullMode() throws Exception
    {
        final KiteTicker ticker = connected();
        ticker.subscribe(tokens(TOKEN));
        await(() -> simulator.ticker().subscriptions().containsKey(TOKEN), "subscription");

        simulator.exchange().setQuote(SimQuote.builder(TOKEN).lastPrice(100_00).ohlc(95_00, 105_00, 90_00, 98_00)
            .bid(0, 99_95, 650, 3).ask(0, 100_05, 130, 2).volume(1000).build());
        await(() -> ticks.stream().anyMatch(t -> "quote".equals(t.getMode())), "quote tick");
        final Tick quote = ticks.stream().filter(t -> "quote".equals(t.getMode())).findFirst().orElseThrow();
        assertEquals(100.0, quote.getLastTradedPrice());
        assertEquals(98.0, quote.getClosePrice());
        assertEquals(1000, quote.getVolumeTradedToday());

        ticker.setMode(tokens(TOKEN), KiteTicker.modeFull);
        await(() -> "full".equals(simulator.ticker().subscriptions().get(TOKEN)), "full mode");
        simulator.exchange().setQuote(SimQuote.twoSided(TOKEN, 99_90, 65, 100_10, 195));
        await(() -> ticks.stream().anyMatch(t -> "full".equals(t.getMode()) && t.getLastTradedPrice() == 100.1),
            "full tick");
        final Tick full = ticks.stream().filter(t -> "full".equals(t.getMode()) && t.getLastTradedPrice() == 100.1)
            .findFirst().orElseThrow();
        assertEquals(195, full.getMarketDepth().get("sell").get(0).getQuantity());
        assertEquals(99.9, full.getMarketDepth().get("buy").get(0).getPrice());
    }

    @Test
    void shouldStopSendingAfterUnsubscribe() throws Exception
    {
        final KiteTicker ticker = connected();
        ticker.subscribe(tokens(TOKEN));
        await(() -> simulator.ticker().subscriptions().containsKey(TOKEN), "subscription");
        ticker.unsubscribe(tokens(TOKEN));
        await(() -> simulator.ticker().subscriptions().isEmpty(), "unsubscribed");

        simulator.ticker().publish(SimQuote.builder(TOKEN).lastPrice(1_00).build());
        Thread.sleep(300);

        assertTrue(ticks.isEmpty(), ticks::toString);
    }

    @Test
    void shouldSendZeroHeartbeatsThatTheSdkDeliversAsEmptyTickLists() throws Exception
    {
        connected();

        await(() -> emptyTickBatches.get() >= 2, "two heartbeats");

        assertTrue(errors.isEmpty(), errors::toString);
    }

    @Test
    void shouldAnswerEveryPingWithAPong() throws Exception
    {
        final CompletableFuture<ByteBuffer> pong = new CompletableFuture<>();
        final WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
            .buildAsync(URI.create("ws://127.0.0.1:" + simulator.ticker().port() + "/?api_key="
                + simulator.config().apiKey() + "&access_token=" + simulator.config().accessToken()),
                new WebSocket.Listener()
                {
                    @Override
                    public CompletionStage<?> onPong(final WebSocket webSocket, final ByteBuffer message)
                    {
                        pong.complete(message);
                        return WebSocket.Listener.super.onPong(webSocket, message);
                    }
                }).get(10, TimeUnit.SECONDS);

        socket.sendPing(ByteBuffer.wrap(new byte[] {1, 2, 3}));

        assertEquals(ByteBuffer.wrap(new byte[] {1, 2, 3}), pong.get(10, TimeUnit.SECONDS));
        socket.abort();
    }

    @Test
    void shouldSendEveryOrderStateChangeAsATextOrderUpdate() throws Throwable
    {
        connected();
        simulator.exchange().setQuote(SimQuote.twoSided(TOKEN, 99_95, 65, 100_00, 65));
        final KiteConnect kite = SdkRoutes.kiteConnect(simulator);

        final String orderId = kite.placeOrder(limit("BUY", 130, 100.0, "UPD"), "regular").orderId;
        await(() -> orderUpdates.stream().anyMatch(o -> "UPDATE".equals(o.status)), "partial fill update");
        kite.cancelOrder(orderId, "regular");
        await(() -> orderUpdates.stream().anyMatch(o -> "CANCELLED".equals(o.status)), "cancel update");

        assertEquals(List.of("OPEN", "UPDATE", "CANCELLED"), orderUpdates.stream().map(o -> o.status).toList());
        assertEquals(List.of("0", "65", "65"), orderUpdates.stream().map(o -> o.filledQuantity).toList());
        assertTrue(orderUpdates.stream().allMatch(o -> orderId.equals(o.orderId) && "UPD".equals(o.tag)));
    }

    @Test
    void shouldDropConnectionsAndRefuseNewOnesOnDemand() throws Exception
    {
        connected();

        simulator.ticker().acceptConnections(false);
        assertEquals(1, simulator.ticker().disconnectAll());
        await(() -> disconnects.get() == 1, "disconnect callback");
        final KiteTicker refused = ticker(simulator.config().accessToken());
        refused.connect();
        assertFalse(refused.isConnectionOpen());
        assertTrue(errors.stream().anyMatch(e -> e.contains("503")), errors::toString);

        simulator.ticker().acceptConnections(true);
        connected();
        assertEquals(1, simulator.ticker().connectedClients());
    }

    @Test
    void shouldDropTheConnectionsOfAnExpiredToken() throws Exception
    {
        connected();

        simulator.expireAccessTokens();

        await(() -> disconnects.get() == 1, "disconnect callback");
        final KiteTicker again = ticker(simulator.config().accessToken());
        again.connect();
        assertFalse(again.isConnectionOpen());
    }

    private KiteTicker connected() throws InterruptedException
    {
        final KiteTicker ticker = ticker(simulator.config().accessToken());
        final AtomicBoolean connected = new AtomicBoolean();
        final int accepted = simulator.ticker().connectionsAccepted();
        ticker.setOnConnectedListener(() -> connected.set(true));
        ticker.connect();
        await(() -> connected.get() && simulator.ticker().connectionsAccepted() > accepted, "ticker connected");
        return ticker;
    }

    private KiteTicker ticker(final String accessToken)
    {
        final KiteTicker ticker = SdkRoutes.kiteTicker(simulator.ticker().sdkUriTemplate(),
            simulator.config().apiKey(), accessToken);
        ticker.setOnTickerArrivalListener(batch ->
        {
            if (batch.isEmpty())
            {
                emptyTickBatches.incrementAndGet();
            }
            ticks.addAll(batch);
        });
        ticker.setOnOrderUpdateListener(orderUpdates::add);
        ticker.setOnDisconnectedListener(disconnects::incrementAndGet);
        ticker.setOnErrorListener(new OnError()
        {
            @Override
            public void onError(final Exception exception)
            {
                errors.add(String.valueOf(exception.getMessage()));
            }

            @Override
            public void onError(final KiteException kiteException)
            {
                errors.add(kiteException.message);
            }

            @Override
            public void onError(final String error)
            {
                errors.add(error);
            }
        });
        tickers.add(ticker);
        return ticker;
    }

    private static ArrayList<Long> tokens(final long... tokens)
    {
        final ArrayList<Long> list = new ArrayList<>();
        for (final long token : tokens)
        {
            list.add(token);
        }
        return list;
    }
}
