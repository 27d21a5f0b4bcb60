/**
 * The engine process: wiring, configuration and the command-line launcher.
 */
package dev.vyuha.app;
