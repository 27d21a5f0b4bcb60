/**
 * Frame recordings: a simple, documented file of timestamped SBE frames ({@link
 * dev.vyuha.feed.recording.FrameRecording}), written by the feed (or from an engine journal) and replayed as a source.
 */
package dev.vyuha.feed.recording;
