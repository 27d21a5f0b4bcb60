package dev.vyuha.kitesim;

import java.util.Map;

/**
 * The form fields of a place or modify request, as the SDK sends them (KITE.md §3, §4). Absent fields are null.
 *
 * @param exchange         exchange.
 * @param tradingSymbol    trading symbol.
 * @param transactionType  BUY or SELL.
 * @param orderType        MARKET, LIMIT, SL, SL-M.
 * @param product          MIS, NRML, CNC.
 * @param validity         DAY, IOC, TTL.
 * @param quantity         units or null.
 * @param price            paise or null.
 * @param triggerPrice     paise or null.
 * @param tag              tag or null.
 * @param marketProtection percent (-1 auto) or null when not sent (modify).
 */
public record OrderRequest(
    String exchange,
    String tradingSymbol,
    String transactionType,
    String orderType,
    String product,
    String validity,
    Integer quantity,
    Long price,
    Long triggerPrice,
    String tag,
    Double marketProtection)
{
    /**
     * @param form parsed form fields (first value of each).
     * @return the request.
     */
    public static OrderRequest fromForm(final Map<String, String> form)
    {
        return new OrderRequest(
            form.get("exchange"),
            form.get("tradingsymbol"),
            form.get("transaction_type"),
            form.get("order_type"),
            form.get("product"),
            form.get("validity"),
            integer(form.get("quantity")),
            paise(form.get("price")),
            paise(form.get("trigger_price")),
            form.get("tag"),
            decimal(form.get("market_protection")));
    }

    private static Integer integer(final String value)
    {
        if (null == value || value.isEmpty())
        {
            return null;
        }
        try
        {
            return (int)Double.parseDouble(value);
        }
        catch (final NumberFormatException ex)
        {
            throw KiteApiError.input("Invalid number: " + value);
        }
    }

    private static Double decimal(final String value)
    {
        if (null == value || value.isEmpty())
        {
            return null;
        }
        try
        {
            return Double.parseDouble(value);
        }
        catch (final NumberFormatException ex)
        {
            throw KiteApiError.input("Invalid number: " + value);
        }
    }

    private static Long paise(final String value)
    {
        final Double rupees = decimal(value);
        return null == rupees ? null : Math.round(rupees * 100.0);
    }
}
