package io.sunboard.server;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.sunboard.protocol.DeviceEvent;
import io.sunboard.protocol.EventBatch;
import io.sunboard.protocol.JsonCodec;
import io.sunboard.protocol.Topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The kiosk's newer event types reach the database: a played-summary counts as the
 * showings it folded, and a command-result answers its command.
 */
@Timeout(120)
class KioskEventsIngestIT {

	private final JsonCodec codec = new JsonCodec();

	private final Topics topics = Topics.defaults();

	@Test
	void playedSummaryCountsAsItsShowingsCommandResultAnswersTheCommandAndTouchEventsAreStored(@TempDir Path dir)
			throws Exception {
		try (RunningServer server = RunningServer.embedded(dir).start()) {
			String secret = FaultFixture.seedScreen(server, "sum-lobby");
			String postingId = FaultFixture.scheduleOneSecondPosting(server);
			String commandId = server
				.post("/api/v1/devices/sum-lobby/commands", Map.of("name", "identify", "ttlSeconds", 60))
				.json()
				.get("id")
				.asString();
			Instant t = Instant.parse("2026-11-20T08:00:00Z");
			List<DeviceEvent> events = List.of(DeviceEvent.played("ev-p1", t, postingId, 12_000),
					DeviceEvent.playedSummary("ev-s1", t.plusSeconds(60), t.plusSeconds(3600), postingId, 40, 480_000),
					DeviceEvent.commandResult("ev-c1", t.plusSeconds(5), commandId, "done", "identity shown"),
					DeviceEvent.interaction("ev-i1", t.plusSeconds(7), postingId, 4200),
					DeviceEvent.rating("ev-r1", t.plusSeconds(8), postingId, true), DeviceEvent.feedback("ev-f1",
							t.plusSeconds(9), "complaint", "收费标准看不清", "0595-22281234", postingId));

			MqttClient device = new MqttClient("tcp://127.0.0.1:" + server.property("sunboard.broker.embedded.port"),
					"sum-lobby", new MemoryPersistence());
			MqttConnectionOptions options = new MqttConnectionOptions();
			options.setUserName("sum-lobby");
			options.setPassword(secret.getBytes(StandardCharsets.UTF_8));
			device.connect(options);
			MqttMessage message = new MqttMessage(this.codec.encode(new EventBatch("sum-lobby", events)));
			message.setQos(1);
			device.publish(this.topics.events("sum-lobby"), message);
			device.disconnect();

			await().atMost(Duration.ofSeconds(20))
				.until(() -> server.bean(JdbcClient.class)
					.sql("select count(*) from device_event where device_id = 'sum-lobby' and event_id like 'ev-%'")
					.query(Integer.class)
					.single() == 6);
			RunningServer.Response proof = server.get("/api/v1/postings/" + postingId + "/proof-of-play");
			assertThat(proof.json().get("plays").asLong()).isEqualTo(41);
			assertThat(proof.json().get("totalSeconds").asLong()).isEqualTo(492);
			assertThat(proof.json().get("byScreen").get(0).get("lastShown").asString())
				.isEqualTo("2026-11-20T09:00:00Z");
			RunningServer.Response command = server.get("/api/v1/commands/" + commandId);
			assertThat(command.json().get("outcome").asString()).isEqualTo("done");
			assertThat(command.json().get("detail").asString()).isEqualTo("identity shown");
			JdbcClient jdbc = server.bean(JdbcClient.class);
			assertThat(
					jdbc.sql("select helpful from device_event where event_id = 'ev-r1'").query(Boolean.class).single())
				.isTrue();
			assertThat(jdbc.sql("select duration_ms from device_event where event_id = 'ev-i1'")
				.query(Long.class)
				.single()).isEqualTo(4200);
			assertThat(jdbc
				.sql("select category || '|' || text || '|' || contact || '|' || posting_id"
						+ " from kiosk_feedback where event_id = 'ev-f1'")
				.query(String.class)
				.single()).isEqualTo("complaint|收费标准看不清|0595-22281234|" + postingId);
		}
	}

}
