package dev.vyuha.wire;

import dev.vyuha.sbe.BasketFormat;
import dev.vyuha.sbe.BooleanType;
import dev.vyuha.sbe.BrokerOrderStatus;
import dev.vyuha.sbe.BrokerSessionDecoder;
import dev.vyuha.sbe.BrokerSessionStatus;
import dev.vyuha.sbe.CancelOrderDecoder;
import dev.vyuha.sbe.DerivativeTickDecoder;
import dev.vyuha.sbe.Exchange;
import dev.vyuha.sbe.ExecType;
import dev.vyuha.sbe.ExecutionReportDecoder;
import dev.vyuha.sbe.FeedScope;
import dev.vyuha.sbe.FeedStateDecoder;
import dev.vyuha.sbe.FeedStatus;
import dev.vyuha.sbe.IndexTickDecoder;
import dev.vyuha.sbe.InstrumentMasterLoadedDecoder;
import dev.vyuha.sbe.KillSwitchAction;
import dev.vyuha.sbe.KillSwitchDecoder;
import dev.vyuha.sbe.LoadBasketDecoder;
import dev.vyuha.sbe.ModifyOrderDecoder;
import dev.vyuha.sbe.NewOrderDecoder;
import dev.vyuha.sbe.OrderType;
import dev.vyuha.sbe.Product;
import dev.vyuha.sbe.ReconciliationReportDecoder;
import dev.vyuha.sbe.ReconciliationRequestDecoder;
import dev.vyuha.sbe.ReconciliationScope;
import dev.vyuha.sbe.RejectReason;
import dev.vyuha.sbe.RemoveBasketDecoder;
import dev.vyuha.sbe.Side;
import dev.vyuha.sbe.StrategyAction;
import dev.vyuha.sbe.StrategyControlDecoder;
import dev.vyuha.sbe.TickMode;
import dev.vyuha.sbe.TimerDecoder;
import dev.vyuha.sbe.Underlying;
import dev.vyuha.sbe.UpdateBasketDecoder;
import dev.vyuha.sbe.Validity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The layout of every message of the schema, built from the generated codecs' constants. {@code MessageLayoutsTest}
 * derives the same facts from the schema's intermediate representation, so a message added to the schema without a
 * layout here (or a layout that disagrees with it) fails the build.
 */
public final class MessageLayouts
{
    static final EnumDomain TICK_MODE = EnumDomain.of(TickMode.values(), TickMode::value, TickMode.NULL_VAL);
    static final EnumDomain BOOK_DEPTH = EnumDomain.range("BookDepth", (int)DerivativeTickDecoder.bidDepthMinValue(),
        (int)DerivativeTickDecoder.bidDepthMaxValue());
    static final EnumDomain BOOLEAN = EnumDomain.of(BooleanType.values(), BooleanType::value, BooleanType.NULL_VAL);
    static final EnumDomain BASKET_FORMAT =
        EnumDomain.of(BasketFormat.values(), BasketFormat::value, BasketFormat.NULL_VAL);
    static final EnumDomain STRATEGY_ACTION =
        EnumDomain.of(StrategyAction.values(), StrategyAction::value, StrategyAction.NULL_VAL);
    static final EnumDomain KILL_SWITCH_ACTION =
        EnumDomain.of(KillSwitchAction.values(), KillSwitchAction::value, KillSwitchAction.NULL_VAL);
    static final EnumDomain FEED_SCOPE = EnumDomain.of(FeedScope.values(), FeedScope::value, FeedScope.NULL_VAL);
    static final EnumDomain FEED_STATUS = EnumDomain.of(FeedStatus.values(), FeedStatus::value, FeedStatus.NULL_VAL);
    static final EnumDomain OPTIONAL_UNDERLYING = EnumDomain.of(Underlying.values(), Underlying::value, Underlying.NULL_VAL)
        .orNull(Underlying.NULL_VAL.value());
    static final EnumDomain SESSION_STATUS =
        EnumDomain.of(BrokerSessionStatus.values(), BrokerSessionStatus::value, BrokerSessionStatus.NULL_VAL);
    static final EnumDomain EXCHANGE = EnumDomain.of(Exchange.values(), Exchange::value, Exchange.NULL_VAL);
    static final EnumDomain SIDE = EnumDomain.of(Side.values(), Side::value, Side.NULL_VAL);
    static final EnumDomain ORDER_TYPE = EnumDomain.of(OrderType.values(), OrderType::value, OrderType.NULL_VAL);
    static final EnumDomain PRODUCT = EnumDomain.of(Product.values(), Product::value, Product.NULL_VAL);
    static final EnumDomain VALIDITY = EnumDomain.of(Validity.values(), Validity::value, Validity.NULL_VAL);
    static final EnumDomain RECONCILIATION_SCOPE =
        EnumDomain.of(ReconciliationScope.values(), ReconciliationScope::value, ReconciliationScope.NULL_VAL);
    static final EnumDomain EXEC_TYPE = EnumDomain.of(ExecType.values(), ExecType::value, ExecType.NULL_VAL);
    static final EnumDomain REJECT_REASON =
        EnumDomain.of(RejectReason.values(), RejectReason::value, RejectReason.NULL_VAL);
    static final EnumDomain BROKER_ORDER_STATUS =
        EnumDomain.of(BrokerOrderStatus.values(), BrokerOrderStatus::value, BrokerOrderStatus.NULL_VAL);

