/**
 * Commands to screens (refresh, resync, identify, screenshot): issued through the API,
 * published with an MQTT message expiry, answered by the screen's command-result events,
 * and the screenshots screens upload.
 */
package io.sunboard.server.command;
