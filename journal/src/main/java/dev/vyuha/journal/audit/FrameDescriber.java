package dev.vyuha.journal.audit;

import dev.vyuha.engine.money.Paise;
import dev.vyuha.reference.calendar.IndiaTime;
import dev.vyuha.sbe.BooleanType;
import dev.vyuha.sbe.BrokerSessionDecoder;
import dev.vyuha.sbe.CancelOrderDecoder;
import dev.vyuha.sbe.DerivativeTickDecoder;
import dev.vyuha.sbe.ExecType;
import dev.vyuha.sbe.ExecutionReportDecoder;
import dev.vyuha.sbe.FeedScope;
import dev.vyuha.sbe.FeedStateDecoder;
import dev.vyuha.sbe.IndexTickDecoder;
import dev.vyuha.sbe.InstrumentMasterLoadedDecoder;
import dev.vyuha.sbe.KillSwitchDecoder;
import dev.vyuha.sbe.LoadBasketDecoder;
import dev.vyuha.sbe.ModifyOrderDecoder;
import dev.vyuha.sbe.NewOrderDecoder;
import dev.vyuha.sbe.ReconciliationReportDecoder;
import dev.vyuha.sbe.ReconciliationRequestDecoder;
import dev.vyuha.sbe.RejectReason;
import dev.vyuha.sbe.RemoveBasketDecoder;
import dev.vyuha.sbe.StrategyControlDecoder;
import dev.vyuha.sbe.TimerDecoder;
import dev.vyuha.sbe.UpdateBasketDecoder;
import dev.vyuha.wire.FrameReader;
import dev.vyuha.wire.FrameVerdict;
import dev.vyuha.wire.OrderTags;
import org.agrona.DirectBuffer;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Describes a journaled frame (a command, or an order the engine sent) in one line for the audit timeline and replay
 * reports: what it is and its numbers, money in rupees, times in IST. Frames that fail validation are described by
 * why. Not thread safe (one reusable reader).
 */
