package dev.vyuha.feed.instrument;

import dev.vyuha.sbe.Underlying;

import java.time.LocalDate;

/**
 * Instrument tokens for contracts without a Kite token (synthetic days, bar files), in Kite's layout
 * ({@code exchange_token << 8 | segment}, NFO = 2) and the same for a contract whatever the date it is generated for,
 * so a multi-day replay sees stable tokens as it would from Kite. The exchange token packs, in 23 bits: the expiry's week since 4 Jan 2016 (10 bits), the underlying
 * (2 bits), CE or not (1 bit) and the strike in strike intervals (10 bits; 0 for a future). They never collide with
 * each other, nor with index tokens (segment 9).
 */
public final class GeneratedTokens
{
    /** Kite's segment code of NFO. */
    public static final int NFO_SEGMENT = 2;

    private static final LocalDate WEEK_ZERO = LocalDate.of(2016, 1, 4);
    private static final int STRIKE_SLOTS = 1024;
    private static final int WEEKS = 1024;

    private GeneratedTokens()
    {
    }

    /**
     * @param underlying  NIFTY, BANKNIFTY, FINNIFTY or MIDCPNIFTY.
     * @param kind        future, call or put.
     * @param expiry      expiry date (4 Jan 2016 to mid 2035).
     * @param strikePaise strike (a multiple of the strike interval) or 0 for a future.
     * @return the exchange token.
     * @throws IllegalArgumentException if the contract cannot be packed.
     */
    public static long exchangeToken(final Underlying underlying, final InstrumentKind kind, final LocalDate expiry,
        final long strikePaise)
    {
        final long week = Math.floorDiv(expiry.toEpochDay() - WEEK_ZERO.toEpochDay(), 7);
        if (week < 0 || week >= WEEKS)
        {
            throw new IllegalArgumentException("expiry " + expiry + " outside the synthetic token range");
        }
        final int code = switch (underlying)
        {
            case NIFTY -> 0;
            case BANKNIFTY -> 1;
            case FINNIFTY -> 2;
            case MIDCPNIFTY -> 3;
            default -> throw new IllegalArgumentException("no synthetic tokens for " + underlying);
        };
        final long step = ContractSpecs.strikeStepPaise(underlying);
        final long slot;
        if (kind == InstrumentKind.FUTURE)
        {
            slot = 0;
        }
        else
        {
            if (strikePaise <= 0 || strikePaise % step != 0 || strikePaise / step >= STRIKE_SLOTS)
            {
                throw new IllegalArgumentException(underlying + " strike " + strikePaise / 100.0
                    + " is not a multiple of " + step / 100 + " below " + STRIKE_SLOTS * step / 100);
            }
            slot = strikePaise / step;
        }
        final int call = kind == InstrumentKind.CALL ? 1 : 0;
        return ((week * 4 + code) * 2 + call) * STRIKE_SLOTS + slot;
    }

    /**
     * @param exchangeToken an exchange token.
     * @return the NFO instrument token.
     */
    public static long instrumentToken(final long exchangeToken)
    {
        return exchangeToken << 8 | NFO_SEGMENT;
    }
}
