/**
 * Backtests: baskets over historical or synthetic market data, in-process through the same engine-core and the same
 * fill model as the paper venue, as fast as the CPU allows, with an HTML report.
 */
package dev.vyuha.app.backtest;
