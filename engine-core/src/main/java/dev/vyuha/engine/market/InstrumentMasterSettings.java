package dev.vyuha.engine.market;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the instruments dump does not say: the trading date it is loaded for (older expiries are skipped), the
 * exchange's freeze quantity per underlying (largest units per order; there is no Kite API for it), and the index
 * instrument tokens used as the spot basis when the dump has no INDICES rows.
 *
 * @param tradingDate      the IST date the master serves.
 * @param freezeQuantities units per order, per underlying; an underlying without one gets no orders.
 * @param indexTokens      Kite instrument tokens of the indices.
 */
public record InstrumentMasterSettings(
    LocalDate tradingDate, Map<Underlying, Integer> freezeQuantities, Map<Underlying, Long> indexTokens)
{
    /**
     * @param tradingDate      trading date, not null.
     * @param freezeQuantities freeze quantities in units, each positive.
     * @param indexTokens      index tokens, each positive.
     */
    public InstrumentMasterSettings
    {
        if (null == tradingDate)
        {
            throw new IllegalArgumentException("tradingDate must not be null");
        }
        freezeQuantities.forEach((underlying, quantity) ->
        {
            if (null == quantity || quantity <= 0)
            {
                throw new IllegalArgumentException("freeze quantity of " + underlying + " must be > 0, was " + quantity);
            }
        });
        freezeQuantities = Collections.unmodifiableMap(new EnumMap<>(freezeQuantities.isEmpty() ?
            new EnumMap<>(Underlying.class) : freezeQuantities));
        indexTokens = Collections.unmodifiableMap(new EnumMap<>(indexTokens.isEmpty() ?
            new EnumMap<>(Underlying.class) : indexTokens));
    }

    /**
     * Defaults: NSE freeze limits in force from 1 February 2026 (KITE.md §10: NIFTY 1800, BANKNIFTY 600, FINNIFTY
     * 1800, MIDCPNIFTY 2800, NIFTYNXT50 600 units; BSE's are not listed there, so SENSEX and BANKEX must be
     * configured before they can be traded) and Kite's index tokens.
     *
     * @param tradingDate the IST trading date.
     * @return the default settings.
     */
    public static InstrumentMasterSettings defaults(final LocalDate tradingDate)
    {
        final Map<Underlying, Integer> freeze = new EnumMap<>(Underlying.class);
        freeze.put(Underlying.NIFTY, 1800);
        freeze.put(Underlying.BANKNIFTY, 600);
        freeze.put(Underlying.FINNIFTY, 1800);
        freeze.put(Underlying.MIDCPNIFTY, 2800);
        freeze.put(Underlying.NIFTYNXT50, 600);
        final Map<Underlying, Long> tokens = new EnumMap<>(Underlying.class);
        tokens.put(Underlying.NIFTY, 256_265L);
        tokens.put(Underlying.BANKNIFTY, 260_105L);
        tokens.put(Underlying.FINNIFTY, 257_801L);
        tokens.put(Underlying.MIDCPNIFTY, 288_009L);
        tokens.put(Underlying.NIFTYNXT50, 270_857L);
        tokens.put(Underlying.SENSEX, 265L);
        tokens.put(Underlying.BANKEX, 274_441L);
        return new InstrumentMasterSettings(tradingDate, freeze, tokens);
    }

    /**
     * @param underlying an underlying.
     * @param units      its freeze quantity.
     * @return settings with that freeze quantity.
     */
    public InstrumentMasterSettings withFreezeQuantity(final Underlying underlying, final int units)
    {
        final Map<Underlying, Integer> freeze = new EnumMap<>(Underlying.class);
        freeze.putAll(freezeQuantities);
        freeze.put(underlying, units);
        return new InstrumentMasterSettings(tradingDate, freeze, indexTokens);
    }
}
