/**
 * The synthetic trading day: NIFTY and BANKNIFTY index paths (drift, volatility, jumps, intraday profile), option
 * prices from Black-76 on an arbitrage-free SSVI surface with a term structure, quoted books whose spreads widen away
 * from the money, trades, volume and an open-interest profile, at realistic per-instrument tick rates, with the day's
 * instrument master in Kite's format. Seeded and reproducible.
 */
package dev.vyuha.feed.synthetic;
