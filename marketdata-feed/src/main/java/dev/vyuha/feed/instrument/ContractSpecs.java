package dev.vyuha.feed.instrument;

import dev.vyuha.sbe.Underlying;

import java.time.LocalDate;

/**
 * Contract terms of index derivatives as NSE sets them (KITE.md §10, the 2026 Kite dump and NSE's bhavcopies in
 * {@code ../shared/data}): lot sizes, tick sizes, strike intervals. A lot size belongs to a contract and can change
 * during its life when NSE revises lots, so it depends on the expiry, on whether the contract is a monthly, and on
 * the trading date. Exact for 2025-2026 (checked against the bhavcopies of 2 Jan 2025, 17 Feb 2026 and 27 Mar 2026 and
 * the dump of 17 Aug 2026); earlier revisions as far as the project's sources record them (NIFTY 75 until mid-2021,
 * as the June 2021 option files show, then 50, then 25 from 2024).
 */
public final class ContractSpecs
{
    /** Option tick: 5 paise. */
    public static final long OPTION_TICK_PAISE = 5;

    private ContractSpecs()
    {
    }

    /**
     * @param underlying  NIFTY, BANKNIFTY, FINNIFTY or MIDCPNIFTY.
     * @param expiry      the contract's expiry.
     * @param monthly     true for a monthly contract (option or future).
     * @param tradingDate the day the lot size is asked for.
     * @return units per lot.
     */
    public static int lotSize(final Underlying underlying, final LocalDate expiry, final boolean monthly,
        final LocalDate tradingDate)
    {
        // 20 Nov 2024 revision: new contracts got the new lot; the Nov, Dec and Jan monthlies kept the old one.
        final boolean carriedOver2024 = monthly && !before(expiry, 2024, 11, 20) && before(expiry, 2025, 1, 31);
        return switch (underlying)
        {
            case NIFTY -> !before(expiry, 2026, 1, 1) ? 65 : !before(expiry, 2024, 11, 20) ? (carriedOver2024 ? 25 : 75) :
                !before(expiry, 2024, 4, 26) ? 25 : !before(expiry, 2021, 7, 1) ? 50 : 75;
            case BANKNIFTY -> !before(expiry, 2026, 1, 1) ? 30 :
                !before(expiry, 2025, 7, 1) ? (before(tradingDate, 2025, 6, 1) ? 30 : 35) :
                !before(expiry, 2024, 11, 20) ? (carriedOver2024 ? 15 : 30) : !before(expiry, 2023, 7, 1) ? 15 : 25;
            case FINNIFTY -> !before(expiry, 2026, 1, 1) ? 60 : !before(expiry, 2024, 11, 20) ? 65 : 25;
            case MIDCPNIFTY -> !before(expiry, 2026, 1, 1) ? 120 : !before(expiry, 2025, 7, 1) ? 140 :
                !before(expiry, 2024, 11, 20) ? 120 : 50;
            default -> throw new IllegalArgumentException("no contract terms for " + underlying);
        };
    }

    /**
     * @param underlying an index.
     * @return the futures tick in paise (the 2026 dump: NIFTY 0.10, BANKNIFTY 0.20).
     */
    public static long futureTickPaise(final Underlying underlying)
    {
        return underlying == Underlying.BANKNIFTY ? 20 : 10;
    }

    /**
     * @param underlying an index.
     * @return the option strike interval near the money, in paise (NIFTY 50, BANKNIFTY 100, FINNIFTY 50, MIDCPNIFTY 25).
     */
    public static long strikeStepPaise(final Underlying underlying)
    {
        return switch (underlying)
        {
            case NIFTY, FINNIFTY -> 50_00;
            case BANKNIFTY -> 100_00;
            case MIDCPNIFTY -> 25_00;
            default -> throw new IllegalArgumentException("no contract terms for " + underlying);
        };
    }

    private static boolean before(final LocalDate date, final int year, final int month, final int day)
    {
        return date.isBefore(LocalDate.of(year, month, day));
    }
}
