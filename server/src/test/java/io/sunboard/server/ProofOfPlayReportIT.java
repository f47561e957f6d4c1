package io.sunboard.server;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import io.sunboard.protocol.DeviceEvent;
import io.sunboard.protocol.EventBatch;
import io.sunboard.protocol.Heartbeat;
import io.sunboard.protocol.JsonCodec;
import io.sunboard.protocol.Topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Feeds a known event stream through the embedded broker (duplicates, a batch older than
 * the one before it, events from before a server restart on the same data directory,
 * refused events) and checks every figure of the proof-of-play report exactly, in JSON,
 * CSV, PDF and on the console page, with the gaps of the three screens that did not show
 * the posting: one never heard from (offline), one online with an old manifest (stale),
 * one online with the manifest applied (unknown).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(240)
class ProofOfPlayReportIT {

	private static final String TITLE = "关于秋季学期收费的公示";

	private final JsonCodec codec = new JsonCodec();

	private final Topics topics = Topics.defaults();

	private final Map<String, String> secrets = new java.util.HashMap<>();

	private RunningServer server;

	private String posting;

	private Instant base;

	private Instant scheduleEnd;

	private String range;

	@BeforeAll
	void feed(@TempDir Path dir) throws Exception {
		this.server = RunningServer.embedded(dir).start();
		this.server.post("/api/v1/regions", Map.of("id", "r1", "name", "区教育局"));
		this.server.post("/api/v1/schools", Map.of("id", "s1", "regionId", "r1", "name", "实验小学"));
		for (String d : List.of("screen-a", "screen-b", "screen-c", "screen-d")) {
			RunningServer.Response created = this.server.post("/api/v1/devices",
					Map.of("id", d, "schoolId", "s1", "name", "屏" + d.substring(7).toUpperCase()));
			assertThat(created.status()).as(created.body()).isEqualTo(201);
			this.secrets.put(d, created.json().get("secret").asString());
		}
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		this.posting = this.server.createApprovedPosting(Map.of("schoolId", "s1", "title", TITLE, "body", "收费标准",
				"publicityStart", now.minus(2, ChronoUnit.HOURS).toString(), "publicityEnd",
				now.plus(1, ChronoUnit.DAYS).toString()));
		this.scheduleEnd = now.plus(1, ChronoUnit.HOURS);
		RunningServer.Response scheduled = this.server.post("/api/v1/postings/" + this.posting + "/schedule",
				Map.of("startsAt", now.minus(1, ChronoUnit.HOURS).toString(), "endsAt", this.scheduleEnd.toString(),
						"durationSeconds", 10));
		assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(201);
		// every screen of the school got a manifest carrying the posting
		await().atMost(Duration.ofSeconds(30)).until(() -> windows() == 4);

		this.base = now.minus(30, ChronoUnit.MINUTES);
		Instant from = now.minus(3, ChronoUnit.HOURS);
		Instant to = now.plus(2, ChronoUnit.HOURS);
		this.range = "&from=" + enc(from.toString()) + "&to=" + enc(to.toString());

		DeviceEvent e1 = DeviceEvent.played("a-1", this.base, this.posting, 10_000);
		DeviceEvent e2 = DeviceEvent.played("a-2", this.base.plusSeconds(20), this.posting, 10_000);
		DeviceEvent e3 = DeviceEvent.playedSummary("a-3", this.base.plusSeconds(40), this.base.plusSeconds(100),
				this.posting, 4, 40_000);
		DeviceEvent e4 = DeviceEvent.played("a-4", this.base.minusSeconds(600), this.posting, 10_000);
		send("screen-a", e1, e2, e3);
		// out of order: an earlier showing after later ones, and e1 again
		send("screen-a", e4, e1);
		// screen C is online with a manifest older than the posting's: stale
		heartbeat("screen-c", 0);
		// screen D is online and applied the manifest (an applied event): reason unknown
		long dVersion = this.server.bean(JdbcClient.class)
			.sql("select version from device_manifest where device_id = 'screen-d'")
			.query(Long.class)
			.single();
		heartbeat("screen-d", 0);
		send("screen-d", DeviceEvent.applied("d-1", now, dVersion));
		await().atMost(Duration.ofSeconds(30)).until(() -> storedEvents() == 5);

		this.server.stop();
		this.server.start();

		DeviceEvent e5 = DeviceEvent.played("a-5", this.base.plusSeconds(200), this.posting, 9_500);
		DeviceEvent future = DeviceEvent.played("a-6", Instant.now().plus(1, ChronoUnit.HOURS), this.posting, 1_000);
		DeviceEvent unknown = DeviceEvent.played("a-7", this.base, "no-such-posting", 1_000);
		// sent again until stored, as the kiosk's journal does: a publish that lands
		// before the restarted server has subscribed again reaches no one
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(3)).until(() -> {
			send("screen-a", e2, e5, future, unknown);
			return storedEvents() == 6;
		});
	}

	@AfterAll
	void stop() {
		this.server.close();
	}

	@Test
	void reportPerPostingCountsEveryShowingOnceWithExactDurationsFirstLastAndGaps() {
		JsonNode report = report("postingId=" + this.posting);
		assertFigures(report);
		assertThat(report.get("rows")).hasSize(1);
		JsonNode row = report.get("rows").get(0);
		assertThat(row.get("deviceId").asString()).isEqualTo("screen-a");
		assertThat(row.get("title").asString()).isEqualTo(TITLE);
		assertThat(row.get("plays").asLong()).isEqualTo(8);
		assertThat(row.get("durationMs").asLong()).isEqualTo(79_500);
		assertThat(Instant.parse(row.get("firstShown").asString())).isEqualTo(this.base.minusSeconds(600));
		assertThat(Instant.parse(row.get("lastShown").asString())).isEqualTo(this.base.plusSeconds(200));
		List<String> gaps = new ArrayList<>();
		report.get("gaps")
			.forEach((g) -> gaps.add(g.get("deviceId").asString() + ":" + g.get("reason").asString() + ":"
					+ Instant.parse(g.get("scheduledUntil").asString())));
		assertThat(gaps).containsExactly("screen-b:OFFLINE:" + this.scheduleEnd, "screen-c:STALE:" + this.scheduleEnd,
				"screen-d:UNKNOWN:" + this.scheduleEnd);
	}

	@Test
	void reportsPerSchoolAndPerScreenShowTheSameFigures() {
		assertFigures(report("schoolId=s1"));
		JsonNode screen = report("deviceId=screen-a");
		assertThat(screen.get("totals").get("plays").asLong()).isEqualTo(8);
		assertThat(screen.get("gaps")).isEmpty();
		JsonNode offline = report("deviceId=screen-b");
		assertThat(offline.get("rows")).isEmpty();
		assertThat(offline.get("gaps").get(0).get("reason").asString()).isEqualTo("OFFLINE");
	}

	@Test
	void aRangeBeforeTheShowingsIsEmpty() {
		Instant longAgo = this.base.minus(10, ChronoUnit.DAYS);
		JsonNode report = this.server
			.get("/api/v1/reports/proof-of-play?postingId=" + this.posting + "&from=" + enc(longAgo.toString()) + "&to="
					+ enc(longAgo.plus(2, ChronoUnit.DAYS).toString()))
			.json();
		assertThat(report.get("totals").get("plays").asLong()).isZero();
		assertThat(report.get("rows")).isEmpty();
		assertThat(report.get("gaps")).isEmpty();
	}

	@Test
	void refusedEventsAreCountedByReasonAndNeverReachTheReport() {
		JsonNode futures = this.server
			.get("/actuator/metrics/sunboard.ingest.rejected?tag=reason:future_timestamp&tag=channel:ev")
			.json();
		assertThat(futures.get("measurements").get(0).get("value").asDouble()).isEqualTo(1.0);
		JsonNode unknown = this.server
			.get("/actuator/metrics/sunboard.ingest.rejected?tag=reason:unknown_posting&tag=channel:ev")
			.json();
		assertThat(unknown.get("measurements").get(0).get("value").asDouble()).isEqualTo(1.0);
		assertThat(this.server.bean(JdbcClient.class)
			.sql("select count(*) from device_event where event_id in ('a-6', 'a-7')")
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void ingestMetricsAppearUnderActuatorForTheAdministratorOnly() {
		// since the restart: e5 new, e2 a duplicate
		JsonNode lag = this.server.get("/actuator/metrics/sunboard.ingest.lag").json();
		assertThat(measurement(lag, "COUNT")).isEqualTo(1.0);
		JsonNode stored = this.server.get("/actuator/metrics/sunboard.ingest.events?tag=result:stored").json();
		assertThat(measurement(stored, "COUNT")).isEqualTo(1.0);
		JsonNode duplicates = this.server.get("/actuator/metrics/sunboard.ingest.events?tag=result:duplicate").json();
		assertThat(measurement(duplicates, "COUNT")).isEqualTo(1.0);
		assertThat(this.server.get("/actuator/metrics/sunboard.screens.online").status()).isEqualTo(200);
		assertThat(this.server.send("GET", "/actuator/metrics", null, null, null).status()).isIn(302, 401);
	}

	@Test
	void csvHasAByteOrderMarkAndTheSameFigures() {
		RunningServer.BinaryResponse csv = this.server
			.getBytes("/api/v1/reports/proof-of-play.csv?postingId=" + this.posting + this.range);
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.contentType()).startsWith("text/csv");
		assertThat(csv.body()).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
		String[] lines = new String(csv.body(), 3, csv.body().length - 3, StandardCharsets.UTF_8).split("\r\n");
		assertThat(lines).hasSize(5);
		String[] shown = lines[1].split(",");
		assertThat(shown[1]).isEqualTo(this.posting);
		assertThat(shown[2]).isEqualTo(TITLE);
		assertThat(shown[3]).isEqualTo("screen-a");
		assertThat(shown[6]).isEqualTo("8");
		assertThat(shown[7]).isEqualTo("79.500");
		assertThat(lines[2]).contains("screen-b").contains("排期内离线");
		assertThat(lines[3]).contains("screen-c").contains("未应用含此信息的清单");
		assertThat(lines[4]).contains("screen-d").contains("原因不明");
		RunningServer.BinaryResponse viaFormat = this.server
			.getBytes("/api/v1/reports/proof-of-play?format=csv&postingId=" + this.posting + this.range);
		assertThat(viaFormat.body()).isEqualTo(csv.body());
	}

	@Test
	void pdfShowsTheSameFiguresInChinese() throws IOException {
		RunningServer.BinaryResponse pdf = this.server
			.getBytes("/api/v1/reports/proof-of-play.pdf?postingId=" + this.posting + this.range);
		assertThat(pdf.status()).as(new String(pdf.body(), StandardCharsets.UTF_8)).isEqualTo(200);
		assertThat(pdf.contentType()).isEqualTo("application/pdf");
		try (PDDocument document = Loader.loadPDF(pdf.body())) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains(TITLE).contains("79.500").contains("screen-a").contains("排期内离线");
		}
	}

	@Test
	void consolePageShowsFiguresChartsAndGaps() {
		RunningServer.Response page = this.server.get("/console/reports?postingId=" + this.posting + this.range);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"total-plays\">8<")
			.contains("id=\"total-duration\">79.500<")
			.contains("<svg")
			.contains("class=\"bar\"")
			.contains("data-reason=\"OFFLINE\"")
			.contains("data-reason=\"STALE\"")
			.contains("data-reason=\"UNKNOWN\"")
			.doesNotContain("style=");
		RunningServer.Response bad = this.server.get("/console/reports?postingId=" + this.posting + "&from=tomorrow");
		assertThat(bad.status()).isEqualTo(200);
		assertThat(bad.body()).contains("report-error").contains("2026-11-01");
	}

	@Test
	void aQueryWithoutOneSubjectOrWithABadRangeSaysWhatToFix() {
		RunningServer.Response none = this.server.get("/api/v1/reports/proof-of-play?from=2026-11-01&to=2026-11-02");
		assertThat(none.status()).isEqualTo(400);
		assertThat(none.body()).contains("exactly one of postingId");
		RunningServer.Response backwards = this.server
			.get("/api/v1/reports/proof-of-play?schoolId=s1&from=2026-11-05&to=2026-11-01");
		assertThat(backwards.status()).isEqualTo(400);
		assertThat(backwards.body()).contains("'to' must be after 'from'");
		assertThat(this.server.get("/api/v1/reports/proof-of-play?schoolId=nowhere" + this.range).status())
			.isEqualTo(404);
	}

	private void assertFigures(JsonNode report) {
		JsonNode totals = report.get("totals");
		assertThat(totals.get("screens").asInt()).isEqualTo(1);
		assertThat(totals.get("postings").asInt()).isEqualTo(1);
		assertThat(totals.get("plays").asLong()).isEqualTo(8);
		assertThat(totals.get("durationMs").asLong()).isEqualTo(79_500);
		assertThat(Instant.parse(totals.get("firstShown").asString())).isEqualTo(this.base.minusSeconds(600));
		assertThat(Instant.parse(totals.get("lastShown").asString())).isEqualTo(this.base.plusSeconds(200));
		assertThat(report.get("gaps")).hasSize(3);
	}

	private JsonNode report(String subject) {
		RunningServer.Response response = this.server.get("/api/v1/reports/proof-of-play?" + subject + this.range);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private static double measurement(JsonNode metric, String statistic) {
		for (JsonNode m : metric.get("measurements")) {
			if (m.get("statistic").asString().equals(statistic)) {
				return m.get("value").asDouble();
			}
		}
		throw new AssertionError("no " + statistic + " in " + metric);
	}

	private int windows() {
		return this.server.bean(JdbcClient.class)
			.sql("select count(distinct device_id) from scheduled_window where posting_id = ?")
			.param(this.posting)
			.query(Integer.class)
			.single();
	}

	private int storedEvents() {
		return this.server.bean(JdbcClient.class)
			.sql("select count(*) from device_event")
			.query(Integer.class)
			.single();
	}

	private void send(String device, DeviceEvent... events) throws MqttException {
		publish(device, this.topics.events(device), this.codec.encode(new EventBatch(device, List.of(events))));
	}

	private void heartbeat(String device, long appliedVersion) throws MqttException {
		Heartbeat hb = new Heartbeat(device, Instant.now(), 60, appliedVersion, null, 0, 0, 0, 1_000_000, "test", 0L);
		publish(device, this.topics.heartbeat(device), this.codec.encode(hb));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.server.bean(JdbcClient.class)
				.sql("select count(*) from device_presence where device_id = ?")
				.param(device)
				.query(Integer.class)
				.single() == 1);
	}

	private void publish(String device, String topic, byte[] payload) throws MqttException {
		MqttClient client = new MqttClient("tcp://127.0.0.1:" + this.server.property("sunboard.broker.embedded.port"),
				device, new MemoryPersistence());
		MqttConnectionOptions options = new MqttConnectionOptions();
		options.setUserName(device);
		options.setPassword(this.secrets.get(device).getBytes(StandardCharsets.UTF_8));
		options.setConnectionTimeout(10);
		client.connect(options);
		MqttMessage message = new MqttMessage(payload);
		message.setQos(1);
		client.publish(topic, message);
		client.disconnect();
		client.close();
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
