package dev.vyuha.engine.strategy.runtime;

import dev.vyuha.engine.chain.ChainAnalytics;
import dev.vyuha.engine.chain.OptionValuation;
import dev.vyuha.engine.market.InstrumentMaster;
import dev.vyuha.engine.market.MarketState;
import dev.vyuha.engine.market.OptionChain;
import dev.vyuha.engine.market.OptionType;
import dev.vyuha.engine.money.Paise;
import dev.vyuha.engine.order.Side;
import dev.vyuha.engine.strategy.definition.strike.DynamicStrikeRule;
import dev.vyuha.engine.strategy.definition.strike.PriceSource;
import dev.vyuha.engine.strategy.definition.strike.StrikeCriterion;
import dev.vyuha.engine.strategy.definition.strike.StrikeDistance;
import dev.vyuha.reference.calendar.IndiaTime;

import java.util.ArrayList;
import java.util.List;

/**
 * Strike selection (DOMAIN.md §2) as a pure function of a chain, its quotes, the leg's criterion, option type and
 * side, and the basis price. ATM is the listed strike nearest the basis price; an exact tie goes to the lower strike.
 * Position-based methods (ATM with offset, OTM/ITM, ATM_PERCENT, SPOT_PERCENT, ABSOLUTE, STRADDLE_WIDTH) compute a
 * target strike and refuse it if its option is illiquid; premium and delta methods consider only usable options
 * (positive price from a fresh, unflagged quote) and break ties toward the lower strike. Every selection returns the
 * facts it used, for the decision record.
 *
 * <p>Runs on the business-logic thread at entry time only (it allocates its decision record).
 */
public final class StrikeSelector
{
    private static final int LISTED_CANDIDATES = 12;

    private final OptionValuation valuation;

    /**
     * @param rate continuously compounded rate for deltas (per year, decimal).
     */
    public StrikeSelector(final double rate)
    {
        this.valuation = new OptionValuation(rate);
    }

    /**
     * The context a selection is made in.
     *
     * @param master         instruments.
     * @param market         quotes.
     * @param chain          the leg's chain (underlying and expiry).
     * @param basisPaise     spot or future price.
     * @param basisIsSpot    true for SPOT basis (deltas on spot), false for FUTURE (deltas on the future).
     * @param nowNs          command time.
     * @param maxQuoteAgeNs  oldest usable quote.
     * @param conditions     market conditions for DYNAMIC rules.
     */
    public record Context(InstrumentMaster master, MarketState market, OptionChain chain, long basisPaise,
        boolean basisIsSpot, long nowNs, long maxQuoteAgeNs, MarketConditions conditions)
    {
    }

    /**
     * Select the strike for a leg.
     *
     * @param context   the market.
     * @param criterion the leg's criterion.
     * @param type      CE or PE.
     * @param side      BUY or SELL.
     * @return the selection.
     */
    public StrikeSelection select(final Context context, final StrikeCriterion criterion, final OptionType type,
        final Side side)
    {
        final OptionChain chain = context.chain();
        if (null == chain || chain.strikeCount() == 0)
        {
            return StrikeSelection.none(0, List.of(), "no chain listed for the expiry");
        }
        if (context.basisPaise() <= 0)
        {
            return StrikeSelection.none(0, List.of(), "no fresh basis price (the "
                + (context.basisIsSpot() ? "index" : "future") + " has not ticked within the quote age limit)");
        }
        final int atm = chain.nearestStrikeIndex(context.basisPaise());
        final long atmStrike = chain.strike(atm);
        if (criterion instanceof StrikeCriterion.Atm atmOffset)
        {
            return positional(context, atm + atmOffset.offset(), type, atmStrike,
                "ATM " + Paise.toRupees(atmStrike) + " offset " + atmOffset.offset());
        }
        if (criterion instanceof StrikeCriterion.Otm otm)
        {
            return away(context, atm, type, otm.distance(), type == OptionType.CE ? 1 : -1, "OTM");
        }
        if (criterion instanceof StrikeCriterion.Itm itm)
        {
            return away(context, atm, type, itm.distance(), type == OptionType.CE ? -1 : 1, "ITM");
        }
        if (criterion instanceof StrikeCriterion.AtmPercent percent)
        {
            return nearestTo(context, type, atmStrike, scale(atmStrike, percent.basisPoints()),
                "ATM x (1 + " + percent.basisPoints() / 100.0 + "%)");
        }
        if (criterion instanceof StrikeCriterion.SpotPercent percent)
        {
            return nearestTo(context, type, atmStrike, scale(context.basisPaise(), percent.basisPoints()),
                "basis " + Paise.toRupees(context.basisPaise()) + " x (1 + " + percent.basisPoints() / 100.0 + "%)");
        }
        if (criterion instanceof StrikeCriterion.ClosestPremium closest)
        {
            return byPremium(context, type, atmStrike, closest.price(), closest.premiumPaise(), PremiumRule.CLOSEST);
        }
        if (criterion instanceof StrikeCriterion.PremiumAtLeast least)
        {
            return byPremium(context, type, atmStrike, least.price(), least.premiumPaise(),
                PremiumRule.SMALLEST_AT_LEAST);
        }
        if (criterion instanceof StrikeCriterion.PremiumAtMost most)
        {
            return byPremium(context, type, atmStrike, most.price(), most.premiumPaise(), PremiumRule.LARGEST_AT_MOST);
        }
        if (criterion instanceof StrikeCriterion.PremiumRange range)
        {
            return premiumRange(context, type, side, atmStrike, range);
        }
        if (criterion instanceof StrikeCriterion.StraddleWidth width)
        {
            return straddleWidth(context, atm, type, width);
        }
        if (criterion instanceof StrikeCriterion.StraddlePremiumPercent percent)
        {
            return straddlePercent(context, atm, type, percent);
        }
        if (criterion instanceof StrikeCriterion.DeltaTarget target)
        {
            return byDelta(context, type, atmStrike, target.target(), 0.0, 1.0);
        }
        if (criterion instanceof StrikeCriterion.DeltaRange range)
        {
            return byDelta(context, type, atmStrike, 0.5 * (range.min() + range.max()), range.min(), range.max());
        }
        if (criterion instanceof StrikeCriterion.Absolute absolute)
        {
            return absolute(context, type, atmStrike, absolute.strikeHundredths());
        }
        if (criterion instanceof StrikeCriterion.Dynamic dynamic)
        {
            return dynamic(context, type, side, dynamic);
        }
        return StrikeSelection.none(atmStrike, List.of(), "unsupported criterion " + criterion.method());
    }

