package dev.vyuha.engine.strategy.definition.strike;

import dev.vyuha.engine.strategy.definition.ModelInvariants;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * How a leg's strike is chosen from the option chain of its expiry (../shared/DOMAIN.md §2). Every variant is a
 * record; {@link #method()} names it for switch statements. Strikes with no quote, a zero LTP or a stale quote are
 * never chosen.
 */
public sealed interface StrikeCriterion
{
    /**
     * @return the method, as written in basket files.
     */
    StrikeMethod method();

    /**
     * ATM shifted by a number of listed strikes.
     *
     * @param offset listed strikes from ATM: positive is a higher strike price, negative a lower one (for either
     *               option type); -50..50.
     */
    record Atm(int offset) implements StrikeCriterion
    {
        /**
         * Validates the offset.
         */
        public Atm
        {
            ModelInvariants.range(offset, -50, 50, "offset");
        }

        @Override
        public StrikeMethod method()
        {
            return StrikeMethod.ATM;
        }
    }

    /**
     * Out of the money by a distance: above ATM for CE, below for PE.
     *
     * @param distance how far.
     */
    record Otm(StrikeDistance distance) implements StrikeCriterion
    {
        /**
         * Validates the distance.
         */
        public Otm
        {
            ModelInvariants.nonNull(distance, "distance");
        }

        @Override
        public StrikeMethod method()
        {
            return StrikeMethod.OTM;
        }
    }

    /**
     * In the money by a distance: below ATM for CE, above for PE.
     *
     * @param distance how far.
     */
    record Itm(StrikeDistance distance) implements StrikeCriterion
    {
        /**
         * Validates the distance.
         */
        public Itm
        {
            ModelInvariants.nonNull(distance, "distance");
        }

        @Override
        public StrikeMethod method()
        {
            return StrikeMethod.ITM;
        }
    }

    /**
     * The listed strike nearest ATM × (1 + percent / 100).
     *
     * @param basisPoints the signed percentage in basis points; -5000..5000.
     */
    record AtmPercent(long basisPoints) implements StrikeCriterion
    {
        /**
         * Validates the percentage.
         */
        public AtmPercent
        {
            ModelInvariants.range(basisPoints, -5_000, 5_000, "basisPoints");
        }

        @Override
        public StrikeMethod method()
        {
            return StrikeMethod.ATM_PERCENT;
        }
    }

    /**
     * The listed strike nearest basis price × (1 + percent / 100).
     *
     * @param basisPoints the signed percentage in basis points; -5000..5000.
     */
    record SpotPercent(long basisPoints) implements StrikeCriterion
    {
        /**
         * Validates the percentage.
         */
        public SpotPercent
        {
            ModelInvariants.range(basisPoints, -5_000, 5_000, "basisPoints");
        }

        @Override
        public StrikeMethod method()
        {
            return StrikeMethod.SPOT_PERCENT;
        }
    }

    /**
     * The strike whose premium is nearest a target: minimum |price − premium|; ties resolve to the lower strike.
     *
     * @param premiumPaise the target premium in paise; positive.
     * @param price        which price is compared.
     */
    record ClosestPremium(long premiumPaise, PriceSource price) implements StrikeCriterion
    {
        /**
         * Validates the components.
         */
        public ClosestPremium
        {
            ModelInvariants.range(premiumPaise, 1, Long.MAX_VALUE, "premiumPaise");
            ModelInvariants.nonNull(price, "price");
        }

        @Override
        public StrikeMethod method()
        {
            return StrikeMethod.CLOSEST_PREMIUM;
        }
    }

    /**
     * The strike whose premium is the smallest at or above a floor.
     *
     * @param premiumPaise the floor in paise; positive.
     * @param price        which price is compared.
     */
    record PremiumAtLeast(long premiumPaise, PriceSource price) implements StrikeCriterion
    {
        /**
         * Validates the components.
         */
        public PremiumAtLeast
        {
            ModelInvariants.range(premiumPaise, 1, Long.MAX_VALUE, "premiumPaise");
            ModelInvariants.nonNull(price, "price");
        }

        @Override
        public StrikeMethod method()
        {
            return StrikeMethod.PREMIUM_GTE;
        }
    }

    /**
     * The strike whose premium is the largest at or below a ceiling.
     *
     * @param premiumPaise the ceiling in paise; positive.
     * @param price        which price is compared.
     */
    record PremiumAtMost(long premiumPaise, PriceSource price) implements StrikeCriterion
    {
        /**
         * Validates the components.
         */
        public PremiumAtMost
        {
            ModelInvariants.range(premiumPaise, 1, Long.MAX_VALUE, "premiumPaise");
            ModelInvariants.nonNull(price, "price");
        }

        @Override
        public StrikeMethod method()
        {
            return StrikeMethod.PREMIUM_LTE;
        }
    }

    /**
     * Among strikes whose premium lies in [min, max], a SELL leg takes the highest premium and a BUY leg the lowest;
     * if there is none, the fallback decides, and without a fallback the strategy does not enter.
     *
     * @param minPaise smallest premium in paise; positive.
     * @param maxPaise largest premium in paise; greater than minPaise.
     * @param price    which price is compared.
     * @param fallback the criterion used when no strike is in range; never a PREMIUM_RANGE or DYNAMIC criterion.
     */
    record PremiumRange(long minPaise, long maxPaise, PriceSource price, Optional<StrikeCriterion> fallback)
        implements StrikeCriterion
    {
        /**
         * Validates the components.
         */
        public PremiumRange
        {
            ModelInvariants.range(minPaise, 1, Long.MAX_VALUE, "minPaise");
            ModelInvariants.range(maxPaise, minPaise + 1, Long.MAX_VALUE, "maxPaise");
            ModelInvariants.nonNull(price, "price");
            ModelInvariants.optional(fallback, "fallback");
            fallback.ifPresent(criterion -> ModelInvariants.check(
                !(criterion instanceof PremiumRange) && !(criterion instanceof Dynamic),
                "fallback must not be " + criterion.method()));
        }

        @Override
        public StrikeMethod method()
        {
            return StrikeMethod.PREMIUM_RANGE;
        }
    }

    /**
     * Straddle width W = price(ATM CE) + price(ATM PE); a CE leg takes the strike nearest ATM + m × W, a PE leg the
     * strike nearest ATM − m × W.
     *
     * @param multiplier m; in (0, 5].
     * @param price      which price is used for W.
     */
    record StraddleWidth(double multiplier, PriceSource price) implements StrikeCriterion
    {
        /**
         * Validates the components.
         */
        public StraddleWidth
        {
            ModelInvariants.check(multiplier > 0 && multiplier <= 5, "multiplier must be in (0, 5]: " + multiplier);
            ModelInvariants.nonNull(price, "price");
        }

        @Override
        public StrikeMethod method()
        {
            return StrikeMethod.STRADDLE_WIDTH;
        }
    }

    /**
     * The strike whose premium is nearest percent × (price(ATM CE) + price(ATM PE)).
     *
     * @param basisPoints the percentage in basis points; 1..20000.
     * @param price       which price is compared.
     */
    record StraddlePremiumPercent(long basisPoints, PriceSource price) implements StrikeCriterion
    {
        /**
         * Validates the components.
         */
        public StraddlePremiumPercent
        {
            ModelInvariants.range(basisPoints, 1, 20_000, "basisPoints");
            ModelInvariants.nonNull(price, "price");
        }

        @Override
        public StrikeMethod method()
        {
            return StrikeMethod.STRADDLE_PREMIUM_PERCENT;
        }
    }

    /**
     * The strike whose |delta| is nearest a target; delta from Black-76 with the IV implied from the option's own
     * price.
     *
     * @param target the absolute delta; in (0, 1).
     */
    record DeltaTarget(double target) implements StrikeCriterion
    {
        /**
         * Validates the target.
         */
        public DeltaTarget
        {
            ModelInvariants.check(target > 0 && target < 1, "target must be in (0, 1): " + target);
        }

        @Override
        public StrikeMethod method()
        {
            return StrikeMethod.DELTA;
        }
    }

    /**
     * A strike whose |delta| lies in [min, max]; of several, the one nearest the middle of the range.
     *
     * @param min smallest absolute delta; in (0, 1).
     * @param max largest absolute delta; in (min, 1).
     */
    record DeltaRange(double min, double max) implements StrikeCriterion
    {
        /**
         * Validates the range.
         */
        public DeltaRange
        {
            ModelInvariants.check(min > 0 && min < max && max < 1, "need 0 < min < max < 1: " + min + ", " + max);
        }

        @Override
        public StrikeMethod method()
        {
            return StrikeMethod.DELTA;
        }
    }

    /**
     * Exactly this strike; selection fails (an error, recorded) if it is not listed for the leg's expiry.
     *
     * @param strikeHundredths the strike price in hundredths of an index point; positive.
     */
    record Absolute(long strikeHundredths) implements StrikeCriterion
    {
        /**
         * Validates the strike.
         */
        public Absolute
        {
            ModelInvariants.range(strikeHundredths, 1, Long.MAX_VALUE, "strikeHundredths");
        }

        @Override
        public StrikeMethod method()
        {
            return StrikeMethod.ABSOLUTE;
        }
    }

    /**
     * A base criterion adjusted by market conditions: the first rule (lowest priority number) whose condition holds
     * shifts the base strike; at most one rule applies.
     *
     * @param base  the criterion before adjustment; never DYNAMIC.
     * @param rules the rules, sorted by priority; priorities are unique; 1..10 rules.
     */
    record Dynamic(StrikeCriterion base, List<DynamicStrikeRule> rules) implements StrikeCriterion
    {
        /**
         * Validates the components and sorts the rules by priority.
         */
        public Dynamic
        {
            ModelInvariants.nonNull(base, "base");
            ModelInvariants.check(!(base instanceof Dynamic), "base must not be DYNAMIC");
            rules = ModelInvariants.list(rules, "rules").stream()
                .sorted(Comparator.comparingInt(DynamicStrikeRule::priority)).toList();
            ModelInvariants.check(!rules.isEmpty() && rules.size() <= 10, "1..10 rules, was " + rules.size());
            for (int i = 1; i < rules.size(); i++)
            {
                ModelInvariants.check(rules.get(i - 1).priority() != rules.get(i).priority(),
                    "duplicate priority " + rules.get(i).priority());
            }
        }

        @Override
        public StrikeMethod method()
        {
            return StrikeMethod.DYNAMIC;
        }
    }
}
