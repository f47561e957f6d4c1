package io.sunboard.kiosk;

/**
 * The kiosk's session with the broker as the rest of the client sees it. The
 * implementation keeps reconnecting on its own until closed.
 */
interface BrokerConnection extends AutoCloseable {

	/**
	 * Starts connecting in the background and reports to {@code listener}; returns at
	 * once, also when the broker is down.
	 */
	void start(Listener listener);

	boolean isConnected();

	/**
	 * Hands a message to the client library.
	 * @return false when not connected or the library refused it; the caller retries
	 * later
	 */
	boolean publish(String topic, byte[] payload, int qos, boolean retained);

	/**
	 * Subscribes to more topics in the current session, if there is one; later sessions
	 * subscribe to them on connect (see the implementation's settings).
	 */
	void subscribe(java.util.List<String> topics);

	/** Publishes {@code offline} when connected, disconnects and stops reconnecting. */
	@Override
	void close();

	/**
	 * What the connection reports. Called on one thread, in order, never on a library
	 * thread, so implementations may take their time.
	 */
	interface Listener {

		/** Connected and subscribed to the device's manifest, command and ack topics. */
		void connected();

		void disconnected();

		void message(String topic, byte[] payload);

	}

}