    private StrikeSelection positional(final Context context, final int index, final OptionType type,
        final long atmStrike, final String how)
    {
        final OptionChain chain = context.chain();
        if (index < 0 || index >= chain.strikeCount())
        {
            return StrikeSelection.none(atmStrike, List.of(), how + ": beyond the listed strikes");
        }
        final int id = chain.optionId(index, type);
        final List<String> candidates = List.of(describe(context, index, type, PriceSource.LTP));
        if (id == InstrumentMaster.NOT_FOUND)
        {
            return StrikeSelection.none(atmStrike, candidates, how + ": " + Paise.toRupees(chain.strike(index)) + " "
                + type + " not listed");
        }
        if (!usable(context, id, PriceSource.LTP))
        {
            return StrikeSelection.none(atmStrike, candidates, how + ": " + Paise.toRupees(chain.strike(index)) + " "
                + type + " is illiquid or stale");
        }
        return new StrikeSelection(id, index, atmStrike, candidates, how);
    }

    private StrikeSelection away(final Context context, final int atm, final OptionType type,
        final StrikeDistance distance, final int direction, final String label)
    {
        final long atmStrike = context.chain().strike(atm);
        if (distance instanceof StrikeDistance.Steps steps)
        {
            return positional(context, atm + direction * steps.steps(), type, atmStrike,
                label + " " + steps.steps() + " strikes from ATM " + Paise.toRupees(atmStrike));
        }
        if (distance instanceof StrikeDistance.Points points)
        {
            return nearestTo(context, type, atmStrike, atmStrike + direction * points.hundredths(),
                label + " " + Paise.toRupees(points.hundredths()) + " points from ATM " + Paise.toRupees(atmStrike));
        }
        final StrikeDistance.Percent percent = (StrikeDistance.Percent)distance;
        return nearestTo(context, type, atmStrike, scale(atmStrike, direction * percent.basisPoints()),
            label + " " + percent.basisPoints() / 100.0 + "% from ATM " + Paise.toRupees(atmStrike));
    }

    private StrikeSelection nearestTo(final Context context, final OptionType type, final long atmStrike,
        final long targetPaise, final String how)
    {
        final int index = context.chain().nearestStrikeIndex(targetPaise);
        return positional(context, index, type, atmStrike, how + " = " + Paise.toRupees(targetPaise));
    }

    private StrikeSelection absolute(final Context context, final OptionType type, final long atmStrike,
        final long strikePaise)
    {
        final int index = context.chain().indexOfStrike(strikePaise);
        if (index < 0)
        {
            return StrikeSelection.none(atmStrike, List.of(), "ABSOLUTE " + Paise.toRupees(strikePaise)
                + " is not listed for this expiry");
        }
        return positional(context, index, type, atmStrike, "ABSOLUTE " + Paise.toRupees(strikePaise));
    }

    private enum PremiumRule
    {
        CLOSEST, SMALLEST_AT_LEAST, LARGEST_AT_MOST
    }

