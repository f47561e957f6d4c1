package io.sunboard.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
			String secret3 = seedTokyoSchool(server);
			String tokyoPosting = server.createApprovedPosting(Map.of("schoolId", "s2", "title", "开放日", "body",
					"校园开放日：周六上午。", "publicityStart", PUBLISHED.minusSeconds(3600).toString(), "publicityEnd",
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
			send(server, "ar-3", secret3, List.of(
					// 23:30 on 31 December 2026 in Tokyo (UTC+9)
					DeviceEvent.played("ar-t1", Instant.parse("2026-12-31T14:30:00Z"), tokyoPosting, 6_000),
					// 00:30 on 1 January 2027 in Tokyo, still 2026 in Shanghai
					DeviceEvent.played("ar-t2", Instant.parse("2026-12-31T15:30:00Z"), tokyoPosting, 8_000),
					DeviceEvent.played("ar-t3", Instant.parse("2026-07-01T00:00:00Z"), tokyoPosting, 3_000),
					DeviceEvent.rating("ar-t4", Instant.parse("2026-06-01T00:00:00Z"), tokyoPosting, false),
					DeviceEvent.rating("ar-t5", Instant.parse("2026-12-31T15:30:00Z"), tokyoPosting, true)));
			await().atMost(Duration.ofSeconds(60)).until(() -> rawEvents(server) == 15);
			feedbackInBothSchools(server);

			Map<String, String> before = figures(server, 2026);
			assertThat(before).containsEntry("proof-of-play.screens", "2")
				.containsEntry("proof-of-play.plays", "9")
				.containsEntry("proof-of-play.seconds", "120");
			assertThat(figures(server, 2025)).containsEntry("proof-of-play.screens", "1")
				.containsEntry("proof-of-play.plays", "1")
				.containsEntry("proof-of-play.seconds", "4");
			assertRatings(server, 2, 1);
			Map<String, String> regionBefore = regionFiguresAreEachSchoolsOwn(server);
			byte[] csvBefore = csv(server, 2026);
			String pdfBefore = pdfText(server, 2026);
			assertPdfShows(pdfBefore, csvBefore);

			this.clock.set(PURGED);
			RetentionPurge.Purged purged = server.bean(RetentionPurge.class).purge();
			assertThat(purged.events()).isEqualTo(15);
			assertThat(rawEvents(server)).isZero();

			assertThat(new String(csv(server, 2026), StandardCharsets.UTF_8))
				.isEqualTo(new String(csvBefore, StandardCharsets.UTF_8));
			assertThat(figures(server, 2026)).isEqualTo(before);
			assertThat(figures(server, 2025)).containsEntry("proof-of-play.plays", "1")
				.containsEntry("proof-of-play.seconds", "4");
			assertPdfShows(pdfText(server, 2026), csvBefore);
			assertRatings(server, 2, 1);
			assertThat(figures(server, "regionId=fengze", 2026)).isEqualTo(regionBefore);
		}
	}

	/**
	 * A publicity period is honoured unless the posting was withdrawn before it ended:
	 * taking a notice down after its period is not cutting the period short.
	 */
	@Test
	void aPostingWithdrawnAfterItsPublicityEndedStillHonouredIt(@TempDir Path dir) throws Exception {
		try (RunningServer server = RunningServer.embedded(dir).withClock(this.clock).start()) {
			FaultFixture.seedScreen(server, "ar-w"); // and its school, shiyan
			Instant end = PUBLISHED.plus(Duration.ofDays(10));
			List<String> postings = new ArrayList<>();
			for (String title : List.of("一直公示", "提前撤下", "期满撤下")) {
				postings.add(server.createApprovedPosting(Map.of("schoolId", "shiyan", "title", title, "body", "公示内容。",
						"publicityStart", PUBLISHED.minusSeconds(3600).toString(), "publicityEnd", end.toString())));
			}
			this.clock.set(end.minus(Duration.ofDays(5)));
			assertThat(server.post("/api/v1/postings/" + postings.get(1) + "/withdraw", Map.of()).status())
				.isEqualTo(200);
			this.clock.set(end.plus(Duration.ofDays(5)));
			assertThat(server.post("/api/v1/postings/" + postings.get(2) + "/withdraw", Map.of()).status())
				.isEqualTo(200);

			this.clock.set(REPORTED);
			assertThat(figures(server, 2026)).containsEntry("publicity.ended", "3")
				.containsEntry("publicity.honoured", "2")
				.containsEntry("publicity.honoured-percent", "66.7%");
		}
	}

	/** School s2 of the same region, in Tokyo (UTC+9), with one screen. */
	private static String seedTokyoSchool(RunningServer server) {
		assertThat(server
			.post("/api/v1/schools", Map.of("id", "s2", "regionId", "fengze", "name", "二小", "timeZone", "Asia/Tokyo"))
			.status()).isEqualTo(201);
		RunningServer.Response device = server.post("/api/v1/devices",
				Map.of("id", "ar-3", "schoolId", "s2", "name", "大厅显示屏"));
		assertThat(device.status()).isEqualTo(201);
		return device.json().get("secret").asString();
	}

	/** An open item in shiyan; one in s2 answered on time. */
	private static void feedbackInBothSchools(RunningServer server) {
		assertThat(server
			.post("/api/v1/feedback", Map.of("schoolId", "shiyan", "kind", "CONSULTATION", "channel", "PHONE", "text",
					"开放日几点开始", "receivedAt", "2026-11-02T02:00:00Z"))
			.status()).isEqualTo(201);
		RunningServer.Response answered = server.post("/api/v1/feedback", Map.of("schoolId", "s2", "kind",
				"CONSULTATION", "channel", "PHONE", "text", "开放日几点开始", "receivedAt", "2026-12-30T02:00:00Z"));
		assertThat(answered.status()).isEqualTo(201);
		assertThat(server
			.post("/api/v1/feedback/" + answered.json().get("id").asString() + "/reply",
					Map.of("reply", "上午九点。", "publishOnKiosk", false))
			.status()).isEqualTo(200);
	}

	/**
	 * The region's figures add up each school's own, each counted in its own time zone:
	 * one grouped query per zone must not hand one school's rows to another.
	 */
	private static Map<String, String> regionFiguresAreEachSchoolsOwn(RunningServer server) {
		Map<String, String> shiyan = figures(server, 2026);
		assertThat(shiyan).containsEntry("feedback.received", "1")
			.containsEntry("feedback.answered", "0")
			.containsEntry("feedback.answered-on-time", "0");
		assertThat(figures(server, "schoolId=s2", 2026)).containsEntry("proof-of-play.screens", "1")
			.containsEntry("proof-of-play.plays", "2")
			.containsEntry("proof-of-play.seconds", "9")
			.containsEntry("feedback.received", "1")
			.containsEntry("feedback.answered", "1")
			.containsEntry("feedback.answered-on-time", "1");
		Map<String, String> region = figures(server, "regionId=fengze", 2026);
		assertThat(region).containsEntry("proof-of-play.screens", "3")
			.containsEntry("proof-of-play.plays", "11")
			.containsEntry("proof-of-play.seconds", "129")
			.containsEntry("feedback.received", "2")
			.containsEntry("feedback.answered", "1")
			.containsEntry("feedback.answered-on-time", "1");
		JsonNode evaluation = server.get("/api/v1/evaluations?regionId=fengze&year=2026").json();
		Map<String, String> bySchool = new LinkedHashMap<>();
		evaluation.get("bySchool")
			.forEach((f) -> bySchool.put(f.get("id").asString(),
					f.get("helpful").asLong() + "/" + f.get("ratings").asLong()));
		assertThat(bySchool).containsExactlyInAnyOrderEntriesOf(Map.of("shiyan", "1/2", "s2", "0/1"));
		Map<String, String> byPosting = new LinkedHashMap<>();
		evaluation.get("byPosting")
			.forEach((f) -> byPosting.put(f.get("schoolId").asString(),
					f.get("helpful").asLong() + "/" + f.get("ratings").asLong()));
		assertThat(byPosting).containsExactlyInAnyOrderEntriesOf(Map.of("shiyan", "1/2", "s2", "0/1"));
		return region;
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
			.sql("select count(*) from device_event where device_id in ('ar-1', 'ar-2', 'ar-3')")
			.query(Long.class)
			.single();
	}

	private static byte[] csv(RunningServer server, int year) {
		return csv(server, "schoolId=shiyan", year);
	}

	private static byte[] csv(RunningServer server, String scope, int year) {
		RunningServer.BinaryResponse csv = server
			.getBytes("/api/v1/annual-reports?" + scope + "&year=" + year + "&format=csv");
		assertThat(csv.status()).isEqualTo(200);
		return csv.body();
	}

	/** section.item to value, from the CSV. */
	private static Map<String, String> figures(RunningServer server, int year) {
		return figures(server, "schoolId=shiyan", year);
	}

	private static Map<String, String> figures(RunningServer server, String scope, int year) {
		Map<String, String> values = new LinkedHashMap<>();
		String text = new String(csv(server, scope, year), StandardCharsets.UTF_8).replace("\uFEFF", "");
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
