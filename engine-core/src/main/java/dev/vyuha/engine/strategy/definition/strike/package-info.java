/**
 * Strike selection criteria (../shared/DOMAIN.md §2): what a leg asks for, as data. Selection itself is a pure
 * function of (chain snapshot, criterion, side, basis) that lives with the runtime. ATM is the listed strike nearest
 * the basis price, ties resolving to the lower strike.
 */
package dev.vyuha.engine.strategy.definition.strike;
