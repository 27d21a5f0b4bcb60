package dev.vyuha.gateway;

import dev.vyuha.gateway.EngineSide.Execution;
import dev.vyuha.kitesim.Fault;
import dev.vyuha.kitesim.KiteEndpoint;
import dev.vyuha.kitesim.SimOrder;
import dev.vyuha.kitesim.SimQuote;
import dev.vyuha.sbe.BrokerSessionStatus;
import dev.vyuha.sbe.ExecType;
import dev.vyuha.sbe.RejectReason;
import dev.vyuha.sbe.Side;
import dev.vyuha.wire.OrderTags;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static dev.vyuha.gateway.KiteGatewayFixture.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End to end: the engine's side publishes SBE order commands over Aeron IPC, the gateway places them through the real
 * kiteconnect SDK at the Kite simulator, and execution reports come back over Aeron. One test per fault; each proves
 * that the engine's positions converge to what Kite holds and that no tag was placed twice.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class GatewayKiteEndToEndTest
{
    private KiteGatewayFixture fixture;

    @AfterEach
    void stop()
    {
        if (null != fixture)
        {
            fixture.close();
        }
    }

    @Test
    void shouldPlaceAnOrderAndReportItsFillEndToEnd()
    {
        fixture = new KiteGatewayFixture().awaitReady();

        fixture.order(1).quantity(130).limit(100_05).send();

        final Execution fill = fixture.engine.awaitExecution(e -> e.clientOrderId() == 1 && ExecType.FILL == e
            .execType(), "fill");
        final Execution ack = fixture.engine.executionsOf(1).get(0);
        assertEquals(ExecType.ACK, ack.execType());
        assertEquals(fixture.simulator.exchange().ordersWithTag(OrderTags.intentTag(1)).get(0).orderId(),
            ack.brokerOrderId());
        assertEquals(130, fill.cumulativeQuantity());
        assertEquals(100_00, fill.averagePrice());
        assertEquals(0, fill.leavesQuantity());
        assertEquals(0, fill.sliceCount());
        fixture.assertConverged(TOKEN);
    }

    @Test
    void shouldSliceAboveTheFreezeQuantityTagEverySliceAndAggregateTheFills()
    {
        fixture = new KiteGatewayFixture().awaitReady();
        fixture.simulator.exchange().setQuote(SimQuote.builder(TOKEN).lastPrice(100_00)
            .ask(0, 100_00, 2000, 9).ask(1, 100_05, 2000, 9).bid(0, 99_95, 2000, 9).build());

        fixture.order(2).quantity(3900).limit(100_05).send();

        final Execution fill = fixture.engine.awaitExecution(e -> e.clientOrderId() == 2 && ExecType.FILL == e
            .execType(), "all slices filled");
        final String intentTag = OrderTags.intentTag(2);
        for (int slice = 1; slice <= 3; slice++)
        {
            assertEquals(1, fixture.simulator.placementsWithTag(OrderTags.sliceTag(intentTag, slice)));
        }
        assertEquals(List.of(1755, 1755, 390), fixture.simulator.exchange().orders().stream()
            .map(SimOrder::quantity).toList());
        assertEquals(3900, fill.cumulativeQuantity());
        assertEquals(3, fill.sliceCount());
        assertEquals(3, fixture.engine.executionsOf(2).stream().filter(e -> ExecType.ACK == e.execType()).count());
        final long value = fixture.simulator.exchange().trades().stream().mapToLong(t -> t.quantity() * t.price())
            .sum();
        assertEquals(Math.round(value / 3900.0), fill.averagePrice());
        fixture.assertConverged(TOKEN);
    }

    @Test
    void shouldReportPartialFillsAsTheBookRefills()
    {
        fixture = new KiteGatewayFixture().awaitReady();
        final SimQuote thin = SimQuote.twoSided(TOKEN, 99_95, 65, 100_00, 65);
        fixture.simulator.exchange().setQuote(thin);

        fixture.order(3).quantity(195).limit(100_00).send();
        fixture.engine.awaitExecution(e -> e.clientOrderId() == 3 && 65 == e.cumulativeQuantity(), "first fill");
        fixture.simulator.exchange().setQuote(thin);
        fixture.engine.awaitExecution(e -> e.clientOrderId() == 3 && 130 == e.cumulativeQuantity(), "second fill");
        fixture.simulator.exchange().setQuote(thin);

        final Execution last = fixture.engine.awaitExecution(e -> e.clientOrderId() == 3 && ExecType.FILL == e
            .execType(), "complete");
        final List<Execution> fills = fixture.engine.executionsOf(3).stream().filter(e -> e.lastQuantity() > 0)
            .toList();
        assertEquals(List.of(ExecType.PARTIAL_FILL, ExecType.PARTIAL_FILL, ExecType.FILL),
            fills.stream().map(Execution::execType).toList());
        assertEquals(List.of(130, 65, 0), fills.stream().map(Execution::leavesQuantity).toList());
        assertEquals(195, last.cumulativeQuantity());
        fixture.assertConverged(TOKEN);
    }

    @Test
    void shouldQueueABurstBeyondTheRateLimitInOrderAndRetryRefused429s()
    {
        fixture = new KiteGatewayFixture().awaitReady();
        fixture.simulator.exchange().setQuote(SimQuote.twoSided(TOKEN, 99_95, 65 * 30, 100_00, 65 * 30));
        fixture.simulator.faults().inject(KiteEndpoint.PLACE_ORDER, Fault.tooManyRequests(), 3);

        LongStream.rangeClosed(10, 34).forEach(id -> fixture.order(id).quantity(65).limit(100_00).send());

        fixture.engine.await(() -> LongStream.rangeClosed(10, 34).allMatch(id -> fixture.engine.executionsOf(id)
            .stream().anyMatch(e -> ExecType.FILL == e.execType())), "25 fills");
        assertEquals(3, fixture.simulator.faults().injected(KiteEndpoint.PLACE_ORDER));
        final List<Long> placementOrder = fixture.simulator.exchange().orders().stream()
            .map(o -> OrderTags.clientOrderId(o.tag())).toList();
        assertEquals(LongStream.rangeClosed(10, 34).boxed().toList(), placementOrder, "queued in order, none dropped");
        assertTrue(fixture.engine.executions.stream().noneMatch(e -> ExecType.REJECT == e.execType()));
        fixture.assertConverged(TOKEN);
    }

    @ParameterizedTest(name = "HTTP {0} after the order was placed")
    @ValueSource(ints = {500, 502, 503, 504})
    void shouldLookUpByTagAndNotResendWhenAServerErrorHidesAPlacedOrder(final int status)
    {
        fixture = new KiteGatewayFixture().awaitReady();
        fixture.simulator.faults().inject(KiteEndpoint.PLACE_ORDER, Fault.serverError(status).afterProcessing());

        fixture.order(4).quantity(65).limit(100_00).send();

        fixture.engine.awaitExecution(e -> e.clientOrderId() == 4 && ExecType.FILL == e.execType(), "fill");
        assertEquals(1, fixture.simulator.placementsWithTag(OrderTags.intentTag(4)));
        assertEquals(1, fixture.simulator.requestCount(KiteEndpoint.PLACE_ORDER), "never resent");
        fixture.assertConverged(TOKEN);
    }

    @ParameterizedTest(name = "HTTP {0} before the order was placed")
    @ValueSource(ints = {500, 502, 503, 504})
    void shouldResendAfterLookupsFindNothingWhenAServerErrorCameBeforePlacement(final int status)
    {
        fixture = new KiteGatewayFixture().awaitReady();
        fixture.simulator.faults().inject(KiteEndpoint.PLACE_ORDER, Fault.serverError(status));

        fixture.order(5).quantity(65).limit(100_00).send();

        fixture.engine.awaitExecution(e -> e.clientOrderId() == 5 && ExecType.FILL == e.execType(), "fill");
        assertEquals(2, fixture.simulator.requestCount(KiteEndpoint.PLACE_ORDER), "resent once, after the lookups");
        assertEquals(1, fixture.simulator.placementsWithTag(OrderTags.intentTag(5)));
        fixture.assertConverged(TOKEN);
    }

    @Test
    void shouldLookUpTheOrderByTagBeforeResendingAfterTheResponseTimedOut()
    {
        fixture = new KiteGatewayFixture().awaitReady();
        fixture.simulator.faults().inject(KiteEndpoint.PLACE_ORDER, Fault.delay(Duration.ofMillis(2_000)));

        fixture.order(6).quantity(65).limit(100_00).send();

        fixture.engine.awaitExecution(e -> e.clientOrderId() == 6 && ExecType.FILL == e.execType(), "fill");
        fixture.engine.drain(2_500);
        assertEquals(1, fixture.simulator.requestCount(KiteEndpoint.PLACE_ORDER),
            "the order Kite placed after the SDK timed out is adopted, not resent");
        assertEquals(1, fixture.simulator.placementsWithTag(OrderTags.intentTag(6)));
        fixture.assertConverged(TOKEN);
    }

    @Test
    void shouldAdoptAnOrderWhoseSlowResponseArrivedAfterTheTimeout()
    {
        fixture = new KiteGatewayFixture().awaitReady();
        fixture.simulator.faults().inject(KiteEndpoint.PLACE_ORDER,
            Fault.delay(Duration.ofMillis(2_000)).afterProcessing());

        fixture.order(7).quantity(65).limit(100_00).send();

        fixture.engine.awaitExecution(e -> e.clientOrderId() == 7 && ExecType.FILL == e.execType(), "fill");
        assertEquals(1, fixture.simulator.requestCount(KiteEndpoint.PLACE_ORDER));
        fixture.assertConverged(TOKEN);
    }

    @Test
    void shouldAdoptAnOrderPlacedWhenTheConnectionDroppedBeforeTheResponse()
    {
        fixture = new KiteGatewayFixture().awaitReady();
        fixture.simulator.faults().inject(KiteEndpoint.PLACE_ORDER, Fault.drop().afterProcessing());

        fixture.order(8).quantity(65).limit(100_00).send();

        fixture.engine.awaitExecution(e -> e.clientOrderId() == 8 && ExecType.FILL == e.execType(), "fill");
        fixture.engine.drain(2_000);
        assertEquals(1, fixture.simulator.requestCount(KiteEndpoint.PLACE_ORDER),
            "neither OkHttp nor the gateway re-POSTed the order");
        assertEquals(1, fixture.simulator.placementsWithTag(OrderTags.intentTag(8)));
        fixture.assertConverged(TOKEN);
    }

    @Test
    void shouldResendAnOrderWhoseConnectionDroppedBeforeItReachedKite()
    {
        fixture = new KiteGatewayFixture().awaitReady();
        fixture.simulator.faults().inject(KiteEndpoint.PLACE_ORDER, Fault.drop());

        fixture.order(9).quantity(65).limit(100_00).send();

        fixture.engine.awaitExecution(e -> e.clientOrderId() == 9 && ExecType.FILL == e.execType(), "fill");
        assertEquals(2, fixture.simulator.requestCount(KiteEndpoint.PLACE_ORDER));
        assertEquals(1, fixture.simulator.placementsWithTag(OrderTags.intentTag(9)));
        fixture.assertConverged(TOKEN);
    }

    @Test
    void shouldReportSessionExpiryRefuseNewOrdersAndResumeWithANewToken()
    {
        fixture = new KiteGatewayFixture().awaitReady();
        fixture.order(40).quantity(65).limit(100_00).send();
        fixture.engine.awaitExecution(e -> e.clientOrderId() == 40 && ExecType.FILL == e.execType(), "first fill");

        fixture.simulator.expireAccessTokens();
        fixture.order(41).quantity(65).limit(100_00).send();

        fixture.engine.await(() -> fixture.engine.sessions.stream()
            .anyMatch(s -> BrokerSessionStatus.EXPIRED == s.status()), "session EXPIRED");
        final Execution refused = fixture.engine.awaitExecution(e -> e.clientOrderId() == 41
            && ExecType.REJECT == e.execType(), "order refused");
        assertEquals(RejectReason.SESSION_EXPIRED, refused.rejectReason());
        fixture.order(42).quantity(65).limit(100_00).send();
        assertEquals(RejectReason.SESSION_EXPIRED, fixture.engine.awaitExecution(e -> e.clientOrderId() == 42
            && ExecType.REJECT == e.execType(), "second order refused").rejectReason());

        fixture.simulator.validateAccessToken("renewedtoken2");
        fixture.accessToken.set("renewedtoken2");
        fixture.engine.await(() -> BrokerSessionStatus.VALID == fixture.engine.sessions
            .get(fixture.engine.sessions.size() - 1).status(), "session VALID again");
        fixture.order(43).quantity(65).limit(100_00).send();

        fixture.engine.awaitExecution(e -> e.clientOrderId() == 43 && ExecType.FILL == e.execType(), "fill after");
        assertEquals(0, fixture.simulator.placementsWithTag(OrderTags.intentTag(41)));
        assertEquals(0, fixture.simulator.placementsWithTag(OrderTags.intentTag(42)));
        fixture.assertConverged(TOKEN);
    }

    @Test
    void shouldTakeFillsFromThePollWhenTheTickerIsDown()
    {
        fixture = new KiteGatewayFixture().awaitReady();
        fixture.engine.await(() -> fixture.simulator.ticker().connectedClients() > 0, "gateway ticker connected");
        fixture.simulator.ticker().acceptConnections(false);
        fixture.simulator.ticker().disconnectAll();
        final SimQuote thin = SimQuote.twoSided(TOKEN, 99_95, 65, 100_00, 65);
        fixture.simulator.exchange().setQuote(thin);

        fixture.order(50).quantity(130).limit(100_00).send();
        fixture.engine.awaitExecution(e -> e.clientOrderId() == 50 && 65 == e.cumulativeQuantity(), "polled fill");
        fixture.simulator.exchange().setQuote(thin);

        fixture.engine.awaitExecution(e -> e.clientOrderId() == 50 && ExecType.FILL == e.execType(), "polled fill");
        assertEquals(0, fixture.simulator.ticker().connectedClients(), "no ticker: every update came from the poll");
        assertTrue(fixture.simulator.requestCount(KiteEndpoint.ORDERS) > 1);
        fixture.assertConverged(TOKEN);
    }

    @Test
    void shouldReportRejectionsWithTheirReasons()
    {
        fixture = new KiteGatewayFixture().awaitReady();

        fixture.simulator.exchange().rejectNextOrder("Insufficient funds. Required margin is 6500.00 but available "
            + "margin is 100.00.");
        fixture.order(60).quantity(65).limit(100_00).send();
        assertEquals(RejectReason.MARGIN, rejection(60).rejectReason());

        fixture.order(61).quantity(1820).freeze(0).limit(100_00).send();
        final Execution freeze = rejection(61);
        assertEquals(RejectReason.FREEZE_QUANTITY, freeze.rejectReason());
        assertTrue(freeze.text().contains("1800"), freeze.text());

        fixture.order(62).quantity(65 * 300).limit(100_00).send();
        final Execution cap = rejection(62);
        assertEquals(RejectReason.FREEZE_QUANTITY, cap.rejectReason());
        assertEquals(0, fixture.simulator.placementsWithTag(OrderTags.sliceTag(OrderTags.intentTag(62), 1)),
            "an intent above the slice cap is refused whole: nothing is sent");

        fixture.simulator.exchange().rejectNextOrder("RMS:Rule: Check circuit limit including square off order "
            + "exceeds");
        fixture.order(63).quantity(65).limit(100_00).send();
        assertEquals(RejectReason.EXCHANGE, rejection(63).rejectReason());

        fixture.order(64).quantity(65).limit(100_00).tag(OrderTags.intentTag(999)).send();
        assertEquals(RejectReason.INVALID_REQUEST, rejection(64).rejectReason());

        fixture.order(65).quantity(100).limit(100_00).send();
        assertEquals(RejectReason.INVALID_REQUEST, rejection(65).rejectReason());
        fixture.assertConverged(TOKEN);
    }

    @Test
    void shouldSendMarketIntentsAsMarketableLimitsByDefault()
    {
        fixture = new KiteGatewayFixture().awaitReady();

        fixture.order(70).quantity(65).market(100_00).send();
        fixture.order(71).side(Side.SELL).quantity(65).market(100_03).send();

        fixture.engine.await(() -> 2 == fixture.engine.executions.stream().filter(e -> ExecType.FILL == e.execType())
            .count(), "two fills");
        final SimOrder buy = fixture.simulator.exchange().ordersWithTag(OrderTags.intentTag(70)).get(0);
        final SimOrder sell = fixture.simulator.exchange().ordersWithTag(OrderTags.intentTag(71)).get(0);
        assertEquals("LIMIT", buy.orderType());
        assertEquals(101_00, buy.price(), "reference 100.00 + 1 % buffer");
        assertEquals("LIMIT", sell.orderType());
        assertEquals(99_05, sell.price(), "reference 100.03 - 1 % = 99.0297, rounded up to the tick");
        fixture.assertConverged(TOKEN);
    }

    @Test
    void shouldSendMarketOrdersWithMarketProtectionWhenConfiguredTo()
    {
        fixture = new KiteGatewayFixture(c -> c, g -> g.marketOrderStyle("market")).awaitReady();

        fixture.order(72).quantity(65).market(100_00).send();

        fixture.engine.awaitExecution(e -> e.clientOrderId() == 72 && ExecType.FILL == e.execType(), "fill");
        final SimOrder order = fixture.simulator.exchange().ordersWithTag(OrderTags.intentTag(72)).get(0);
        assertEquals("MARKET", order.orderType());
        assertEquals(-1.0, order.marketProtection());
        fixture.assertConverged(TOKEN);
    }

    @Test
    void shouldModifyAndCancelOrdersAndReportTheModificationLimit()
    {
        fixture = new KiteGatewayFixture().awaitReady();
        fixture.order(80).quantity(130).limit(90_00).send();
        fixture.engine.awaitExecution(e -> e.clientOrderId() == 80 && ExecType.ACK == e.execType(), "ack");

        for (int i = 1; i <= 26; i++)
        {
            fixture.engine.modify(1000 + i, 80, 130, 90_00 + i * 5);
        }

        final Execution limit = fixture.engine.awaitExecution(e -> e.requestId() == 1026, "26th modification");
        assertEquals(ExecType.MODIFY_REJECT, limit.execType());
        assertEquals(RejectReason.MODIFICATION_LIMIT, limit.rejectReason());
        assertEquals(25, fixture.engine.executions.stream().filter(e -> ExecType.MODIFIED == e.execType()).count());
        assertEquals(91_25, fixture.simulator.exchange().ordersWithTag(OrderTags.intentTag(80)).get(0).price());

        fixture.engine.cancel(2000, 80);

        final Execution cancelled = fixture.engine.awaitExecution(e -> e.requestId() == 2000, "cancelled");
        assertEquals(ExecType.CANCELLED, cancelled.execType());
        assertEquals(0, cancelled.leavesQuantity());
        fixture.engine.cancel(2001, 80);
        assertEquals(ExecType.CANCEL_REJECT, fixture.engine.awaitExecution(e -> e.requestId() == 2001,
            "second cancel").execType());
        fixture.engine.cancel(2002, 12345);
        assertEquals(RejectReason.UNKNOWN_ORDER, fixture.engine.awaitExecution(e -> e.requestId() == 2002,
            "unknown order").rejectReason());
        fixture.assertConverged(TOKEN);
    }

    @Test
    void shouldCancelSlicesStillQueuedForTheRateLimitWithoutSendingThem()
    {
        fixture = new KiteGatewayFixture(c -> c, g -> g.kiteOrderBudgets(1, 400, 5000)).awaitReady();
        fixture.simulator.exchange().setQuote(SimQuote.twoSided(TOKEN, 89_95, 65, 90_00, 65));

        fixture.order(90).quantity(1755 * 5).limit(80_00).send();
        fixture.engine.awaitExecution(e -> e.clientOrderId() == 90 && ExecType.ACK == e.execType(), "first ack");
        fixture.engine.cancel(3000, 90);

        fixture.engine.await(() -> 0 == fixture.engine.executionsOf(90).get(fixture.engine.executionsOf(90).size() - 1)
            .leavesQuantity(), "every slice cancelled");
        final long cancelledUnsent = fixture.engine.executionsOf(90).stream()
            .filter(e -> ExecType.CANCELLED == e.execType() && e.text().contains("before it was sent")).count();
        assertTrue(cancelledUnsent >= 3, "at 1 order/s most slices were still queued: " + cancelledUnsent);
        assertEquals(5 - cancelledUnsent, fixture.simulator.exchange().orders().size(),
            "queued slices were never sent");
        fixture.assertConverged(TOKEN);
    }

    @Test
    void shouldReconcileOnRequestMatchingOrdersToIntentsByTag() throws Throwable
    {
        fixture = new KiteGatewayFixture().awaitReady();
        fixture.order(100).quantity(65).limit(100_00).send();
        fixture.order(101).side(Side.SELL).quantity(130).limit(99_95).send();
        fixture.engine.await(() -> 2 == fixture.engine.executions.stream().filter(e -> ExecType.FILL == e.execType())
            .count(), "two fills");
        final com.zerodhatech.kiteconnect.KiteConnect manual = dev.vyuha.gateway.kite.KiteSdk.kiteConnect(
            fixture.simulator.config().apiKey(), fixture.simulator.restUrl(), Duration.ofSeconds(5));
        manual.setAccessToken(fixture.simulator.config().accessToken());
        final com.zerodhatech.models.OrderParams params = new com.zerodhatech.models.OrderParams();
        params.exchange = "NFO";
        params.tradingsymbol = KiteGatewayFixture.SYMBOL;
        params.transactionType = "BUY";
        params.quantity = 65;
        params.price = 90.0;
        params.product = "NRML";
        params.orderType = "LIMIT";
        params.validity = "DAY";
        manual.placeOrder(params, "regular");

        fixture.engine.reconcile(42);

        fixture.engine.await(() -> fixture.engine.reconciliations.stream().anyMatch(r -> 42 == r.requestId()),
            "reconciliation 42");
        final EngineSide.ReconciliationPart report = fixture.engine.reconciliations.stream()
            .filter(r -> 42 == r.requestId()).findFirst().orElseThrow();
        assertTrue(report.lastPart());
        assertEquals(List.of(100L, 101L, 0L), report.orders().stream().map(o -> o[0]).toList(),
            "ours by tag, the manual order with client order id 0");
        assertTrue(report.orders().stream().allMatch(o -> TOKEN == o[1]), "instrument tokens recovered");
        assertEquals(List.of(100L, 101L), report.trades().stream().map(t -> t[0]).distinct().toList());
        assertEquals(List.of(TOKEN + ":-65"), report.positions().stream().map(p -> p[0] + ":" + p[1]).toList());
        fixture.assertConverged(TOKEN);
    }

    @Test
    void shouldAdoptInsteadOfResendingAnIntentPlacedBeforeAGatewayRestart()
    {
        fixture = new KiteGatewayFixture().awaitReady();
        fixture.simulator.exchange().setQuote(SimQuote.twoSided(TOKEN, 89_95, 65, 90_00, 65));
        fixture.order(110).quantity(130).limit(80_00).send();
        fixture.engine.awaitExecution(e -> e.clientOrderId() == 110 && ExecType.ACK == e.execType(), "ack");
        fixture.gateway.close();
        fixture.simulator.exchange().setQuote(SimQuote.twoSided(TOKEN, 79_95, 130, 80_00, 130));

        try (Gateway restarted = Gateway.launch(fixture.engine.gatewayContext().venue("kite")
            .account(fixture.simulator.config().userId()).kiteApiKey(fixture.simulator.config().apiKey())
            .kiteAccessToken(fixture.accessToken::get).kiteRootUrl(fixture.simulator.restUrl())
            .kiteTickerUrl(fixture.simulator.ticker().sdkUriTemplate()).kiteLookup(500, 3)
            .kitePollIntervals(200, 1_000)))
        {
            fixture.engine.await(() -> fixture.engine.reconciliations.stream().filter(r -> 0 == r.requestId())
                .count() >= 2, "the restarted gateway's start-up reconciliation");
            fixture.order(110).quantity(130).limit(80_00).send();

            fixture.engine.awaitExecution(e -> e.clientOrderId() == 110 && ExecType.FILL == e.execType(), "fill");
            assertEquals(1, fixture.simulator.placementsWithTag(OrderTags.intentTag(110)),
                "looked up by tag at start-up and adopted, not resent");
            assertTrue(restarted.commandsReceived() >= 1);
            fixture.assertConverged(TOKEN);
        }
    }

    @Test
    void shouldCountABadFrameAndCarryOn()
    {
        fixture = new KiteGatewayFixture().awaitReady();

        fixture.engine.sendGarbage();
        fixture.order(120).quantity(65).limit(100_00).send();

        fixture.engine.awaitExecution(e -> e.clientOrderId() == 120 && ExecType.FILL == e.execType(), "fill");
        assertEquals(1, fixture.gateway.badCommandFrames());
        assertEquals(0, fixture.engine.badReports(), "every report the gateway published is a valid frame");
        fixture.assertConverged(TOKEN);
    }

    @Test
    void shouldKeepTwoInstrumentsApartInPositionsAndReports()
    {
        fixture = new KiteGatewayFixture().awaitReady();

        fixture.order(130).quantity(130).limit(100_05).send();
        fixture.engine.order(131, KiteGatewayFixture.BANKNIFTY_TOKEN, KiteGatewayFixture.BANKNIFTY_SYMBOL)
            .side(Side.SELL).lotSize(30).quantity(1230).freeze(600).limit(99_90).send();

        fixture.engine.await(() -> fixture.engine.executionsOf(131).stream()
            .anyMatch(e -> 0 == e.leavesQuantity() && e.cumulativeQuantity() == 1230), "sliced sell filled");
        fixture.engine.awaitExecution(e -> e.clientOrderId() == 130 && ExecType.FILL == e.execType(), "buy filled");
        fixture.assertConverged(TOKEN, KiteGatewayFixture.BANKNIFTY_TOKEN);
        assertEquals(-1230, fixture.engine.netFilled(KiteGatewayFixture.BANKNIFTY_TOKEN));
    }

    @Test
    void shouldApplyPostbacksWithAValidChecksumAndRefuseForgedOnes() throws Exception
    {
        final List<dev.vyuha.kitesim.SimulatedExchange.OrderEvent> updates =
            new java.util.concurrent.CopyOnWriteArrayList<>();
        fixture = new KiteGatewayFixture(c -> c, g -> g.kiteTickerEnabled(false).kitePollIntervals(600_000, 600_000)
            .kiteApiSecret("postbacksecret").kitePostbackPort(-1), simulator ->
            {
                simulator.exchange().addOrderListener(updates::add);
                return simulator.config().accessToken();
            }).awaitReady();
        final int port = ((dev.vyuha.gateway.kite.KiteVenue)fixture.gateway.venue()).postbackPort();
        fixture.order(140).quantity(65).limit(100_00).send();
        fixture.engine.awaitExecution(e -> e.clientOrderId() == 140 && ExecType.ACK == e.execType(), "ack");
        fixture.engine.await(() -> updates.stream().anyMatch(u -> "COMPLETE".equals(u.status())), "filled at Kite");
        final dev.vyuha.kitesim.SimulatedExchange.OrderEvent complete = updates.stream()
            .filter(u -> "COMPLETE".equals(u.status())).findFirst().orElseThrow();
        final String body = dev.vyuha.kitesim.KiteJson.write(dev.vyuha.kitesim.KiteJson.orderUpdate(complete.order(),
            complete.status(), fixture.simulator.config().userId(), "postbacksecret"));

        assertEquals(400, postback(port, body.replaceAll("\"checksum\":\"[0-9a-f]+\"", "\"checksum\":\"bad\"")));
        fixture.engine.drain(300);
        assertEquals(0, fixture.engine.filledQuantity(140), "a forged postback is ignored");
        assertEquals(200, postback(port, body));

        fixture.engine.awaitExecution(e -> e.clientOrderId() == 140 && ExecType.FILL == e.execType(), "fill");
        assertEquals(200, postback(port, body));
        fixture.assertConverged(TOKEN);
        assertEquals(65, fixture.engine.filledQuantity(140), "a repeated postback reports nothing twice");
    }

    private static int postback(final int port, final String body) throws Exception
    {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create("http://127.0.0.1:" + port + "/kite/postback"))
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
            java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private Execution rejection(final long clientOrderId)
    {
        return fixture.engine.awaitExecution(e -> e.clientOrderId() == clientOrderId && ExecType.REJECT == e
            .execType(), "rejection of " + clientOrderId);
    }
}
