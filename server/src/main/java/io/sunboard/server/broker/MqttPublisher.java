package io.sunboard.server.broker;

/**
 * Publishes from the server. Never blocks for the broker; messages are buffered while
 * disconnected.
 */
public interface MqttPublisher {

	void publish(String topic, byte[] payload, int qos, boolean retained);

	/**
	 * Runs work that publishes a burst (a region's manifests): while it runs, and until
	 * the broker has taken what it published, inbound device messages wait (see
	 * {@code InboundLanes}).
	 */
	default void burst(Runnable work) {
		work.run();
	}

}
