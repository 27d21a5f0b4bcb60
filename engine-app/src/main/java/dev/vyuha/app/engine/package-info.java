/**
 * The engine process's core wiring: the ring, the journals and start-up recovery ({@link
 * dev.vyuha.app.engine.JournaledEngine}); transports (Aeron, admin HTTP) plug in around it.
 */
package dev.vyuha.app.engine;
