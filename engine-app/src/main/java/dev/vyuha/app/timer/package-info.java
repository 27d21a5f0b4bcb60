/**
 * The timer producer: Timer commands into the engine's ring at the instants the engine asks for.
 */
package dev.vyuha.app.timer;
