/**
 * Pre-trade checks on every order intent and post-trade limits on strategies, baskets and the account.
 */
package dev.vyuha.engine.risk;
