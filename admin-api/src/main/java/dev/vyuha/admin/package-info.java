/**
 * The thin admin HTTP API: validates requests, turns them into journaled commands, serves read models.
 */
package dev.vyuha.admin;
