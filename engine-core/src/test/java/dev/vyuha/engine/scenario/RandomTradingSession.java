package dev.vyuha.engine.scenario;

import dev.vyuha.engine.market.Underlying;
import dev.vyuha.sbe.RejectReason;
import dev.vyuha.sbe.StrategyAction;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A long, seeded, randomised trading session run in a closed loop with a simulated broker: seven baskets of the kinds
 * users load (straddles with stops and re-entries, strangles by premium, a hedged condor, wait-and-trade, an opening
 * range breakout, overall momentum, two accounts) trade a NIFTY random walk through the day while the broker acks,
 * fills, partly fills and rejects at random, and operators pause, resume, square off, engage and clear the kill switch,
 * expire the broker session and mark the feed stale. The same seed gives the same command stream if and only if the
 * engine is deterministic.
 */
public final class RandomTradingSession
{
    private static final String ATM = "{ \"method\": \"ATM\" }";

    private RandomTradingSession()
    {
    }

    public static List<String> baskets()
    {
        final String stop = "\"stop_loss\": { \"type\": \"PERCENT\", \"value\": 20 }";
        final List<String> baskets = new ArrayList<>();
        baskets.add(Baskets.basket("\"max_daily_loss\": 6000,", Baskets.straddle(stop
            + ", \"re_entry_on_sl\": { \"type\": \"RE_COST\", \"max_count\": 2 }", "\"risk\": { \"mtm_target\": 3000 },")));
        baskets.add(Baskets.basket(strategy("strangle", "09:25", "", Baskets.leg("ce", "CE", "SELL",
            "{ \"method\": \"CLOSEST_PREMIUM\", \"premium\": 25 }", stop + ", \"re_entry_on_sl\": { \"type\": "
            + "\"RE_ASAP\", \"max_count\": 1 }") + ", " + Baskets.leg("pe", "PE", "SELL",
            "{ \"method\": \"CLOSEST_PREMIUM\", \"premium\": 25 }", stop
            + ", \"trailing_stop\": { \"unit\": \"PERCENT\", \"activate_at\": 10, \"every\": 5, \"move_by\": 5 }"))));
        baskets.add(Baskets.basket(strategy("condor", "09:30", "\"risk\": { \"mtm_stop_loss\": 2500, "
            + "\"lock_and_trail\": { \"lock_at\": 1000, \"lock\": 500, \"every\": 200, \"raise_by\": 100 } },",
            Baskets.leg("sc", "CE", "SELL", "{ \"method\": \"OTM\", \"steps\": 2 }", "") + ", "
            + Baskets.leg("sp", "PE", "SELL", "{ \"method\": \"OTM\", \"steps\": 2 }", "") + ", "
            + Baskets.leg("bc", "CE", "BUY", "{ \"method\": \"OTM\", \"steps\": 6 }", "\"is_hedge\": true") + ", "
            + Baskets.leg("bp", "PE", "BUY", "{ \"method\": \"OTM\", \"steps\": 6 }", "\"is_hedge\": true"))));
        baskets.add(Baskets.basket(strategy("momentum-buy", "09:35", "", Baskets.leg("ce", "CE", "BUY", ATM,
            "\"wait_and_trade\": { \"move\": \"PERCENT_UP\", \"value\": 8, \"timeout_minutes\": 60, "
            + "\"fallback\": \"EXECUTE_ANYWAY\" }, \"stop_loss\": { \"type\": \"POINTS\", \"value\": 15 }, "
            + "\"target\": { \"type\": \"POINTS\", \"value\": 30 }, \"re_entry_on_sl\": { \"type\": \"RE_MOMENTUM\", "
            + "\"max_count\": 1 }"))));
        baskets.add(Baskets.basket(strategy("orb", "09:45", "\"entry\": { \"trigger\": { \"type\": \"RANGE_BREAKOUT\", "
            + "\"range_start\": \"09:15\", \"range_end\": \"09:45\", \"instrument\": \"UNDERLYING\", "
            + "\"direction\": \"EITHER\" } },", Baskets.leg("pe", "PE", "BUY", ATM,
            "\"stop_loss\": { \"type\": \"UNDERLYING_POINTS\", \"value\": 40 }"))));
        baskets.add(Baskets.basket(strategy("overall", "10:00", "\"entry\": { \"trigger\": { \"type\": "
            + "\"OVERALL_MOMENTUM\", \"move\": \"PERCENT_DOWN\", \"value\": 5, \"timeout_minutes\": 90, \"fallback\": "
            + "\"CANCEL\" } }, \"risk\": { \"mtm_stop_loss_percent\": 30 },",
            Baskets.leg("ce", "CE", "SELL", ATM, "") + ", " + Baskets.leg("pe", "PE", "SELL", ATM, ""))));
        baskets.add(Baskets.basket("\"broker_accounts\": [ { \"account\": \"AB1234\" }, { \"account\": \"CD5678\", "
            + "\"multiplier\": 3 } ],", strategy("fanout", "11:00", "\"risk\": { \"square_off\": \"COMPLETE\" },",
            Baskets.leg("ce", "CE", "SELL", "{ \"method\": \"DELTA\", \"target\": 0.2 }", stop) + ", "
            + Baskets.leg("pe", "PE", "SELL", "{ \"method\": \"DELTA\", \"target\": 0.2 }", stop))));
        return baskets;
    }

