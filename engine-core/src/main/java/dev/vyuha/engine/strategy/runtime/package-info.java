/**
 * The runtime of baskets and strategies: the state machines that schedule, select strikes, enter, manage and exit
 * positions, driven by commands on the business-logic thread.
 */
package dev.vyuha.engine.strategy.runtime;
