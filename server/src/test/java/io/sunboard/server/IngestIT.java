package io.sunboard.server;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.MeterRegistry;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.sunboard.protocol.DeviceEvent;
import io.sunboard.protocol.EventAck;
import io.sunboard.protocol.EventBatch;
import io.sunboard.protocol.JsonCodec;
import io.sunboard.protocol.Topics;
import io.sunboard.server.ingest.IngestMetrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Ingest through the default embedded broker: a duplicate event is stored and counted
 * once, bad messages are refused with a reason and counted, and the server keeps taking
 * good ones.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class IngestIT {

	private final JsonCodec codec = new JsonCodec();

	private final Topics topics = Topics.defaults();

	private RunningServer server;

	private String postingId;

	private String secret;

	@BeforeAll
	void startServer(@TempDir Path dir) {
		this.server = RunningServer.embedded(dir).start();
		assertThat(this.server.post("/api/v1/regions", Map.of("id", "r1", "name", "区教育局")).status()).isEqualTo(201);
		assertThat(this.server.post("/api/v1/schools", Map.of("id", "s1", "regionId", "r1", "name", "实验小学")).status())
			.isEqualTo(201);
		RunningServer.Response device = this.server.post("/api/v1/devices",
				Map.of("id", "lobby-1", "schoolId", "s1", "name", "大厅"));
		assertThat(device.status()).isEqualTo(201);
		this.secret = device.json().get("secret").asString();
		Instant now = Instant.now();
		this.postingId = this.server
			.post("/api/v1/postings",
					Map.of("schoolId", "s1", "title", "通知", "body", "正文", "publicityStart",
							now.minusSeconds(60).toString(), "publicityEnd", now.plusSeconds(3600).toString()))
			.json()
			.get("id")
			.asString();
	}

	@AfterAll
	void stopServer() {
		this.server.close();
	}

	@Test
	void duplicateEventIsStoredAndCountedOnceAndBothDeliveriesAreAcknowledged() throws Exception {
		List<EventAck> acks = new CopyOnWriteArrayList<>();
		MqttClient device = connectDevice("lobby-1", this.secret);
		device.subscribe(new MqttSubscription[] { new MqttSubscription(this.topics.ack("lobby-1"), 1) },
				new org.eclipse.paho.mqttv5.client.IMqttMessageListener[] {
						(t, m) -> acks.add(this.codec.decode(m.getPayload(), EventAck.class)) });
		DeviceEvent played = DeviceEvent.played("ev-dup-1", Instant.now(), this.postingId, 12_000);
		byte[] batch = this.codec.encode(new EventBatch("lobby-1", List.of(played)));
		publish(device, this.topics.events("lobby-1"), batch);
		publish(device, this.topics.events("lobby-1"), batch);

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(acks).hasSize(2));
		assertThat(acks).allSatisfy((ack) -> assertThat(ack.eventIds()).containsExactly("ev-dup-1"));
		assertThat(countEvents("ev-dup-1")).isEqualTo(1);
		RunningServer.Response proof = this.server.get("/api/v1/postings/" + this.postingId + "/proof-of-play");
		assertThat(proof.json().get("plays").asLong()).isEqualTo(1);
		assertThat(proof.json().get("totalSeconds").asLong()).isEqualTo(12);
		device.disconnect();
	}

	@Test
	void malformedAndImpersonatingMessagesAreRejectedCountedAndDoNotStopIngest() throws Exception {
		MqttClient device = connectDevice("lobby-1", this.secret);
		publish(device, this.topics.events("lobby-1"), "{not json".getBytes(StandardCharsets.UTF_8));
		publish(device, this.topics.events("lobby-1"), "{\"deviceId\":\"lobby-1\",\"events\":[]}".getBytes());
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(rejected("not_json")).isGreaterThanOrEqualTo(1));
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(rejected("invalid")).isGreaterThanOrEqualTo(1));

		DeviceEvent good = DeviceEvent.played("ev-after-bad", Instant.now(), this.postingId, 5_000);
		publish(device, this.topics.events("lobby-1"), this.codec.encode(new EventBatch("lobby-1", List.of(good))));
		await().atMost(Duration.ofSeconds(20)).until(() -> countEvents("ev-after-bad") == 1);
		device.disconnect();
	}

	@Test
	void deviceWithWrongSecretOrForeignClientIdIsRefusedByTheEmbeddedBroker() {
		assertThatThrownBy(() -> connectDevice("lobby-1", "wrong-secret")).isInstanceOf(MqttException.class);
		assertThatThrownBy(() -> connect("someone-else", "lobby-1", this.secret)).isInstanceOf(MqttException.class);
	}

	@Test
	void deviceThatPublishesOnAnotherDevicesTopicIsCutOffAndNothingIsStored() throws Exception {
		MqttClient device = connectDevice("lobby-1", this.secret);
		DeviceEvent forged = DeviceEvent.played("ev-forged", Instant.now(), this.postingId, 5_000);
		try {
			publish(device, this.topics.events("other-device"),
					this.codec.encode(new EventBatch("other-device", List.of(forged))));
		}
		catch (MqttException ex) {
			// the broker's disconnect may overtake the publish acknowledgement
		}
		// HiveMQ answers an unauthorised publish by disconnecting the client (reason
		// 0x87)
		await().atMost(Duration.ofSeconds(10)).until(() -> !device.isConnected());
		device.close(true);

		MqttClient again = connectDevice("lobby-1", this.secret);
		DeviceEvent marker = DeviceEvent.played("ev-marker", Instant.now(), this.postingId, 1_000);
		publish(again, this.topics.events("lobby-1"), this.codec.encode(new EventBatch("lobby-1", List.of(marker))));
		await().atMost(Duration.ofSeconds(20)).until(() -> countEvents("ev-marker") == 1);
		assertThat(countEvents("ev-forged")).isZero();
		again.disconnect();
	}

	private double rejected(String reason) {
		var counter = this.server.bean(MeterRegistry.class)
			.find(IngestMetrics.REJECTED)
			.tag("reason", reason)
			.tag("channel", "ev")
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	private int countEvents(String eventId) {
		return this.server.bean(JdbcClient.class)
			.sql("select count(*) from device_event where event_id = ?")
			.param(eventId)
			.query(Integer.class)
			.single();
	}

	private MqttClient connectDevice(String deviceId, String secret) throws MqttException {
		return connect(deviceId, deviceId, secret);
	}

	private MqttClient connect(String clientId, String username, String secret) throws MqttException {
		MqttClient client = new MqttClient("tcp://127.0.0.1:" + this.server.property("sunboard.broker.embedded.port"),
				clientId, new MemoryPersistence());
		MqttConnectionOptions options = new MqttConnectionOptions();
		options.setUserName(username);
		options.setPassword(secret.getBytes(StandardCharsets.UTF_8));
		options.setConnectionTimeout(10);
		client.connect(options);
		return client;
	}

	private static void publish(MqttClient client, String topic, byte[] payload) throws MqttException {
		MqttMessage message = new MqttMessage(payload);
		message.setQos(1);
		client.publish(topic, message);
	}

}
