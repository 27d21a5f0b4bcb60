/**
 * The all-in-one demo: engine, paper gateway and synthetic feed in one JVM over aeron:ipc with an embedded media
 * driver, trading the example baskets through a synthetic day in about a minute.
 */
package dev.vyuha.app.demo;
