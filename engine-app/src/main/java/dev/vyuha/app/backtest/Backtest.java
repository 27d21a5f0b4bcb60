package dev.vyuha.app.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vyuha.engine.analytics.TradeAnalytics;
import dev.vyuha.engine.analytics.TradeStatistics;
import dev.vyuha.engine.event.EngineEvent;
import dev.vyuha.engine.readmodel.ClosedTrade;
import dev.vyuha.engine.readmodel.EngineSnapshot;
import dev.vyuha.engine.runtime.CommandFrames;
import dev.vyuha.engine.runtime.InlineCommandDriver;
import dev.vyuha.engine.strategy.definition.ExecutionMode;
import dev.vyuha.engine.strategy.runtime.EngineConfig;
import dev.vyuha.engine.strategy.runtime.TradingEngine;
import dev.vyuha.reference.calendar.IndiaTime;
import dev.vyuha.sbe.BasketFormat;
import dev.vyuha.sbe.MessageHeaderDecoder;
import dev.vyuha.sbe.InstrumentMasterLoadedDecoder;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleConsumer;

/**
 * Runs baskets over a market-data source in-process: the source's frames (the instrument master first, then ticks)
 * go through the same business logic as live trading ({@link InlineCommandDriver}, no ring, no threads, no journal),
 * the engine's orders go to the paper venue's fill model ({@link SimulatedVenue}) and its fills come back as
 * execution reports, all on the caller's thread as fast as the CPU allows. Baskets run in BACKTEST mode whatever
 * their document says.
 */
public final class Backtest
{
    private final EngineConfig config;
    private final List<String> documents;
    private final List<BasketFormat> formats;
    private final double slippageBps;
    private final long latencyNs;

    /**
     * @param config      engine configuration (its mode is set to BACKTEST).
     * @param documents   basket documents.
     * @param formats     each document's syntax.
     * @param slippageBps adverse slippage per fill.
     * @param latencyNs   from decision to an order's first chance to fill.
     */
    public Backtest(final EngineConfig config, final List<String> documents, final List<BasketFormat> formats,
        final double slippageBps, final long latencyNs)
    {
        this.config = config.withMode(ExecutionMode.BACKTEST, config.defaultAccount());
        this.documents = List.copyOf(documents);
        this.formats = List.copyOf(formats);
        this.slippageBps = slippageBps;
        this.latencyNs = latencyNs;
    }

    /**
     * Run to the end of the source.
     *
     * @param source   market data, the instrument master first.
     * @param progress told the fraction done now and then.
     * @return what happened.
     */
    public BacktestResult run(final FrameSource source, final DoubleConsumer progress)
    {
        final long started = System.nanoTime();
        final List<String> refusals = new ArrayList<>();
        final TradingEngine engine = new TradingEngine(config, event ->
        {
            if (event instanceof EngineEvent.BasketChanged changed && !changed.errors().isEmpty())
            {
                refusals.add(changed.scope().basketId() + ": " + String.join("; ", changed.errors()));
            }
            else if (event instanceof EngineEvent.InstrumentMasterLoaded loaded && !loaded.loaded())
            {
                refusals.add("instrument master: " + loaded.summary());
            }
        }).snapshotInterval(Long.MAX_VALUE);
        final SimulatedVenue venue = new SimulatedVenue(slippageBps, latencyNs);
        final long[] now = new long[1];
        final InlineCommandDriver driver = new InlineCommandDriver(engine,
            (buffer, offset, length, cause) -> venue.onOrderFrame(buffer, offset, length, now[0]));
        final ExpandableArrayBuffer frame = new ExpandableArrayBuffer(1 << 16);
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final List<ClosedTrade> trades = new ArrayList<>();
        final Set<Long> days = new HashSet<>();
        final CommandFrames commands = new CommandFrames();
        final ExpandableArrayBuffer commandFrame = new ExpandableArrayBuffer(1 << 16);
        final UnsafeBuffer report = new UnsafeBuffer(new byte[0]);
        boolean basketsLoaded = false;
        long frames = 0;
        long seenTrades = 0;
        int length;
        double reported = -1;
        while ((length = source.next(frame)) > 0)
        {
            now[0] = Math.max(now[0], source.timestampNs());
            driver.apply(frame, 0, length, now[0]);
            frames++;
            days.add(IndiaTime.epochDay(now[0]));
            venue.onMarketFrame(frame, 0, length, now[0]);
            if (!basketsLoaded && length >= MessageHeaderDecoder.ENCODED_LENGTH
                && header.wrap(frame, 0).templateId() == InstrumentMasterLoadedDecoder.TEMPLATE_ID)
            {
                for (int i = 0; i < documents.size(); i++)
                {
                    final String text = backtestDocument(documents.get(i), formats.get(i));
                    driver.apply(commandFrame, 0, commands.loadBasket(commandFrame, 0, i + 1, BasketFormat.JSON, false,
                        "backtest", text), now[0]);
                }
                basketsLoaded = true;
            }
            byte[] next;
            while (null != (next = venue.pollReport()))
            {
                report.wrap(next);
                driver.apply(report, 0, next.length, now[0]);
            }
            seenTrades = collect(engine, trades, seenTrades);
            if (source.progress() - reported >= 0.01)
            {
                reported = source.progress();
                progress.accept(reported);
            }
        }
        // Let time exits and end-of-day squares off happen after the last tick.
        now[0] += 60_000_000_000L;
        driver.apply(commandFrame, 0, commands.timer(commandFrame, 0, 0, now[0]), now[0]);
        byte[] next;
        while (null != (next = venue.pollReport()))
        {
            report.wrap(next);
            driver.apply(report, 0, next.length, now[0]);
        }
        collect(engine, trades, seenTrades);
        progress.accept(1.0);
        final EngineSnapshot last = engine.snapshotNow(driver.nextSequence() - 1);
        return result(last, trades, refusals, frames, days.size(), venue, System.nanoTime() - started);
    }

