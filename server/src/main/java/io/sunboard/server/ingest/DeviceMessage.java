package io.sunboard.server.ingest;

/**
 * A message as it came in on a topic of {@code deviceId}: an event batch or a heartbeat.
 */
record DeviceMessage(String deviceId, byte[] payload) {

}
