package io.sunboard.server.ingest;

/**
 * Published after a screen's status or heartbeat was recorded (outside any transaction:
 * each is one autocommitted update), so the live dashboard knows something moved without
 * polling the whole table.
 */
public record DeviceStateChanged(String deviceId) {

}
