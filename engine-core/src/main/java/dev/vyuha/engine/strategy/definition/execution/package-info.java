/**
 * How a leg's orders are placed (../shared/DOMAIN.md §1, §8): order type and pricing, slippage tolerance, retries.
 */
package dev.vyuha.engine.strategy.definition.execution;
