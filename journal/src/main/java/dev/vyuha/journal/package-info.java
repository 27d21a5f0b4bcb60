/**
 * The Chronicle Queue journal of every command the engine consumes: appender, reader, replay and audit.
 */
package dev.vyuha.journal;
