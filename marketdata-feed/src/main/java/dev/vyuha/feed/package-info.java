/**
 * Market data sources and the Aeron tick publisher. Speaks only the SBE schemas; never depends on engine-core.
 */
package dev.vyuha.feed;
