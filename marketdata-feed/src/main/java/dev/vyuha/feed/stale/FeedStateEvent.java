package dev.vyuha.feed.stale;

import dev.vyuha.sbe.FeedScope;
import dev.vyuha.sbe.FeedStatus;
import dev.vyuha.sbe.Underlying;

/**
 * A feed-state change found by the {@link StaleDataMonitor}, to be sent as a {@code FeedState} frame.
 *
 * @param timeNs         when (data time, epoch ns).
 * @param scope          instrument or underlying.
 * @param status         stale or recovered.
 * @param token          the instrument (INSTRUMENT scope), else 0.
 * @param underlying     the underlying (UNDERLYING scope), else {@link Underlying#NULL_VAL}.
 * @param lastTickTimeNs the last tick seen, or the SBE null.
 * @param reason         why, in words.
 */
public record FeedStateEvent(
    long timeNs,
    FeedScope scope,
    FeedStatus status,
    long token,
    Underlying underlying,
    long lastTickTimeNs,
    String reason)
{
}
