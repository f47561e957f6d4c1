package io.sunboard.server.broker;

/**
 * Publishes from the server. Never blocks for the broker; messages are buffered while
 * disconnected.
 */
public interface MqttPublisher {

	void publish(String topic, byte[] payload, int qos, boolean retained);

}
