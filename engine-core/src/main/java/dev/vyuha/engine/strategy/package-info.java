/**
 * Strategies: the immutable basket/strategy/leg definitions users write ({@code definition}) and, in later issues, the
 * runtime state machines that trade them.
 */
package dev.vyuha.engine.strategy;
