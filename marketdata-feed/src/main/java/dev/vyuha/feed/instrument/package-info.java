/**
 * Instruments as the feed knows them: Kite's instruments dump (read and written byte for byte in its 12-column
 * format), Kite trading symbols, the day's universe with dense ids and option chains, NSE expiry days and contract
 * terms, index facts, and tokens for contracts Kite never listed (synthetic days, bar files).
 */
package dev.vyuha.feed.instrument;
