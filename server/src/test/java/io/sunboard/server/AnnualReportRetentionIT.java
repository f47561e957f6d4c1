package io.sunboard.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import io.sunboard.protocol.DeviceEvent;
import io.sunboard.protocol.EventBatch;
import io.sunboard.protocol.JsonCodec;
import io.sunboard.protocol.Topics;
import io.sunboard.server.ingest.RetentionPurge;
import io.sunboard.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A year of showings on two screens of a school in Shanghai (UTC+8), the year's first and
 * last local hours included, a played-summary and a redelivered batch; then the retention
 * period passes and the raw events are purged. The annual report's proof-of-play figures,
 * in CSV and PDF, and the public evaluation's ratings stay exactly what they were: they
 * come from the rollups.
 */
@Timeout(240)
class AnnualReportRetentionIT {

	private static final Instant PUBLISHED = Instant.parse("2026-03-02T02:00:00Z");

	/** Just after the year, within the retention of every event sent. */
	private static final Instant REPORTED = Instant.parse("2027-01-02T00:00:00Z");

	/** 400 days (the default retention) after the last event, and more. */
	private static final Instant PURGED = Instant.parse("2028-03-01T00:00:00Z");

	private final MutableClock clock = new MutableClock(PUBLISHED);

	@Test
	void annualFiguresSurviveTheRetentionPurgeOfRawEvents(@TempDir Path dir) throws Exception {
		try (RunningServer server = RunningServer.embedded(dir).withClock(this.clock).start()) {
			String secret1 = FaultFixture.seedScreen(server, "ar-1");
			RunningServer.Response second = server.post("/api/v1/devices",
					Map.of("id", "ar-2", "schoolId", "shiyan", "name", "二楼显示屏"));
			assertThat(second.status()).isEqualTo(201);
			String secret2 = second.json().get("secret").asString();
			String posting = server.createApprovedPosting(Map.of("schoolId", "shiyan", "title", "收费公示", "body",
					"作业本费：每生每学期 18 元。", "publicityStart", PUBLISHED.minusSeconds(3600).toString(), "publicityEnd",
					PUBLISHED.plus(Duration.ofDays(10)).toString()));

			this.clock.set(REPORTED);
			List<DeviceEvent> first = List.of(
					// 23:30 on 31 December 2025 in Shanghai: the year before
					DeviceEvent.played("ar-y25", Instant.parse("2025-12-31T15:30:00Z"), posting, 4_000),
					// 00:30 on 1 January 2026 in Shanghai
					DeviceEvent.played("ar-start", Instant.parse("2025-12-31T16:30:00Z"), posting, 10_000),
					DeviceEvent.played("ar-mar", Instant.parse("2026-03-02T02:00:00Z"), posting, 10_000),
					DeviceEvent.playedSummary("ar-sum", Instant.parse("2026-06-15T01:00:00Z"),
							Instant.parse("2026-06-15T05:00:00Z"), posting, 5, 50_000),
					// 23:00 on 31 December 2026 in Shanghai
					DeviceEvent.played("ar-end", Instant.parse("2026-12-31T15:00:00Z"), posting, 20_000),
					// 00:30 on 1 January 2027 in Shanghai: the year after
					DeviceEvent.played("ar-y27", Instant.parse("2026-12-31T16:30:00Z"), posting, 7_000),
					DeviceEvent.rating("ar-r1", Instant.parse("2026-05-01T02:00:00Z"), posting, true),
					DeviceEvent.rating("ar-r2", Instant.parse("2026-12-31T15:30:00Z"), posting, false),
					DeviceEvent.rating("ar-r3", Instant.parse("2026-12-31T16:30:00Z"), posting, true));
			send(server, "ar-1", secret1, first);
			send(server, "ar-1", secret1, first); // redelivered
			send(server, "ar-2", secret2,
					List.of(DeviceEvent.played("ar-b1", Instant.parse("2026-08-01T00:00:00Z"), posting, 30_000)));
			await().atMost(Duration.ofSeconds(60)).until(() -> rawEvents(server) == 10);

			Map<String, String> before = figures(server, 2026);
			assertThat(before).containsEntry("proof-of-play.screens", "2")
				.containsEntry("proof-of-play.plays", "9")
				.containsEntry("proof-of-play.seconds", "120");
			assertThat(figures(server, 2025)).containsEntry("proof-of-play.screens", "1")
				.containsEntry("proof-of-play.plays", "1")
				.containsEntry("proof-of-play.seconds", "4");
			assertRatings(server, 2, 1);
			byte[] csvBefore = csv(server, 2026);
			String pdfBefore = pdfText(server, 2026);
			assertPdfShows(pdfBefore, csvBefore);

			this.clock.set(PURGED);
			RetentionPurge.Purged purged = server.bean(RetentionPurge.class).purge();
			assertThat(purged.events()).isEqualTo(10);
			assertThat(rawEvents(server)).isZero();

			assertThat(new String(csv(server, 2026), StandardCharsets.UTF_8))
				.isEqualTo(new String(csvBefore, StandardCharsets.UTF_8));
			assertThat(figures(server, 2026)).isEqualTo(before);
			assertThat(figures(server, 2025)).containsEntry("proof-of-play.plays", "1")
				.containsEntry("proof-of-play.seconds", "4");
			assertPdfShows(pdfText(server, 2026), csvBefore);
			assertRatings(server, 2, 1);
		}
	}

