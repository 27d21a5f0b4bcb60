package dev.vyuha.kitesim;

/**
 * A day position at the simulated Kite, per instrument and product. Values in paise.
 *
 * @param instrument   what is held.
 * @param product      Kite product.
 * @param buyQuantity  units bought today.
 * @param buyValue     paise paid.
 * @param sellQuantity units sold today.
 * @param sellValue    paise received.
 * @param lastPrice    last price, paise.
 * @param closePrice   previous close, paise.
 */
public record SimPosition(
    SimInstrument instrument,
    String product,
    int buyQuantity,
    long buyValue,
    int sellQuantity,
    long sellValue,
    long lastPrice,
    long closePrice)
{
    /** @return net quantity: positive long, negative short. */
    public int netQuantity()
    {
        return buyQuantity - sellQuantity;
    }

    /** @return average price of the open side in paise (fractional), 0 when flat. */
    public double averagePrice()
    {
        final int net = netQuantity();
        if (net > 0)
        {
            return (double)buyValue / buyQuantity;
        }
        if (net < 0)
        {
            return (double)sellValue / sellQuantity;
        }
        return 0;
    }

    /** @return total P&amp;L at the last price, paise. */
    public long pnl()
    {
        return sellValue - buyValue + (long)netQuantity() * lastPrice;
    }

    /** @return realised P&amp;L of the closed quantity, paise (fractional). */
    public double realised()
    {
        final int closed = Math.min(buyQuantity, sellQuantity);
        if (0 == closed)
        {
            return 0;
        }
        return closed * ((double)sellValue / sellQuantity - (double)buyValue / buyQuantity);
    }

    /** @return unrealised P&amp;L of the open quantity, paise (fractional). */
    public double unrealised()
    {
        return pnl() - realised();
    }
}
