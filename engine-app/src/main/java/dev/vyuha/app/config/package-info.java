/**
 * The engine process's configuration: a YAML file with environment-variable overrides, validated at start with
 * path-qualified errors.
 */
package dev.vyuha.app.config;
