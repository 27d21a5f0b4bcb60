/**
 * Historical replay of 1-minute bars (index files stamped at the bar's end, vendor option files stamped at its start)
 * as ticks that aggregate back to exactly those bars.
 */
package dev.vyuha.feed.bars;
