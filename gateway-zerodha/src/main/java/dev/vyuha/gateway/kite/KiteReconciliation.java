package dev.vyuha.gateway.kite;

import com.zerodhatech.models.Position;
import com.zerodhatech.models.Trade;
import dev.vyuha.gateway.kite.IntentBook.Intent;
import dev.vyuha.gateway.kite.IntentBook.Slice;
import dev.vyuha.gateway.venue.OrderIntent;
import dev.vyuha.gateway.venue.ReconciliationSnapshot;
import dev.vyuha.sbe.OrderType;
import dev.vyuha.sbe.Side;
import dev.vyuha.wire.OrderTags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns Kite's order book, trades and positions into a {@link ReconciliationSnapshot}: every order and trade matched
 * to its intent by tag ({@link OrderTags#clientOrderId}; 0 for orders placed outside the engine), instrument tokens
 * recovered from the gateway's intents, trades and positions (Kite's order model carries none). Differences between
 * Kite and the gateway (orders of ours it does not know, tags placed twice, fills it has not reported, orders not
 * ours) are logged; the snapshot itself carries them to the engine, which compares it with its own state.
 */
final class KiteReconciliation
{
    private static final Logger LOG = LoggerFactory.getLogger(KiteReconciliation.class);

    private KiteReconciliation()
    {
    }

    static ReconciliationSnapshot snapshot(
        final long requestId,
        final String account,
        final long nowNs,
        final List<BrokerOrderState> orders,
        final List<Trade> trades,
        final List<Position> positions,
        final IntentBook book,
        final Map<String, Long> tokensBySymbol)
    {
        final Map<String, Long> tokens = new HashMap<>(tokensBySymbol);
        for (final Trade trade : trades)
        {
            putToken(tokens, trade.tradingSymbol, trade.instrumentToken);
        }
        for (final Position position : positions)
        {
            putToken(tokens, position.tradingSymbol, position.instrumentToken);
        }
        final Map<String, String> tagsByOrderId = new HashMap<>();
        final List<ReconciliationSnapshot.Order> orderRows = new ArrayList<>(orders.size());
        for (final BrokerOrderState order : orders)
        {
            tagsByOrderId.put(order.orderId(), order.tag());
            final Slice slice = book.sliceByOrderId(order.orderId());
            final long token = null != slice ? slice.intent.order.instrumentToken() :
                tokens.getOrDefault(order.tradingSymbol(), 0L);
            final boolean open = !order.isFinal();
            orderRows.add(new ReconciliationSnapshot.Order(
                order.orderId(),
                null == order.tag() ? "" : order.tag(),
                clientOrderId(order.tag()),
                token,
                side(order.transactionType()),
                orderType(order.orderType()),
                KiteVenue.brokerStatus(order.status()),
                order.quantity(),
                order.filledQuantity(),
                open ? Math.max(0, order.quantity() - order.filledQuantity()) : 0,
                price(order.price()),
                price(order.triggerPrice()),
                order.filledQuantity() > 0 ? price(order.averagePrice()) : OrderIntent.NO_PRICE,
                order.orderTimestampNs()));
        }
        final List<ReconciliationSnapshot.Trade> tradeRows = new ArrayList<>(trades.size());
        for (final Trade trade : trades)
        {
            final String tag = tagsByOrderId.get(trade.orderId);
            tradeRows.add(new ReconciliationSnapshot.Trade(
                trade.tradeId,
                trade.orderId,
                null == tag ? "" : tag,
                clientOrderId(tag),
                parseToken(trade.instrumentToken),
                side(trade.transactionType),
                BrokerOrderState.integer(trade.quantity),
                OrderPricing.paise(BrokerOrderState.decimal(trade.averagePrice)),
                KiteTimestamps.fromSdk(null != trade.fillTimestamp ? trade.fillTimestamp : trade.exchangeTimestamp)));
        }
        final List<ReconciliationSnapshot.Position> positionRows = new ArrayList<>(positions.size());
        for (final Position p : positions)
        {
            positionRows.add(new ReconciliationSnapshot.Position(
                parseToken(p.instrumentToken),
                null == p.tradingSymbol ? "" : p.tradingSymbol,
                p.netQuantity,
                0 == p.netQuantity ? OrderIntent.NO_PRICE : OrderPricing.paise(p.averagePrice),
                p.buyQuantity,
                p.sellQuantity,
                paise(p.buyValue),
                paise(p.sellValue),
                paise(p.realised),
                paise(p.unrealised)));
        }
        return new ReconciliationSnapshot(requestId, account, nowNs, orderRows, tradeRows, positionRows);
    }

    static void logDifferences(final ReconciliationSnapshot snapshot, final IntentBook book)
    {
        final Map<String, Integer> tagCounts = new HashMap<>();
        int notOurs = 0;
        int unknownIntents = 0;
        for (final ReconciliationSnapshot.Order order : snapshot.orders())
        {
            if (0 == order.clientOrderId() && OrderTags.NOT_OURS == OrderTags.clientOrderId(order.tag()))
            {
                notOurs++;
                continue;
            }
            tagCounts.merge(order.tag(), 1, Integer::sum);
            if (!book.contains(order.clientOrderId()))
            {
                unknownIntents++;
            }
        }
        final List<String> duplicates = tagCounts.entrySet().stream().filter(e -> e.getValue() > 1)
            .map(Map.Entry::getKey).toList();
        int unreported = 0;
        for (final Intent intent : book.intents())
        {
            for (final Slice slice : intent.slices)
            {
                for (final ReconciliationSnapshot.Order order : snapshot.orders())
                {
                    if (order.brokerOrderId().equals(slice.orderId) && order.filledQuantity() > slice.reportedFilled)
                    {
                        unreported++;
                    }
                }
            }
        }
        if (notOurs > 0 || unknownIntents > 0 || !duplicates.isEmpty() || unreported > 0)
        {
            LOG.warn("reconciliation {}: {} orders not placed by the engine, {} of ours unknown to this gateway, "
                + "tags placed more than once {}, {} orders with unreported fills", snapshot.requestId(), notOurs,
                unknownIntents, duplicates, unreported);
        }
        else
        {
            LOG.info("reconciliation {}: {} orders, {} trades, {} positions, no differences", snapshot.requestId(),
                snapshot.orders().size(), snapshot.trades().size(), snapshot.positions().size());
        }
    }

    private static long clientOrderId(final String tag)
    {
        final long id = OrderTags.clientOrderId(tag);
        return OrderTags.NOT_OURS == id ? 0 : id;
    }

    private static void putToken(final Map<String, Long> tokens, final String symbol, final String token)
    {
        final long value = parseToken(token);
        if (null != symbol && 0 != value)
        {
            tokens.putIfAbsent(symbol, value);
        }
    }

    private static long parseToken(final String token)
    {
        if (null == token || token.isEmpty())
        {
            return 0;
        }
        try
        {
            return (long)Double.parseDouble(token);
        }
        catch (final NumberFormatException ex)
        {
            return 0;
        }
    }

    private static Side side(final String transactionType)
    {
        if ("BUY".equals(transactionType))
        {
            return Side.BUY;
        }
        return "SELL".equals(transactionType) ? Side.SELL : Side.BUY;
    }

    private static OrderType orderType(final String type)
    {
        if (null == type)
        {
            return OrderType.LIMIT;
        }
        return switch (type)
        {
            case "MARKET" -> OrderType.MARKET;
            case "SL" -> OrderType.SL;
            case "SL-M" -> OrderType.SL_M;
            default -> OrderType.LIMIT;
        };
    }

    private static long price(final double rupees)
    {
        return 0 == rupees ? OrderIntent.NO_PRICE : OrderPricing.paise(rupees);
    }

    private static long paise(final Double rupees)
    {
        return null == rupees ? 0 : OrderPricing.paise(rupees);
    }
}
