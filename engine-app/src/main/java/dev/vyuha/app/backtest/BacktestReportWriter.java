package dev.vyuha.app.backtest;

import dev.vyuha.engine.analytics.TradeStatistics;
import dev.vyuha.engine.money.Paise;
import dev.vyuha.engine.readmodel.ClosedTrade;
import dev.vyuha.reference.calendar.IndiaTime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a backtest's report as one self-contained HTML file: the summary, portfolio and per-strategy statistics
 * (DOMAIN.md §9), the equity curve as an inline SVG chart, and every trade. Opens in any browser, offline.
 */
public final class BacktestReportWriter
{
    private static final int WIDTH = 900;
    private static final int HEIGHT = 300;
    private static final int MARGIN = 50;

    private BacktestReportWriter()
    {
    }

    /**
     * @param result the backtest.
     * @param title  heading.
     * @param file   where to write.
     * @throws IOException if it cannot be written.
     */
    public static void write(final BacktestResult result, final String title, final Path file) throws IOException
    {
        Files.writeString(file, html(result, title), StandardCharsets.UTF_8);
    }

    static String html(final BacktestResult result, final String title)
    {
        final StringBuilder out = new StringBuilder(64 * 1024);
        out.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(escape(title))
            .append("</title><style>body{font-family:system-ui,sans-serif;margin:2em;color:#222}"
                + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;"
                + "text-align:right}th{background:#f4f4f4}td.l,th.l{text-align:left}.neg{color:#b00}.pos{color:#070}"
                + "</style></head><body>");
        out.append("<h1>").append(escape(title)).append("</h1>");
        out.append("<p>").append(result.tradingDays()).append(" trading day(s), ").append(result.frames())
            .append(" market frames, ").append(result.orders()).append(" orders, ").append(result.fills())
            .append(" fills; capital ").append(Paise.toRupees(result.capitalPaise())).append(" INR; ran in ")
            .append(String.format(Locale.ROOT, "%.2f s (%.1f trading days/s, %.0f frames/s)", result.elapsedNs() / 1e9,
                result.tradingDaysPerSecond(), result.framesPerSecond())).append(".</p>");
        if (!result.refusals().isEmpty())
        {
            out.append("<h2>Refused</h2><ul>");
            for (final String refusal : result.refusals())
            {
                out.append("<li>").append(escape(refusal)).append("</li>");
            }
            out.append("</ul>");
        }
        out.append("<h2>Equity curve</h2>").append(svg(result.equity()));
        out.append("<h2>Statistics</h2><table><tr><th class=\"l\">scope</th><th>trades</th><th>win rate</th>")
            .append("<th>total P&amp;L</th><th>average</th><th>best</th><th>worst</th><th>profit factor</th>")
            .append("<th>max drawdown</th><th>Sharpe</th><th>Sortino</th><th>Calmar</th><th>streaks W/L</th>")
            .append("<th>avg duration</th></tr>");
        row(out, "portfolio", result.portfolio());
        for (final Map.Entry<String, TradeStatistics> strategy : result.perStrategy().entrySet())
        {
            row(out, strategy.getKey(), strategy.getValue());
        }
        out.append("</table><h2>Trades</h2><table><tr><th class=\"l\">exit (IST)</th><th class=\"l\">strategy</th>")
            .append("<th class=\"l\">leg</th><th class=\"l\">symbol</th><th class=\"l\">side</th><th>qty</th>")
            .append("<th>entry</th><th>exit</th><th>P&amp;L</th><th class=\"l\">reason</th></tr>");
        for (final ClosedTrade trade : result.trades())
        {
            out.append("<tr><td class=\"l\">").append(IndiaTime.date(trade.exitNs())).append(' ')
                .append(IndiaTime.time(trade.exitNs())).append("</td><td class=\"l\">")
                .append(escape(trade.basketId() + "/" + trade.strategyId())).append("</td><td class=\"l\">")
                .append(escape(trade.legId())).append("</td><td class=\"l\">").append(escape(trade.symbol()))
                .append("</td><td class=\"l\">").append(trade.side()).append("</td><td>").append(trade.quantity())
                .append("</td><td>").append(Paise.toRupees(trade.entryPricePaise())).append("</td><td>")
                .append(Paise.toRupees(trade.exitPricePaise())).append("</td>").append(money(trade.pnlPaise()))
                .append("<td class=\"l\">").append(escape(trade.exitReason())).append("</td></tr>");
        }
        return out.append("</table></body></html>\n").toString();
    }

