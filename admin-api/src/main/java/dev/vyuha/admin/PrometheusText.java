package dev.vyuha.admin;

import dev.vyuha.engine.readmodel.EngineCounters;
import dev.vyuha.engine.readmodel.EngineSnapshot;
import dev.vyuha.engine.readmodel.OrderSnapshot;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The engine's metrics in the Prometheus text exposition format (version 0.0.4).
 */
final class PrometheusText
{
    private PrometheusText()
    {
    }

    static String render(final EngineSnapshot snapshot, final long ringBacklog, final long journalLag,
        final LatencySummary decision)
    {
        final StringBuilder out = new StringBuilder(2048);
        final EngineCounters counters = snapshot.counters();
        counter(out, "vyuha_commands_total", "Commands applied by the business logic.", counters.commands());
        counter(out, "vyuha_ticks_total", "Ticks applied to known instruments.", counters.ticks());
        counter(out, "vyuha_unknown_ticks_total", "Ticks of instruments not in the master.", counters.unknownTicks());
        counter(out, "vyuha_rejected_frames_total", "Frames that failed validation.", counters.rejectedFrames());
        counter(out, "vyuha_failed_commands_total", "Commands whose handling threw.", counters.failedCommands());
        counter(out, "vyuha_orders_sent_total", "Order intents sent.", counters.ordersSent());
        counter(out, "vyuha_orders_refused_total", "Order intents refused by pre-trade checks.",
            counters.ordersRefused());
        counter(out, "vyuha_execution_reports_total", "Execution reports applied.", counters.executionReports());
        gauge(out, "vyuha_ring_backlog", "Commands published but not yet through every ring stage.", ringBacklog);
        gauge(out, "vyuha_journal_lag", "Commands published but not yet journaled.", journalLag);
        gauge(out, "vyuha_last_sequence", "Sequence of the last command in the read model.", snapshot.sequence());
        gauge(out, "vyuha_kill_switch_engaged", "1 while the kill switch is engaged.",
            snapshot.killSwitchEngaged() ? 1 : 0);
        gauge(out, "vyuha_broker_session_expired", "1 while the broker session is not valid.",
            snapshot.brokerSessionExpired() ? 1 : 0);
        out.append("# HELP vyuha_mtm_rupees Mark-to-market P&L of every basket today.\n")
            .append("# TYPE vyuha_mtm_rupees gauge\n")
            .append("vyuha_mtm_rupees ").append(String.format(Locale.ROOT, "%.2f", snapshot.mtmPaise() / 100.0))
            .append('\n');
        final Map<String, Integer> byState = new TreeMap<>();
        for (final OrderSnapshot order : snapshot.orders())
        {
            byState.merge(order.state(), 1, Integer::sum);
        }
        out.append("# HELP vyuha_orders Orders of the day by state.\n# TYPE vyuha_orders gauge\n");
        for (final Map.Entry<String, Integer> state : byState.entrySet())
        {
            out.append("vyuha_orders{state=\"").append(state.getKey()).append("\"} ").append(state.getValue())
                .append('\n');
        }
        out.append("# HELP vyuha_decision_latency_seconds Business-logic time per command.\n")
            .append("# TYPE vyuha_decision_latency_seconds summary\n");
        quantile(out, "0.5", decision.p50());
        quantile(out, "0.99", decision.p99());
        quantile(out, "0.999", decision.p999());
        out.append("vyuha_decision_latency_seconds_count ").append(decision.count()).append('\n');
        return out.toString();
    }

    private static void counter(final StringBuilder out, final String name, final String help, final long value)
    {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
            .append("# TYPE ").append(name).append(" counter\n").append(name).append(' ').append(value).append('\n');
    }

    private static void gauge(final StringBuilder out, final String name, final String help, final long value)
    {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
            .append("# TYPE ").append(name).append(" gauge\n").append(name).append(' ').append(value).append('\n');
    }

    private static void quantile(final StringBuilder out, final String quantile, final long nanos)
    {
        out.append("vyuha_decision_latency_seconds{quantile=\"").append(quantile).append("\"} ")
            .append(String.format(Locale.ROOT, "%.9f", nanos / 1e9)).append('\n');
    }
}
