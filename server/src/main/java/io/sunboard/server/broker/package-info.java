/**
 * The MQTT side of the server: the embedded broker (HiveMQ CE) or an external Mosquitto,
 * the server's own connection, and keeping the broker's device accounts in step with the
 * registry.
 */
package io.sunboard.server.broker;
