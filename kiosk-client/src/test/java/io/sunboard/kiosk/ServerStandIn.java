package io.sunboard.kiosk;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

import io.sunboard.protocol.DeviceChannel;
import io.sunboard.protocol.DeviceHttp;
import io.sunboard.protocol.PostingContent;

/**
 * Plays the Sunboard server for a kiosk under test: the content endpoint of the device
 * API (checking the bearer token) and an MQTT account that publishes manifests and acks
 * and records what the device sends.
 */
final class ServerStandIn implements AutoCloseable {

	private final HttpServer http;

	private final String authorization;

	private final Map<String, byte[]> content = new ConcurrentHashMap<>();

	final List<String> refusedTokens = new CopyOnWriteArrayList<>();

	final List<Received> received = new CopyOnWriteArrayList<>();

	private MqttClient mqtt;

	ServerStandIn(String deviceId, String secret) throws IOException {
		this.authorization = DeviceHttp.bearer(deviceId, secret);
		this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.http.createContext(DeviceHttp.CONTENT_PREFIX, this::serve);
		this.http.start();
	}

	URI url() {
		return URI.create("http://127.0.0.1:" + this.http.getAddress().getPort());
	}

	void serve(PostingContent posting) {
		this.content.put(Fixtures.sha(posting), Fixtures.bytes(posting));
	}

	/** Connects as the server account and subscribes to {@code filters}. */
	void connect(String brokerUrl, String username, String password, String... filters) throws MqttException {
		this.mqtt = new MqttClient(brokerUrl, username, new MemoryPersistence());
		MqttConnectionOptions options = new MqttConnectionOptions();
		options.setUserName(username);
		options.setPassword(password.getBytes(StandardCharsets.UTF_8));
		options.setCleanStart(true);
		this.mqtt.setCallback(new CallbackAdapter((topic, message) -> this.received
			.add(new Received(topic, message.getPayload(), message.isRetained()))));
		this.mqtt.connect(options);
		for (String filter : filters) {
			this.mqtt.subscribe(filter, 1);
		}
	}

	void publish(String topic, Object message, DeviceChannel channel) throws MqttException {
		MqttMessage mqttMessage = new MqttMessage(Fixtures.CODEC.encode(message));
		mqttMessage.setQos(channel.qos());
		mqttMessage.setRetained(channel.retained());
		this.mqtt.publish(topic, mqttMessage);
	}

	List<Received> on(String topic) {
		return this.received.stream().filter((message) -> message.topic().equals(topic)).toList();
	}

	private void serve(HttpExchange exchange) throws IOException {
		try (exchange) {
			String token = exchange.getRequestHeaders().getFirst(DeviceHttp.AUTHORIZATION);
			if (!this.authorization.equals(token)) {
				this.refusedTokens.add(String.valueOf(token));
				exchange.sendResponseHeaders(401, -1);
				return;
			}
			String sha = exchange.getRequestURI().getPath().substring(DeviceHttp.CONTENT_PREFIX.length());
			byte[] body = this.content.get(sha);
			if (body == null) {
				exchange.sendResponseHeaders(404, -1);
				return;
			}
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

	@Override
	public void close() throws MqttException {
		this.http.stop(0);
		if (this.mqtt != null) {
			if (this.mqtt.isConnected()) {
				this.mqtt.disconnect();
			}
			this.mqtt.close();
		}
	}

	record Received(String topic, byte[] payload, boolean retained) {
	}

}
