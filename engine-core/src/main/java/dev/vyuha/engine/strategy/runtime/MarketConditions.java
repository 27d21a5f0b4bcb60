package dev.vyuha.engine.strategy.runtime;

import dev.vyuha.engine.market.Underlying;
import dev.vyuha.engine.strategy.definition.condition.MarketCondition;

/**
 * Answers whether a market condition (ATM IV, VIX, PCR, price movement, EMA crossover, RSI) holds for an underlying
 * at a command time, and with which value: used by entry filters and by DYNAMIC strike rules.
 */
public interface MarketConditions
{
    /**
     * @param condition  the condition.
     * @param underlying the underlying it is about.
     * @param nowNs      command time.
     * @return true if it holds; false if it does not or its data is not available yet.
     */
    boolean holds(MarketCondition condition, Underlying underlying, long nowNs);

    /**
     * @param condition  the condition.
     * @param underlying the underlying.
     * @param nowNs      command time.
     * @return the observed value in words (for decision records), e.g. "ATM IV 14.2".
     */
    String observed(MarketCondition condition, Underlying underlying, long nowNs);
}
