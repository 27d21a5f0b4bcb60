/**
 * Entry conditions (../shared/DOMAIN.md §4): what a strategy waits for after its entry time, and the market filters
 * that must hold for it to enter.
 */
package dev.vyuha.engine.strategy.definition.entry;
