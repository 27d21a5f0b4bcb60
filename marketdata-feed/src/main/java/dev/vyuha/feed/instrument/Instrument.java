package dev.vyuha.feed.instrument;

import dev.vyuha.sbe.Underlying;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One instrument the feed knows: its Kite token and symbol, what it is, and its contract terms. Prices are paise.
 *
 * @param token         Kite {@code instrument_token}.
 * @param exchangeToken Kite {@code exchange_token} ({@code token >> 8} for Kite's own tokens).
 * @param tradingSymbol e.g. {@code NIFTY2681824450CE}, or {@code NIFTY 50} for the index.
 * @param underlying    the index it belongs to.
 * @param kind          index, future, call or put.
 * @param expiry        expiry date; null for an index.
 * @param strikePaise   strike in paise; 0 for futures and indices.
 * @param lotSize       units per lot (1 for an index).
 * @param tickSizePaise price tick in paise.
 * @param segment       Kite segment, e.g. {@code NFO-OPT}, {@code INDICES}.
 * @param exchange      Kite exchange, e.g. {@code NFO}, {@code NSE}.
 */
public record Instrument(
    long token,
    long exchangeToken,
    String tradingSymbol,
    Underlying underlying,
    InstrumentKind kind,
    LocalDate expiry,
    long strikePaise,
    int lotSize,
    long tickSizePaise,
    String segment,
    String exchange)
{
    /**
     * @param token         Kite token.
     * @param exchangeToken exchange token.
     * @param tradingSymbol symbol.
     * @param underlying    underlying index.
     * @param kind          kind.
     * @param expiry        expiry or null for an index.
     * @param strikePaise   strike or 0.
     * @param lotSize       lot size.
     * @param tickSizePaise tick size.
     * @param segment       segment.
     * @param exchange      exchange.
     */
    public Instrument
    {
        Objects.requireNonNull(tradingSymbol, "tradingSymbol");
        Objects.requireNonNull(underlying, "underlying");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(exchange, "exchange");
        if (token <= 0)
        {
            throw new IllegalArgumentException("token must be > 0: " + token);
        }
        if (kind != InstrumentKind.INDEX && null == expiry)
        {
            throw new IllegalArgumentException(tradingSymbol + ": a " + kind + " needs an expiry");
        }
        if (kind.isOption() && strikePaise <= 0)
        {
            throw new IllegalArgumentException(tradingSymbol + ": an option needs a strike > 0");
        }
        if (lotSize <= 0 || tickSizePaise <= 0)
        {
            throw new IllegalArgumentException(tradingSymbol + ": lot and tick size must be > 0");
        }
    }

    /**
     * @param token      Kite token of the index.
     * @param symbol     Kite's symbol of the index, e.g. {@code NIFTY 50}.
     * @param underlying which index.
     * @param exchange   NSE or BSE.
     * @return the index instrument (lot 1, tick 5 paise, segment INDICES).
     */
    public static Instrument index(final long token, final String symbol, final Underlying underlying,
        final String exchange)
    {
        return new Instrument(token, token >> 8, symbol, underlying, InstrumentKind.INDEX, null, 0, 1, 5, "INDICES",
            exchange);
    }

    /**
     * @return true for calls and puts.
     */
    public boolean isOption()
    {
        return kind.isOption();
    }
}
