package dev.vyuha.engine.strategy.runtime;

import dev.vyuha.engine.market.InstrumentMaster;

import java.util.List;

/**
 * The outcome of selecting a strike: the instrument chosen (or none, with the reason), and the facts it was chosen
 * from, for the decision record.
 *
 * @param instrumentId   the option chosen, or {@link InstrumentMaster#NOT_FOUND}.
 * @param strikeIndex    its index in the chain, or -1.
 * @param atmStrikePaise the ATM strike at selection time (0 if the chain is empty).
 * @param candidates     what was considered, e.g. "24500 CE 112.35".
 * @param reason         why this one, or why none.
 */
public record StrikeSelection(int instrumentId, int strikeIndex, long atmStrikePaise, List<String> candidates,
    String reason)
{
    /** @return true if an option was chosen. */
    public boolean chosen()
    {
        return instrumentId != InstrumentMaster.NOT_FOUND;
    }

    static StrikeSelection none(final long atmStrikePaise, final List<String> candidates, final String reason)
    {
        return new StrikeSelection(InstrumentMaster.NOT_FOUND, -1, atmStrikePaise, candidates, reason);
    }
}
