/**
 * Pure, dependency-free market reference shared by the engine and the feed: the IST trading calendar and option
 * pricing. No I/O beyond reading its own resources, no clock reads, no threads.
 */
package dev.vyuha.reference;
