/**
 * Hand-written companions of the generated SBE codecs in {@code dev.vyuha.sbe}: the validating frame reader that turns
 * any frame (truncated, oversized, garbage, unknown template) into either a decodable message or a rejection with a
 * reason, the layout table it walks, and the command stamp every producer writes when a frame enters the engine ring.
 */
package dev.vyuha.wire;
