package dev.vyuha.gateway.kite;

import com.zerodhatech.models.Order;
import org.json.JSONObject;

import java.util.Locale;

/**
 * One observation of an order at Kite, whatever its source (ticker order update, order book poll, postback, tag
 * lookup), normalised for the intent book. Fills are derived from the growth of {@link #filledQuantity} and the average
 * price, so the same observation seen twice reports nothing twice.
 *
 * @param orderId         Kite order id.
 * @param tag             the order's tag or null.
 * @param status          Kite status, upper case (UPDATE for a partial fill or modification event).
 * @param quantity        total units.
 * @param filledQuantity  units filled.
 * @param averagePrice    average fill price in rupees (as Kite reports it).
 * @param price           limit price in rupees.
 * @param triggerPrice    trigger price in rupees.
 * @param statusMessage   Kite's message (rejections) or null.
 * @param timestampNs     exchange update (or order) time, epoch ns, or {@link KiteTimestamps#NONE}.
 * @param tradingSymbol   symbol.
 * @param transactionType BUY or SELL.
 * @param orderType       MARKET, LIMIT, SL, SL-M.
 * @param orderTimestampNs when Kite received it, epoch ns, or {@link KiteTimestamps#NONE}.
 * @param source          where it came from, for logs.
 */
public record BrokerOrderState(
    String orderId,
    String tag,
    String status,
    int quantity,
    int filledQuantity,
    double averagePrice,
    double price,
    double triggerPrice,
    String statusMessage,
    long timestampNs,
    String tradingSymbol,
    String transactionType,
    String orderType,
    long orderTimestampNs,
    String source)
{
    /** Kite status COMPLETE. */
    public static final String COMPLETE = "COMPLETE";
    /** Kite status CANCELLED. */
    public static final String CANCELLED = "CANCELLED";
    /** Kite status REJECTED. */
    public static final String REJECTED = "REJECTED";
    /** Kite status LAPSED. */
    public static final String LAPSED = "LAPSED";

    /**
     * @param order  an order the SDK parsed (order book, history, ticker update).
     * @param source where it came from.
     * @return the observation.
     */
    public static BrokerOrderState of(final Order order, final String source)
    {
        final long update = KiteTimestamps.fromSdk(order.exchangeUpdateTimestamp);
        final long exchange = KiteTimestamps.fromSdk(order.exchangeTimestamp);
        return new BrokerOrderState(
            order.orderId,
            order.tag,
            upper(order.status),
            integer(order.quantity),
            integer(order.filledQuantity),
            decimal(order.averagePrice),
            decimal(order.price),
            decimal(order.triggerPrice),
            order.statusMessage,
            KiteTimestamps.NONE != update ? update : exchange,
            order.tradingSymbol,
            order.transactionType,
            order.orderType,
            KiteTimestamps.fromSdk(order.orderTimestamp),
            source);
    }

    /**
     * @param body   a postback body (the order object, KITE.md §8).
     * @param source where it came from.
     * @return the observation.
     */
    public static BrokerOrderState of(final JSONObject body, final String source)
    {
        final long update = KiteTimestamps.fromText(body.optString("exchange_update_timestamp", null));
        return new BrokerOrderState(
            body.optString("order_id", null),
            body.isNull("tag") ? null : body.optString("tag", null),
            upper(body.optString("status", null)),
            body.optInt("quantity", 0),
            body.optInt("filled_quantity", 0),
            body.optDouble("average_price", 0),
            body.optDouble("price", 0),
            body.optDouble("trigger_price", 0),
            body.isNull("status_message") ? null : body.optString("status_message", null),
            KiteTimestamps.NONE != update ? update :
                KiteTimestamps.fromText(body.optString("exchange_timestamp", null)),
            body.optString("tradingsymbol", null),
            body.optString("transaction_type", null),
            body.optString("order_type", null),
            KiteTimestamps.fromText(body.optString("order_timestamp", null)),
            source);
    }

    /** @return true for COMPLETE, CANCELLED, REJECTED, LAPSED. */
    public boolean isFinal()
    {
        return COMPLETE.equals(status) || CANCELLED.equals(status) || REJECTED.equals(status)
            || LAPSED.equals(status);
    }

    /** @return filled value in paise (quantity times average, rounded). */
    public long filledValuePaise()
    {
        return Math.round(averagePrice * 100.0 * filledQuantity);
    }

    private static String upper(final String text)
    {
        return null == text ? "" : text.toUpperCase(Locale.ROOT);
    }

    static int integer(final String text)
    {
        if (null == text || text.isEmpty())
        {
            return 0;
        }
        try
        {
            return (int)Double.parseDouble(text);
        }
        catch (final NumberFormatException ex)
        {
            return 0;
        }
    }

    static double decimal(final String text)
    {
        if (null == text || text.isEmpty())
        {
            return 0;
        }
        try
        {
            return Double.parseDouble(text);
        }
        catch (final NumberFormatException ex)
        {
            return 0;
        }
    }
}
