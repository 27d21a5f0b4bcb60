/**
 * The market model: instruments, underlyings, expiries and option chains, indexed for the business-logic thread.
 */
package dev.vyuha.engine.market;