    /**
     * Take the round trips recorded since the last call: the engine's list restarts each day (and a settlement at
     * expiry found at a day's first command is recorded right after the restart), its total never does.
     *
     * @return the engine's total so far.
     */
    private static long collect(final TradingEngine engine, final List<ClosedTrade> trades, final long seen)
    {
        final long total = engine.closedTradesRecorded();
        final int count = engine.closedTradeCount();
        final int fresh = (int)Math.min(count, total - seen);
        for (int i = count - fresh; i < count; i++)
        {
            trades.add(engine.closedTrade(i));
        }
        return total;
    }

    private BacktestResult result(final EngineSnapshot last, final List<ClosedTrade> trades,
        final List<String> refusals, final long frames, final int days, final SimulatedVenue venue,
        final long elapsedNs)
    {
        long capital = 0;
        for (final var basket : last.baskets())
        {
            capital += basket.initialCapitalPaise();
        }
        capital = Math.max(1, capital);
        final Map<String, List<ClosedTrade>> byStrategy = new LinkedHashMap<>();
        for (final ClosedTrade trade : trades)
        {
            byStrategy.computeIfAbsent(trade.basketId() + "/" + trade.strategyId(), k -> new ArrayList<>()).add(trade);
        }
        final Map<String, TradeStatistics> perStrategy = new LinkedHashMap<>();
        for (final Map.Entry<String, List<ClosedTrade>> entry : byStrategy.entrySet())
        {
            perStrategy.put(entry.getKey(), TradeAnalytics.of(entry.getValue(), capital));
        }
        final List<ClosedTrade> ordered = new ArrayList<>(trades);
        ordered.sort((a, b) -> Long.compare(a.exitNs(), b.exitNs()));
        final List<EquityPoint> equity = new ArrayList<>();
        long cumulative = 0;
        for (final ClosedTrade trade : ordered)
        {
            cumulative += trade.pnlPaise();
            equity.add(new EquityPoint(trade.exitNs(), cumulative));
        }
        return new BacktestResult(ordered, TradeAnalytics.of(trades, capital), perStrategy, equity, refusals, capital,
            frames, days, venue.ordersReceived(), venue.fills(), elapsedNs);
    }

    /**
     * @return the document as JSON with {@code execution_mode: BACKTEST}.
     */
    static String backtestDocument(final String text, final BasketFormat format)
    {
        final ObjectMapper json = new ObjectMapper();
        try
        {
            final JsonNode tree = (format == BasketFormat.YAML ? new ObjectMapper(new YAMLFactory()) : json)
                .readTree(text);
            if (tree instanceof ObjectNode basket)
            {
                basket.put("execution_mode", "BACKTEST");
                return json.writeValueAsString(basket);
            }
            return text;
        }
        catch (final IOException ex)
        {
            // The engine reports a document it cannot read, with its position; pass it through unchanged.
            if (ex instanceof com.fasterxml.jackson.core.JsonProcessingException)
            {
                return text;
            }
            throw new UncheckedIOException(ex);
        }
    }
}
