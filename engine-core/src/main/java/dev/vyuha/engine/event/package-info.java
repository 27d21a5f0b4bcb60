/**
 * What the engine did and why: typed events for every decision (strike choice, entry, exit), every order change
 * and every refusal, with the numbers behind them. Emitted on decisions only, never per tick; the audit report and
 * the logs read them.
 */
package dev.vyuha.engine.event;
