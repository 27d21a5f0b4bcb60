package dev.vyuha.kitesim;

import java.time.LocalDateTime;

/**
 * An order at the simulated Kite. Mutable inside {@link SimulatedExchange} (always under its lock); everything handed
 * out is a {@link #copy() copy}, so a copy is a consistent snapshot of one state.
 */
public final class SimOrder
{
    /** Kite status: resting at the exchange. */
    public static final String OPEN = "OPEN";
    /** Kite status: SL/SL-M waiting for its trigger. */
    public static final String TRIGGER_PENDING = "TRIGGER PENDING";
    /** Kite status: filled completely. */
    public static final String COMPLETE = "COMPLETE";
    /** Kite status: cancelled (by the user, or IOC remainder). */
    public static final String CANCELLED = "CANCELLED";
    /** Kite status: refused by the RMS or the exchange. */
    public static final String REJECTED = "REJECTED";
    /** Status Kite uses in order updates for a partial fill or a modification. */
    public static final String UPDATE = "UPDATE";

    private final String orderId;
    private final String exchangeOrderId;
    private final String variety;
    private final SimInstrument instrument;
    private final String transactionType;
    private final String product;
    private final String tag;
    private final double marketProtection;
    private final LocalDateTime orderTimestamp;
    private final long sequence;
    private String orderType;
    private String validity;
    private int quantity;
    private long price;
    private long triggerPrice;
    private long protectionPrice;
    private String status;
    private String statusMessage;
    private int filledQuantity;
    private long filledValue;
    private int cancelledQuantity;
    private int modifications;
    private LocalDateTime exchangeTimestamp;
    private LocalDateTime exchangeUpdateTimestamp;

    SimOrder(
        final long sequence,
        final String orderId,
        final String exchangeOrderId,
        final String variety,
        final SimInstrument instrument,
        final OrderRequest request,
        final LocalDateTime orderTimestamp)
    {
        this.sequence = sequence;
        this.orderId = orderId;
        this.exchangeOrderId = exchangeOrderId;
        this.variety = variety;
        this.instrument = instrument;
        this.transactionType = request.transactionType();
        this.product = request.product();
        this.tag = request.tag();
        this.marketProtection = null == request.marketProtection() ? 0 : request.marketProtection();
        this.orderTimestamp = orderTimestamp;
        this.orderType = request.orderType();
        this.validity = null == request.validity() ? "DAY" : request.validity();
        this.quantity = request.quantity();
        this.price = null == request.price() ? 0 : request.price();
        this.triggerPrice = null == request.triggerPrice() ? 0 : request.triggerPrice();
        this.status = "PUT ORDER REQ RECEIVED";
    }

    private SimOrder(final SimOrder other)
    {
        sequence = other.sequence;
        orderId = other.orderId;
        exchangeOrderId = other.exchangeOrderId;
        variety = other.variety;
        instrument = other.instrument;
        transactionType = other.transactionType;
        product = other.product;
        tag = other.tag;
        marketProtection = other.marketProtection;
        orderTimestamp = other.orderTimestamp;
        orderType = other.orderType;
        validity = other.validity;
        quantity = other.quantity;
        price = other.price;
        triggerPrice = other.triggerPrice;
        protectionPrice = other.protectionPrice;
        status = other.status;
        statusMessage = other.statusMessage;
        filledQuantity = other.filledQuantity;
        filledValue = other.filledValue;
        cancelledQuantity = other.cancelledQuantity;
        modifications = other.modifications;
        exchangeTimestamp = other.exchangeTimestamp;
        exchangeUpdateTimestamp = other.exchangeUpdateTimestamp;
    }

    /** @return a snapshot of this order's current state. */
    public SimOrder copy()
    {
        return new SimOrder(this);
    }

    /** @return true while the order can still fill, be modified or cancelled. */
    public boolean isLive()
    {
        return OPEN.equals(status) || TRIGGER_PENDING.equals(status);
    }

    /** @return true for COMPLETE, CANCELLED or REJECTED. */
    public boolean isTerminal()
    {
        return COMPLETE.equals(status) || CANCELLED.equals(status) || REJECTED.equals(status);
    }

    /** @return true if this is a buy. */
    public boolean isBuy()
    {
        return "BUY".equals(transactionType);
    }

