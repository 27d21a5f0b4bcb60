/**
 * Money and prices as long paise.
 */
package dev.vyuha.engine.money;
