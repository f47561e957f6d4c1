/**
 * Real parts for integration tests, each on free loopback ports and in its own temp
 * directory so tests never collide with services already running on the machine: a
 * Mosquitto broker with dynamic security, headless Chromium, and a TCP proxy that can cut
 * the network.
 */
package io.sunboard.testsupport;
