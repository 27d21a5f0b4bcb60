/**
 * The immutable, validated definition of what to trade: a {@link dev.vyuha.engine.strategy.definition.Basket} of
 * {@link dev.vyuha.engine.strategy.definition.Strategy strategies} made of
 * {@link dev.vyuha.engine.strategy.definition.Leg legs} (../shared/DOMAIN.md §1–§8).
 *
 * <p>Conventions, everywhere in this package and its sub-packages:
 * <ul>
 *     <li><b>No floating point for money.</b> Rupee amounts and option premiums are {@code long} paise (1 INR = 100
 *     paise); index levels and index points are {@code long} hundredths of a point; percentages are {@code long}
 *     basis points (1% = 100 bp). Components carry their unit in their name ({@code ...Paise},
 *     {@code ...BasisPoints}, {@code ...Hundredths}) or, where the unit depends on a variant, in their Javadoc.
 *     Ratios that are not money (delta, IV, VIX, PCR, RSI, multipliers of a straddle's width) are {@code double}.</li>
 *     <li><b>No nulls.</b> An absent optional value is an empty {@link java.util.Optional},
 *     {@link java.util.OptionalLong}, {@link java.util.OptionalInt} or {@link java.util.OptionalDouble}; an absent
 *     group of settings with a meaningful "nothing" is an explicit constant ({@code StrategyRisk.NONE},
 *     {@code Entry.IMMEDIATE}).</li>
 *     <li><b>Times</b> are {@link java.time.LocalTime} wall-clock times in IST (Asia/Kolkata), whatever the host's
 *     time zone.</li>
 *     <li><b>Immutable and deterministic.</b> Lists are unmodifiable and keep document order; sets iterate in their
 *     natural (enum) order. Constructors reject values that break an invariant with an
 *     {@link java.lang.IllegalArgumentException}; the parser in {@code definition.parse} reports bad input as
 *     path-qualified issues before it ever calls them.</li>
 * </ul>
 */
package dev.vyuha.engine.strategy.definition;
