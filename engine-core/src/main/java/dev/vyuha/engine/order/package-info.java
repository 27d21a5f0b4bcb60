/**
 * Order intents, their lifecycle from execution reports, and positions with P&amp;L in paise.
 */
package dev.vyuha.engine.order;
