package dev.vyuha.engine.strategy.definition.condition;

/**
 * The type of a {@link MarketCondition}, as written in basket files.
 */
public enum ConditionType
{
    /** {@link MarketCondition.AtmIv}. */
    ATM_IV,
    /** {@link MarketCondition.Vix}. */
    VIX,
    /** {@link MarketCondition.Pcr}. */
    PCR,
    /** {@link MarketCondition.PriceMovement}. */
    PRICE_MOVEMENT,
    /** {@link MarketCondition.EmaCrossover}. */
    EMA_CROSSOVER,
    /** {@link MarketCondition.Rsi}. */
    RSI
}
