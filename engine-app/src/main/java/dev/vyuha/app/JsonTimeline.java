package dev.vyuha.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vyuha.engine.event.EngineEvent;
import dev.vyuha.journal.ReplayResult;
import dev.vyuha.journal.audit.AuditSummary;
import dev.vyuha.journal.audit.FrameDescriber;
import dev.vyuha.journal.audit.TimelineSink;
import dev.vyuha.reference.calendar.IndiaTime;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The audit timeline as JSON lines, one object per line: {@code command}, {@code event} (every field of the engine
 * event, money in paise, plus its one-line text), {@code pnl} per strategy and {@code pnl_total} at the end of each
 * IST day, and a final {@code summary}.
 */
final class JsonTimeline implements TimelineSink
{
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx",
        Locale.ROOT);

    private final ObjectMapper mapper = new ObjectMapper();
    private final PrintWriter out;

    JsonTimeline(final PrintWriter out)
    {
        this.out = out;
    }

    @Override
    public void command(final long sequence, final long timestampNs, final FrameDescriber.Description command,
        final List<EngineEvent> events)
    {
        final ObjectNode line = mapper.createObjectNode().put("type", "command").put("sequence", sequence)
            .put("time", time(timestampNs)).put("timestampNs", timestampNs).put("command", command.kind())
            .put("text", command.text());
        out.println(line);
        for (final EngineEvent event : events)
        {
            final ObjectNode node = mapper.createObjectNode().put("type", "event")
                .put("event", event.getClass().getSimpleName()).put("time", time(event.timestampNs()));
            node.setAll((ObjectNode)mapper.valueToTree(event));
            node.put("text", event.describe());
            out.println(node);
        }
    }

    @Override
    public void pnl(final LocalDate day, final long sequence, final List<PnlRow> rows)
    {
        long realised = 0;
        long unrealised = 0;
        long mtm = 0;
        for (final PnlRow row : rows)
        {
            final ObjectNode node = mapper.createObjectNode().put("type", "pnl").put("date", day.toString())
                .put("sequence", sequence);
            node.setAll((ObjectNode)mapper.valueToTree(row));
            out.println(node);
            realised += row.realisedPaise();
            unrealised += row.unrealisedPaise();
            mtm += row.mtmPaise();
        }
        out.println(mapper.createObjectNode().put("type", "pnl_total").put("date", day.toString())
            .put("sequence", sequence).put("strategies", rows.size()).put("realisedPaise", realised)
            .put("unrealisedPaise", unrealised).put("mtmPaise", mtm));
    }

    @Override
    public void end(final AuditSummary summary)
    {
        final ReplayResult replay = summary.replay();
        final ObjectNode node = mapper.createObjectNode().put("type", "summary")
            .put("commands", replay.commands().records()).put("firstSequence", replay.firstSequence())
            .put("lastSequence", replay.lastSequence())
            .put("firstTime", summary.firstTimestampNs() == 0 ? null : time(summary.firstTimestampNs()))
            .put("lastTime", summary.lastTimestampNs() == 0 ? null : time(summary.lastTimestampNs()))
            .put("commandsShown", summary.commandsShown()).put("eventsShown", summary.eventsShown())
            .put("journal", replay.commands().problem().name()).put("journalDetail", replay.commands().summary())
            .put("ordersReplayed", replay.ordersReplayed()).put("ordersMatched", replay.ordersMatched())
            .put("ordersLiveOnly", replay.ordersLiveOnly()).put("ordersPending", replay.pendingOrders().size())
            .put("orderDifference", null == replay.orderDifference() ? null : replay.orderDifference().describe())
            .put("checkpointsMatched", replay.checkpointsMatched()).put("checkpointsTotal", replay.checkpointsTotal())
            .put("checkpointMismatch", null == replay.checkpointMismatch() ? null :
                replay.checkpointMismatch().describe())
            .put("stateHash", String.format(Locale.ROOT, "%016x", summary.stateHash()))
            .put("matches", replay.matches());
        out.println(node);
        out.flush();
    }

    static String time(final long epochNanos)
    {
        return TIME.format(IndiaTime.dateTime(epochNanos).atOffset(IndiaTime.IST));
    }
}
