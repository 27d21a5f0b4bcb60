package dev.vyuha.engine.readmodel;

import java.util.List;

/**
 * One strategy on one broker account.
 *
 * @param number      1-based number of the strategy in its basket (what strategy controls address).
 * @param id          the strategy's id.
 * @param name        its name.
 * @param account     the broker account this instance trades.
 * @param underlying  its underlying.
 * @param state       its {@code StrategyState}.
 * @param paused      true while paused (no new entries).
 * @param mtmPaise    realised plus unrealised P&amp;L today.
 * @param peakMtmPaise highest MTM today.
 * @param lastReason  reason of its last state change or exit rule.
 * @param legs        its legs.
 * @param greeks      sum of its legs' Greeks.
 */
public record StrategySnapshot(int number, String id, String name, String account, String underlying, String state,
    boolean paused, long mtmPaise, long peakMtmPaise, String lastReason, List<LegSnapshot> legs, GreeksSnapshot greeks)
{
    /**
     * Defensive copy.
     */
    public StrategySnapshot
    {
        legs = List.copyOf(legs);
    }
}
