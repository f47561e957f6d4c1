package io.sunboard.server.broker;

/**
 * A message from a device topic the server subscribes to, delivered off the MQTT client's
 * thread.
 */
public record MqttMessageReceived(String topic, byte[] payload) {

}