    private StrikeSelection byPremium(final Context context, final OptionType type, final long atmStrike,
        final PriceSource source, final long premiumPaise, final PremiumRule rule)
    {
        final OptionChain chain = context.chain();
        int best = -1;
        long bestKey = Long.MAX_VALUE;
        for (int i = 0; i < chain.strikeCount(); i++)
        {
            final int id = chain.optionId(i, type);
            if (id == InstrumentMaster.NOT_FOUND || !usable(context, id, source))
            {
                continue;
            }
            final long price = price(context, id, source);
            final long key = switch (rule)
            {
                case CLOSEST -> Math.abs(price - premiumPaise);
                case SMALLEST_AT_LEAST -> price >= premiumPaise ? price : Long.MAX_VALUE;
                case LARGEST_AT_MOST -> price <= premiumPaise ? -price : Long.MAX_VALUE;
            };
            if (key != Long.MAX_VALUE && key < bestKey)
            {
                bestKey = key;
                best = i;
            }
        }
        final String how = rule.name().toLowerCase().replace('_', ' ') + " premium " + Paise.toRupees(premiumPaise)
            + " (" + source + ")";
        final List<String> candidates = around(context, best < 0 ? chain.nearestStrikeIndex(atmStrike) : best, type, source);
        if (best < 0)
        {
            return StrikeSelection.none(atmStrike, candidates, how + ": no usable option qualifies");
        }
        return new StrikeSelection(chain.optionId(best, type), best, atmStrike, candidates, how);
    }

    private StrikeSelection premiumRange(final Context context, final OptionType type, final Side side,
        final long atmStrike, final StrikeCriterion.PremiumRange range)
    {
        final OptionChain chain = context.chain();
        int best = -1;
        long bestPrice = 0;
        for (int i = 0; i < chain.strikeCount(); i++)
        {
            final int id = chain.optionId(i, type);
            if (id == InstrumentMaster.NOT_FOUND || !usable(context, id, range.price()))
            {
                continue;
            }
            final long price = price(context, id, range.price());
            if (price < range.minPaise() || price > range.maxPaise())
            {
                continue;
            }
            // SELL takes the highest premium in range, BUY the lowest; ties keep the lower strike.
            if (best < 0 || (side == Side.SELL ? price > bestPrice : price < bestPrice))
            {
                best = i;
                bestPrice = price;
            }
        }
        final String how = "premium in [" + Paise.toRupees(range.minPaise()) + ", " + Paise.toRupees(range.maxPaise())
            + "] (" + range.price() + "), " + (side == Side.SELL ? "highest" : "lowest");
        if (best >= 0)
        {
            return new StrikeSelection(chain.optionId(best, type), best, atmStrike,
                around(context, best, type, range.price()), how);
        }
        if (range.fallback().isPresent())
        {
            final StrikeSelection fallback = select(context, range.fallback().get(), type, side);
            return new StrikeSelection(fallback.instrumentId(), fallback.strikeIndex(), fallback.atmStrikePaise(),
                fallback.candidates(), how + ": none in range, fallback " + range.fallback().get().method() + ": "
                + fallback.reason());
        }
        return StrikeSelection.none(atmStrike, around(context, chain.nearestStrikeIndex(atmStrike), type, range.price()),
            how + ": none in range and no fallback");
    }

    private StrikeSelection straddleWidth(final Context context, final int atm, final OptionType type,
        final StrikeCriterion.StraddleWidth width)
    {
        final OptionChain chain = context.chain();
        final long atmStrike = chain.strike(atm);
        final long straddle = straddlePremium(context, atm, width.price());
        if (straddle <= 0)
        {
            return StrikeSelection.none(atmStrike, List.of(), "straddle width: ATM call or put has no usable price");
        }
        final long offset = Math.round(width.multiplier() * straddle);
        final long target = type == OptionType.CE ? atmStrike + offset : atmStrike - offset;
        return nearestTo(context, type, atmStrike, target, "straddle width W " + Paise.toRupees(straddle) + " x "
            + width.multiplier());
    }

    private StrikeSelection straddlePercent(final Context context, final int atm, final OptionType type,
        final StrikeCriterion.StraddlePremiumPercent percent)
    {
        final long straddle = straddlePremium(context, atm, percent.price());
        if (straddle <= 0)
        {
            return StrikeSelection.none(context.chain().strike(atm), List.of(),
                "straddle premium percent: ATM call or put has no usable price");
        }
        return byPremium(context, type, context.chain().strike(atm), percent.price(),
            straddle * percent.basisPoints() / 10_000, PremiumRule.CLOSEST);
    }

