/**
 * The Disruptor runtime that drives the engine: the command ring, producers that stamp frames, the business-logic
 * handler, the outbound order stage gated on the journal, and read-model publication. The only place in engine-core
 * that starts threads (through the Disruptor).
 */
package dev.vyuha.engine.runtime;
