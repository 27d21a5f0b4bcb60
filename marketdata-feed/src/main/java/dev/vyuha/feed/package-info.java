/**
 * The market-data feed: sources of market data published as SBE frames ({@code IndexTick}, {@code DerivativeTick},
 * {@code FeedState}) on an Aeron stream. {@link dev.vyuha.feed.Feed} runs a {@link dev.vyuha.feed.FeedAgent} over a
 * source chosen by {@link dev.vyuha.feed.FeedContext} (synthetic day, Kite ticker, minute bars, frame recording);
 * {@link dev.vyuha.feed.FeedSources} gives the same sources without Aeron for backtests; {@link dev.vyuha.feed.FeedMain}
 * runs it as a process. Speaks only the SBE schemas; never depends on engine-core.
 */
package dev.vyuha.feed;