    private long straddlePremium(final Context context, final int atm, final PriceSource source)
    {
        final int call = context.chain().callId(atm);
        final int put = context.chain().putId(atm);
        if (call == InstrumentMaster.NOT_FOUND || put == InstrumentMaster.NOT_FOUND || !usable(context, call, source)
            || !usable(context, put, source))
        {
            return 0;
        }
        return price(context, call, source) + price(context, put, source);
    }

    private StrikeSelection byDelta(final Context context, final OptionType type, final long atmStrike,
        final double target, final double min, final double max)
    {
        final OptionChain chain = context.chain();
        final long expiryNs = IndiaTime.epochNanos(chain.expiryEpochDay(), ChainAnalytics.EXPIRY_TIME.toNanoOfDay());
        if (expiryNs <= context.nowNs())
        {
            return StrikeSelection.none(atmStrike, List.of(), "delta: the expiry has passed");
        }
        int best = -1;
        double bestDistance = Double.MAX_VALUE;
        final List<String> candidates = new ArrayList<>();
        for (int i = 0; i < chain.strikeCount(); i++)
        {
            final int id = chain.optionId(i, type);
            if (id == InstrumentMaster.NOT_FOUND || !usable(context, id, PriceSource.LTP)
                || !valuation.value(context.master(), context.market(), id, context.basisPaise(), context.basisIsSpot(),
                context.nowNs()))
            {
                continue;
            }
            final double delta = Math.abs(valuation.greeks().delta());
            if (delta < min || delta > max)
            {
                continue;
            }
            if (Math.abs(i - chain.nearestStrikeIndex(atmStrike)) <= LISTED_CANDIDATES / 2)
            {
                candidates.add(Paise.toRupees(chain.strike(i)) + " " + type + " delta " + Math.round(delta * 1000) / 1000.0);
            }
            final double distance = Math.abs(delta - target);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = i;
            }
        }
        final String how = min == 0.0 && max == 1.0 ? "|delta| nearest " + target : "|delta| in [" + min + ", " + max
            + "], nearest " + target;
        if (best < 0)
        {
            return StrikeSelection.none(atmStrike, candidates, how + ": no usable option qualifies");
        }
        return new StrikeSelection(chain.optionId(best, type), best, atmStrike, candidates, how);
    }

    private StrikeSelection dynamic(final Context context, final OptionType type, final Side side,
        final StrikeCriterion.Dynamic dynamic)
    {
        final StrikeSelection base = select(context, dynamic.base(), type, side);
        if (!base.chosen())
        {
            return base;
        }
        final dev.vyuha.engine.market.Underlying underlying = context.chain().underlying();
        for (final DynamicStrikeRule rule : dynamic.rules())
        {
            if (context.conditions().holds(rule.when(), underlying, context.nowNs()))
            {
                final int outward = type == OptionType.CE ? 1 : -1;
                final int index = base.strikeIndex() + outward * rule.shiftStrikes();
                final StrikeSelection shifted = positional(context, index, type, base.atmStrikePaise(),
                    "rule " + rule.priority() + " (" + context.conditions().observed(rule.when(), underlying,
                    context.nowNs()) + ") shifts " + rule.shiftStrikes() + " strikes from " + base.reason());
                return shifted;
            }
        }
        return new StrikeSelection(base.instrumentId(), base.strikeIndex(), base.atmStrikePaise(), base.candidates(),
            base.reason() + " (no dynamic rule applied)");
    }

    private static boolean usable(final Context context, final int id, final PriceSource source)
    {
        return context.market().isUsable(id, context.nowNs(), context.maxQuoteAgeNs()) && price(context, id, source) > 0;
    }

    private static long price(final Context context, final int id, final PriceSource source)
    {
        return source == PriceSource.MID ? context.market().midPrice(id) : context.market().lastPrice(id);
    }

    private static long scale(final long paise, final long basisPoints)
    {
        return paise + paise * basisPoints / 10_000;
    }

    private static List<String> around(final Context context, final int center, final OptionType type,
        final PriceSource source)
    {
        final OptionChain chain = context.chain();
        final List<String> candidates = new ArrayList<>(LISTED_CANDIDATES);
        final int from = Math.max(0, center - LISTED_CANDIDATES / 2);
        final int to = Math.min(chain.strikeCount(), from + LISTED_CANDIDATES);
        for (int i = from; i < to; i++)
        {
            candidates.add(describe(context, i, type, source));
        }
        return candidates;
    }

    private static String describe(final Context context, final int index, final OptionType type,
        final PriceSource source)
    {
        final int id = context.chain().optionId(index, type);
        final String strike = Paise.toRupees(context.chain().strike(index)) + " " + type;
        if (id == InstrumentMaster.NOT_FOUND)
        {
            return strike + " not listed";
        }
        if (!usable(context, id, source))
        {
            return strike + " illiquid";
        }
        return strike + " " + source + " " + Paise.toRupees(price(context, id, source));
    }
}
