package dev.vyuha.gateway;

import dev.vyuha.kitesim.KiteSimulator;
import dev.vyuha.kitesim.KiteSimulatorConfig;
import dev.vyuha.kitesim.SimInstrument;
import dev.vyuha.kitesim.SimQuote;
import dev.vyuha.sbe.BrokerSessionStatus;
import org.agrona.CloseHelper;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Everything an end-to-end test needs: the Kite simulator on loopback, the engine's side of Aeron, and the gateway
 * (Kite venue, real SDK) between them, with test-sized timeouts and intervals.
 */
final class KiteGatewayFixture implements AutoCloseable
{
    static final long TOKEN = 11547650L;
    static final String SYMBOL = "NIFTY2681824450CE";
    static final long BANKNIFTY_TOKEN = 12005122L;
    static final String BANKNIFTY_SYMBOL = "BANKNIFTY26AUG57900CE";

    final KiteSimulator simulator;
    final EngineSide engine;
    final AtomicReference<String> accessToken;
    final Gateway gateway;

    KiteGatewayFixture()
    {
        this(UnaryOperator.identity(), UnaryOperator.identity());
    }

    KiteGatewayFixture(final UnaryOperator<KiteSimulatorConfig> simulatorConfig,
        final UnaryOperator<GatewayContext> gatewayConfig)
    {
        this(simulatorConfig, gatewayConfig, simulator -> simulator.config().accessToken());
    }

    /**
     * @param simulatorConfig adjusts the simulator.
     * @param gatewayConfig   adjusts the gateway.
     * @param beforeGateway   runs on the started simulator before the gateway starts; returns the access token the
     *                        gateway's token source supplies at first (null for none).
     */
    KiteGatewayFixture(final UnaryOperator<KiteSimulatorConfig> simulatorConfig,
        final UnaryOperator<GatewayContext> gatewayConfig, final Function<KiteSimulator, String> beforeGateway)
    {
        KiteSimulator startedSimulator = null;
        EngineSide startedEngine = null;
        try
        {
            startedSimulator = KiteSimulator.start(simulatorConfig.apply(new KiteSimulatorConfig()));
            startedSimulator.exchange().addInstrument(SimInstrument.nfoOption(TOKEN, SYMBOL, "NIFTY",
                LocalDate.of(2026, 8, 18), 24450, "CE", 65, 1800));
            startedSimulator.exchange().addInstrument(SimInstrument.nfoOption(BANKNIFTY_TOKEN, BANKNIFTY_SYMBOL,
                "BANKNIFTY", LocalDate.of(2026, 8, 25), 57900, "CE", 30, 600));
            startedSimulator.exchange().setQuote(deepBook(TOKEN));
            startedSimulator.exchange().setQuote(deepBook(BANKNIFTY_TOKEN));
            startedEngine = new EngineSide();
            accessToken = new AtomicReference<>(beforeGateway.apply(startedSimulator));
            final GatewayContext context = startedEngine.gatewayContext()
                .venue("kite")
                .account(startedSimulator.config().userId())
                .kiteApiKey(startedSimulator.config().apiKey())
                .kiteAccessToken(accessToken::get)
                .kiteRootUrl(startedSimulator.restUrl())
                .kiteTickerUrl(startedSimulator.ticker().sdkUriTemplate())
                .kiteHttpTimeoutMs(1_000)
                .kiteLookup(500, 3)
                .kitePollIntervals(200, 1_000)
                .kiteSessionProbeMs(200)
                .kiteRetryBackoff(100, 1_000);
            gateway = Gateway.launch(gatewayConfig.apply(context));
            simulator = startedSimulator;
            engine = startedEngine;
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietCloseAll(startedEngine, startedSimulator);
            throw ex;
        }
    }

    /** Wait until the gateway's session is valid and its start-up reconciliation is published. */
    KiteGatewayFixture awaitReady()
    {
        engine.await(() -> engine.sessions.stream().anyMatch(s -> BrokerSessionStatus.VALID == s.status()),
            "session VALID");
        engine.await(() -> engine.reconciliations.stream().anyMatch(r -> 0 == r.requestId() && r.lastPart()),
            "start-up reconciliation");
        return this;
    }

    EngineSide.Order order(final long clientOrderId)
    {
        return engine.order(clientOrderId, TOKEN, SYMBOL);
    }

    /** Positions converge: what the engine was told equals what Kite holds; no tag was ever placed twice. */
    void assertConverged(final long... tokens)
    {
        engine.drain(300);
        for (final long token : tokens)
        {
            assertEquals(simulator.exchange().netQuantity(token), engine.netFilled(token),
                "engine position of " + token + " equals Kite's");
        }
        assertEquals(List.of(), simulator.exchange().duplicateTags(), "no tag placed twice");
    }

    /** A book five levels deep on each side, 650 units per level, around 100.00. */
    static SimQuote deepBook(final long token)
    {
        final SimQuote.Builder builder = SimQuote.builder(token).lastPrice(100_00).ohlc(98_00, 102_00, 97_00, 99_00);
        for (int i = 0; i < SimQuote.DEPTH; i++)
        {
            builder.bid(i, 99_95 - i * 5, 650, 5).ask(i, 100_00 + i * 5, 650, 5);
        }
        return builder.build();
    }

    @Override
    public void close()
    {
        CloseHelper.quietCloseAll(gateway, engine, simulator);
    }
}
