package dev.vyuha.kitesim;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Writes the simulator's JSON bodies in the shapes of Kite Connect v3 (the official mocks in
 * {@code ../shared/data/6_kite_mocks}): numbers as JSON numbers, ids as strings, dates as {@code yyyy-MM-dd HH:mm:ss}
 * IST wall clock, {@code null} where Kite sends null.
 */
public final class KiteJson
{
    /** Kite's date-time format. */
    public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private static final ObjectMapper MAPPER = new ObjectMapper()
        .configure(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, true);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private KiteJson()
    {
    }

    /** @return the mapper the simulator reads and writes JSON with. */
    public static ObjectMapper mapper()
    {
        return MAPPER;
    }

    /** @return a new empty object node. */
    public static ObjectNode object()
    {
        return NODES.objectNode();
    }

    /** @return a new empty array node. */
    public static ArrayNode array()
    {
        return NODES.arrayNode();
    }

    /**
     * @param data the {@code data} member.
     * @return {@code {"status":"success","data":…}} as text.
     */
    public static String success(final JsonNode data)
    {
        final ObjectNode body = object();
        body.put("status", "success");
        body.set("data", data);
        return write(body);
    }

    /**
     * @param error the error.
     * @return {@code {"status":"error","message":…,"error_type":…,"data":null}} as text.
     */
    public static String error(final KiteApiError error)
    {
        final ObjectNode body = object();
        body.put("status", "error");
        body.put("message", error.getMessage());
        body.put("error_type", error.errorType());
        body.putNull("data");
        return write(body);
    }

