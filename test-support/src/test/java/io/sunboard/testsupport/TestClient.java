package io.sunboard.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * A connected Paho MQTT v5 client reduced to what the tests check: reason codes and the
 * messages that arrive, as "topic payload".
 */
final class TestClient implements AutoCloseable {

	/** Reason code Mosquitto puts in CONNACK, SUBACK and PUBACK when an ACL refuses. */
	static final int NOT_AUTHORIZED = 0x87;

	/** Reason codes from here up are failures; below are successes. */
	static final int FIRST_FAILURE = 0x80;

	private final MqttClient client;

	private final List<String> received = new CopyOnWriteArrayList<>();

	private TestClient(MqttClient client) {
		this.client = client;
	}

	/** A null username connects anonymously. */
	static TestClient connect(String url, String username, String password) throws MqttException {
		MqttClient client = new MqttClient(url, "test-" + UUID.randomUUID(), new MemoryPersistence());
		TestClient testClient = new TestClient(client);
		// One client-wide callback rather than per-subscription listeners: Paho 1.2.5
		// matches a listener's filter literally, "$share/..." included, so messages of a
		// shared subscription only ever reach the callback.
		client.setCallback(testClient.new Inbox());
		MqttConnectionOptions options = new MqttConnectionOptions();
		if (username != null) {
			options.setUserName(username);
			options.setPassword(password.getBytes(StandardCharsets.UTF_8));
		}
		options.setConnectionTimeout(5);
		try {
			client.connect(options);
		}
		catch (MqttException ex) {
			// Release the client's threads; the caller only sees the refusal.
			client.close();
			throw ex;
		}
		return testClient;
	}

	/**
	 * Subscribes at QoS 1 and returns SUBACK's reason code. A refused subscription does
	 * not throw in Paho; only the code says so.
	 */
	int subscribe(String filter) throws MqttException {
		return this.client.subscribe(filter, 1).getReasonCodes()[0];
	}

	/**
	 * Publishes at QoS 1 and returns PUBACK's reason code. A refused publish does not
	 * throw in Paho: the broker acknowledges it with 0x87 and drops it.
	 */
	int publish(String topic, String payload, boolean retained) throws MqttException {
		MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
		message.setQos(1);
		message.setRetained(retained);
		IMqttToken token = this.client.getTopic(topic).publish(message);
		token.waitForCompletion(5_000);
		return token.getReasonCodes()[0];
	}

	List<String> received() {
		return this.received;
	}

	boolean isConnected() {
		return this.client.isConnected();
	}

	@Override
	public void close() {
		try {
			if (this.client.isConnected()) {
				this.client.disconnect();
			}
			this.client.close();
		}
		catch (MqttException ex) {
			// The test may have cut the connection already; the client is done either
			// way.
		}
	}

	private final class Inbox implements MqttCallback {

		@Override
		public void messageArrived(String topic, MqttMessage message) {
			TestClient.this.received.add(topic + " " + new String(message.getPayload(), StandardCharsets.UTF_8));
		}

		@Override
		public void disconnected(MqttDisconnectResponse response) {
		}

		@Override
		public void mqttErrorOccurred(MqttException exception) {
		}

		@Override
		public void deliveryComplete(IMqttToken token) {
		}

		@Override
		public void connectComplete(boolean reconnect, String serverUri) {
		}

		@Override
		public void authPacketArrived(int reasonCode, MqttProperties properties) {
		}

	}

}
