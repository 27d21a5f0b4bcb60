/**
 * Reading lines of comma-separated reference files (the Kite instruments dump, the shared reference data).
 */
package dev.vyuha.reference.csv;
