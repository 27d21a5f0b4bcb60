/**
 * The live source: Kite's ticker through the official SDK's {@code KiteTicker} (one per connection), the feed's own
 * allocation-free decoding of the binary packets into SBE, ATM-window subscriptions re-centred as the index moves,
 * and reconnection with the same subscriptions.
 */
package dev.vyuha.feed.kite;
