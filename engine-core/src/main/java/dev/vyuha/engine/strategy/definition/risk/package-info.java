/**
 * Exits and risk (../shared/DOMAIN.md §5, §6): leg stop losses, targets and trailing; strategy MTM limits, profit
 * locks and trailing; what a leg's stop loss does to the other legs; re-entries.
 */
package dev.vyuha.engine.strategy.definition.risk;
