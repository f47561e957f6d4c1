package io.sunboard.testsupport;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * The MQTT clients one test connected, so they are all closed afterwards and none keeps a
 * session (or a thread) into the next test.
 */
final class Clients {

	private final List<TestClient> connected = new ArrayList<>();

	/** A null username connects anonymously. */
	TestClient connect(String url, String username, String password) throws MqttException {
		TestClient client = TestClient.connect(url, username, password);
		this.connected.add(client);
		return client;
	}

	void closeAll() {
		this.connected.forEach(TestClient::close);
		this.connected.clear();
	}

}
