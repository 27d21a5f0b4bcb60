package dev.vyuha.kitesim;

import com.zerodhatech.kiteconnect.KiteConnect;
import com.zerodhatech.models.Instrument;
import com.zerodhatech.models.LTPQuote;
import com.zerodhatech.models.Margin;
import com.zerodhatech.models.Order;
import com.zerodhatech.models.OrderParams;
import com.zerodhatech.models.Position;
import com.zerodhatech.models.Profile;
import com.zerodhatech.models.Quote;
import com.zerodhatech.models.Trade;
import com.zerodhatech.models.User;
import com.zerodhatech.ticker.KiteTicker;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.File;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The simulator's responses parse with the real SDK exactly as the official mocks ({@code ../shared/data/6_kite_mocks})
 * do: each mock is served verbatim by a plain HTTP server, the simulator serves the same endpoint for a state seeded
 * like the mock, both go through the same SDK call, and the resulting model objects are compared field by field.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class KiteMockParityTest
{
    private static final Set<String> NONE = Set.of();
    private static final Set<String> ORDER_VALUES = Set.of("exchange", "tradingSymbol", "orderType", "transactionType",
        "validity", "product", "quantity", "filledQuantity", "pendingQuantity", "averagePrice", "status", "price",
        "triggerPrice", "disclosedQuantity", "orderVariety", "validityTTL", "statusMessage", "parentOrderId",
        "auctionNumber");

    private KiteSimulator simulator;
    private MockFileServer mocks;
    private KiteConnect simulated;
    private KiteConnect mocked;

    @BeforeEach
    void start()
    {
        KiteFixtures.mocks();
        simulator = KiteSimulator.start(new KiteSimulatorConfig());
        mocks = new MockFileServer();
        simulated = SdkRoutes.kiteConnect(simulator);
        mocked = SdkRoutes.kiteConnect(mocks.url(), "anykey", "anytoken");
    }

    @AfterEach
    void stop()
    {
        // Null when the shared fixtures are absent and the test was skipped before starting anything.
        if (null != mocks)
        {
            mocks.close();
        }
        if (null != simulator)
        {
            simulator.close();
        }
    }

    @Test
    void shouldParseTheSessionLikeTheMock() throws Throwable
    {
        mocks.json("POST", "/session/token", KiteFixtures.mock("generate_session.json"));
        final KiteConnect login = SdkRoutes.kiteConnect(simulator.restUrl(), simulator.config().apiKey(), null);

        final User mock = mocked.generateSession("request", "secret");
        final User sim = login.generateSession(simulator.config().requestToken(), simulator.config().apiSecret());

        assertSame(mock, sim, Set.of("userType", "broker", "orderTypes"), NONE);
    }

    @Test
    void shouldParseTheProfileAndMarginsLikeTheMocks() throws Throwable
    {
        mocks.json("GET", "/user/profile", KiteFixtures.mock("profile.json"))
            .json("GET", "/user/margins", KiteFixtures.mock("margins.json"))
            .json("GET", "/user/margins/equity", KiteFixtures.mock("margins_equity.json"));

        final Profile mockProfile = mocked.getProfile();
        assertSame(mockProfile, simulated.getProfile(), Set.of("userType", "broker", "orderTypes"), NONE);
        final Map<String, Margin> mockMargins = mocked.getMargins();
        final Map<String, Margin> simMargins = simulated.getMargins();
        assertEquals(mockMargins.keySet(), simMargins.keySet());
        assertSame(mockMargins.get("equity"), simMargins.get("equity"), NONE, NONE);
        assertSame(mocked.getMargins("equity"), simulated.getMargins("equity"), NONE, NONE);
    }

    @Test
    void shouldParsePlaceModifyAndCancelResponsesLikeTheMocks() throws Throwable
    {
        mocks.json("POST", "/orders/regular", KiteFixtures.mock("order_response.json"))
            .json("PUT", "/orders/regular/151220000000000", KiteFixtures.mock("order_modify.json"))
            .json("DELETE", "/orders/regular/151220000000000", KiteFixtures.mock("order_cancel.json"));
        seedSbin(300_00);
        final OrderParams params = order("NSE", "SBIN", "BUY", "LIMIT", 1, 290.0, "CNC");

        final Order placedMock = mocked.placeOrder(params, "regular");
        final Order placedSim = simulated.placeOrder(params, "regular");
        assertSame(placedMock, placedSim, NONE, NONE);
        params.price = 290.5;
        assertSame(mocked.modifyOrder(placedMock.orderId, params, "regular"),
            simulated.modifyOrder(placedSim.orderId, params, "regular"), NONE, NONE);
        assertSame(mocked.cancelOrder(placedMock.orderId, "regular"),
            simulated.cancelOrder(placedSim.orderId, "regular"), NONE, NONE);
    }

    @Test
    void shouldParseTheOrderBookLikeTheMockNfoOrder() throws Throwable
    {
        mocks.json("GET", "/orders", KiteFixtures.mock("orders.json"));
        simulator.exchange().addInstrument(new SimInstrument(10189826, 39804, "NIFTY2580724400CE", "NIFTY", 0,
            LocalDate.of(2025, 8, 7), "24400.0", 5, 75, "CE", "NFO-OPT", "NFO", 1800));
        simulator.exchange().setQuote(SimQuote.twoSided(10189826, 12_25, 150, 12_30, 150));
        final OrderParams params = order("NFO", "NIFTY2580724400CE", "BUY", "MARKET", 150, 0, "NRML");
        params.price = null;
        params.marketProtection = -1;
        final String orderId = simulated.placeOrder(params, "regular").orderId;
        KiteSimulatorOrderTest.await(() -> "COMPLETE".equals(simulator.exchange().order(orderId).status()),
            "market order complete");

        final List<Order> mock = mocked.getOrders();
        final Order mockNfo = mock.stream().filter(o -> "NIFTY2580724400CE".equals(o.tradingSymbol)).findFirst()
            .orElseThrow();

        assertSame(mockNfo, simulated.getOrders().get(0), ORDER_VALUES, NONE);
    }

    @Test
    void shouldParseTheOrderHistoryLikeTheMock() throws Throwable
    {
        mocks.json("GET", "/orders/171229000724687", KiteFixtures.mock("order_info.json"));
        seedSbin(0);
        final OrderParams params = order("NSE", "SBIN", "BUY", "LIMIT", 1, 300.0, "CNC");
        final String orderId = simulated.placeOrder(params, "regular").orderId;
        params.price = 300.1;
        simulated.modifyOrder(orderId, params, "regular");

        final List<Order> mock = mocked.getOrderHistory("171229000724687");
        final List<Order> sim = simulated.getOrderHistory(orderId);

        assertEquals(mock.stream().map(o -> o.status).toList(), sim.stream().map(o -> o.status).toList());
        assertEquals(mock.stream().map(o -> o.price).toList(), sim.stream().map(o -> o.price).toList());
        for (int i = 0; i < mock.size(); i++)
        {
            // order_info.json predates account_id, meta and exchange_update_timestamp (orders.json has them)
            assertSame(mock.get(i), sim.get(i), ORDER_VALUES, Set.of("accountId", "meta", "exchangeUpdateTimestamp"));
        }
    }

    @Test
    void shouldParseTradesAndPositionsLikeTheMocks() throws Throwable
    {
        mocks.json("GET", "/trades", KiteFixtures.mock("trades.json"))
            .json("GET", "/orders/200000000000000/trades", KiteFixtures.mock("order_trades.json"))
            .json("GET", "/portfolio/positions", KiteFixtures.mock("positions.json"));
        seedSbin(420_65);
        final String orderId = simulated.placeOrder(order("NSE", "SBIN", "BUY", "LIMIT", 1, 420.65, "CNC"),
            "regular").orderId;
        KiteSimulatorOrderTest.await(() -> "COMPLETE".equals(simulator.exchange().order(orderId).status()),
            "limit order complete");

        final Trade mockTrade = mocked.getTrades().get(0);
        assertSame(mockTrade, simulated.getTrades().get(0), Set.of("tradingSymbol", "exchange", "instrumentToken",
            "product", "averagePrice", "quantity", "transactionType"), NONE);
        assertSame(mocked.getOrderTrades("200000000000000").get(0), simulated.getOrderTrades(orderId).get(0),
            Set.of("quantity", "transactionType"), NONE);
        final Map<String, List<Position>> mockPositions = mocked.getPositions();
        final Map<String, List<Position>> simPositions = simulated.getPositions();
        assertEquals(mockPositions.keySet(), simPositions.keySet());
        assertSame(mockPositions.get("net").get(0), simPositions.get("net").get(0), Set.of("netQuantity"), NONE);
        assertSame(mockPositions.get("day").get(0), simPositions.get("day").get(0), NONE, NONE);
    }

    @Test
    void shouldParseQuoteAndLtpLikeTheMocksWithEqualValues() throws Throwable
    {
        mocks.json("GET", "/quote", KiteFixtures.mock("quote.json"))
            .json("GET", "/quote/ltp", KiteFixtures.mock("ltp.json"));
        simulator.exchange().addInstrument(new SimInstrument(408065, 1594, "INFY", "INFOSYS", 0, null, "0.0", 5, 1,
            "EQ", "NSE", "NSE", 0));
        final long lastTrade = LocalDateTime.of(2021, 6, 8, 15, 45, 52).atZone(KiteSimulatorConfig.IST)
            .toEpochSecond();
        simulator.exchange().setQuote(SimQuote.builder(408065).lastPrice(1412_95).lastQuantity(5)
            .averagePrice(1412_47).volume(7360198).totals(0, 5191).ohlc(1396_00, 1421_75, 1395_55, 1389_65)
            .circuits(1250_70, 1528_60).times(lastTrade, lastTrade).ask(0, 1412_95, 5191, 13).build());

        final Quote mock = mocked.getQuote(new String[] {"NSE:INFY"}).get("NSE:INFY");
        final Quote sim = simulated.getQuote(new String[] {"NSE:INFY"}).get("NSE:INFY");

        final Set<String> everyFieldButTheTimestamp = new java.util.HashSet<>(
            Arrays.stream(Quote.class.getDeclaredFields()).map(java.lang.reflect.Field::getName).toList());
        everyFieldButTheTimestamp.remove("timestamp");
        assertSame(mock, sim, everyFieldButTheTimestamp, NONE);

        simulator.exchange().setQuote(SimQuote.builder(408065).lastPrice(1074_35).build());
        final LTPQuote mockLtp = mocked.getLTP(new String[] {"NSE:INFY"}).get("NSE:INFY");
        final LTPQuote simLtp = simulated.getLTP(new String[] {"NSE:INFY"}).get("NSE:INFY");
        assertSame(mockLtp, simLtp, Set.of("instrumentToken", "lastPrice"), NONE);
    }

    @Test
    void shouldServeInstrumentsTheSdkReadsExactlyLikeTheMockCsv() throws Throwable
    {
        final String csv = KiteFixtures.read(KiteFixtures.instruments()
            .resolve("kiteconnect-mocks_instruments_nse.csv"));
        mocks.serve("GET", "/instruments/NSE", "text/csv", csv);
        simulator.exchange().addInstruments(InstrumentsCsv.parse(csv, i -> 0));
        final long started = System.currentTimeMillis();

        final List<Instrument> mock;
        final List<Instrument> sim;
        try
        {
            mock = mocked.getInstruments("NSE");
            sim = simulated.getInstruments("NSE");
        }
        finally
        {
            deleteSdkTempFiles(started);
        }

        assertEquals(99, mock.size());
        assertEquals(mock.size(), sim.size());
        final Set<String> all = Set.of("instrument_token", "exchange_token", "tradingsymbol", "name", "last_price",
            "tick_size", "instrument_type", "segment", "exchange", "strike", "lot_size", "expiry");
        for (int i = 0; i < mock.size(); i++)
        {
            assertSame(mock.get(i), sim.get(i), all, NONE);
        }
    }

    @Test
    void shouldSendOrderUpdatesTheTickerParsesLikeTheMockPostback() throws Throwable
    {
        final List<SimulatedExchange.OrderEvent> events = new CopyOnWriteArrayList<>();
        simulator.exchange().addOrderListener(events::add);
        seedSbin(470_00);
        final OrderParams params = order("NSE", "SBIN", "BUY", "MARKET", 1, 0, "CNC");
        params.price = null;
        params.marketProtection = -1;
        simulated.placeOrder(params, "regular");
        KiteSimulatorOrderTest.await(() -> events.stream().anyMatch(e -> "COMPLETE".equals(e.status())),
            "order update COMPLETE");
        final SimulatedExchange.OrderEvent complete = events.stream().filter(e -> "COMPLETE".equals(e.status()))
            .findFirst().orElseThrow();
        final String simMessage = "{\"type\":\"order\",\"data\":" + KiteJson.write(KiteJson.orderUpdate(
            complete.order(), complete.status(), simulator.config().userId(), simulator.config().apiSecret())) + '}';
        final String mockMessage = "{\"type\":\"order\",\"data\":" + KiteFixtures.mock("postback.json") + '}';
        final KiteTicker ticker = SdkRoutes.kiteTicker(simulator.ticker().sdkUriTemplate(), "k", "t");

        final Order mock = ticker.getOrder(new JSONObject(mockMessage));
        final Order sim = ticker.getOrder(new JSONObject(simMessage));

        assertSame(mock, sim, ORDER_VALUES, Set.of("accountId", "guid"));
    }

    private void seedSbin(final long ask)
    {
        simulator.exchange().addInstrument(new SimInstrument(779521, 3045, "SBIN", "STATE BANK OF INDIA", 0, null,
            "0.0", 5, 1, "EQ", "NSE", "NSE", 0));
        if (ask > 0)
        {
            simulator.exchange().setQuote(SimQuote.twoSided(779521, ask - 5, 10, ask, 10));
        }
    }

    private static OrderParams order(
        final String exchange,
        final String symbol,
        final String side,
        final String type,
        final int quantity,
        final double price,
        final String product)
    {
        final OrderParams params = new OrderParams();
        params.exchange = exchange;
        params.tradingsymbol = symbol;
        params.transactionType = side;
        params.orderType = type;
        params.quantity = quantity;
        params.price = price;
        params.product = product;
        params.validity = "DAY";
        return params;
    }

    private static void assertSame(
        final Object mock, final Object simulated, final Set<String> equalFields, final Set<String> mayDiffer)
    {
        final List<String> differences = ModelComparison.differences(mock, simulated, equalFields, mayDiffer);
        assertTrue(differences.isEmpty(), () -> mock.getClass().getSimpleName() + " differs: " + differences);
    }

    /** SDK 3.5.1 writes every instruments body to a temp file it never deletes (KITE.md §6): remove ours. */
    private static void deleteSdkTempFiles(final long since)
    {
        final File[] files = new File(System.getProperty("java.io.tmpdir"))
            .listFiles((dir, name) -> name.startsWith("tempfile") && name.endsWith(".tmp"));
        final List<File> ours = new ArrayList<>();
        for (final File file : null == files ? new File[0] : files)
        {
            if (file.lastModified() >= since - 1000)
            {
                ours.add(file);
            }
        }
        ours.forEach(File::delete);
    }
}