    private static String strategy(final String id, final String entry, final String fields, final String legs)
    {
        return "{ \"id\": \"" + id + "\", \"name\": \"" + id + "\", \"underlying\": \"NIFTY\", \"schedule\": { "
            + "\"entry_time\": \"" + entry + "\", \"exit_time\": \"15:15\" }, " + fields + " \"legs\": [ " + legs + " ] }";
    }

    /**
     * Run a session.
     *
     * @param seed        the randomness.
     * @param days        trading days (from Monday 2026-08-17).
     * @return the day, with its recording, orders and events.
     */
    public static TradingDay run(final long seed, final int days)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        // Quotes arrive every 20 s here (every minute for the whole chain): decisions may use quotes up to 90 s old.
        final TradingDay day = TradingDay.on("2026-08-17", dev.vyuha.engine.strategy.runtime.EngineConfig.defaults()
            .withMaxQuoteAge(90_000_000_000L));
        day.at("09:00");
        final List<Long> basketNumbers = new ArrayList<>();
        for (final String basket : baskets())
        {
            basketNumbers.add(day.load(basket));
        }
        final String[] dates = {"2026-08-17", "2026-08-18"};
        for (int d = 0; d < days; d++)
        {
            if (d > 0)
            {
                day.nextDate(dates[d]);
            }
            runDay(day, random, basketNumbers);
        }
        return day;
    }

    private static void runDay(final TradingDay day, final SplittableRandom random, final List<Long> baskets)
    {
        double spot = 24_000 + random.nextInt(-200, 200);
        final long open = day.at("09:15").nowNs();
        final long close = day.at("15:30").nowNs();
        final int killAt = random.nextInt(60, 300);
        int minute = 0;
        int answered = day.orders.size();
        final List<TradingDay.SentOrder> partlyFilled = new ArrayList<>();
        for (long now = open; now < close; now += 20_000_000_000L)
        {
            day.atNanos(now);
            spot = Math.max(22_500, Math.min(25_500, spot + random.nextGaussian() * 8));
            final String spotText = String.format(java.util.Locale.ROOT, "%.2f", Math.round(spot * 20) / 20.0);
            if (now % 60_000_000_000L == 0)
            {
                day.chain(Underlying.NIFTY, day.market.weekly, spotText, 0.10 + random.nextDouble() * 0.06);
                minute++;
            }
            else
            {
                day.spot(Underlying.NIFTY, spotText);
                for (int i = 0; i < 6; i++)
                {
                    final int strike = (int)Math.round(spot / 50) * 50 + 50 * random.nextInt(-4, 5);
                    final String type = random.nextBoolean() ? "CE" : "PE";
                    final long price = SyntheticMarket.theoreticalPaise(day.market.option(Underlying.NIFTY,
                        day.market.weekly, strike, dev.vyuha.engine.market.OptionType.valueOf(type)),
                        Math.round(spot * 100), years(day, now), 0.13);
                    day.option(strike + type, TradingDay.rupees(Math.max(5, price + 5 * random.nextInt(-3, 4))));
                }
            }
            day.timer();
            // The broker answers what was sent since the last step.
            final List<TradingDay.SentOrder> fresh = new ArrayList<>(day.orders.subList(answered, day.orders.size()));
            answered = day.orders.size();
            for (final TradingDay.SentOrder order : fresh)
            {
                final int roll = random.nextInt(100);
                final long reference = Math.max(5, order.limitPaise() > 0 ? order.limitPaise() : order.referencePaise());
                if (roll < 8)
                {
                    day.reject(order, RejectReason.values()[1 + random.nextInt(8)]);
                }
                else if (roll < 25 && order.quantity() >= 130)
                {
                    // Exchange fills come in whole lots.
                    day.ack(order).partialFill(order, order.quantity() / 65 / 2 * 65, TradingDay.rupees(reference));
                    partlyFilled.add(order);
                }
                else if (roll < 30)
                {
                    day.ack(order);
                    partlyFilled.add(order);
                }
                else
                {
                    day.fill(order, TradingDay.rupees(reference + 5L * random.nextInt(-2, 3)));
                }
            }
            if (!partlyFilled.isEmpty() && random.nextInt(4) == 0)
            {
                final TradingDay.SentOrder order = partlyFilled.remove(0);
                final long price = Math.max(5, order.limitPaise() > 0 ? order.limitPaise() : order.referencePaise());
                if (random.nextBoolean())
                {
                    day.fill(order, TradingDay.rupees(price));
                }
                else
                {
                    day.cancelled(order, order.quantity() / 65 / 2 * 65, TradingDay.rupees(price));
                }
            }
            operators(day, random, baskets, minute, killAt);
        }
        day.at("15:31").timer();
    }

    private static void operators(final TradingDay day, final SplittableRandom random, final List<Long> baskets,
        final int minute, final int killAt)
    {
        final int roll = random.nextInt(1000);
        final long basket = baskets.get(random.nextInt(baskets.size()));
        if (roll < 4)
        {
            day.control(basket, 0, StrategyAction.PAUSE);
        }
        else if (roll < 10)
        {
            day.control(basket, 0, StrategyAction.RESUME);
        }
        else if (roll < 12)
        {
            day.control(basket, 1, StrategyAction.SQUARE_OFF);
        }
        else if (roll < 14)
        {
            day.feed(Underlying.NIFTY, true);
        }
        else if (roll < 20)
        {
            day.feed(Underlying.NIFTY, false);
        }
        else if (roll < 22)
        {
            day.brokerSession(false);
        }
        else if (roll < 30)
        {
            day.brokerSession(true);
        }
        if (minute == killAt && random.nextBoolean())
        {
            day.killSwitch(true);
        }
        if (minute == killAt + 10)
        {
            day.killSwitch(false);
        }
    }

    private static double years(final TradingDay day, final long nowNs)
    {
        final long expiryNs = dev.vyuha.reference.calendar.IndiaTime.epochNanos(day.market.weekly.toEpochDay(),
            LocalTime.of(15, 30).toNanoOfDay());
        return Math.max(1e-6, (expiryNs - nowNs) / (365.0 * dev.vyuha.reference.calendar.IndiaTime.NANOS_PER_DAY));
    }
}
