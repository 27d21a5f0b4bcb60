/**
 * Option-chain analytics on a snapshot of one underlying and expiry: ATM strike, PCR, max pain, highest open interest,
 * the put-call-parity implied forward, and per-strike implied volatility and Greeks.
 */
package dev.vyuha.engine.chain;
