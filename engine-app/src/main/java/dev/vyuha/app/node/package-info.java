/**
 * The engine process wired together: the journaled Disruptor engine, its Aeron streams (market data and execution
 * reports in, orders out), the deadline timer and the admin HTTP API, with a graceful shutdown in dependency order.
 * {@code run} and {@code demo} build one {@link dev.vyuha.app.node.EngineNode} each.
 */
package dev.vyuha.app.node;
