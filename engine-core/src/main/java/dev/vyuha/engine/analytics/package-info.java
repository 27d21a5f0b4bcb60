/**
 * Performance statistics over closed trades (DOMAIN.md §9): used by the admin API for the day and by backtests for a
 * period.
 */
package dev.vyuha.engine.analytics;
