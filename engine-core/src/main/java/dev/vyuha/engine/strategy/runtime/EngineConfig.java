package dev.vyuha.engine.strategy.runtime;

import dev.vyuha.engine.market.InstrumentMasterSettings;
import dev.vyuha.engine.market.Underlying;
import dev.vyuha.engine.risk.RiskLimits;
import dev.vyuha.engine.strategy.definition.ExecutionMode;
import dev.vyuha.reference.calendar.TradingCalendar;
import dev.vyuha.sbe.Product;

import java.time.LocalDate;
import java.util.Map;

/**
 * Everything the trading engine needs beyond the commands it consumes: the calendar, account-wide risk limits, the
 * instrument-master settings the dump does not carry, pricing and quote-freshness parameters, the product orders are
 * placed with, and capacities. Immutable; built once by engine-app from its configuration.
 *
 * @param calendar           trading days and sessions.
 * @param riskLimits         account-wide per-order limits and rate budgets.
 * @param freezeQuantities   exchange freeze quantity per underlying, units.
 * @param indexTokens        Kite tokens of the indices (spot basis).
 * @param vixToken           Kite token of India VIX (for VIX filters), 0 if not used.
 * @param rate               continuously compounded rate for option maths.
 * @param maxQuoteAgeNs      a quote older than this at a decision is stale.
 * @param product            Kite product for every order (MIS for intraday).
 * @param defaultAccount     account for baskets that name none (paper, backtest).
 * @param executionMode      LIVE, PAPER or BACKTEST: only baskets of this mode are admitted.
 * @param orderCapacity      most orders per session.
 * @param positionCapacity   most position slots per session.
 */
public record EngineConfig(
    TradingCalendar calendar,
    RiskLimits riskLimits,
    Map<Underlying, Integer> freezeQuantities,
    Map<Underlying, Long> indexTokens,
    long vixToken,
    double rate,
    long maxQuoteAgeNs,
    Product product,
    String defaultAccount,
    ExecutionMode executionMode,
    int orderCapacity,
    int positionCapacity)
{
    /** India VIX on NSE. */
    public static final long INDIA_VIX_TOKEN = 264_969L;

    /**
     * @param calendar         not null.
     * @param riskLimits       not null.
     * @param freezeQuantities not null.
     * @param indexTokens      not null.
     * @param vixToken         &gt;= 0.
     * @param rate             finite.
     * @param maxQuoteAgeNs    &gt; 0.
     * @param product          not null.
     * @param defaultAccount   not blank.
     * @param orderCapacity    &gt; 0.
     * @param positionCapacity &gt; 0.
     */
    public EngineConfig
    {
        if (null == calendar || null == riskLimits || null == freezeQuantities || null == indexTokens
            || null == product || null == defaultAccount || defaultAccount.isBlank() || null == executionMode)
        {
            throw new IllegalArgumentException("calendar, limits, freeze quantities, index tokens, product and a "
                + "default account are required");
        }
        if (!Double.isFinite(rate) || maxQuoteAgeNs <= 0 || orderCapacity <= 0 || positionCapacity <= 0
            || vixToken < 0)
        {
            throw new IllegalArgumentException("invalid rate, quote age or capacity");
        }
        freezeQuantities = Map.copyOf(freezeQuantities);
        indexTokens = Map.copyOf(indexTokens);
    }

    /**
     * NSE calendar, Kite budgets, KITE.md freeze quantities, 6.5 % rate, quotes fresh for 15 s, MIS, PAPER mode
     * with account {@code PAPER}, room for 65,536 orders and positions.
     *
     * @return the defaults.
     */
    public static EngineConfig defaults()
    {
        final InstrumentMasterSettings settings = InstrumentMasterSettings.defaults(LocalDate.of(2000, 1, 1));
        return new EngineConfig(TradingCalendar.nse(), RiskLimits.defaults(), settings.freezeQuantities(),
            settings.indexTokens(), INDIA_VIX_TOKEN, 0.065, 15_000_000_000L, Product.MIS, "PAPER", ExecutionMode.PAPER,
            1 << 16, 1 << 16);
    }

    /**
     * @param tradingDate the date a master is loaded for.
     * @return the instrument-master settings for that date.
     */
    public InstrumentMasterSettings masterSettings(final LocalDate tradingDate)
    {
        return new InstrumentMasterSettings(tradingDate, freezeQuantities, indexTokens);
    }

    /**
     * @param riskLimits replacement limits.
     * @return a copy with them.
     */
    public EngineConfig withRiskLimits(final RiskLimits riskLimits)
    {
        return new EngineConfig(calendar, riskLimits, freezeQuantities, indexTokens, vixToken, rate, maxQuoteAgeNs,
            product, defaultAccount, executionMode, orderCapacity, positionCapacity);
    }

    /**
     * @param executionMode the engine's mode.
     * @param account       account for baskets that name none.
     * @return a copy with them.
     */
    public EngineConfig withMode(final ExecutionMode executionMode, final String account)
    {
        return new EngineConfig(calendar, riskLimits, freezeQuantities, indexTokens, vixToken, rate, maxQuoteAgeNs,
            product, account, executionMode, orderCapacity, positionCapacity);
    }

    /**
     * @param maxQuoteAgeNs oldest quote a decision may use.
     * @return a copy with it.
     */
    public EngineConfig withMaxQuoteAge(final long maxQuoteAgeNs)
    {
        return new EngineConfig(calendar, riskLimits, freezeQuantities, indexTokens, vixToken, rate, maxQuoteAgeNs,
            product, defaultAccount, executionMode, orderCapacity, positionCapacity);
    }

    /**
     * @param orderCapacity    most orders per day.
     * @param positionCapacity most position slots per day.
     * @return a copy with them.
     */
    public EngineConfig withCapacity(final int orderCapacity, final int positionCapacity)
    {
        return new EngineConfig(calendar, riskLimits, freezeQuantities, indexTokens, vixToken, rate, maxQuoteAgeNs,
            product, defaultAccount, executionMode, orderCapacity, positionCapacity);
    }
}
