package dev.vyuha.gateway;

import dev.vyuha.gateway.EngineSide.Execution;
import dev.vyuha.sbe.BrokerSessionStatus;
import dev.vyuha.sbe.ExecType;
import dev.vyuha.sbe.RejectReason;
import dev.vyuha.sbe.Side;
import dev.vyuha.sbe.Validity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Paper mode end to end: order commands and DerivativeTick market data over Aeron IPC, the gateway's paper venue
 * filling against the ticks with the shared {@code PaperFillModel}, execution reports back.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GatewayPaperEndToEndTest
{
    private static final long TOKEN = 11547650L;
    private static final String SYMBOL = "NIFTY2681824450CE";

    private EngineSide engine;
    private Gateway gateway;

    @BeforeEach
    void start()
    {
        engine = new EngineSide();
        gateway = Gateway.launch(engine.gatewayContext().venue("paper").paperSlippageBps(0).paperLatencyMs(0));
        engine.await(() -> engine.sessions.stream().anyMatch(s -> BrokerSessionStatus.VALID == s.status()),
            "paper session");
    }

    @AfterEach
    void stop()
    {
        gateway.close();
        engine.close();
    }

    @Test
    void shouldFillAgainstTheMarketDataStreamIncludingBeyondTheTopOfTheBook()
    {
        engine.order(1, TOKEN, SYMBOL).quantity(130).limit(100_00).send();
        engine.awaitExecution(e -> e.clientOrderId() == 1 && ExecType.ACK == e.execType(), "ack");

        engine.tick(TOKEN, 100_00, 99_95, 65, 100_00, 65);
        engine.awaitExecution(e -> e.clientOrderId() == 1 && ExecType.PARTIAL_FILL == e.execType(), "partial");
        engine.tick(TOKEN, 100_00, 99_95, 65, 100_00, 65);

        final Execution fill = engine.awaitExecution(e -> e.clientOrderId() == 1 && ExecType.FILL == e.execType(),
            "fill");
        assertEquals(130, fill.cumulativeQuantity());
        assertEquals(100_00, fill.averagePrice());
        assertEquals(0, fill.leavesQuantity());
        assertEquals(130, engine.netFilled(TOKEN));
        assertEquals("PAPER", engine.sessions.get(0).account());
    }

    @Test
    void shouldCancelTheRestOfAnImmediateOrCancelOrderAndRestADayOrder()
    {
        engine.order(2, TOKEN, SYMBOL).side(Side.SELL).quantity(130).limit(99_95).validity(Validity.IOC).send();
        engine.order(3, TOKEN, SYMBOL).quantity(65).limit(90_00).send();
        engine.await(() -> 2 == engine.executions.stream().filter(e -> ExecType.ACK == e.execType()).count(), "acks");

        engine.tick(TOKEN, 100_00, 99_95, 65, 100_00, 65);

        engine.awaitExecution(e -> e.clientOrderId() == 2 && ExecType.CANCELLED == e.execType(), "IOC rest");
        assertEquals(65, engine.filledQuantity(2));
        engine.cancel(7, 3);
        final Execution cancelled = engine.awaitExecution(e -> e.requestId() == 7, "cancel");
        assertEquals(ExecType.CANCELLED, cancelled.execType());
        assertEquals(List.of(ExecType.ACK, ExecType.CANCELLED), engine.executionsOf(3).stream()
            .map(Execution::execType).toList());
    }

    @Test
    void shouldRejectAnInvalidOrderAndReconcileWhatFilled()
    {
        engine.order(4, TOKEN, SYMBOL).quantity(100).limit(100_00).send();
        assertEquals(RejectReason.INVALID_REQUEST, engine.awaitExecution(e -> e.clientOrderId() == 4,
            "reject").rejectReason());
        engine.order(5, TOKEN, SYMBOL).quantity(65).market(100_00).send();
        engine.tick(TOKEN, 100_00, 99_95, 650, 100_05, 650);
        engine.awaitExecution(e -> e.clientOrderId() == 5 && ExecType.FILL == e.execType(), "market fill");

        engine.reconcile(9);

        engine.await(() -> engine.reconciliations.stream().anyMatch(r -> 9 == r.requestId()), "reconciliation");
        final EngineSide.ReconciliationPart report = engine.reconciliations.stream().filter(r -> 9 == r.requestId())
            .findFirst().orElseThrow();
        assertEquals(List.of(TOKEN + ":65"), report.positions().stream().map(p -> p[0] + ":" + p[1]).toList());
        assertEquals(List.of(5L), report.trades().stream().map(t -> t[0]).toList());
        assertEquals(100_05, report.trades().get(0)[3]);
    }
}
