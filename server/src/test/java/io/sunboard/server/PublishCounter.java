package io.sunboard.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;

/**
 * A test subscriber on a real broker that counts the live publishes per topic (retained
 * copies delivered on subscribe are not counted), and keeps the last payload.
 */
final class PublishCounter implements AutoCloseable {

	private final MqttClient client;

	private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

	private final Map<String, byte[]> last = new ConcurrentHashMap<>();

	private PublishCounter(MqttClient client) {
		this.client = client;
	}

	static PublishCounter subscribe(String brokerUrl, String user, String password, String filter) {
		try {
			MqttClient client = new MqttClient(brokerUrl, "counter-" + System.nanoTime(), new MemoryPersistence());
			MqttConnectionOptions options = new MqttConnectionOptions();
			options.setUserName(user);
			options.setPassword(password.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			options.setCleanStart(true);
			PublishCounter counter = new PublishCounter(client);
			client.connect(options);
			client.subscribe(new MqttSubscription[] { new MqttSubscription(filter, 1) },
					new IMqttMessageListener[] { counter::received });
			return counter;
		}
		catch (MqttException ex) {
			throw new IllegalStateException("test subscriber could not subscribe to " + filter, ex);
		}
	}

	private void received(String topic, MqttMessage message) {
		this.last.put(topic, message.getPayload());
		if (!message.isRetained()) {
			this.counts.computeIfAbsent(topic, (t) -> new AtomicInteger()).incrementAndGet();
		}
	}

	int count(String topic) {
		AtomicInteger count = this.counts.get(topic);
		return (count != null) ? count.get() : 0;
	}

	int total() {
		return this.counts.values().stream().mapToInt(AtomicInteger::get).sum();
	}

	byte[] last(String topic) {
		return this.last.get(topic);
	}

	void reset() {
		this.counts.clear();
	}

	@Override
	public void close() {
		try {
			this.client.disconnect();
			this.client.close();
		}
		catch (MqttException ex) {
			// the broker may be gone at the end of a test; nothing to clean up then
		}
	}

}