    /**
     * @param node any node.
     * @return compact JSON text.
     */
    public static String write(final JsonNode node)
    {
        try
        {
            return MAPPER.writeValueAsString(node);
        }
        catch (final JsonProcessingException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * @param paise an amount in paise.
     * @return the amount in rupees as an exact decimal (72, 12.3, 0.05).
     */
    public static BigDecimal rupees(final long paise)
    {
        final BigDecimal value = BigDecimal.valueOf(paise, 2).stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    /**
     * @param paise a fractional amount in paise (an average).
     * @return the amount in rupees.
     */
    public static BigDecimal rupees(final double paise)
    {
        final BigDecimal value = new BigDecimal(paise).movePointLeft(2).round(java.math.MathContext.DECIMAL64)
            .stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    /**
     * @param time IST wall clock or null.
     * @return Kite text or null.
     */
    public static String dateTime(final LocalDateTime time)
    {
        return null == time ? null : time.format(DATE_TIME);
    }

    /**
     * An order as {@code GET /orders} returns it.
     *
     * @param order  the order.
     * @param userId the account.
     * @return the JSON object.
     */
    public static ObjectNode order(final SimOrder order, final String userId)
    {
        final ObjectNode node = object();
        node.put("account_id", userId);
        node.put("placed_by", userId);
        node.put("order_id", order.orderId());
        node.put("exchange_order_id", order.exchangeOrderId());
        node.putNull("parent_order_id");
        node.put("status", order.status());
        node.put("status_message", order.statusMessage());
        node.put("status_message_raw", null == order.statusMessage() ? null : "RMS:" + order.statusMessage());
        node.put("order_timestamp", dateTime(order.orderTimestamp()));
        node.put("exchange_update_timestamp", dateTime(order.exchangeUpdateTimestamp()));
        node.put("exchange_timestamp", dateTime(order.exchangeTimestamp()));
        node.put("variety", order.variety());
        node.put("modified", order.modifications() > 0);
        node.put("exchange", order.instrument().exchange());
        node.put("tradingsymbol", order.instrument().tradingSymbol());
        node.put("instrument_token", order.instrument().instrumentToken());
        node.put("order_type", order.orderType());
        node.put("transaction_type", order.transactionType());
        node.put("validity", order.validity());
        node.put("validity_ttl", 0);
        node.put("product", order.product());
        node.put("quantity", order.quantity());
        node.put("disclosed_quantity", 0);
        node.put("price", rupees(order.price()));
        node.put("trigger_price", rupees(order.triggerPrice()));
        node.put("average_price", rupees(order.averagePrice()));
        node.put("filled_quantity", order.filledQuantity());
        node.put("pending_quantity", order.pendingQuantity());
        node.put("cancelled_quantity", order.cancelledQuantity());
        node.put("market_protection", order.marketProtection() == Math.rint(order.marketProtection()) ?
            BigDecimal.valueOf((long)order.marketProtection()) : BigDecimal.valueOf(order.marketProtection()));
        node.set("meta", object());
        node.put("tag", order.tag());
        if (null != order.tag())
        {
            node.set("tags", array().add(order.tag()));
        }
        node.putNull("guid");
        return node;
    }

    /**
     * An order update as the ticker's {@code {"type":"order","data":…}} and postbacks carry it (postback.json).
     *
     * @param order     the order.
     * @param status    the update's status (may be UPDATE for a partial fill or modification).
     * @param userId    the account.
     * @param apiSecret signs the checksum.
     * @return the JSON object.
     */
    public static ObjectNode orderUpdate(
        final SimOrder order, final String status, final String userId, final String apiSecret)
    {
        final ObjectNode node = order(order, userId);
        node.put("status", status);
        node.put("user_id", userId);
        node.put("unfilled_quantity", order.isTerminal() ? 0 : order.pendingQuantity());
        node.put("app_id", 1234);
        node.put("checksum", sha256Hex(order.orderId() + dateTime(order.orderTimestamp()) + apiSecret));
        return node;
    }

    /**
     * @param trade a fill.
     * @return the JSON object as {@code GET /trades} returns it.
     */
    public static ObjectNode trade(final SimTrade trade)
    {
        final ObjectNode node = object();
        node.put("trade_id", trade.tradeId());
        node.put("order_id", trade.orderId());
        node.put("exchange", trade.instrument().exchange());
        node.put("tradingsymbol", trade.instrument().tradingSymbol());
        node.put("instrument_token", trade.instrument().instrumentToken());
        node.put("product", trade.product());
        node.put("average_price", rupees(trade.price()));
        node.put("quantity", trade.quantity());
        node.put("exchange_order_id", trade.exchangeOrderId());
        node.put("transaction_type", trade.side());
        node.put("fill_timestamp", dateTime(trade.fillTime()));
        node.put("order_timestamp", trade.fillTime().format(TIME));
        node.put("exchange_timestamp", dateTime(trade.fillTime()));
        return node;
    }

    /**
     * @param positions the day's positions.
     * @return {@code {"net":[…],"day":[…]}}.
     */
    public static ObjectNode positions(final List<SimPosition> positions)
    {
        final ArrayNode net = array();
        final ArrayNode day = array();
        for (final SimPosition position : positions)
        {
            net.add(position(position));
            day.add(position(position));
        }
        final ObjectNode node = object();
        node.set("net", net);
        node.set("day", day);
        return node;
    }

    private static ObjectNode position(final SimPosition p)
    {
        final ObjectNode node = object();
        node.put("tradingsymbol", p.instrument().tradingSymbol());
        node.put("exchange", p.instrument().exchange());
        node.put("instrument_token", p.instrument().instrumentToken());
        node.put("product", p.product());
        node.put("quantity", p.netQuantity());
        node.put("overnight_quantity", 0);
        node.put("multiplier", 1);
        node.put("average_price", rupees(p.averagePrice()));
        node.put("close_price", rupees(p.closePrice()));
        node.put("last_price", rupees(p.lastPrice()));
        node.put("value", rupees(p.sellValue() - p.buyValue()));
        node.put("pnl", rupees(p.pnl()));
        node.put("m2m", rupees(p.pnl()));
        node.put("unrealised", rupees(p.unrealised()));
        node.put("realised", rupees(p.realised()));
        node.put("buy_quantity", p.buyQuantity());
        node.put("buy_price", rupees(0 == p.buyQuantity() ? 0 : (double)p.buyValue() / p.buyQuantity()));
        node.put("buy_value", rupees(p.buyValue()));
        node.put("buy_m2m", rupees(p.buyValue()));
        node.put("sell_quantity", p.sellQuantity());
        node.put("sell_price", rupees(0 == p.sellQuantity() ? 0 : (double)p.sellValue() / p.sellQuantity()));
        node.put("sell_value", rupees(p.sellValue()));
        node.put("sell_m2m", rupees(p.sellValue()));
        node.put("day_buy_quantity", p.buyQuantity());
        node.put("day_buy_price", rupees(0 == p.buyQuantity() ? 0 : (double)p.buyValue() / p.buyQuantity()));
        node.put("day_buy_value", rupees(p.buyValue()));
        node.put("day_sell_quantity", p.sellQuantity());
        node.put("day_sell_price", rupees(0 == p.sellQuantity() ? 0 : (double)p.sellValue() / p.sellQuantity()));
        node.put("day_sell_value", rupees(p.sellValue()));
        return node;
    }

    /**
     * @param quote      the quote.
     * @param timestamp  when it was served.
     * @return the full quote object as {@code GET /quote} returns it per instrument.
     */
    public static ObjectNode quote(final SimQuote quote, final LocalDateTime timestamp)
    {
        final ObjectNode node = object();
        node.put("instrument_token", quote.instrumentToken());
        node.put("timestamp", dateTime(timestamp));
        node.put("last_trade_time", 0 == quote.lastTradeTimeSeconds() ? null :
            dateTime(LocalDateTime.ofInstant(Instant.ofEpochSecond(quote.lastTradeTimeSeconds()),
                KiteSimulatorConfig.IST)));
        node.put("last_price", rupees(quote.lastPrice()));
        node.put("last_quantity", quote.lastQuantity());
        node.put("buy_quantity", quote.totalBuyQuantity());
        node.put("sell_quantity", quote.totalSellQuantity());
        node.put("volume", quote.volume());
        node.put("average_price", rupees(quote.averagePrice()));
        node.put("oi", quote.openInterest());
        node.put("oi_day_high", quote.openInterestDayHigh());
        node.put("oi_day_low", quote.openInterestDayLow());
        node.put("net_change", 0);
        node.put("lower_circuit_limit", rupees(quote.lowerCircuit()));
        node.put("upper_circuit_limit", rupees(quote.upperCircuit()));
        node.set("ohlc", ohlc(quote));
        final ObjectNode depth = object();
        depth.set("buy", levels(quote.bids()));
        depth.set("sell", levels(quote.asks()));
        node.set("depth", depth);
        return node;
    }

    /**
     * @param quote the quote.
     * @return {@code {open, high, low, close}}.
     */
    public static ObjectNode ohlc(final SimQuote quote)
    {
        final ObjectNode ohlc = object();
        ohlc.put("open", rupees(quote.open()));
        ohlc.put("high", rupees(quote.high()));
        ohlc.put("low", rupees(quote.low()));
        ohlc.put("close", rupees(quote.close()));
        return ohlc;
    }

    private static ArrayNode levels(final List<DepthLevel> levels)
    {
        final ArrayNode array = array();
        for (final DepthLevel level : levels)
        {
            final ObjectNode node = object();
            node.put("price", rupees(level.price()));
            node.put("quantity", level.quantity());
            node.put("orders", level.orders());
            array.add(node);
        }
        return array;
    }

    /**
     * @param config      simulator configuration.
     * @param accessToken the session's access token.
     * @param loginTime   when the session started.
     * @return the user object as {@code POST /session/token} returns it.
     */
    public static ObjectNode user(final KiteSimulatorConfig config, final String accessToken,
        final LocalDateTime loginTime)
    {
        final ObjectNode node = profile(config);
        node.put("user_id", config.userId());
        node.put("api_key", config.apiKey());
        node.put("access_token", accessToken);
        node.put("public_token", "simpublictoken");
        node.put("enctoken", "simenctoken");
        node.put("refresh_token", "");
        node.put("silo", "");
        node.put("login_time", dateTime(loginTime));
        node.put("avatar_url", "https://example.invalid/avatar.png");
        return node;
    }

    /**
     * @param config simulator configuration.
     * @return the profile object as {@code GET /user/profile} returns it.
     */
    public static ObjectNode profile(final KiteSimulatorConfig config)
    {
        final ObjectNode node = object();
        node.put("user_id", config.userId());
        node.put("user_type", "individual");
        node.put("email", config.userId().toLowerCase(Locale.ROOT) + "@example.invalid");
        node.put("user_name", config.userName());
        node.put("user_shortname", config.userName().split(" ")[0]);
        node.put("broker", "ZERODHA");
        node.set("exchanges", array().add("NSE").add("NFO").add("BFO").add("BSE"));
        node.set("products", array().add("CNC").add("NRML").add("MIS"));
        node.set("order_types", array().add("MARKET").add("LIMIT").add("SL").add("SL-M"));
        node.putNull("avatar_url");
        final ObjectNode meta = object();
        meta.put("demat_consent", "physical");
        node.set("meta", meta);
        return node;
    }

    /**
     * @param openingCash paise at the start of the day.
     * @param cash        paise now.
     * @param utilised    paise blocked.
     * @return one segment's margins object (margins_equity.json).
     */
    public static ObjectNode segmentMargins(final long openingCash, final long cash, final long utilised)
    {
        final ObjectNode available = object();
        available.put("adhoc_margin", 0);
        available.put("cash", rupees(cash));
        available.put("opening_balance", rupees(openingCash));
        available.put("live_balance", rupees(cash - utilised));
        available.put("collateral", 0);
        available.put("intraday_payin", 0);
        final ObjectNode used = object();
        used.put("debits", rupees(utilised + Math.max(0, openingCash - cash)));
        used.put("exposure", 0);
        used.put("m2m_realised", 0);
        used.put("m2m_unrealised", 0);
        used.put("option_premium", rupees(Math.max(0, openingCash - cash)));
        used.put("payout", 0);
        used.put("span", rupees(utilised));
        used.put("holding_sales", 0);
        used.put("turnover", 0);
        used.put("liquid_collateral", 0);
        used.put("stock_collateral", 0);
        used.put("delivery", 0);
        final ObjectNode node = object();
        node.put("enabled", true);
        node.put("net", rupees(cash - utilised));
        node.set("available", available);
        node.set("utilised", used);
        return node;
    }

    /**
     * @param text any text.
     * @return lower-case hex SHA-256 of its UTF-8 bytes (Kite's checksums).
     */
    public static String sha256Hex(final String text)
    {
        try
        {
            final MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}
