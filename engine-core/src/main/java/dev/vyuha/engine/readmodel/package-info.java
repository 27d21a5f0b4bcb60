/**
 * Immutable snapshots of the engine's live state (positions, orders, strategy states, P&amp;L, Greeks) that the
 * business-logic thread publishes for readers such as the admin API, so they never lock or touch engine state.
 * Money is in paise; Greeks are position-weighted (per unit Greeks times signed quantity).
 */
package dev.vyuha.engine.readmodel;
