/**
 * Test support: a Kite Connect simulator (REST and ticker WebSocket on loopback) that the unmodified kiteconnect
 * 3.5.1 SDK talks to, with its own matching and injectable faults.
 */
package dev.vyuha.kitesim;
