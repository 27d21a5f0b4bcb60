/**
 * Market conditions on the underlying and its option chain: entry filters (../shared/DOMAIN.md §4) and the triggers
 * of dynamic strike rules (§2).
 */
package dev.vyuha.engine.strategy.definition.condition;
