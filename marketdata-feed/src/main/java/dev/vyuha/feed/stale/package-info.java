/**
 * Stale-data detection: silence per instrument and per underlying, options frozen while the index moves, and recovery,
 * in market hours and in data time, interleaved into any source's frames as {@code FeedState} messages.
 */
package dev.vyuha.feed.stale;
