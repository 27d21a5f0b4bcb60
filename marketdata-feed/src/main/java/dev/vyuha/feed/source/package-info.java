/**
 * The pull API every source implements ({@link dev.vyuha.feed.source.MarketDataSource}: next frame into a buffer, its
 * data time), subscription announcements, and the frame encoder the sources share.
 */
package dev.vyuha.feed.source;
