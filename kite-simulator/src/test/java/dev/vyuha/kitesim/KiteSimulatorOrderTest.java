package dev.vyuha.kitesim;

import com.zerodhatech.kiteconnect.KiteConnect;
import com.zerodhatech.kiteconnect.kitehttp.exceptions.GeneralException;
import com.zerodhatech.kiteconnect.kitehttp.exceptions.InputException;
import com.zerodhatech.kiteconnect.kitehttp.exceptions.KiteException;
import com.zerodhatech.kiteconnect.kitehttp.exceptions.NetworkException;
import com.zerodhatech.kiteconnect.kitehttp.exceptions.TokenException;
import com.zerodhatech.models.Order;
import com.zerodhatech.models.OrderParams;
import com.zerodhatech.models.Position;
import com.zerodhatech.models.Trade;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The simulator's order management through the real SDK: matching, partial fills, Kite's rejections, rate limits and
 * injected faults.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class KiteSimulatorOrderTest
{
    static final long TOKEN = 11547650L;
    static final String SYMBOL = "NIFTY2681824450CE";
    static final SimInstrument OPTION = SimInstrument.nfoOption(TOKEN, SYMBOL, "NIFTY", LocalDate.of(2026, 8, 18),
        24450, "CE", 65, 1800);

    private KiteSimulator simulator;
    private KiteConnect kite;

    @BeforeEach
    void start()
    {
        simulator = KiteSimulator.start(new KiteSimulatorConfig().ordersPerSecond(1000).ordersPerMinute(10_000));
        simulator.exchange().addInstrument(OPTION);
        simulator.exchange().setQuote(SimQuote.builder(TOKEN).lastPrice(100_00).ohlc(95_00, 105_00, 90_00, 98_00)
            .bid(0, 99_95, 650, 3).ask(0, 100_00, 650, 4).build());
        kite = SdkRoutes.withoutSilentRetries(SdkRoutes.kiteConnect(simulator));
    }

    @AfterEach
    void stop()
    {
        simulator.close();
    }

    @Test
    void shouldFillAMarketableLimitOrderAgainstTheBook() throws Throwable
    {
        final String orderId = kite.placeOrder(limit("BUY", 130, 101.0, "T1"), "regular").orderId;

        awaitStatus(orderId, "COMPLETE");
        final Order order = last(kite.getOrderHistory(orderId));
        assertEquals("130", order.filledQuantity);
        assertEquals("100", order.averagePrice);
        assertEquals("T1", order.tag);
        final List<Trade> trades = kite.getOrderTrades(orderId);
        assertEquals(1, trades.size());
        assertEquals("100", trades.get(0).averagePrice);
        final Position position = kite.getPositions().get("net").get(0);
        assertEquals(130, position.netQuantity);
        assertEquals(SYMBOL, position.tradingSymbol);
        assertEquals(1, simulator.placementsWithTag("T1"));
    }

    @Test
    void shouldFillAQuantityBeyondTheTopOfTheBookOverSeveralLevels() throws Throwable
    {
        simulator.exchange().setQuote(SimQuote.builder(TOKEN).lastPrice(100_00)
            .ask(0, 100_00, 65, 1).ask(1, 100_50, 65, 1).ask(2, 101_00, 130, 2).bid(0, 99_95, 65, 1).build());

        final String orderId = kite.placeOrder(limit("BUY", 195, 101.0, "WALK"), "regular").orderId;

        awaitStatus(orderId, "COMPLETE");
        final List<Trade> trades = kite.getOrderTrades(orderId);
        assertEquals(List.of("100", "100.5", "101"), trades.stream().map(t -> t.averagePrice).toList());
        assertEquals(List.of("65", "65", "65"), trades.stream().map(t -> t.quantity).toList());
        assertEquals("100.5", last(kite.getOrderHistory(orderId)).averagePrice);
        assertTrue(kite.getOrderHistory(orderId).stream().anyMatch(o -> "65".equals(o.filledQuantity)),
            "a partial fill is visible in the order history");
    }

    @Test
    void shouldRestTheRemainderUntilANewQuoteBringsLiquidity() throws Throwable
    {
        simulator.exchange().setQuote(SimQuote.twoSided(TOKEN, 99_95, 65, 100_00, 65));
        final String orderId = kite.placeOrder(limit("BUY", 130, 100.0, "REST"), "regular").orderId;
        awaitFilled(orderId, 65);
        Thread.sleep(100);
        assertEquals("OPEN", last(kite.getOrderHistory(orderId)).status);

        simulator.exchange().setQuote(SimQuote.twoSided(TOKEN, 99_95, 65, 100_00, 65));

        awaitStatus(orderId, "COMPLETE");
    }

    @Test
    void shouldRejectAFreezeQuantityBreachNamingTheLimit()
    {
        final InputException ex = assertThrows(InputException.class,
            () -> kite.placeOrder(limit("BUY", 1820, 101.0, "FRZ"), "regular"));

        assertEquals(400, ex.code);
        assertTrue(ex.message.contains("1800"), ex.message);
        assertEquals(0, simulator.placementsWithTag("FRZ"));
    }

    @Test
    void shouldRejectMarketOrdersWithoutMarketProtection()
    {
        final OrderParams params = limit("BUY", 65, 0, "MKT0");
        params.orderType = "MARKET";
        params.price = null;

        final InputException ex = assertThrows(InputException.class, () -> kite.placeOrder(params, "regular"));

        assertEquals("Market orders without market protection are not allowed via API. Please set market "
            + "protection or use a Limit order.", ex.message);
    }

    @Test
    void shouldFillMarketOrdersWithAutomaticMarketProtection() throws Throwable
    {
        final OrderParams params = limit("SELL", 65, 0, "MKTA");
        params.orderType = "MARKET";
        params.price = null;
        params.marketProtection = -1;

        final String orderId = kite.placeOrder(params, "regular").orderId;

        awaitStatus(orderId, "COMPLETE");
        assertEquals("99.95", last(kite.getOrderHistory(orderId)).averagePrice);
    }

    @Test
    void shouldRejectTheModificationAfterTheTwentyFifth() throws Throwable
    {
        final String orderId = kite.placeOrder(limit("BUY", 65, 90.0, "MOD"), "regular").orderId;
        for (int i = 0; i < 25; i++)
        {
            kite.modifyOrder(orderId, limit("BUY", 65, 90.0 - (i + 1) * 0.05, null), "regular");
        }

        final InputException ex = assertThrows(InputException.class,
            () -> kite.modifyOrder(orderId, limit("BUY", 65, 80.0, null), "regular"));

        assertEquals("Maximum allowed order modifications exceeded.", ex.message);
        assertEquals("88.75", last(kite.getOrderHistory(orderId)).price);
    }

    @Test
    void shouldAcceptThenRejectAnOrderTheMarginCannotCover() throws Throwable
    {
        simulator.close();
        simulator = KiteSimulator.start(new KiteSimulatorConfig().availableCash(10_000_00));
        simulator.exchange().addInstrument(OPTION);
        simulator.exchange().setQuote(SimQuote.twoSided(TOKEN, 99_95, 650, 100_00, 650));
        kite = SdkRoutes.kiteConnect(simulator);

        final String orderId = kite.placeOrder(limit("BUY", 130, 100.0, "MRG"), "regular").orderId;

        final Order order = last(kite.getOrderHistory(orderId));
        assertEquals("REJECTED", order.status);
        assertTrue(order.statusMessage.startsWith("Insufficient funds. Required margin is 13000.00 but available "
            + "margin is 10000.00"), order.statusMessage);
        assertEquals(1, simulator.placementsWithTag("MRG"));
    }

    @Test
    void shouldRejectAnExpiredTokenWithTokenException() throws Throwable
    {
        kite.getProfile();
        simulator.expireAccessTokens();

        final TokenException ex = assertThrows(TokenException.class, () -> kite.getOrders());

        assertEquals(403, ex.code);
        assertEquals("Incorrect `api_key` or `access_token`.", ex.message);
    }

    @Test
    void shouldIssueASessionForAValidChecksumOnly() throws Throwable
    {
        final KiteConnect login = SdkRoutes.kiteConnect(simulator.restUrl(), simulator.config().apiKey(), null);
        simulator.nextAccessToken("freshtoken1");

        assertThrows(InputException.class, () -> login.generateSession(simulator.config().requestToken(), "wrong"));
        final String accessToken = login.generateSession(simulator.config().requestToken(),
            simulator.config().apiSecret()).accessToken;

        assertEquals("freshtoken1", accessToken);
        login.setAccessToken(accessToken);
        assertEquals(simulator.config().userName(), login.getProfile().userName);
    }

    @Test
    void shouldRefuseOrderRequestsBeyondTheRateLimitWithoutPlacingThem() throws Throwable
    {
        simulator.close();
        simulator = KiteSimulator.start(new KiteSimulatorConfig().ordersPerSecond(2));
        simulator.exchange().addInstrument(OPTION);
        kite = SdkRoutes.kiteConnect(simulator);

        int refused = 0;
        for (int i = 0; i < 10; i++)
        {
            try
            {
                kite.placeOrder(limit("BUY", 65, 90.0, "RL" + i), "regular");
            }
            catch (final NetworkException ex)
            {
                assertEquals(429, ex.code);
                assertEquals("Too many requests", ex.message);
                refused++;
            }
        }

        assertTrue(refused > 0, "some of 10 rapid orders must exceed 2/s");
        assertEquals(refused, simulator.rateLimitedRequests());
        assertEquals(10 - refused, simulator.exchange().orders().size());
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504})
    void shouldAnswerInjectedServerErrorsWithTheSdkExceptionAndStatus(final int status) throws Throwable
    {
        simulator.faults().inject(KiteEndpoint.PLACE_ORDER, Fault.serverError(status));
        simulator.faults().inject(KiteEndpoint.PLACE_ORDER, Fault.serverError(status).afterProcessing());

        final KiteException before = assertThrows(KiteException.class,
            () -> kite.placeOrder(limit("BUY", 65, 90.0, "E1"), "regular"));
        final KiteException after = assertThrows(KiteException.class,
            () -> kite.placeOrder(limit("BUY", 65, 90.0, "E2"), "regular"));

        assertEquals(status, before.code);
        assertEquals(status, after.code);
        final Class<? extends KiteException> expected = 500 == status ? GeneralException.class : NetworkException.class;
        assertEquals(expected, before.getClass());
        assertEquals(0, simulator.placementsWithTag("E1"), "a fault before processing places nothing");
        assertEquals(1, simulator.placementsWithTag("E2"), "a fault after processing hides a placed order");
    }

    @Test
    void shouldAnswerInjectedRateLimitWithNetworkException429()
    {
        simulator.faults().inject(KiteEndpoint.PLACE_ORDER, Fault.tooManyRequests());

        final NetworkException ex = assertThrows(NetworkException.class,
            () -> kite.placeOrder(limit("BUY", 65, 90.0, "R429"), "regular"));

        assertEquals(429, ex.code);
        assertEquals(0, simulator.placementsWithTag("R429"));
    }

    @Test
    void shouldStallASlowRequest() throws Throwable
    {
        simulator.faults().inject(KiteEndpoint.ORDERS, Fault.delay(Duration.ofMillis(300)));

        final long start = System.nanoTime();
        kite.getOrders();

        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(300));
    }

    @Test
    void shouldPlaceTheOrderButLoseTheResponseWhenTheConnectionDropsAfterProcessing() throws Throwable
    {
        kite.getProfile();
        simulator.faults().inject(KiteEndpoint.PLACE_ORDER, Fault.drop().afterProcessing());

        assertThrows(IOException.class, () -> kite.placeOrder(limit("BUY", 65, 90.0, "LOST"), "regular"));

        assertEquals(1, simulator.placementsWithTag("LOST"));
        assertEquals("LOST", kite.getOrders().get(0).tag);
    }

    @Test
    void shouldShowThatTheUnmodifiedSdkResendsAnOrderWhenAPooledConnectionDropsAfterPlacement() throws Throwable
    {
        final KiteConnect unmodified = SdkRoutes.kiteConnect(simulator);
        unmodified.getProfile();
        simulator.faults().inject(KiteEndpoint.PLACE_ORDER, Fault.drop().afterProcessing());

        unmodified.placeOrder(limit("BUY", 65, 90.0, "TWICE"), "regular");

        assertEquals(2, simulator.placementsWithTag("TWICE"),
            "OkHttp's retryOnConnectionFailure silently re-POSTs: why the gateway turns it off");
        assertEquals(List.of("TWICE"), simulator.exchange().duplicateTags());
    }

    @Test
    void shouldCancelTheRemainderOfAnOpenOrder() throws Throwable
    {
        simulator.exchange().setQuote(SimQuote.twoSided(TOKEN, 99_95, 65, 100_00, 65));
        final String orderId = kite.placeOrder(limit("BUY", 130, 100.0, "CXL"), "regular").orderId;
        awaitFilled(orderId, 65);

        kite.cancelOrder(orderId, "regular");

        final Order order = last(kite.getOrderHistory(orderId));
        assertEquals("CANCELLED", order.status);
        assertEquals("65", order.filledQuantity);
        assertThrows(InputException.class, () -> kite.cancelOrder(orderId, "regular"));
    }

    @Test
    void shouldTriggerAStopLossOrderWhenThePriceCrossesIt() throws Throwable
    {
        final OrderParams params = limit("SELL", 65, 94.0, "SL");
        params.orderType = "SL";
        params.triggerPrice = 95.0;
        final String orderId = kite.placeOrder(params, "regular").orderId;
        Thread.sleep(100);
        assertEquals("TRIGGER PENDING", last(kite.getOrderHistory(orderId)).status);

        simulator.exchange().setQuote(SimQuote.twoSided(TOKEN, 94_90, 650, 95_00, 650).toBuilder().lastPrice(94_95)
            .build());

        awaitStatus(orderId, "COMPLETE");
        assertEquals("94.9", last(kite.getOrderHistory(orderId)).averagePrice);
    }

    @Test
    void shouldCancelTheUnfilledPartOfAnImmediateOrCancelOrder() throws Throwable
    {
        simulator.exchange().setQuote(SimQuote.twoSided(TOKEN, 99_95, 65, 100_00, 65));
        final OrderParams params = limit("BUY", 130, 100.0, "IOC");
        params.validity = "IOC";

        final String orderId = kite.placeOrder(params, "regular").orderId;

        awaitStatus(orderId, "CANCELLED");
        assertEquals("65", last(kite.getOrderHistory(orderId)).filledQuantity);
        final Map<String, Integer> byTag = simulator.exchange().placementsByTag();
        assertEquals(Map.of("IOC", 1), byTag);
    }

    @Test
    void shouldFillARestingOrderWhenAScriptedPricePathReachesIt() throws Throwable
    {
        final String orderId = kite.placeOrder(limit("BUY", 65, 98.0, "PATH"), "regular").orderId;
        Thread.sleep(100);
        assertEquals("OPEN", last(kite.getOrderHistory(orderId)).status);

        simulator.exchange().playPricePath(List.of(
            SimQuote.twoSided(TOKEN, 99_00, 650, 99_05, 650),
            SimQuote.twoSided(TOKEN, 98_50, 650, 98_55, 650),
            SimQuote.twoSided(TOKEN, 97_90, 650, 97_95, 650)), Duration.ofMillis(50));

        awaitStatus(orderId, "COMPLETE");
        assertEquals("97.95", last(kite.getOrderHistory(orderId)).averagePrice);
        assertEquals(97_95, simulator.exchange().quote(TOKEN).ask(0).price(), "the path ran to its end");
    }

    static OrderParams limit(final String side, final int quantity, final double price, final String tag)
    {
        final OrderParams params = new OrderParams();
        params.exchange = "NFO";
        params.tradingsymbol = SYMBOL;
        params.transactionType = side;
        params.quantity = quantity;
        params.price = price;
        params.product = "NRML";
        params.orderType = "LIMIT";
        params.validity = "DAY";
        params.tag = tag;
        return params;
    }

    static Order last(final List<Order> history)
    {
        return history.get(history.size() - 1);
    }

    private void awaitStatus(final String orderId, final String status) throws InterruptedException
    {
        await(() -> status.equals(simulator.exchange().order(orderId).status()), "order " + orderId + " " + status);
    }

    private void awaitFilled(final String orderId, final int filled) throws InterruptedException
    {
        await(() -> simulator.exchange().order(orderId).filledQuantity() >= filled, "order " + orderId + " filled");
    }

    static void await(final BooleanSupplier condition, final String what) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                fail("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }
}
