/**
 * What the operator sees on the console: live progress lines and the end-of-session summary, rendered from the
 * engine's read model.
 */
package dev.vyuha.app.report;