	/**
	 * The public evaluation of 2026: ratings and helpful ones, per school and posting.
	 */
	private static void assertRatings(RunningServer server, long ratings, long helpful) {
		JsonNode evaluation = server.get("/api/v1/evaluations?schoolId=shiyan&year=2026").json();
		assertThat(evaluation.get("bySchool").get(0).get("ratings").asLong()).isEqualTo(ratings);
		assertThat(evaluation.get("bySchool").get(0).get("helpful").asLong()).isEqualTo(helpful);
		assertThat(evaluation.get("byPosting").get(0).get("ratings").asLong()).isEqualTo(ratings);
	}

	/** Every figure of the CSV is in the PDF, next to its label. */
	private static void assertPdfShows(String pdf, byte[] csv) {
		int shown = 0;
		for (String line : new String(csv, StandardCharsets.UTF_8).split("\r\n")) {
			String[] cells = line.split(",", -1);
			if (cells.length == 7 && !line.contains("scope,scope_id")) {
				assertThat(pdf).as("the PDF shows %s = %s", cells[5], cells[6]).contains(cells[5] + " " + cells[6]);
				shown++;
			}
		}
		assertThat(shown).isGreaterThan(10);
	}

	private static void send(RunningServer server, String deviceId, String secret, List<DeviceEvent> events)
			throws Exception {
		MqttClient device = new MqttClient("tcp://127.0.0.1:" + server.property("sunboard.broker.embedded.port"),
				deviceId, new MemoryPersistence());
		MqttConnectionOptions options = new MqttConnectionOptions();
		options.setUserName(deviceId);
		options.setPassword(secret.getBytes(StandardCharsets.UTF_8));
		device.connect(options);
		MqttMessage message = new MqttMessage(new JsonCodec().encode(new EventBatch(deviceId, events)));
		message.setQos(1);
		device.publish(Topics.defaults().events(deviceId), message);
		device.disconnect();
		device.close();
	}

	private static long rawEvents(RunningServer server) {
		return server.bean(JdbcClient.class)
			.sql("select count(*) from device_event where device_id in ('ar-1', 'ar-2')")
			.query(Long.class)
			.single();
	}

	private static byte[] csv(RunningServer server, int year) {
		RunningServer.BinaryResponse csv = server
			.getBytes("/api/v1/annual-reports?schoolId=shiyan&year=" + year + "&format=csv");
		assertThat(csv.status()).isEqualTo(200);
		return csv.body();
	}

	/** section.item to value, from the CSV. */
	private static Map<String, String> figures(RunningServer server, int year) {
		Map<String, String> values = new LinkedHashMap<>();
		String text = new String(csv(server, year), StandardCharsets.UTF_8).replace("\uFEFF", "");
		for (String line : text.split("\r\n")) {
			String[] cells = line.split(",", -1);
			if (cells.length == 7 && !line.startsWith("scope,")) {
				values.put(cells[3] + "." + cells[4], cells[6]);
			}
		}
		return values;
	}

	private static String pdfText(RunningServer server, int year) throws IOException {
		RunningServer.BinaryResponse pdf = server
			.getBytes("/api/v1/annual-reports?schoolId=shiyan&year=" + year + "&format=pdf");
		assertThat(pdf.status()).isEqualTo(200);
		try (PDDocument document = Loader.loadPDF(pdf.body())) {
			return new PDFTextStripper().getText(document);
		}
	}

}
