/**
 * Technical indicators on the underlying for entry filters: minute bars from ticks, price movement, EMA and RSI.
 */
package dev.vyuha.engine.indicator;
