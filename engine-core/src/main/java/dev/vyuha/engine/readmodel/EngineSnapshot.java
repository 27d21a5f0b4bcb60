package dev.vyuha.engine.readmodel;

import java.util.List;

/**
 * The engine's live state as of one command.
 *
 * @param sequence             the last command applied.
 * @param timestampNs          its (engine) time.
 * @param tradingDate          the IST date of that time, ISO format.
 * @param killSwitchEngaged    true while the kill switch blocks entries.
 * @param brokerSessionExpired true while the broker session is not valid.
 * @param feedStale            true while the whole feed is stale.
 * @param instruments          instruments in the loaded master (0 before one is loaded).
 * @param instrumentSource     where the master came from.
 * @param counters             engine counters.
 * @param baskets              loaded baskets in load order.
 * @param orders               the day's orders in the order they were decided.
 * @param greeks               Greeks of every position.
 * @param mtmPaise             total MTM of every basket today.
 * @param trades               round trips closed today, in exit order.
 * @param templates            templates published to the marketplace.
 * @param chains               the nearest expiry's chain of each underlying the engine has a spot for.
 */
public record EngineSnapshot(long sequence, long timestampNs, String tradingDate, boolean killSwitchEngaged,
    boolean brokerSessionExpired, boolean feedStale, int instruments, String instrumentSource, EngineCounters counters,
    List<BasketSnapshot> baskets, List<OrderSnapshot> orders, GreeksSnapshot greeks, long mtmPaise,
    List<ClosedTrade> trades, List<TemplateSnapshot> templates, List<OptionChainSnapshot> chains)
{
    /** Before the first command. */
    public static final EngineSnapshot EMPTY = new EngineSnapshot(0, 0, "", false, false, false, 0, "",
        EngineCounters.ZERO, List.of(), List.of(), GreeksSnapshot.ZERO, 0, List.of(), List.of(), List.of());

    /**
     * Defensive copies.
     */
    public EngineSnapshot
    {
        baskets = List.copyOf(baskets);
        orders = List.copyOf(orders);
        trades = List.copyOf(trades);
        templates = List.copyOf(templates);
        chains = List.copyOf(chains);
    }
}
