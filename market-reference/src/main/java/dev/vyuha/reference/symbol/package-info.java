/**
 * The trading-symbol format of Kite's index derivatives, shared by the engine and the feed.
 */
package dev.vyuha.reference.symbol;