    private static void row(final StringBuilder out, final String scope, final TradeStatistics s)
    {
        out.append("<tr><td class=\"l\">").append(escape(scope)).append("</td><td>").append(s.trades())
            .append("</td><td>").append(percent(s.winRate() * 100)).append("</td>").append(money(s.totalPnlPaise()))
            .append(money(s.averagePnlPaise())).append(money(s.bestTradePaise())).append(money(s.worstTradePaise()))
            .append("<td>").append(number(s.profitFactor())).append("</td><td>")
            .append(Paise.toRupees(s.maxDrawdownPaise())).append(" (").append(percent(s.maxDrawdownPercent()))
            .append(")</td><td>").append(number(s.sharpe())).append("</td><td>").append(number(s.sortino()))
            .append("</td><td>").append(number(s.calmar())).append("</td><td>").append(s.longestWinningStreak())
            .append('/').append(s.longestLosingStreak()).append("</td><td>")
            .append(String.format(Locale.ROOT, "%.0f min", s.averageDurationSeconds() / 60)).append("</td></tr>");
    }

    /** The equity curve: cumulative realised P&amp;L against trade number, with a zero line. */
    static String svg(final List<EquityPoint> equity)
    {
        final StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
            .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
            .append("\" role=\"img\" aria-label=\"equity curve\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>");
        if (equity.isEmpty())
        {
            return svg.append("<text x=\"20\" y=\"40\">no closed trades</text></svg>").toString();
        }
        long min = 0;
        long max = 0;
        for (final EquityPoint point : equity)
        {
            min = Math.min(min, point.equityPaise());
            max = Math.max(max, point.equityPaise());
        }
        final double span = Math.max(1, max - min);
        final double plotWidth = WIDTH - 2.0 * MARGIN;
        final double plotHeight = HEIGHT - 2.0 * MARGIN;
        final double zeroY = MARGIN + (max / span) * plotHeight;
        svg.append("<line x1=\"").append(MARGIN).append("\" x2=\"").append(WIDTH - MARGIN).append("\" y1=\"")
            .append(fixed(zeroY)).append("\" y2=\"").append(fixed(zeroY)).append("\" stroke=\"#999\"/>");
        svg.append("<polyline fill=\"none\" stroke=\"#1f5fbf\" stroke-width=\"2\" points=\"").append(MARGIN).append(',')
            .append(fixed(zeroY));
        for (int i = 0; i < equity.size(); i++)
        {
            final double x = MARGIN + plotWidth * (i + 1) / equity.size();
            final double y = MARGIN + (max - equity.get(i).equityPaise()) / span * plotHeight;
            svg.append(' ').append(fixed(x)).append(',').append(fixed(y));
        }
        svg.append("\"/><text x=\"4\" y=\"").append(MARGIN).append("\" font-size=\"12\">")
            .append(Paise.toRupees(max)).append("</text><text x=\"4\" y=\"").append(HEIGHT - MARGIN)
            .append("\" font-size=\"12\">").append(Paise.toRupees(min)).append("</text><text x=\"")
            .append(WIDTH / 2 - 40).append("\" y=\"").append(HEIGHT - 10).append("\" font-size=\"12\">trades: ")
            .append(equity.size()).append("</text></svg>");
        return svg.toString();
    }

    private static String money(final long paise)
    {
        return "<td class=\"" + (paise < 0 ? "neg" : "pos") + "\">" + Paise.toRupees(paise) + "</td>";
    }

    private static String number(final double value)
    {
        return Double.isNaN(value) ? "&ndash;" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String percent(final double value)
    {
        return String.format(Locale.ROOT, "%.1f %%", value);
    }

    private static String fixed(final double value)
    {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String escape(final String text)
    {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
