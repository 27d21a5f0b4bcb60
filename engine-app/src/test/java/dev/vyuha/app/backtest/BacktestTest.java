package dev.vyuha.app.backtest;

import dev.vyuha.engine.readmodel.ClosedTrade;
import dev.vyuha.engine.strategy.runtime.EngineConfig;
import dev.vyuha.sbe.BasketFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BacktestTest
{
    @Test
    void shouldTradeTheExampleBasketsOverSyntheticDaysAndWriteTheReport(@TempDir final Path directory) throws Exception
    {
        final List<String> documents = new ArrayList<>();
        final List<BasketFormat> formats = new ArrayList<>();
        for (final String example : new String[] {"short-straddle-re-cost.json", "straddle-0920-move-sl-to-cost.json",
            "short-strangle-trailing-sl.yaml", "wait-and-trade-atm-buy.yaml"})
        {
            documents.add(Files.readString(Path.of("../examples", example)));
            formats.add(example.endsWith(".yaml") ? BasketFormat.YAML : BasketFormat.JSON);
        }
        final List<Double> progress = new ArrayList<>();
        final BacktestResult result = new Backtest(EngineConfig.defaults(), documents, formats, 0, 0).run(
            new SyntheticChainSource(List.of(LocalDate.of(2026, 8, 14), LocalDate.of(2026, 8, 17)), 7), progress::add);
        assertTrue(result.refusals().isEmpty(), result.refusals().toString());
        assertEquals(2, result.tradingDays());
        assertTrue(result.orders() > 0 && result.fills() > 0, "orders " + result.orders());
        assertTrue(result.trades().size() > 0);
        assertEquals(1.0, progress.get(progress.size() - 1));
        long sum = 0;
        for (final ClosedTrade trade : result.trades())
        {
            sum += trade.pnlPaise();
            assertEquals(trade.pnlPaise(), (trade.exitPricePaise() - trade.entryPricePaise()) * trade.quantity()
                * ("BUY".equals(trade.side()) ? 1 : -1), "P&L of " + trade + " is its fills'");
        }
        assertEquals(sum, result.portfolio().totalPnlPaise());
        assertEquals(sum, result.equity().get(result.equity().size() - 1).equityPaise());
        final Path report = directory.resolve("report.html");
        BacktestReportWriter.write(result, "synthetic", report);
        final String html = Files.readString(report);
        assertTrue(html.contains("<polyline"), "equity curve");
        assertTrue(html.contains("portfolio"));
    }
}
