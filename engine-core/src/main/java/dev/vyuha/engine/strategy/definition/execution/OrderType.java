package dev.vyuha.engine.strategy.definition.execution;

import dev.vyuha.engine.strategy.definition.ModelInvariants;

import java.util.OptionalLong;

/**
 * How a leg's orders are priced. Buffers and protection are percentages of the reference price (LTP at the decision),
 * applied on the side that makes the order more marketable (above for a BUY, below for a SELL), rounded to the tick.
 */
public sealed interface OrderType
{
    /** A MARKET order with the broker's automatic market protection. */
    OrderType MARKET = new Market(OptionalLong.empty());

    /**
     * A market order with market protection (the exchange converts it to a limit at LTP ± protection).
     *
     * @param protectionBasisPoints the protection in basis points, 100..10000 (Kite: 1–100%); empty for the
     *                              broker's automatic protection.
     */
    record Market(OptionalLong protectionBasisPoints) implements OrderType
    {
        /**
         * Validates the protection.
         */
        public Market
        {
            ModelInvariants.range(protectionBasisPoints, 100, 10_000, "protectionBasisPoints");
        }
    }

    /**
     * A LIMIT order at reference ± buffer.
     *
     * @param bufferBasisPoints the buffer in basis points; 0..2000.
     */
    record Limit(long bufferBasisPoints) implements OrderType
    {
        /**
         * Validates the buffer.
         */
        public Limit
        {
            ModelInvariants.range(bufferBasisPoints, 0, 2_000, "bufferBasisPoints");
        }
    }

    /**
     * Stop losses rest at the exchange as SL (stop-limit) orders: trigger at the stop level, limit at trigger ±
     * buffer. Entries and other exits are LIMIT orders at reference ± buffer.
     *
     * @param bufferBasisPoints the buffer in basis points; 1..2000.
     */
    record StopLossLimit(long bufferBasisPoints) implements OrderType
    {
        /**
         * Validates the buffer.
         */
        public StopLossLimit
        {
            ModelInvariants.range(bufferBasisPoints, 1, 2_000, "bufferBasisPoints");
        }
    }
}
