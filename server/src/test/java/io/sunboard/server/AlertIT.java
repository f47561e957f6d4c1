package io.sunboard.server;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import io.sunboard.kiosk.KioskClient;
import io.sunboard.kiosk.KioskConfig;
import io.sunboard.protocol.Topics;
import io.sunboard.testsupport.MosquittoBroker;
import io.sunboard.testsupport.MosquittoExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An emergency alert for a region takes every screen of its schools through one retained
 * publish, and one empty retained publish returns them to their loop. Real Mosquitto,
 * real server, three real kiosk clients; a test subscriber counts the publishes.
 */
@ExtendWith(MosquittoExtension.class)
@Timeout(240)
class AlertIT {

	private static final String SERVER_USER = "sunboard-server";

	private static final String SERVER_PASSWORD = "server-secret-for-tests";

	private static final String OBSERVER = "alert-observer";

	private static final String OBSERVER_PASSWORD = "observer-secret-for-tests";

	private static final String ALERT = "因暴雨红色预警，今日全区停课，请家长注意安全。";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration WAIT = Duration.ofSeconds(60);

	private final MosquittoBroker broker;

	private final HttpClient http = HttpClient.newHttpClient();

	AlertIT(MosquittoBroker broker) {
		this.broker = broker;
	}

	@Test
	void regionAlertReachesEveryScreenThroughOnePublishAndIsClearedThroughOne(@TempDir Path dir) throws Exception {
		this.broker.addServerAccount(Topics.DEFAULT_ROOT, SERVER_USER, SERVER_PASSWORD);
		this.broker.addServerAccount(Topics.DEFAULT_ROOT, OBSERVER, OBSERVER_PASSWORD);
		Topics topics = Topics.defaults();
		List<KioskClient> kiosks = new ArrayList<>();
		try (RunningServer server = RunningServer
			.external(dir.resolve("server"), this.broker, SERVER_USER, SERVER_PASSWORD)
			.start();
				PublishCounter alerts = PublishCounter.subscribe(this.broker.url(), OBSERVER, OBSERVER_PASSWORD,
						Topics.DEFAULT_ROOT + "/+/+/alert")) {
			assertThat(server.post("/api/v1/regions", Map.of("id", "fengze", "name", "丰泽区教育局")).status())
				.isEqualTo(201);
			Map<String, String> screens = Map.of("alert-a1", "shiyan", "alert-a2", "shiyan", "alert-b1", "no1");
			for (String school : List.of("shiyan", "no1")) {
				server.post("/api/v1/schools", Map.of("id", school, "regionId", "fengze", "name", "学校" + school));
				schedulePosting(server, school);
			}
			for (Map.Entry<String, String> screen : screens.entrySet()) {
				RunningServer.Response device = server.post("/api/v1/devices",
						Map.of("id", screen.getKey(), "schoolId", screen.getValue(), "name", "显示屏"));
				assertThat(device.status()).as(device.body()).isEqualTo(201);
				kiosks.add(KioskClient.start(kioskConfig(server, screen.getKey(),
						device.json().get("secret").asString(), dir.resolve(screen.getKey()))));
			}
			for (KioskClient kiosk : kiosks) {
				await().atMost(WAIT).until(() -> html(kiosk).contains("日常公示"));
			}
			alerts.reset();

			RunningServer.Response raised = server.post("/api/v1/alerts",
					Map.of("scope", "region", "id", "fengze", "text", ALERT));
			assertThat(raised.status()).as(raised.body()).isEqualTo(201);
			for (KioskClient kiosk : kiosks) {
				await().atMost(WAIT).until(() -> html(kiosk).contains(ALERT));
			}
			assertThat(alerts.count(topics.regionAlert("fengze"))).isEqualTo(1);
			assertThat(alerts.total()).as("one publish for the whole region").isEqualTo(1);

			assertThat(server.delete("/api/v1/alerts/region/fengze").status()).isEqualTo(204);
			for (KioskClient kiosk : kiosks) {
				await().atMost(WAIT).until(() -> !html(kiosk).contains(ALERT) && html(kiosk).contains("日常公示"));
			}
			assertThat(alerts.count(topics.regionAlert("fengze"))).isEqualTo(2);
			assertThat(alerts.total()).as("one publish to clear").isEqualTo(2);
			assertThat(alerts.last(topics.regionAlert("fengze"))).as("an empty retained payload clears").isEmpty();
			assertThat(server.get("/api/v1/audit?action=alert.").json())
				.extracting((e) -> e.get("action").asString() + " " + e.get("actor").asString() + " "
						+ e.get("detail").asString())
				.as("who raised and cleared it, newest first")
				.containsExactly("alert.cleared admin region fengze", "alert.raised admin region fengze: " + ALERT);

			assertThat(server.post("/api/v1/alerts", Map.of("scope", "district", "id", "fengze", "text", "x")).body())
				.contains("scope must be school or region");
			assertThat(server.post("/api/v1/alerts", Map.of("scope", "school", "id", "nowhere", "text", "x")).status())
				.isEqualTo(404);
			assertThat(server.delete("/api/v1/alerts/region/fengze").status()).as("nothing left to clear")
				.isEqualTo(404);
		}
		finally {
			kiosks.forEach(KioskClient::close);
		}
	}

	private static void schedulePosting(RunningServer server, String school) {
		Instant now = Instant.now();
		String posting = server
			.createApprovedPosting(Map.of("schoolId", school, "title", "日常公示 " + school, "body", "正文", "publicityStart",
					now.minusSeconds(60).toString(), "publicityEnd", now.plus(Duration.ofDays(5)).toString()));
		RunningServer.Response entry = server.post("/api/v1/postings/" + posting + "/schedule",
				Map.of("startsAt", now.minusSeconds(60).toString(), "endsAt", now.plus(Duration.ofDays(5)).toString(),
						"durationSeconds", 30));
		assertThat(entry.status()).as(entry.body()).isEqualTo(201);
	}

	private String html(KioskClient kiosk) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(kiosk.playerUrl().resolve("/now")).build(),
				HttpResponse.BodyHandlers.ofString());
		return JSON.readTree(response.body()).get("html").asString();
	}

	private KioskConfig kioskConfig(RunningServer server, String deviceId, String secret, Path dataDir) {
		return FaultFixture.kioskConfig(deviceId, secret, this.broker.url(), server.url(), dataDir);
	}

}