    private static final List<MessageLayout> ALL = Collections.unmodifiableList(build());

    private MessageLayouts()
    {
    }

    /**
     * @return the layout of every message of the schema, in template id order.
     */
    public static List<MessageLayout> all()
    {
        return ALL;
    }

    private static List<MessageLayout> build()
    {
        final List<MessageLayout> layouts = new ArrayList<>();

        layouts.add(MessageLayout.message(IndexTickDecoder.TEMPLATE_ID, "IndexTick", IndexTickDecoder.BLOCK_LENGTH)
            .enumField("mode", IndexTickDecoder.modeEncodingOffset(), TICK_MODE)
            .build());

        layouts.add(MessageLayout
            .message(DerivativeTickDecoder.TEMPLATE_ID, "DerivativeTick", DerivativeTickDecoder.BLOCK_LENGTH)
            .enumField("mode", DerivativeTickDecoder.modeEncodingOffset(), TICK_MODE)
            .enumField("bidDepth", DerivativeTickDecoder.bidDepthEncodingOffset(), BOOK_DEPTH)
            .enumField("askDepth", DerivativeTickDecoder.askDepthEncodingOffset(), BOOK_DEPTH)
            .build());

        layouts.add(MessageLayout.message(TimerDecoder.TEMPLATE_ID, "Timer", TimerDecoder.BLOCK_LENGTH).build());

        layouts.add(MessageLayout.message(LoadBasketDecoder.TEMPLATE_ID, "LoadBasket", LoadBasketDecoder.BLOCK_LENGTH)
            .enumField("format", LoadBasketDecoder.formatEncodingOffset(), BASKET_FORMAT)
            .enumField("validateOnly", LoadBasketDecoder.validateOnlyEncodingOffset(), BOOLEAN)
            .varData("requestedBy")
            .varData("basketText")
            .build());

        layouts.add(MessageLayout
            .message(UpdateBasketDecoder.TEMPLATE_ID, "UpdateBasket", UpdateBasketDecoder.BLOCK_LENGTH)
            .enumField("format", UpdateBasketDecoder.formatEncodingOffset(), BASKET_FORMAT)
            .varData("requestedBy")
            .varData("basketText")
            .build());

        layouts.add(MessageLayout
            .message(RemoveBasketDecoder.TEMPLATE_ID, "RemoveBasket", RemoveBasketDecoder.BLOCK_LENGTH)
            .varData("requestedBy")
            .build());

        layouts.add(MessageLayout
            .message(StrategyControlDecoder.TEMPLATE_ID, "StrategyControl", StrategyControlDecoder.BLOCK_LENGTH)
            .enumField("action", StrategyControlDecoder.actionEncodingOffset(), STRATEGY_ACTION)
            .varData("requestedBy")
            .varData("reason")
            .build());

        layouts.add(MessageLayout.message(KillSwitchDecoder.TEMPLATE_ID, "KillSwitch", KillSwitchDecoder.BLOCK_LENGTH)
            .enumField("action", KillSwitchDecoder.actionEncodingOffset(), KILL_SWITCH_ACTION)
            .varData("requestedBy")
            .varData("reason")
            .build());

        layouts.add(MessageLayout.message(
            InstrumentMasterLoadedDecoder.TEMPLATE_ID, "InstrumentMasterLoaded", InstrumentMasterLoadedDecoder.BLOCK_LENGTH)
            .varData("source")
            .varData("instrumentsCsv")
            .build());

        layouts.add(MessageLayout.message(FeedStateDecoder.TEMPLATE_ID, "FeedState", FeedStateDecoder.BLOCK_LENGTH)
            .enumField("scope", FeedStateDecoder.scopeEncodingOffset(), FEED_SCOPE)
            .enumField("status", FeedStateDecoder.statusEncodingOffset(), FEED_STATUS)
            .enumField("underlying", FeedStateDecoder.underlyingEncodingOffset(), OPTIONAL_UNDERLYING)
            .varData("reason")
            .build());

        layouts.add(MessageLayout
            .message(BrokerSessionDecoder.TEMPLATE_ID, "BrokerSession", BrokerSessionDecoder.BLOCK_LENGTH)
            .enumField("status", BrokerSessionDecoder.statusEncodingOffset(), SESSION_STATUS)
            .varData("reason")
            .build());

        layouts.add(MessageLayout.message(NewOrderDecoder.TEMPLATE_ID, "NewOrder", NewOrderDecoder.BLOCK_LENGTH)
            .enumField("exchange", NewOrderDecoder.exchangeEncodingOffset(), EXCHANGE)
            .enumField("side", NewOrderDecoder.sideEncodingOffset(), SIDE)
            .enumField("orderType", NewOrderDecoder.orderTypeEncodingOffset(), ORDER_TYPE)
            .enumField("product", NewOrderDecoder.productEncodingOffset(), PRODUCT)
            .enumField("validity", NewOrderDecoder.validityEncodingOffset(), VALIDITY)
            .build());

        layouts.add(MessageLayout.message(ModifyOrderDecoder.TEMPLATE_ID, "ModifyOrder", ModifyOrderDecoder.BLOCK_LENGTH)
            .enumField("orderType", ModifyOrderDecoder.orderTypeEncodingOffset(), ORDER_TYPE)
            .build());

        layouts.add(MessageLayout
            .message(CancelOrderDecoder.TEMPLATE_ID, "CancelOrder", CancelOrderDecoder.BLOCK_LENGTH)
            .build());

        layouts.add(MessageLayout.message(
            ReconciliationRequestDecoder.TEMPLATE_ID, "ReconciliationRequest", ReconciliationRequestDecoder.BLOCK_LENGTH)
            .enumField("scope", ReconciliationRequestDecoder.scopeEncodingOffset(), RECONCILIATION_SCOPE)
            .build());

        layouts.add(MessageLayout
            .message(ExecutionReportDecoder.TEMPLATE_ID, "ExecutionReport", ExecutionReportDecoder.BLOCK_LENGTH)
            .enumField("execType", ExecutionReportDecoder.execTypeEncodingOffset(), EXEC_TYPE)
            .enumField("rejectReason", ExecutionReportDecoder.rejectReasonEncodingOffset(), REJECT_REASON)
            .enumField("side", ExecutionReportDecoder.sideEncodingOffset(), SIDE)
            .varData("text")
            .build());

        layouts.add(MessageLayout.message(
            ReconciliationReportDecoder.TEMPLATE_ID, "ReconciliationReport", ReconciliationReportDecoder.BLOCK_LENGTH)
            .enumField("lastPart", ReconciliationReportDecoder.lastPartEncodingOffset(), BOOLEAN)
            .group("orders", ReconciliationReportDecoder.OrdersDecoder.sbeBlockLength(),
                new MessageLayout.EnumField(
                    "side", ReconciliationReportDecoder.OrdersDecoder.sideEncodingOffset(), SIDE),
                new MessageLayout.EnumField(
                    "orderType", ReconciliationReportDecoder.OrdersDecoder.orderTypeEncodingOffset(), ORDER_TYPE),
                new MessageLayout.EnumField(
                    "status", ReconciliationReportDecoder.OrdersDecoder.statusEncodingOffset(), BROKER_ORDER_STATUS))
            .group("trades", ReconciliationReportDecoder.TradesDecoder.sbeBlockLength(),
                new MessageLayout.EnumField(
                    "side", ReconciliationReportDecoder.TradesDecoder.sideEncodingOffset(), SIDE))
            .group("positions", ReconciliationReportDecoder.PositionsDecoder.sbeBlockLength())
            .build());

        layouts.sort((a, b) -> Integer.compare(a.templateId(), b.templateId()));
        return layouts;
    }
}