public final class FrameDescriber
{
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT);

    private final FrameReader reader = new FrameReader();

    /**
     * A described frame.
     *
     * @param kind  short name, e.g. "tick", "timer", "execution report", "new order".
     * @param text  the line.
     * @param tick  true for market ticks (the bulk of a journal; the timeline shows them only when they matter).
     */
    public record Description(String kind, String text, boolean tick)
    {
    }

    /**
     * @param buffer holding the frame.
     * @param offset where it starts.
     * @param length its length.
     * @return its description.
     */
    public Description describe(final DirectBuffer buffer, final int offset, final int length)
    {
        if (reader.read(buffer, offset, length) != FrameVerdict.VALID)
        {
            return new Description("invalid frame", "invalid frame (" + length + " bytes): "
                + reader.rejectionReason(), false);
        }
        return switch (reader.templateId())
        {
            case IndexTickDecoder.TEMPLATE_ID -> indexTick(reader.indexTick());
            case DerivativeTickDecoder.TEMPLATE_ID -> derivativeTick(reader.derivativeTick());
            case TimerDecoder.TEMPLATE_ID -> new Description("timer", "timer " + reader.timer().timerId() + " (due "
                + clock(reader.timer().deadlineNs()) + ")", false);
            case LoadBasketDecoder.TEMPLATE_ID -> loadBasket(reader.loadBasket());
            case UpdateBasketDecoder.TEMPLATE_ID -> updateBasket(reader.updateBasket());
            case RemoveBasketDecoder.TEMPLATE_ID -> removeBasket(reader.removeBasket());
            case StrategyControlDecoder.TEMPLATE_ID -> strategyControl(reader.strategyControl());
            case KillSwitchDecoder.TEMPLATE_ID -> killSwitch(reader.killSwitch());
            case InstrumentMasterLoadedDecoder.TEMPLATE_ID -> instrumentMaster(reader.instrumentMasterLoaded());
            case FeedStateDecoder.TEMPLATE_ID -> feedState(reader.feedState());
            case BrokerSessionDecoder.TEMPLATE_ID -> brokerSession(reader.brokerSession());
            case ExecutionReportDecoder.TEMPLATE_ID -> executionReport(reader.executionReport());
            case ReconciliationReportDecoder.TEMPLATE_ID -> reconciliation(reader.reconciliationReport());
            case NewOrderDecoder.TEMPLATE_ID -> newOrder(reader.newOrder());
            case ModifyOrderDecoder.TEMPLATE_ID -> modifyOrder(reader.modifyOrder());
            case CancelOrderDecoder.TEMPLATE_ID -> cancelOrder(reader.cancelOrder());
            case ReconciliationRequestDecoder.TEMPLATE_ID -> reconciliationRequest(reader.reconciliationRequest());
            default -> new Description("message " + reader.templateId(), "message template " + reader.templateId(),
                false);
        };
    }

    private static Description indexTick(final IndexTickDecoder tick)
    {
        return new Description("tick", "index tick " + tick.instrumentToken() + " " + tick.mode() + " LTP "
            + rupees(tick.lastPrice()), true);
    }

    private static Description derivativeTick(final DerivativeTickDecoder tick)
    {
        final StringBuilder text = new StringBuilder("tick ").append(tick.instrumentToken()).append(' ')
            .append(tick.mode()).append(" LTP ").append(rupees(tick.lastPrice()));
        final long openInterest = tick.openInterest();
        if (tick.bidDepth() > 0)
        {
            text.append(" bid ").append(rupees(tick.bidPrice(0)));
        }
        if (tick.askDepth() > 0)
        {
            text.append(" ask ").append(rupees(tick.askPrice(0)));
        }
        if (openInterest != DerivativeTickDecoder.openInterestNullValue())
        {
            text.append(" OI ").append(openInterest);
        }
        return new Description("tick", text.toString(), true);
    }

    private static Description loadBasket(final LoadBasketDecoder load)
    {
        final long requestId = load.requestId();
        final String format = String.valueOf(load.format());
        final boolean validateOnly = load.validateOnly() == BooleanType.TRUE;
        final String by = load.requestedBy();
        final int chars = load.basketText().length();
        return new Description("load basket", (validateOnly ? "validate basket" : "load basket") + " (request "
            + requestId + ", " + format + ", " + chars + " chars) by " + by, false);
    }

    private static Description updateBasket(final UpdateBasketDecoder update)
    {
        final String head = "update basket #" + update.basketId() + " replacing version " + update.expectedVersion()
            + " (request " + update.requestId() + ", " + update.format();
        final String by = update.requestedBy();
        return new Description("update basket", head + ", " + update.basketText().length() + " chars) by " + by,
            false);
    }

    private static Description removeBasket(final RemoveBasketDecoder remove)
    {
        return new Description("remove basket", "remove basket #" + remove.basketId() + " (request "
            + remove.requestId() + ") by " + remove.requestedBy(), false);
    }

    private static Description strategyControl(final StrategyControlDecoder control)
    {
        final String target = "basket #" + control.basketId() + (control.strategyId()
            == StrategyControlDecoder.strategyIdNullValue() ? "" : " strategy " + control.strategyId());
        final String head = control.action() + " " + target + " (request " + control.requestId() + ")";
        final String by = control.requestedBy();
        final String reason = control.reason();
        return new Description("strategy control", head + " by " + by + (reason.isEmpty() ? "" : ": " + reason),
            false);
    }

    private static Description killSwitch(final KillSwitchDecoder kill)
    {
        final String head = "kill switch " + kill.action() + " (request " + kill.requestId() + ")";
        final String by = kill.requestedBy();
        final String reason = kill.reason();
        return new Description("kill switch", head + " by " + by + (reason.isEmpty() ? "" : ": " + reason), false);
    }

    private static Description instrumentMaster(final InstrumentMasterLoadedDecoder master)
    {
        final String head = "instrument master for " + java.time.LocalDate.ofEpochDay(master.tradingDate()) + ", "
            + master.rowCount() + " rows";
        final String source = master.source();
        return new Description("instrument master", head + " from " + source, false);
    }

    private static Description feedState(final FeedStateDecoder feed)
    {
        final String scope = feed.scope() == FeedScope.UNDERLYING ? String.valueOf(feed.underlying()) :
            feed.scope() == FeedScope.INSTRUMENT ? "instrument " + feed.instrumentToken() :
            String.valueOf(feed.scope());
        final long lastTick = feed.lastTickTimeNs();
        final String head = "feed " + feed.status() + " (" + scope + (lastTick == FeedStateDecoder
            .lastTickTimeNsNullValue() ? "" : ", last tick " + clock(lastTick)) + ")";
        final String reason = feed.reason();
        return new Description("feed state", head + (reason.isEmpty() ? "" : ": " + reason), false);
    }

    private static Description brokerSession(final BrokerSessionDecoder session)
    {
        final String head = "broker session " + session.account().trim() + " " + session.status();
        final String reason = session.reason();
        return new Description("broker session", head + (reason.isEmpty() ? "" : ": " + reason), false);
    }

    private static Description executionReport(final ExecutionReportDecoder report)
    {
        final long clientOrderId = report.clientOrderId();
        final StringBuilder text = new StringBuilder("execution report ").append(report.execType()).append(' ')
            .append(OrderTags.intentTag(clientOrderId));
        if (report.requestId() != 0)
        {
            text.append(" (request ").append(report.requestId()).append(')');
        }
        text.append(' ').append(report.side()).append(' ').append(report.cumulativeQuantity()).append('/')
            .append(report.orderQuantity());
        if (report.execType() == ExecType.FILL || report.execType() == ExecType.PARTIAL_FILL)
        {
            text.append(", this fill ").append(report.lastQuantity()).append(" @ ").append(report.lastPrice()
                == ExecutionReportDecoder.lastPriceNullValue() ? "(no price)" : rupees(report.lastPrice()));
        }
        if (report.averagePrice() != ExecutionReportDecoder.averagePriceNullValue())
        {
            text.append(", average ").append(rupees(report.averagePrice()));
        }
        text.append(", leaves ").append(report.leavesQuantity());
        if (report.rejectReason() != RejectReason.NONE && report.rejectReason() != RejectReason.NULL_VAL)
        {
            text.append(", reason ").append(report.rejectReason());
        }
        final String broker = report.brokerOrderId().trim();
        if (!broker.isEmpty())
        {
            text.append(", broker order ").append(broker);
        }
        final String trade = report.tradeId().trim();
        if (!trade.isEmpty())
        {
            text.append(", trade ").append(trade);
        }
        final String message = report.text();
        if (!message.isEmpty())
        {
            text.append(": ").append(message);
        }
        return new Description("execution report", text.toString(), false);
    }

    private static Description reconciliation(final ReconciliationReportDecoder report)
    {
        final String head = "reconciliation report " + report.account().trim() + " part " + report.part()
            + (report.lastPart() == BooleanType.TRUE ? " (last)" : "");
        final ReconciliationReportDecoder.OrdersDecoder orderRows = report.orders();
        final int orders = orderRows.count();
        while (orderRows.hasNext())
        {
            orderRows.next();
        }
        final ReconciliationReportDecoder.TradesDecoder tradeRows = report.trades();
        final int trades = tradeRows.count();
        while (tradeRows.hasNext())
        {
            tradeRows.next();
        }
        final int positions = report.positions().count();
        return new Description("reconciliation", head + ": " + orders + " order(s), " + trades + " trade(s), "
            + positions + " position(s)", false);
    }

    private static Description newOrder(final NewOrderDecoder order)
    {
        final String text = "new order " + order.tag().trim() + " " + order.side() + " " + order.quantity() + " "
            + order.tradingSymbol().trim() + " " + order.orderType()
            + (order.limitPrice() == NewOrderDecoder.limitPriceNullValue() ? "" : " @ " + rupees(order.limitPrice()))
            + (order.referencePrice() == NewOrderDecoder.referencePriceNullValue() ? "" : " (reference "
            + rupees(order.referencePrice()) + ")") + " for " + order.account().trim();
        return new Description("new order", text, false);
    }

    private static Description modifyOrder(final ModifyOrderDecoder modify)
    {
        return new Description("modify order", "modify order " + OrderTags.intentTag(modify.clientOrderId()) + " to "
            + modify.orderType() + " " + modify.quantity() + (modify.limitPrice() == ModifyOrderDecoder
            .limitPriceNullValue() ? "" : " @ " + rupees(modify.limitPrice())) + " (request " + modify.requestId()
            + ")", false);
    }

    private static Description cancelOrder(final CancelOrderDecoder cancel)
    {
        return new Description("cancel order", "cancel order " + OrderTags.intentTag(cancel.clientOrderId())
            + " (request " + cancel.requestId() + ")", false);
    }

    private static Description reconciliationRequest(final ReconciliationRequestDecoder request)
    {
        return new Description("reconciliation request", "reconciliation request " + request.requestId() + " for "
            + request.account().trim() + " (" + request.scope() + ")", false);
    }

    /**
     * @param epochNanos a time.
     * @return its IST wall-clock time, e.g. "09:20:00.000".
     */
    public static String clock(final long epochNanos)
    {
        final LocalTime time = IndiaTime.time(epochNanos);
        return CLOCK.format(time);
    }

    private static String rupees(final long paise)
    {
        return Paise.toRupees(paise);
    }
}
