/**
 * The broker gateway: order commands from Aeron to Kite Connect (or the paper venue) and execution reports back.
 * Speaks only the SBE schemas; never depends on engine-core.
 */
package dev.vyuha.gateway;