    /** @return placement sequence inside the simulator. */
    public long sequence()
    {
        return sequence;
    }

    /** @return Kite order id. */
    public String orderId()
    {
        return orderId;
    }

    /** @return exchange order id, null until the order reached the exchange. */
    public String exchangeOrderId()
    {
        return null == exchangeTimestamp ? null : exchangeOrderId;
    }

    /** @return Kite variety. */
    public String variety()
    {
        return variety;
    }

    /** @return the instrument. */
    public SimInstrument instrument()
    {
        return instrument;
    }

    /** @return BUY or SELL. */
    public String transactionType()
    {
        return transactionType;
    }

    /** @return Kite product. */
    public String product()
    {
        return product;
    }

    /** @return the tag, or null. */
    public String tag()
    {
        return tag;
    }

    /** @return market protection in percent as sent (0 if not sent). */
    public double marketProtection()
    {
        return marketProtection;
    }

    /** @return when Kite received the order (IST wall clock). */
    public LocalDateTime orderTimestamp()
    {
        return orderTimestamp;
    }

    /** @return order type. */
    public String orderType()
    {
        return orderType;
    }

    /** @return validity. */
    public String validity()
    {
        return validity;
    }

    /** @return total quantity. */
    public int quantity()
    {
        return quantity;
    }

    /** @return limit price in paise (0 for MARKET). */
    public long price()
    {
        return price;
    }

    /** @return trigger price in paise (0 if none). */
    public long triggerPrice()
    {
        return triggerPrice;
    }

    /** @return worst price a MARKET/SL-M order may fill at (its market protection), paise. */
    public long protectionPrice()
    {
        return protectionPrice;
    }

    /** @return Kite status. */
    public String status()
    {
        return status;
    }

    /** @return status message (rejections), or null. */
    public String statusMessage()
    {
        return statusMessage;
    }

    /** @return units filled. */
    public int filledQuantity()
    {
        return filledQuantity;
    }

    /** @return units neither filled nor cancelled. */
    public int pendingQuantity()
    {
        return REJECTED.equals(status) ? 0 : quantity - filledQuantity;
    }

    /** @return units cancelled. */
    public int cancelledQuantity()
    {
        return cancelledQuantity;
    }

    /** @return modifications so far. */
    public int modifications()
    {
        return modifications;
    }

    /** @return average fill price in paise (fractional), 0 if nothing filled. */
    public double averagePrice()
    {
        return 0 == filledQuantity ? 0 : (double)filledValue / filledQuantity;
    }

    /** @return exchange timestamp or null. */
    public LocalDateTime exchangeTimestamp()
    {
        return exchangeTimestamp;
    }

    /** @return last exchange update or null. */
    public LocalDateTime exchangeUpdateTimestamp()
    {
        return exchangeUpdateTimestamp;
    }

    void status(final String status)
    {
        this.status = status;
    }

    void statusMessage(final String statusMessage)
    {
        this.statusMessage = statusMessage;
    }

    void orderType(final String orderType)
    {
        this.orderType = orderType;
    }

    void validity(final String validity)
    {
        this.validity = validity;
    }

    void quantity(final int quantity)
    {
        this.quantity = quantity;
    }

    void price(final long price)
    {
        this.price = price;
    }

    void triggerPrice(final long triggerPrice)
    {
        this.triggerPrice = triggerPrice;
    }

    void protectionPrice(final long protectionPrice)
    {
        this.protectionPrice = protectionPrice;
    }

    void addFill(final int quantity, final long price)
    {
        filledQuantity += quantity;
        filledValue += quantity * price;
    }

    void cancelRemainder()
    {
        cancelledQuantity = quantity - filledQuantity;
    }

    void countModification()
    {
        modifications++;
    }

    void exchangeTimestamp(final LocalDateTime timestamp)
    {
        if (null == exchangeTimestamp)
        {
            exchangeTimestamp = timestamp;
        }
        exchangeUpdateTimestamp = timestamp;
    }

    @Override
    public String toString()
    {
        return "SimOrder{" + orderId + ' ' + transactionType + ' ' + quantity + ' ' + instrument.tradingSymbol()
            + ' ' + orderType + '@' + price + ' ' + status + " filled=" + filledQuantity + " tag=" + tag + '}';
    }
}
