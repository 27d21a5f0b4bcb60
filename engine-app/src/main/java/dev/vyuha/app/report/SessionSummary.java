package dev.vyuha.app.report;

import dev.vyuha.engine.money.Paise;
import dev.vyuha.engine.readmodel.BasketSnapshot;
import dev.vyuha.engine.readmodel.ClosedTrade;
import dev.vyuha.engine.readmodel.EngineSnapshot;
import dev.vyuha.engine.readmodel.LegSnapshot;
import dev.vyuha.engine.readmodel.OrderSnapshot;
import dev.vyuha.engine.readmodel.StrategySnapshot;
import dev.vyuha.reference.calendar.IndiaTime;

import java.util.List;
import java.util.Locale;

/**
 * Console renderings of the engine's read model: one progress line while trading, and the per-strategy P&amp;L table
 * at the end of a session.
 */
public final class SessionSummary
{
    private SessionSummary()
    {
    }

    /**
     * @param snapshot the read model.
     * @return e.g. {@code 10:42:05 IST  orders 24 (22 filled)  open legs 6  MTM +1,234.50  kill switch off}.
     */
    public static String progressLine(final EngineSnapshot snapshot)
    {
        int filled = 0;
        for (final OrderSnapshot order : snapshot.orders())
        {
            filled += "FILLED".equals(order.state()) ? 1 : 0;
        }
        int openLegs = 0;
        for (final BasketSnapshot basket : snapshot.baskets())
        {
            for (final StrategySnapshot strategy : basket.strategies())
            {
                for (final LegSnapshot leg : strategy.legs())
                {
                    openLegs += leg.netQuantity() != 0 ? 1 : 0;
                }
            }
        }
        return String.format(Locale.ROOT, "%s IST  orders %d (%d filled)  open legs %d  trades %d  MTM %s%s",
            snapshot.timestampNs() <= 0 ? "--:--:--" : IndiaTime.time(snapshot.timestampNs()).withNano(0),
            snapshot.orders().size(), filled, openLegs, snapshot.trades().size(), signed(snapshot.mtmPaise()),
            snapshot.killSwitchEngaged() ? "  KILL SWITCH ENGAGED" : "");
    }

    /**
     * @param snapshot the read model at the end of the session.
     * @param trades   every round trip of the session.
     * @return the per-strategy table and the totals.
     */
    public static String table(final EngineSnapshot snapshot, final List<ClosedTrade> trades)
    {
        final StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-44s %-10s %7s %7s %14s%n", "strategy", "state", "trades", "open",
            "P&L (INR)"));
        long total = 0;
        final StringBuilder reasons = new StringBuilder();
        for (final BasketSnapshot basket : snapshot.baskets())
        {
            for (final StrategySnapshot strategy : basket.strategies())
            {
                int count = 0;
                final String scope = strategy.id() + (basket.strategies().stream().filter(s -> s.id()
                    .equals(strategy.id())).count() > 1 ? "@" + strategy.account() : "");
                for (final ClosedTrade trade : trades)
                {
                    count += trade.basketId().equals(basket.id()) && trade.strategyId().equals(scope) ? 1 : 0;
                }
                int open = 0;
                for (final LegSnapshot leg : strategy.legs())
                {
                    open += leg.netQuantity() != 0 ? 1 : 0;
                }
                out.append(String.format(Locale.ROOT, "%-44s %-10s %7d %7d %14s%n",
                    abbreviate(basket.id() + "/" + scope, 44), strategy.state(), count, open,
                    signed(strategy.mtmPaise())));
                total += strategy.mtmPaise();
                if (count == 0 && null != strategy.lastReason() && !strategy.lastReason().isEmpty())
                {
                    reasons.append("  ").append(basket.id()).append('/').append(scope).append(": ")
                        .append(strategy.lastReason()).append(System.lineSeparator());
                }
            }
        }
        out.append(String.format(Locale.ROOT, "%-44s %-10s %7d %7s %14s%n", "total", "", trades.size(), "",
            signed(total)));
        if (reasons.length() > 0)
        {
            out.append("no trade, and why:").append(System.lineSeparator()).append(reasons);
        }
        return out.toString();
    }

    private static String abbreviate(final String text, final int width)
    {
        return text.length() <= width ? text : text.substring(0, width - 3) + "...";
    }

    /**
     * @param paise an amount.
     * @return with its sign and grouped rupees, e.g. {@code +1,234.50}.
     */
    public static String signed(final long paise)
    {
        return (paise >= 0 ? "+" : "-") + String.format(Locale.ROOT, "%,.2f", Math.abs(paise) / 100.0);
    }

    /**
     * @param paise an amount.
     * @return rupees.
     */
    static String rupees(final long paise)
    {
        return Paise.toRupees(paise);
    }
}
