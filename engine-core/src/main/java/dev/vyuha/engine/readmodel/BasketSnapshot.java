package dev.vyuha.engine.readmodel;

import java.util.List;

/**
 * One loaded basket.
 *
 * @param number        engine-assigned basket number (what update, remove and controls address).
 * @param id            the basket's id (its document's, or {@code basket-N}).
 * @param name          its name.
 * @param version       its version (1 on load, +1 per update).
 * @param status        ACTIVE, PAUSED, INACTIVE or ARCHIVED.
 * @param executionMode LIVE, PAPER or BACKTEST.
 * @param initialCapitalPaise the basket's initial capital.
 * @param haltReason    the portfolio limit that stopped it today, empty if none.
 * @param mtmPaise      sum of its strategies' MTM today.
 * @param peakMtmPaise  highest basket MTM today.
 * @param openLots      lots held or being acquired.
 * @param strategies    its strategy instances.
 * @param greeks        sum of its strategies' Greeks.
 */
public record BasketSnapshot(long number, String id, String name, long version, String status, String executionMode,
    long initialCapitalPaise, String haltReason, long mtmPaise, long peakMtmPaise, long openLots, List<StrategySnapshot> strategies,
    GreeksSnapshot greeks)
{
    /**
     * Defensive copy.
     */
    public BasketSnapshot
    {
        strategies = List.copyOf(strategies);
    }
}
