/**
 * The deterministic business logic of the engine: market model, calendar, pricing, strategies, risk, orders and
 * positions, and the single-threaded runtime that drives them. Pure: no I/O, no clock reads, no threads outside the
 * runtime.
 */
package dev.vyuha.engine;
